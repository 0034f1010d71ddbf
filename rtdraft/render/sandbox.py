"""Running templates (Markdown, HTML), the user's included, in Jinja2's sandbox.

A template arranges text; it cannot reach Python. Folders are searched in order
(the user's --template-dir before the defaults), and every failure becomes a
TemplateError (exit 4) naming the template and line, never a traceback. Work is
bounded: rendering stops after TIME_LIMIT seconds, at MAX_OUTPUT characters, and
`*` cannot build a string or list longer than MAX_REPEAT (docs/refusals.md).

A user's templates (any folder besides rtdraft's own) run in a child process, forked for
the one rendering: there the alarm that stops a loop which neither calls nor writes works
whatever thread asked (preview renders in its watcher thread), and an address-space limit
of MAX_MEMORY bounds what `%`, `format` or a string method can allocate in C, which no
clock or operator check sees. The child is killed if it outlives the limit by GRACE.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
import time
import traceback
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import TemplateError

TIME_LIMIT = 10.0              # seconds for one page; the house templates take milliseconds
MAX_OUTPUT = 64 * 1024 * 1024  # characters of output
MAX_REPEAT = 1_000_000         # length of a string or list that `*` may build
MAX_POWER = 1_000              # largest exponent `**` may take
MAX_TEMPLATE_BYTES = 1024 * 1024   # one template file; the house templates are a few KB
MAX_MEMORY = 512 * 1024 * 1024     # bytes a user's template may add to the process
GRACE = 5.0                    # seconds past TIME_LIMIT before the child is killed

_clock = threading.local()     # this thread's deadline (a preview renders in its own threads)


class _Timeout(Exception):
    """The template ran past its time."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """Checks the clock at every call and attribute (a loop that makes none shows in its
    output), and bounds `*` and `**`, which run in C where no clock is looked at."""

    intercepted_binops = frozenset(["*", "**"])

    def call(self, context, obj, /, *args, **kwargs):
        _check_time()
        return super().call(context, obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        _check_time()
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and \
                        len(seq) * count > MAX_REPEAT:
                    raise SecurityError(f"'*' would make a value of {len(seq) * count:,} "
                                        f"items; at most {MAX_REPEAT:,}")
        if operator == "**" and isinstance(right, (int, float)) and right > MAX_POWER:
            raise SecurityError(f"'**' with an exponent over {MAX_POWER}")
        return super().call_binop(context, operator, left, right)


class _Loader(jinja2.FileSystemLoader):
    """Reads a template file only when it is a regular file of at most MAX_TEMPLATE_BYTES
    (not a FIFO, a device or a runaway file)."""

    def get_source(self, environment, template):
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = os.path.join(folder, *pieces)
            try:
                status = os.stat(path)
            except OSError:
                continue
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_TEMPLATE_BYTES:
                raise TemplateError(f"{path}: a template must be a file of at most "
                                    f"{MAX_TEMPLATE_BYTES:,} bytes")
            break
        return super().get_source(environment, template)


def environment(folders: Iterable[Path], **options) -> jinja2.Environment:
    """A sandboxed environment loading from folders (the first that has a name wins)."""
    from ..resources import default_dir
    folders = [Path(folder) for folder in folders]
    loader = _Loader([str(folder) for folder in folders])
    env = _Sandbox(loader=loader, undefined=jinja2.StrictUndefined, **options)
    env.users = any(folder.resolve() != default_dir().resolve() for folder in folders)
    return env


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    """Render template `name`; any failure becomes a TemplateError. A user's templates
    are rendered in a child process (see the module's note)."""
    if getattr(env, "users", True) and hasattr(os, "fork"):
        return _in_child(lambda: _render(env, name, context), name)
    return _render(env, name, context)


def _in_child(work, name: str) -> str:
    """work() in a forked child with its memory bounded; its text or TemplateError."""
    import select
    import warnings

    reading, writing = os.pipe()
    try:
        with warnings.catch_warnings():   # 3.12 warns of fork with threads; the child runs
            warnings.simplefilter("ignore", DeprecationWarning)   # only Jinja2's code
            pid = os.fork()
    except OSError as exc:   # no process left to the user, or no memory for one
        os.close(reading)
        os.close(writing)
        raise TemplateError(f"{name}: cannot start a process to render the template: "
                            f"{exc.strerror or exc}") from None
    if pid == 0:   # the child: never returns
        os.close(reading)
        _child(work, writing)
    os.close(writing)
    chunks, deadline = [], time.monotonic() + TIME_LIMIT + GRACE
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([reading], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                raise TemplateError(f"{name}: template error: rendering took longer than "
                                    f"{TIME_LIMIT:g} seconds (a loop that never ends, or "
                                    "recursion?)")
            chunk = os.read(reading, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(reading)
        _, status = os.waitpid(pid, 0)
    data = b"".join(chunks)
    if data[:1] == b"O":
        return data[1:].decode("utf-8", "surrogatepass")
    if data[:1] == b"E":
        raise TemplateError(data[1:].decode("utf-8", "replace"))
    if data[:1] == b"M":
        raise TemplateError(f"{data[1:].decode('utf-8', 'replace') or name}: template "
                            f"error: rendering needed more than {MAX_MEMORY // 2**20} MB of "
                            "memory")
    why = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else \
        f"exit status {os.waitstatus_to_exitcode(status)}"
    raise TemplateError(f"{name}: template error: the rendering stopped ({why})")


def _child(work, writing: int) -> None:
    """Run work() under the memory limit and send its outcome: O text, E message, or
    M where."""
    out = b"M"
    try:
        try:
            import resource
            size = _address_space()
            if size:
                resource.setrlimit(resource.RLIMIT_AS, (size + MAX_MEMORY, size + MAX_MEMORY))
            out = b"O" + work().encode("utf-8", "surrogatepass")
        except TemplateError as exc:
            out = b"E" + exc.message.encode("utf-8", "replace")
        except MemoryError:
            out = b"M" + (_where("") or "").encode("utf-8", "replace")
        view = memoryview(out)
        while view:
            view = view[os.write(writing, view):]
    except BaseException:   # noqa: BLE001, S110 - nothing may leave the child but its exit
        pass
    os._exit(0)


def _address_space() -> int:
    """This process's virtual size in bytes (Linux's /proc), or 0 when unknown."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _render(env: jinja2.Environment, name: str, context: dict) -> str:
    try:
        # Compiled before the clock starts: its size is bounded (MAX_TEMPLATE_BYTES), and
        # a compile slowed by a busy machine is not the template's loop; a limit reached
        # during it named the template without its line.
        template = env.get_template(name)
        _clock.deadline, _clock.expired = time.monotonic() + TIME_LIMIT, False
        with _alarm(TIME_LIMIT):
            return _generate(template, context)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: template error: "
                            f"{exc.message}") from None
    except _Timeout:
        raise TemplateError(f"{_where(name)}: template error: rendering took longer than "
                            f"{TIME_LIMIT:g} seconds (a loop that never ends, or "
                            "recursion?)") from None
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{_undecodable(env, exc, name)}: template error: the file is "
                            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); save it "
                            "as UTF-8") from None
    except RecursionError:
        raise TemplateError(f"{_where(name)}: template error: recursion too deep (a macro "
                            "that calls itself without end?)") from None
    except MemoryError:
        raise TemplateError(f"{_where(name)}: template error: rendering needed more than "
                            f"{MAX_MEMORY // 2**20} MB of memory") from None
    except SecurityError as exc:
        raise TemplateError(f"{_where(name)}: template refused: {exc}") from None
    except Exception as exc:   # noqa: BLE001 - a template raises whatever its expressions do
        kind = "" if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: "
        raise TemplateError(f"{_where(name)}: template error: {kind}{exc}") from None
    finally:
        _clock.deadline = None


def _generate(template: jinja2.Template, context: dict) -> str:
    """The output, chunk by chunk; a limit reached between chunks is thrown into the
    template's code, so that its traceback names the template's line."""
    parts, size = [], 0
    chunks = template.generate(context)
    while True:
        try:
            chunk = next(chunks, None)
            if chunk is None:
                return "".join(parts)
            size += len(chunk)
            if size > MAX_OUTPUT:
                chunks.throw(SecurityError(f"output longer than {MAX_OUTPUT:,} characters"))
            _check_time()
            parts.append(chunk)
        except _Timeout as exc:
            if _template_frame(exc.__traceback__):
                raise
            # the clock, or the alarm going off here (even between two chunks)
            chunks.throw(_Timeout())


def _check_time() -> None:
    deadline = getattr(_clock, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        _expire()


def _expire() -> None:
    """Raise _Timeout once: a second one (the alarm, going off while the first is handled)
    would hide where the template was."""
    if not getattr(_clock, "expired", False):
        _clock.expired = True
        raise _Timeout


@contextmanager
def _alarm(seconds: float):
    """SIGALRM as well, in the main thread: it stops a loop that neither calls nor
    writes anything."""
    if threading.current_thread() is not threading.main_thread() or \
            not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        # Raised only inside the template's own code, so that the message names its line;
        # elsewhere (rtdraft's code between two chunks) the clock check there will raise,
        # or the alarm comes again a moment later.
        if frame is not None and _is_template(frame.f_code.co_filename):
            _expire()
        else:
            signal.setitimer(signal.ITIMER_REAL, 0.05)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(name: str) -> str:
    """FILE:LINE of the innermost template frame of the exception being handled (Jinja2
    gives template code its file and line in tracebacks), or the template's name."""
    import sys
    return _template_frame(sys.exc_info()[2]) or name


def _template_frame(tb) -> str | None:
    """FILE:LINE of the innermost template frame in traceback `tb`, if any."""
    for frame in reversed(traceback.extract_tb(tb)):
        if _is_template(frame.filename):
            return f"{frame.filename}:{frame.lineno}"
    return None


def _is_template(filename: str) -> bool:
    """Jinja2 gives a template's code the template's file name; Python's are .py or <...>."""
    return not filename.endswith(".py") and not filename.startswith("<")


def _undecodable(env: jinja2.Environment, exc: UnicodeDecodeError, name: str) -> str:
    """FILE:LINE of the byte that is not UTF-8, found among the loader's files."""
    line = exc.object.count(b"\n", 0, exc.start) + 1
    for folder in getattr(env.loader, "searchpath", []):
        for path in sorted(Path(folder).rglob("*")):
            try:
                if path.is_file() and path.read_bytes() == exc.object:
                    return f"{path}:{line}"
            except OSError:
                continue
    return f"{name}:{line}"
