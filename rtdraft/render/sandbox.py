"""Running templates (Markdown, HTML), the user's included, in Jinja2's sandbox.

A template arranges text; it cannot reach Python. Folders are searched in order
(the user's --template-dir before the defaults), and every failure becomes a
TemplateError (exit 4) naming the template and line, never a traceback. Work is
bounded: rendering stops after TIME_LIMIT seconds, at MAX_OUTPUT characters, and
`*` cannot build a string or list longer than MAX_REPEAT (docs/refusals.md).
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
    loader = _Loader([str(folder) for folder in folders])
    return _Sandbox(loader=loader, undefined=jinja2.StrictUndefined, **options)


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    """Render template `name`; any failure becomes a TemplateError."""
    _clock.deadline, _clock.expired = time.monotonic() + TIME_LIMIT, False
    try:
        with _alarm(TIME_LIMIT):
            return _generate(env.get_template(name), context)
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
        _expire()

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
        if not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
            return f"{frame.filename}:{frame.lineno}"
    return None


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
