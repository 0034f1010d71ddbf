"""Exit codes, written once, and one exception per user-facing failure."""

from __future__ import annotations

import click

OK = 0
INVALID = 1        # an outline is invalid
USAGE = 2          # click's own usage errors
WARNINGS = 3       # lint found warnings and --strict was given; render found lost words
                   # in a final outline or with --strict (nothing written)
TEMPLATE = 4       # a template or reference document cannot be used
OUTPUT = 5         # an output file cannot be written
CONVERTER = 6      # LibreOffice is missing, failed or took too long (PDF)
IMPORT = 7         # a DOCX cannot be imported (not a DOCX, damaged, protected, too large)
CHANGES = 8        # a DOCX to import has tracked changes and neither accept nor reject was given
STOPPED = 128      # + the number of the signal that stopped rtdraft, as a shell says it


class RtdraftError(click.ClickException):
    """A failure the user can fix; click prints 'Error: message' and exits with exit_code."""

    exit_code = INVALID


class ProblemsFound(RtdraftError):
    """Problems were printed already; the message, if any, is the summary line, printed as
    it is (no 'Error:' before it)."""

    def show(self, file=None) -> None:
        if self.message:
            click.echo(self.message, err=True, file=file)


class InvalidOutline(ProblemsFound):
    """An outline has errors (or a lint rule set to level error found something)."""

    exit_code = INVALID


class StrictWarnings(ProblemsFound):
    """lint --strict found warnings."""

    exit_code = WARNINGS


class LostWords(RtdraftError):
    """render: words of the outline would be missing from a final summary (or --strict)."""

    exit_code = WARNINGS


class TemplateError(RtdraftError):
    exit_code = TEMPLATE


class OutputError(RtdraftError):
    exit_code = OUTPUT


class ConverterError(RtdraftError):
    exit_code = CONVERTER


class ImportFailure(RtdraftError):
    exit_code = IMPORT


class UndecidedChanges(RtdraftError):
    exit_code = CHANGES


class PortInUse(RtdraftError):
    """preview: the port asked for is taken, or cannot be served on."""

    exit_code = USAGE


class MissingExtra(RtdraftError):
    """A command needs a package of an extra that is not installed (preview: watchfiles)."""

    exit_code = USAGE


class Stopped(RtdraftError):
    """Ctrl-C, SIGTERM or SIGHUP: what was started (LibreOffice) is stopped on the way out."""

    def __init__(self, number: int, name: str):
        super().__init__(f"stopped by {name}")
        self.exit_code = STOPPED + number
