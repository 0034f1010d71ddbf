"""`rtdraft preview`: the web edition served on this machine, re-rendered on every save.

One process: a small HTTP server (the standard library's, one thread per request),
a watchfiles thread that re-renders in-process when the outline or a template is
saved, and server-sent events that tell the open page to reload itself. When the
outline does not validate, the page shows the problems, as `rtdraft validate`
words them, above the last good rendering; lint findings are listed too, and each
links to its line in the outline's text, shown on the page.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from markupsafe import Markup, escape

from .. import errors
from ..problems import FORMATS, Problem, one_line
from ..resources import default_dir

PREFIX = "/__rtdraft/"
# The rendered page's policy, widened just enough for the reload script and its events.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "script-src 'self'; connect-src 'self'")
KEEPALIVE = 15.0        # seconds between comments on an idle event stream
WAKE = 1.0              # seconds between the watcher's looks when nothing was saved


@dataclass
class State:
    """What the page shows: the last good rendering, and the problems of the last save."""

    version: int = 0
    page: bytes = b""
    problems: list[Problem] = field(default_factory=list)     # errors: nothing rendered
    findings: list[Problem] = field(default_factory=list)     # lint warnings of the page
    text: str = ""                                            # the outline as last read
    levels: list = field(default_factory=list)                # (part, Measure): readability
    served: bytes = b""                                       # the page with the panel
    file: tuple | None = None                                 # _identity of what was read


def lost(findings: list[Problem]) -> list[Problem]:
    """The findings that mean words of the outline are not on the page."""
    from ..lint import LOST_WORDS
    return [f for f in findings if f.rule in LOST_WORDS]


class Preview:
    """Renders an outline to HTML on demand and keeps what the page needs."""

    def __init__(self, outline: Path, template_dir: Path | None = None, report=None):
        self.outline = outline
        self.template_dir = template_dir
        self.report = report        # told the lint findings of lost words when they change
        self.state = State()
        self.env = None                 # Jinja2's, made once: templates compiled once
        self.changed = threading.Condition()
        self.stopping = threading.Event()

    def refresh(self) -> State:
        """Read, validate, lint and render the outline; keep the last good page. Whatever
        goes wrong is a problem on the page: the watcher goes on, and the next save is
        rendered again."""
        seen = _identity(self.outline)   # before reading: a save during the read is new
        try:
            state = self._render()
        except Exception as exc:   # noqa: BLE001 - a bug or an OS error, shown, not fatal
            what = f"{type(exc).__name__}: {exc}"
            message = "preview could not render the outline: " + \
                (what if what.isprintable() else repr(what))
            state = State(self.state.version + 1, self.state.page,
                          [Problem(str(self.outline), 1, 1, "error", (), message, "preview")],
                          [], self.state.text)
        state.file = seen
        state.served = served(state)
        if self.report is not None and lost(state.findings) != lost(self.state.findings):
            self.report(lost(state.findings))
        with self.changed:
            self.state = state
            self.changed.notify_all()
        return state

    def _render(self) -> State:
        from .. import languages
        from ..lint import lint
        from ..lint.readability import parts
        from ..outline.source import read, regular
        from ..pipeline import build, check
        from ..render import html

        source = read(self.outline) if regular(self.outline) else _not_a_file(self.outline)
        outline = check(source)
        problems, findings, page = outline.problems, [], self.state.page
        levels = self.state.levels
        if not problems:
            try:
                self.env = self.env or html.environment(self.template_dir)
                document = build(outline)   # once, for the page and for lint
                page = html.render(document, csp=CSP, env=self.env)
                findings = lint(outline.source, document=document)
                levels = parts(document, outline.source.data,
                               languages.get(document.language))
            except errors.TemplateError as exc:
                problems = [Problem(str(self.outline), 1, 1, "error", (), exc.message,
                                    "template")]
        return State(self.state.version + 1, page, problems, findings, source.text, levels)

    def stale(self) -> bool:
        """Whether the outline on disk is not the one last rendered (another file, size
        or time of change)."""
        return _identity(self.outline) != self.state.file

    def wait(self, seen: int, timeout: float) -> int:
        """The version after `seen`, or `seen` again after timeout or on stopping."""
        with self.changed:
            self.changed.wait_for(lambda: self.state.version != seen or self.stopping.is_set(),
                                  timeout)
            return self.state.version

    def stop(self) -> None:
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()

    # -- watching --------------------------------------------------------------------

    def watched(self) -> tuple[list[Path], set[Path], list[Path]]:
        """Folders to watch, files that matter in them, folders whose every file matters."""
        # The outline as named and, if that is a link, the file it points to: an editor
        # may save either.
        outlines = {Path(os.path.abspath(self.outline)), self.outline.resolve()}
        folders = [d.resolve() for d in (self.template_dir, default_dir()) if d]
        roots = list(dict.fromkeys([*(o.parent for o in outlines), *folders]))
        return roots, outlines, folders

    def watch(self) -> None:
        """Re-render on every save until stopped. Each second without a change, the
        outline is compared with what was rendered (a save made before the watch was set
        up is not lost), and the folders with the ones watched: a folder deleted and made
        again is a new folder, which the old watch never sees; the watch starts anew."""
        import watchfiles

        while not self.stopping.is_set():
            roots, files, folders = self.watched()
            marks = {root: _identity(root, folder=True) for root in roots}
            present = [root for root in roots if marks[root] is not None]

            def relevant(_change, name: str, files=files, folders=folders) -> bool:
                path = Path(name)
                return path in files or path.parent in folders

            try:
                if not present:
                    self.stopping.wait(WAKE)
                    continue
                # step: how long the files must be quiet before a batch of changes counts.
                for changes in watchfiles.watch(
                        *present, watch_filter=relevant, debounce=400, step=15,
                        stop_event=self.stopping, recursive=False, raise_interrupt=False,
                        yield_on_timeout=True, rust_timeout=int(WAKE * 1000)):
                    if changes or self.stale():
                        self.refresh()
                    if any(_identity(root, folder=True) != marks[root] for root in roots):
                        break
            except Exception:   # noqa: BLE001 - the watch itself failed (a folder's rights?)
                self.stopping.wait(WAKE)
            if self.stale() and not self.stopping.is_set():
                self.refresh()


def _identity(path: Path, folder: bool = False) -> tuple | None:
    """What tells one version of a file from another: device, inode, size, time of change
    (links followed); of a folder, device and inode only (a save changes its time). None
    when there is none."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    if folder:
        return found.st_dev, found.st_ino
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


def _not_a_file(path: Path):
    """The problem of an outline whose file is a FIFO or a device: opening a FIFO waits
    for a writer, and would hold the watcher up for good."""
    from ..outline.source import Source
    source = Source(str(path))
    source.error(1, 1, "the outline is not a regular file (a FIFO or a device?); preview "
                 "shows a file it can read whenever it is saved", "io")
    return source


def served(state: State) -> bytes:
    """The rendering with the reload script and, above it, the problems panel."""
    page = state.page.decode("utf-8") if state.page else _EMPTY
    script = f'<script src="{PREFIX}live.js" data-version="{state.version}"></script>'
    page = page.replace("</head>", script + "\n</head>", 1) if "</head>" in page \
        else script + page
    body = re.search(r"<body[^>]*>", page)
    at = body.end() if body else 0
    return (page[:at] + panel_html(state) + page[at:]).encode("utf-8")


_EMPTY = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" \
         "<title>rtdraft preview</title></head><body></body></html>"


_PANEL = ('<section id="rtdraft-preview" aria-label="rtdraft preview" style="'
          'font:16px/1.4 system-ui,sans-serif;border-bottom:4px solid #af3c43;'
          'padding:.5em 1em;background:#fff8f0;color:#333">')


def panel_html(state: State) -> str:
    """The problems and findings above the page, the reading level of each part, and the
    outline's text they point into."""
    if not state.problems and not state.findings and not state.levels:
        return ""
    lines = FORMATS["text"]
    parts = [_PANEL]
    if state.levels:   # one line, closed: above the findings, not under 80 of them
        parts.append(_levels_html(state.levels))
    for title, problems in (("Problems: the page below is the last good rendering",
                             state.problems), ("Lint findings", state.findings)):
        if not problems:
            continue
        parts.append(f'<p><strong>{escape(title)}</strong></p><ul class="rtdraft-problems">')
        for problem in problems:
            parts.append(Markup('<li><a href="#rtdraft-L{0}" data-line="{0}">{1}</a></li>')
                         .format(problem.line, lines([problem]).rstrip("\n")))
        parts.append("</ul>")
    parts.append('<details id="rtdraft-source"><summary>The outline\'s text</summary>'
                 '<pre style="max-height:20em;overflow:auto;background:#f5f5f5">')
    parts += [f'<span id="rtdraft-L{number}">{number:4d}  {escape(line)}</span>\n'
              for number, line in enumerate(state.text.splitlines() or [""], start=1)]
    parts.append("</pre></details></section>")
    return "".join(parts)


def _levels_html(levels: list) -> str:
    """Each part's reading level as a table: a grade against the Canada.ca target of 8."""
    formula = levels[0][1].formula
    rows = "".join(
        Markup("<tr><th scope=\"row\">{}</th><td>{:.1f}</td><td>{:,}</td><td>{:.1f}</td></tr>")
        .format(name, found.grade, found.words, found.words_per_sentence)
        for name, found in levels)
    return ('<details id="rtdraft-reading"><summary>Reading level by part ('
            f'{escape(formula)} grade; Canada.ca aims for 8)</summary>'
            '<table><thead><tr><th scope="col">part</th><th scope="col">grade</th>'
            '<th scope="col">words</th><th scope="col">words a sentence</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></details>')


LIVE_JS = b"""\
// rtdraft preview: reload when the outline is rendered anew; show a finding's line.
(function () {
  var version = document.currentScript.getAttribute('data-version');
  var events = new EventSource('/__rtdraft/events');
  events.onmessage = function (e) {
    if (e.data !== version) { location.reload(); return; }
    document.documentElement.setAttribute('data-rtdraft-live', version);  // for tests
  };
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-line]');
    if (!link) { return; }
    e.preventDefault();
    var line = document.getElementById('rtdraft-L' + link.getAttribute('data-line'));
    document.getElementById('rtdraft-source').open = true;
    var old = document.querySelector('[data-rtdraft-shown]');
    if (old) { old.removeAttribute('data-rtdraft-shown'); old.style.background = ''; }
    line.setAttribute('data-rtdraft-shown', '');
    line.style.background = '#ffe08a';
    line.scrollIntoView({block: 'center'});
  });
})();
"""


class _Handler(BaseHTTPRequestHandler):
    preview: Preview        # set on the subclass made for each server

    def do_GET(self) -> None:    # http.server's name
        path = self.path.split("?", 1)[0]
        if not self.server.answers(self.headers.get("Host", "")):
            # Another site's page, reaching this port under its own name (DNS rebinding),
            # must not read the outline.
            self.send(403, "text/plain; charset=utf-8", b"unknown host name\n")
        elif path == "/":
            self.send(200, "text/html; charset=utf-8", self.preview.state.served)
        elif path == PREFIX + "live.js":
            self.send(200, "text/javascript; charset=utf-8", LIVE_JS)
        elif path == PREFIX + "events":
            self.events()
        else:
            self.send(404, "text/plain; charset=utf-8", b"not found\n")

    def send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def events(self) -> None:
        """Server-sent events: the current version now, then each new one."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        try:
            while not self.preview.stopping.is_set():
                version = self.preview.state.version if seen is None else \
                    self.preview.wait(seen, KEEPALIVE)
                message = f"retry: 300\ndata: {version}\n\n" if version != seen else ": idle\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = version
        except (BrokenPipeError, ConnectionResetError):
            pass        # the page went away

    def log_message(self, format, *args) -> None:   # http.server's signature
        pass        # a request log would drown the URL the user needs


class Server(ThreadingHTTPServer):
    daemon_threads = True       # an open event stream must not keep the process alive
    hosts: frozenset[str] = frozenset()   # Host headers answered
    name: str = ""              # the --host given
    complain = staticmethod(lambda line: None)   # run() gives echo to stderr

    def server_activate(self) -> None:
        super().server_activate()
        host, port = self.server_address[:2]
        names = {host, "localhost", f"[{host}]" if ":" in host else host}
        if not ipaddress.ip_address(host).is_loopback:   # --allow-remote: this machine's names
            import socket
            names |= {self.name, socket.gethostname(), socket.getfqdn()}
        self.port = port
        self.hosts = frozenset(f"{name.lower()}:{port}" for name in names if name)

    def answers(self, host: str) -> bool:
        """Whether a request naming `host` is for this preview: one of its names, or an
        address written as such. A name another site chose (DNS rebinding: evil.example
        made to lead here) is not."""
        host = host.lower()
        if host in self.hosts:
            return True
        address, _, port = host.rpartition(":")
        try:
            ipaddress.ip_address(address.removeprefix("[").removesuffix("]"))
        except ValueError:
            return False
        return port == str(self.port)

    def handle_error(self, request, client_address) -> None:
        """A page closed or reloaded mid-answer is no error; anything else is one line,
        said through `warn` (run() sets it to the command's echo, on stderr)."""
        import sys
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, TimeoutError)):
            self.complain(one_line(f"rtdraft preview: a request failed: "
                                   f"{type(exc).__name__}: {exc}"))


def loopback(host: str) -> bool | None:
    """Whether every address `host` names is this machine's loopback ('', every interface
    to the socket module, is not); None for a name that does not resolve, which serve()
    cannot bind to and says so."""
    import socket
    if not host.strip():
        return False
    try:
        found = socket.getaddrinfo(host, None, socket.AF_INET, socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    return all(ipaddress.ip_address(entry[4][0]).is_loopback for entry in found)


def serve(preview: Preview, host: str, port: int) -> Server:
    handler = type("Handler", (_Handler,), {"preview": preview})
    server_type = type("Server", (Server,), {"name": host})
    try:
        return server_type((host, port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise errors.PortInUse(f"port {port} on {host} is in use (another preview?); choose "
                            f"another with --port, or leave --port out for a free one") from None
        raise errors.PortInUse(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None


def url_of(server: Server) -> str:
    host, port = server.server_address[:2]
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}/"


def run(preview: Preview, host: str, port: int, echo, open_browser: bool = False) -> None:
    """Serve until Ctrl-C (or SIGTERM); print the URL first."""
    import signal

    def terminate(*_):
        raise KeyboardInterrupt

    try:
        import watchfiles  # noqa: F401   (the preview extra; its absence is said before serving)
    except ImportError:
        raise errors.MissingExtra("rtdraft preview needs watchfiles: pip install "
                                  "'rtdraft[preview]'") from None
    server = serve(preview, host, port)
    server.complain = lambda line: echo(line, err=True)
    previous = signal.signal(signal.SIGTERM, terminate)
    watcher = threading.Thread(target=preview.watch, name="rtdraft-watch", daemon=True)
    try:
        state = preview.refresh()
        watcher.start()
        url = url_of(server)
        echo(f"serving {preview.outline} at {url} (Ctrl-C to stop)")
        for line in FORMATS["text"](state.problems).splitlines():
            echo(line)
        if open_browser:
            import webbrowser
            webbrowser.open(url)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        preview.stop()
        server.server_close()
        if watcher.is_alive():
            watcher.join(timeout=5)
        echo("stopped")
