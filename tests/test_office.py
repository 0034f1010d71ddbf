"""LibreOffice started by rtdraft: jobs run, time limits hold, nothing is left behind."""

import os
import subprocess

import pytest

from rtdraft.errors import ConverterError
from rtdraft.office import Office
from tests.readers import need


@pytest.fixture
def docx(tmp_path):
    subprocess.run(["rtdraft", "render", "examples/spring-2019-halifax.yaml", "--format",
                    "docx", "-o", str(tmp_path / "s.docx")], check=True, capture_output=True)
    return tmp_path / "s.docx"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_job_runs_and_soffice_is_gone_afterwards(docx):
    need("soffice")
    with Office() as office:
        pages = office.run("page_count.py", docx)
        pid, folder = office.process.pid, office.folder
    assert int(pages) > 5
    assert not alive(pid)
    assert not os.path.exists(folder)


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
