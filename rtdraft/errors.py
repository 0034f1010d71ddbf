"""Exit codes, written once, and one exception per user-facing failure."""

from __future__ import annotations

import click

OK = 0
INVALID = 1        # an outline is invalid
USAGE = 2          # click's own usage errors
WARNINGS = 3       # lint found warnings and --strict was given
TEMPLATE = 4       # a template or reference document cannot be used
OUTPUT = 5         # an output file cannot be written


class RtdraftError(click.ClickException):
    """A failure the user can fix; click prints 'Error: message' and exits with exit_code."""

    exit_code = INVALID


class TemplateError(RtdraftError):
    exit_code = TEMPLATE


class OutputError(RtdraftError):
    exit_code = OUTPUT
