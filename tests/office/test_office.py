"""LibreOffice started by rtdraft: jobs run, time limits hold, nothing is left behind."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.readers import need

from rtdraft.errors import ConverterError
from rtdraft.office.process import Office

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system


@pytest.fixture
def docx(tmp_path):
    subprocess.run(["rtdraft", "render", "examples/spring-2019-halifax.yaml", "--format",
                    "docx", "-o", str(tmp_path / "s.docx")], check=True, capture_output=True)
    return tmp_path / "s.docx"


def alive(pid: int) -> bool:
    """A zombie is not alive: an orphan waits for init to reap it, which a container's
    init may never do."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in "ZX"


def test_a_job_runs_and_soffice_is_gone_afterwards(docx):
    need("soffice")
    with Office() as office:
        pages = office.run("page_count.py", docx)
        pid, folder = office.process.pid, office.folder
    assert int(pages) > 5
    assert not alive(pid)
    assert not os.path.exists(folder)


def test_no_pipe_or_temporary_folder_of_libreoffice_is_left_in_tmp(docx):
    """soffice makes its pipes in /tmp and its lu*.tmp folders in TMPDIR."""
    need("soffice")
    with Office() as office:
        office.run("page_count.py", docx)
        pipes = office._pipes()
        assert all(pipe.is_socket() for pipe in pipes)
        assert list(Path(office.folder, "tmp").glob("lu*.tmp"))
    assert not any(pipe.exists() for pipe in pipes)


@pytest.mark.parametrize(("signal_number", "name"), [
    (signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP"), (signal.SIGINT, "Ctrl-C")])
def test_a_pdf_render_stopped_by_a_signal_stops_libreoffice(tmp_path, signal_number, name):
    """A CI job cancelled, a terminal closed, Ctrl-C: soffice, in a session of its own, is
    not reached by the signal; rtdraft stops it and removes its folders on the way out, and
    exits as a shell says a signal ended it (128 + its number)."""
    need("soffice")
    # a temporary folder of its own: other runs on the machine make rtdraft-* in /tmp too
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    render = subprocess.Popen(["rtdraft", "render", "examples/spring-2019-halifax.yaml",
                               "--format", "pdf", "-o", str(tmp_path / "out") + "/"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=dict(os.environ, TMPDIR=str(temporary)))
    deadline = time.monotonic() + 60   # until soffice and the job that drives it run
    while not job_running(soffice := children(render.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job_running(soffice), "LibreOffice and its job did not start"
    render.send_signal(signal_number)
    assert render.wait(60) == 128 + signal_number
    assert render.stderr.read().decode().splitlines()[-1] == f"Error: stopped by {name}"
    assert not [pid for pid in soffice if alive(pid)]
    assert list(temporary.iterdir()) == []
    assert not (tmp_path / "out" / "spring-2019-halifax.pdf").exists()


def job_running(pids: list[int]) -> bool:
    return any(b"publish.py" in Path(f"/proc/{pid}/cmdline").read_bytes()
               for pid in pids if alive(pid)) and len(pids) > 1


def children(pid: int) -> list[int]:
    """The LibreOffice processes rtdraft process `pid` started: their command line names
    the pipe rtdraft made for them (office.py)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"rtdraft-{pid}-".encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_a_job_over_its_time_limit_stops_libreoffice(tmp_path):
    need("soffice")
    script = tmp_path / "slow.py"
    script.write_text("import time\ntime.sleep(30)\n")
    with (pytest.raises(ConverterError, match=r"LibreOffice took longer than 1 s \(slow\)"),
          Office() as office):
        pid = office.process.pid
        office.run(script, timeout=1)
    assert not alive(pid)


def test_a_failing_job_says_why(tmp_path):
    need("soffice")
    script = tmp_path / "broken.py"
    script.write_text("raise SystemExit('no such document')\n")
    with (pytest.raises(ConverterError, match=r"LibreOffice failed \(broken\): no such document"),
          Office() as office):
        office.run(script)


def test_missing_libreoffice_names_the_package(monkeypatch):
    monkeypatch.setenv("RTDRAFT_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(ConverterError, match="libreoffice-writer-nogui python3-uno"):
        Office().__enter__()


def test_a_libreoffice_that_dies_at_start_is_said_at_once(monkeypatch):
    """The job would wait a minute for a pipe that never comes."""
    monkeypatch.setenv("RTDRAFT_SOFFICE", "/bin/false")
    with pytest.raises(ConverterError, match=r"^LibreOffice stopped during page_count \(exit "
                                             r"status 1\); try again, or run soffice --headless "
                                             r"to see why$"), Office() as office:
        office.run("page_count.py")


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_a_batch_of_pdfs_not_only_the_one_in_progress(tmp_path, signal_number):
    """Before, the signal stopped the PDF being made and the batch went on: 21 more PDFs
    were written before exit 143."""
    need("soffice")
    outlines = tmp_path / "outlines"
    outlines.mkdir()
    for number in range(6):
        (outlines / f"o{number}.yaml").write_bytes(Path("examples/spring-2019-halifax.yaml")
                                                   .read_bytes())
    render = subprocess.Popen(["rtdraft", "render", str(outlines), "--format", "pdf", "-o",
                               str(tmp_path / "out") + "/"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = render.stdout.readline()   # the first PDF is written: LibreOffice is up
    assert first.startswith("wrote "), first + render.stderr.read()
    render.send_signal(signal_number)
    assert render.wait(60) == 128 + signal_number
    rest = render.stdout.read()
    assert render.stderr.read().splitlines()[-1] == \
        f"Error: stopped by {signal.Signals(signal_number).name}"
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    # the one in progress when the signal came may have been finished; no more
    assert len(written) <= 2 and len(written) == 1 + rest.count("wrote "), (written, rest)
