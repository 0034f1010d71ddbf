"""LibreOffice, started headless once for one job or many: a private profile in a temporary
folder, a time limit on every job, and no process left behind.

The jobs are Python scripts run by the Python that has LibreOffice's `uno` module (Debian's
python3-uno, for /usr/bin/python3), not by rtdraft's own Python, which may be any venv. A
script gets the pipe name as its first argument and connects with `unoconn.connect`.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

from ..errors import ConverterError, Stopped

SCRIPTS = Path(__file__).resolve().parent / "uno"
INSTALL = "install LibreOffice Writer and its Python bridge (Debian: apt install " \
          "libreoffice-writer-nogui python3-uno)"


def _exit_on(number, frame) -> None:
    raise Stopped(number, signal.Signals(number).name)


STOPPING = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _hold(signals, how=signal.SIG_BLOCK):
    """Block (or set back) signals for this thread; the mask before. Off the main thread,
    where no handler of rtdraft's runs, nothing is held."""
    if threading.current_thread() is not threading.main_thread():
        return set()
    return signal.pthread_sigmask(how, signals)


def _stop_group(process: subprocess.Popen, grace: float = 5) -> None:
    """Stop soffice and every process of its session (soffice.bin outlives the launcher
    that rtdraft started), killing what is left after `grace` seconds."""
    group = process.pid   # started in a session of its own: its group has its number
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            process.poll()   # reaps the launcher, so that its group can end
            if not _running(group):
                return
            time.sleep(0.02)
    process.wait()


def _running(group: int) -> bool:
    """Whether a process of `group` still runs. A zombie does not: soffice.bin, orphaned,
    waits for the system's init to reap it, which in a container may never come."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for stat_file in proc.glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] not in "ZX":
            return True
    return False


def soffice() -> str:
    found = shutil.which(os.environ.get("RTDRAFT_SOFFICE") or "soffice")
    if not found:
        raise ConverterError(f"LibreOffice (soffice) is not installed: {INSTALL}")
    return found


def uno_python() -> str:
    found = os.environ.get("RTDRAFT_UNO_PYTHON") or "/usr/bin/python3"
    if not os.access(found, os.X_OK):
        raise ConverterError(f"no Python with LibreOffice's uno module at {found}: {INSTALL}, "
                             "or set RTDRAFT_UNO_PYTHON")
    return found


class Office:
    """`with Office() as office: office.run(script, args...)` starts soffice on entry and
    stops its whole process group on exit, whatever happened."""

    def __init__(self, timeout: float = 120):
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self.folder: str | None = None
        self.pipe = f"rtdraft-{os.getpid()}-{secrets.token_hex(4)}"

    def __enter__(self) -> Self:
        program, python = soffice(), uno_python()
        self.python = python
        self.folder = tempfile.mkdtemp(prefix="rtdraft-office-")
        profile = Path(self.folder, "profile").as_uri()
        log = open(Path(self.folder, "soffice.log"), "wb")
        self._stop_on_signals()   # before soffice exists, so that none is left unstopped
        try:
            self.process = subprocess.Popen(
                [program, f"-env:UserInstallation={profile}", "--headless", "--invisible",
                 "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                 f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
                env=dict(os.environ, TMPDIR=self._folder("tmp")))   # its lu*.tmp folders
        except OSError as exc:
            self.close()
            raise ConverterError(f"cannot start LibreOffice ({program}): "
                                 f"{exc.strerror or exc}") from None
        finally:
            log.close()
        return self

    def run(self, script: str | Path, *args: str, timeout: float | None = None) -> str:
        """Run a job script against this LibreOffice; its standard output is returned.
        A job that fails or outlives the time limit raises ConverterError."""
        script = Path(script)
        if not script.is_absolute() and not script.exists():
            script = SCRIPTS / script
        env = dict(os.environ, PYTHONPATH=str(SCRIPTS))
        env.pop("PYTHONHOME", None)
        limit = timeout or self.timeout
        deadline = time.monotonic() + limit
        # Ctrl-C and the signals that stop rtdraft wait until the job is started and its
        # kill is in place: one that came while Popen waited for the exec left the job
        # running, an orphan, after rtdraft had gone.
        held = _hold(STOPPING)
        try:
            job = subprocess.Popen([self.python, str(script), self.pipe, *map(str, args)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=env, stdin=subprocess.DEVNULL)
        except BaseException:
            _hold(held, signal.SIG_SETMASK)
            raise
        with job:
            try:
                _hold(held, signal.SIG_SETMASK)   # a signal held till now acts here
                while True:
                    try:
                        out, err = job.communicate(timeout=0.1)
                        break
                    except subprocess.TimeoutExpired:
                        pass
                    # soffice gone (failed to start, or crashed): the job would wait for it
                    ended = self.process.poll() if self.process is not None else None
                    if ended is not None or time.monotonic() > deadline:
                        job.kill()
                        job.communicate()
                        self.close()
                        raise ConverterError(
                            f"LibreOffice took longer than {limit:g} s ({script.stem}); it "
                            "was stopped" if ended is None else
                            f"LibreOffice stopped during {script.stem} (exit status "
                            f"{ended}); try again, or run soffice --headless to see why")
            except BaseException:   # Ctrl-C, a signal: the job goes with rtdraft
                job.kill()
                raise
        if job.returncode != 0:
            last = (err.strip().splitlines() or
                    [f"exit status {job.returncode}, no message"])[-1]
            raise ConverterError(f"LibreOffice failed ({script.stem}): {last}")
        return out

    def __exit__(self, *exc) -> None:
        self.close()

    def _stop_on_signals(self) -> None:
        """SIGTERM and SIGHUP (a CI job cancelled, a terminal closed) end rtdraft through
        its exit path, which stops soffice: it runs in a session of its own, so they do not
        reach it, and it would be left running."""
        self.previous = {}
        if threading.current_thread() is not threading.main_thread():
            return
        for number in (signal.SIGTERM, signal.SIGHUP):
            self.previous[number] = signal.signal(number, _exit_on)

    def close(self) -> None:
        for number, handler in getattr(self, "previous", {}).items():
            signal.signal(number, handler)
        self.previous = {}
        if self.process is not None:
            _stop_group(self.process)
        self.process = None
        self._cleanup()

    def _folder(self, name: str) -> str:
        path = Path(self.folder, name)
        path.mkdir()
        return str(path)

    def _pipes(self) -> list[Path]:
        """The sockets soffice makes in /tmp and leaves there when it is stopped: the pipe
        rtdraft named, and its single-instance pipe, named after the MD5 of the profile's
        URL in UTF-16, each byte in hex without padding (LibreOffice's officeipcthread.cxx)."""
        profile = Path(self.folder, "profile").as_uri().encode("utf-16-le")
        digest = "".join(format(byte, "x") for byte in hashlib.md5(profile).digest())
        return [Path("/tmp", f"OSL_PIPE_{os.getuid()}_{name}")
                for name in (self.pipe, f"SingleOfficeIPC_{digest}")]

    def _cleanup(self) -> None:
        if self.folder:
            for pipe in self._pipes():
                pipe.unlink(missing_ok=True)
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
