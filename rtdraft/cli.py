"""The command line: click commands that call the library and print its problems."""

from __future__ import annotations

import os
import sys

import click

from . import __version__, errors
from .problems import FORMATS, default_format

FORMAT_OPTION = click.option(
    "--format", "output_format", type=click.Choice(sorted(FORMATS)), default=None,
    help="How to print problems [default: github inside GitHub Actions, else text].")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rtdraft")
def main() -> None:
    """Draft Law Enforcement Roundtable meeting summaries from a YAML outline.

    Exit codes: 0 success, 1 invalid outline, 2 usage error, 3 warnings with
    --strict, 4 template or reference document problem, 5 output not written.
    """


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, allow_dash=False))
@FORMAT_OPTION
def validate(files: tuple[str, ...], output_format: str | None) -> None:
    """Check outlines against the outline format; print every problem.

    Exits 0 when every file is valid, 1 when any is not.
    """
    from .source import read
    from .validate import validate as check

    problems = [p for name in files for p in check(read(name))]
    emit(problems, output_format)
    sys.exit(errors.INVALID if any(p.level == "error" for p in problems) else errors.OK)


def emit(problems: list, output_format: str | None) -> None:
    chosen = output_format or default_format(os.environ)
    text = FORMATS[chosen](problems)
    if chosen == "json" or text:
        click.echo(text, nl=False)
