"""`rtdraft preview`: the whole command, a real browser, an outline edited, broken and mended."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from support.browser import run_script
from support.outlines import EXAMPLES, ROOT

from rtdraft.commands.preview import Preview, panel_html

FALL = ROOT / "examples" / "fall-2019-winnipeg.yaml"
TITLE = "title: Fall 2019 Law Enforcement Roundtable on Illicit Drugs"


class Running:
    """`rtdraft preview` in its own process, as a user starts it."""

    def __init__(self, *args):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rtdraft", "preview", *map(str, args)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        found = re.search(r"at (http://127\.0\.0\.1:(\d+)/) \(Ctrl-C to stop\)", line)
        assert found, line + self.process.stderr.read()
        self.url, self.port = found.group(1), int(found.group(2))

    def stop(self) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, out, err


@pytest.fixture
def outline(tmp_path):
    path = tmp_path / "fall.yaml"
    shutil.copy(FALL, path)
    return path


def validate_lines(path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "rtdraft", "validate", str(path)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1
    return result.stdout.splitlines()


@pytest.mark.system
def test_edit_break_and_mend_in_a_browser(outline, tmp_path):
    good = outline.read_text()
    edited = good.replace(TITLE, TITLE + " (edited)", 1)
    broken = edited.replace("dates: [2019-10-08, 2019-10-09]", "dates: [2019-10-08, 2019-13-09]")
    (tmp_path / "broken.yaml").write_text(broken)
    expected = [line.replace(str(tmp_path / "broken.yaml"), str(outline))
                for line in validate_lines(tmp_path / "broken.yaml")]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps([
        {"content": edited, "expect": "Illicit Drugs (edited)"},
        {"content": broken, "expect": "error:", "click": True},
        {"content": good, "expect": "Lint findings", "click": True},
    ]))
    preview = Running(outline)
    try:
        session = run_script("preview_session.js", preview.url, outline, plan)
    finally:
        code, out, err = preview.stop()
    assert (code, err) == (0, "") and out.endswith("stopped\n")
    assert session["initial"]["h1"] == "Fall 2019 Law Enforcement Roundtable on Illicit Drugs"
    # the served page has the Federal Identity Program's symbols, named and sized
    # (1280 pixels wide: the signature 2.09375rem high, the wordmark 10.25rem wide)
    assert session["initial"]["symbols"] == ["HEADER: Government of Canada 33.5",
                                             "FOOTER: Symbol of the Government of Canada 38.98"]
    edit, broke, mended = session["steps"]
    assert edit["h1"].endswith("(edited)") and edit["problems"] == [] and edit["reloads"] >= 1
    # Broken: validate's own words above the last good rendering.
    assert broke["problems"] == expected and expected
    assert broke["h1"].endswith("(edited)")
    line = int(expected[0].split(":")[1])
    assert broke["clicked"]["open"] and broke["clicked"]["visible"]
    assert broke["clicked"]["line"] == f"rtdraft-L{line}"
    assert "2019-13-09" in broke["clicked"]["text"]
    assert mended["problems"] == [] and mended["findings"]
    finding = mended["findings"][0]          # clicked: its line of the outline is shown
    line = int(finding.split(":")[1])
    assert mended["clicked"]["line"] == f"rtdraft-L{line}" and mended["clicked"]["visible"]
    assert mended["clicked"]["text"] == f"{line:4d}  {good.splitlines()[line - 1]}"
    assert mended["h1"] == "Fall 2019 Law Enforcement Roundtable on Illicit Drugs"


def test_second_preview_on_the_same_port_is_refused(outline):
    first = Running(outline)
    try:
        second = subprocess.run([sys.executable, "-m", "rtdraft", "preview", str(outline),
                                 "--port", str(first.port)],
                                capture_output=True, text=True, timeout=60, check=False)
    finally:
        first.stop()
    assert second.returncode == 2
    assert second.stderr == (f"Error: port {first.port} on 127.0.0.1 is in use (another "
                             "preview?); choose another with --port, or leave --port out for "
                             "a free one\n")


def test_without_watchfiles_it_says_how_to_get_it_and_serves_nothing(outline):
    """watchfiles is the preview extra: an install without it is told how to add it."""
    code = ("import sys; sys.modules['watchfiles'] = None\n"   # as if not installed
            "from rtdraft.entry import main; sys.argv[0] = 'rtdraft'; main()")
    result = subprocess.run([sys.executable, "-c", code, "preview", str(outline)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("Error: rtdraft preview needs watchfiles: pip install "
                             "'rtdraft[preview]'\n")


def test_served_page_and_events(outline):
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen

    preview = Running(outline)
    try:
        page = urlopen(preview.url, timeout=10).read().decode()
        script = urlopen(preview.url + "__rtdraft/live.js", timeout=10).read().decode()
        with pytest.raises(HTTPError) as missing:
            urlopen(preview.url + "nothing", timeout=10)
        with pytest.raises(HTTPError) as rebound:
            urlopen(Request(preview.url, headers={"Host": f"evil.example:{preview.port}"}),
                    timeout=10)
        events = urlopen(preview.url + "__rtdraft/events", timeout=10)
        first = (events.readline() + events.readline()).decode()
    finally:
        code, _, err = preview.stop()       # with the event stream still open
    assert (code, err) == (0, "")
    assert missing.value.code == 404 and rebound.value.code == 403
    assert '<script src="/__rtdraft/live.js" data-version="1"></script>\n</head>' in page
    assert "script-src &#39;self&#39;; connect-src &#39;self&#39;" in page
    assert "new EventSource('/__rtdraft/events')" in script
    assert first == "retry: 300\ndata: 1\n"


def test_sigterm_stops_it_too(outline):
    preview = Running(outline)
    preview.process.terminate()
    out, err = preview.process.communicate(timeout=30)
    assert (preview.process.returncode, err, out) == (0, "", "stopped\n")


def test_problems_panel_escapes_and_numbers_lines(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("rtdraft: 1\nmeeting: <b>x</b>\n")
    state = Preview(path).refresh()
    assert state.page == b"" and state.problems
    panel = panel_html(state)
    assert '<span id="rtdraft-L2">   2  meeting: &lt;b&gt;x&lt;/b&gt;</span>' in panel
    assert f'data-line="{state.problems[0].line}">{path}:' in panel


def test_a_fifo_in_the_outlines_place_is_a_problem_not_a_wait(outline):
    """Opening a FIFO waits for a writer: the watcher stopped for good, the page went stale."""
    preview = Preview(outline)
    good = preview.refresh().page
    outline.unlink()
    os.mkfifo(outline)
    state = preview.refresh()   # returns: it does not open the FIFO
    assert [p.message for p in state.problems] == [
        ("the outline is not a regular file (a FIFO or a device?); preview shows a file it "
         "can read whenever it is saved")]
    assert state.page == good   # the last good rendering stays below the problem


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_previews_without_problems(example):
    state = Preview(example).refresh()
    assert state.problems == [] and state.page.startswith(b"<!DOCTYPE html>")


def test_saving_a_template_renders_again(outline, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "block.html.j2").write_text("<p>one {{ block.kind }}</p>\n")
    preview = Preview(outline, templates)
    assert saved_while_watching(preview, lambda: (templates / "block.html.j2").write_text(
        "<p>two {{ block.kind }}</p>\n")) >= 1
    assert b"<p>two heading</p>" in preview.state.page and b"<p>one" not in preview.state.page


def test_open_starts_the_users_browser_with_the_url(outline, tmp_path, monkeypatch):
    opened = tmp_path / "opened"
    browser = tmp_path / "browser"
    browser.write_text(f"#!/bin/sh\necho \"$1\" > {opened}\n")
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", f"{browser} %s")
    preview = Running(outline, "--open")
    try:
        for _ in range(100):
            if opened.exists() and opened.read_text():
                break
            time.sleep(0.05)
    finally:
        preview.stop()
    assert opened.read_text() == preview.url + "\n"


@pytest.mark.system
def test_page_with_problems_passes_axe_too(outline, tmp_path):
    preview = Preview(outline)
    preview.refresh()
    outline.write_text(outline.read_text().replace("2019-10-09]", "2019-13-09]"))
    state = preview.refresh()
    assert state.problems and state.page
    (tmp_path / "served.html").write_bytes(state.served)
    [result] = run_script("check_pages.js", tmp_path, tmp_path / "served.html")
    assert result["axe"]["violations"] == []
    assert result["overflow"] == {"320": 0, "640": 0}
    assert result["accessible"]["images"] == ["Government of Canada",
                                              "Symbol of the Government of Canada"]
    assert result["sizes"]["phone"]["signature"]["height"] == 1.21875 * 16


def saved_while_watching(preview: Preview, save) -> int:
    """Run the watcher, save, and return the version the save brought (or the old one)."""
    import threading

    first = preview.refresh()
    watcher = threading.Thread(target=preview.watch, daemon=True)
    watcher.start()
    try:
        time.sleep(0.3)                         # the watcher is set up
        save()
        return preview.wait(first.version, timeout=10) - first.version
    finally:
        preview.stop()
        watcher.join(timeout=10)
        assert not watcher.is_alive()


def test_an_outline_named_through_a_link_is_seen_when_its_file_is_saved(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    shutil.copy(FALL, real / "fall.yaml")
    (tmp_path / "fall.yaml").symlink_to(real / "fall.yaml")
    preview = Preview(tmp_path / "fall.yaml")
    text = (real / "fall.yaml").read_text()

    def save_as_some_editors_do():      # a new file renamed over the name given
        (tmp_path / "new.tmp").write_text(text.replace(TITLE, TITLE + " (linked)"))
        os.replace(tmp_path / "new.tmp", tmp_path / "fall.yaml")

    assert saved_while_watching(preview, save_as_some_editors_do) >= 1
    assert b"Illicit Drugs (linked)</h1>" in preview.state.page


# -- a long-running process (issue 24) ---------------------------------------------------

def watching(preview: Preview):
    """Start the watcher on a preview already refreshed; returns its thread."""
    import threading
    watcher = threading.Thread(target=preview.watch, daemon=True)
    watcher.start()
    return watcher


def stop_watching(preview: Preview, watcher) -> None:
    preview.stop()
    watcher.join(timeout=10)
    assert not watcher.is_alive()


def wait_for(preview: Preview, predicate, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate(preview.state) and time.monotonic() < deadline:
        preview.wait(preview.state.version, timeout=0.5)
    return predicate(preview.state)


def save_by_rename(path, text: str) -> None:
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(text)
    os.replace(temporary, path)


def test_any_exception_in_a_refresh_is_on_the_page_and_the_watcher_lives(outline, monkeypatch):
    """Before, only a template error was caught: any other exception ended the watcher
    thread, and the page stayed stale for good, without a word."""
    import rtdraft.lint

    preview = Preview(outline)
    preview.refresh()
    text = outline.read_text()
    watcher = watching(preview)
    try:
        def broken(*args, **kwargs):
            raise RuntimeError("lint fell over\nhere")
        monkeypatch.setattr(rtdraft.lint, "lint", broken)
        save_by_rename(outline, text.replace(TITLE, TITLE + " (one)"))
        assert wait_for(preview, lambda state: state.problems)
        assert [(p.line, p.message, p.rule) for p in preview.state.problems] == [
            (1, "preview could not render the outline: 'RuntimeError: lint fell over\\nhere'",
             "preview")]
        assert b"preview could not render the outline" in preview.state.served
        monkeypatch.undo()
        save_by_rename(outline, text.replace(TITLE, TITLE + " (two)"))
        assert wait_for(preview, lambda state: b"Illicit Drugs (two)</h1>" in state.page)
        assert watcher.is_alive() and preview.state.problems == []
    finally:
        stop_watching(preview, watcher)


def test_a_save_before_the_watch_is_set_up_is_not_lost(outline):
    """A file saved by rename right after the page first appeared was lost in 3 of 4
    tries: the watch was not yet set up, and it showed only after the next save."""
    preview = Preview(outline)
    preview.refresh()
    save_by_rename(outline, outline.read_text().replace(TITLE, TITLE + " (early)"))
    watcher = watching(preview)
    try:
        assert wait_for(preview, lambda state: b"Illicit Drugs (early)</h1>" in state.page)
    finally:
        stop_watching(preview, watcher)


def test_a_folder_deleted_and_made_again_is_watched_again(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copy(FALL, folder / "fall.yaml")
    text = (folder / "fall.yaml").read_text()
    preview = Preview(folder / "fall.yaml")
    preview.refresh()
    watcher = watching(preview)
    try:
        time.sleep(0.5)
        shutil.rmtree(folder)
        assert wait_for(preview, lambda state: state.problems)   # the file is gone: said
        folder.mkdir()
        (folder / "fall.yaml").write_text(text.replace(TITLE, TITLE + " (again)"))
        assert wait_for(preview, lambda state: b"Illicit Drugs (again)</h1>" in state.page)
        time.sleep(0.5)
        save_by_rename(folder / "fall.yaml", text.replace(TITLE, TITLE + " (and again)"))
        assert wait_for(preview, lambda state: b"Illicit Drugs (and again)</h1>" in state.page)
        assert preview.state.problems == []
    finally:
        stop_watching(preview, watcher)


def test_clients_that_go_away_leave_no_traceback(outline):
    import socket
    import struct

    preview = Running(outline)
    try:
        for path in ["/", "/__rtdraft/events", "/", "/__rtdraft/live.js"] * 5:
            client = socket.create_connection(("127.0.0.1", preview.port), timeout=10)
            client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{preview.port}\r\n\r\n"
                           .encode())
            # closed at once with a reset: the answer meets a closed connection
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()
        half = socket.create_connection(("127.0.0.1", preview.port), timeout=10)
        half.sendall(b"GET / HT")   # and one that leaves in the middle of its request
        half.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        half.close()
        time.sleep(1)
    finally:
        code, out, err = preview.stop()
    assert (code, err, out) == (0, "", "stopped\n")


@pytest.mark.parametrize("host", ["", "0.0.0.0", "192.0.2.7"])
def test_a_host_others_can_reach_needs_allow_remote(outline, host):
    done = subprocess.run([sys.executable, "-m", "rtdraft", "preview", str(outline), "--host",
                           host], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"Error: Invalid value for --host: {host!r} is not this machine's loopback address: "
        "other machines could read the outline; add --allow-remote if that is meant")


def test_with_allow_remote_a_warning_and_the_host_check_still_holds(outline):
    """Any bind but loopback switched the Host check off, so any web page could read the
    preview by DNS rebinding."""
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen

    process = subprocess.Popen([sys.executable, "-m", "rtdraft", "preview", str(outline),
                                "--host", "0.0.0.0", "--allow-remote"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        port = int(re.search(r"at http://0\.0\.0\.0:(\d+)/ ", line).group(1))
        url = f"http://127.0.0.1:{port}/"
        assert b"Illicit Drugs</h1>" in urlopen(url, timeout=10).read()
        with pytest.raises(HTTPError) as rebound:
            urlopen(Request(url, headers={"Host": f"evil.example:{port}"}), timeout=10)
        assert rebound.value.code == 403
        by_address = urlopen(Request(url, headers={"Host": f"192.0.2.7:{port}"}), timeout=10)
        assert by_address.status == 200
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert err == ("warning: serving on 0.0.0.0: anyone who can reach this machine can read "
                   "the outline\n")


def test_preview_runs_with_the_garbage_collector_on(outline, monkeypatch):
    """entry.py turns the collector off for every command; preview's memory grew about
    130 KB a save without end."""
    import gc

    from support.cli import run

    import rtdraft.commands.preview

    seen = []
    monkeypatch.setattr(rtdraft.commands.preview, "run", lambda *args: seen.append(gc.isenabled()))
    gc.disable()
    try:
        assert run("preview", outline).exit_code == 0
    finally:
        gc.enable()
    assert seen == [True]


def test_lost_words_are_reported_when_a_save_changes_them(tmp_path):
    from support.outlines import MINIMAL
    path = tmp_path / "spring.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    told = []
    preview = Preview(path, report=told.append)
    preview.refresh()
    assert told == []
    path.write_text(MINIMAL.replace("- Trends were discussed.", "- Trends #1 and 2."))
    preview.refresh()
    preview.refresh()   # the same findings again: said once
    assert [(p.line, p.column, p.rule) for found in told for p in found] == [
        (14, 16, "comment-in-text")]


def test_a_request_that_fails_otherwise_is_one_line_and_a_disconnect_nothing():
    from rtdraft.commands.preview import Server

    said = []
    server = Server.__new__(Server)   # its handle_error alone, without a socket
    server.complain = said.append
    for failure in (ValueError("bad\nanswer"), BrokenPipeError(), ConnectionResetError()):
        try:
            raise failure
        except Exception:   # noqa: BLE001 - as socketserver calls handle_error
            server.handle_error(None, None)
    assert said == ["rtdraft preview: a request failed: ValueError: bad\\nanswer"]
