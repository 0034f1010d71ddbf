"""The command line: click commands that call the library and print its problems."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import click

from . import __version__, errors
from .outline.source import gather
from .problems import FORMATS, default_format, summary_line


def problem_format_option(flag: str):
    return click.option(
        flag, "output_format", type=click.Choice(sorted(FORMATS)), default=None,
        help="How to print problems [default: github inside GitHub Actions, else text].")


FORMAT_OPTION = problem_format_option("--format")


class Seconds(click.FloatRange):
    """A number of seconds: FloatRange lets nan (every comparison false) and inf through,
    and either would switch the limit off."""

    name = "seconds"

    def convert(self, value, param, ctx):
        import math
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a number of seconds; give a finite number, e.g. 120",
                      param, ctx)
        return number


class _Group(click.Group):
    """Turns a failed write to standard output (a full disk, a closed pipe) into one line
    on stderr and exit 5, where Python would print a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:   # the shell's 130, not click's 1 (an invalid outline)
            import signal
            raise errors.Stopped(signal.SIGINT, "Ctrl-C") from None
        except OSError as exc:
            if exc.errno not in _STDOUT_ERRORS:
                raise
            _quiet_stdout()
            raise errors.OutputError(
                f"cannot write to standard output: {exc.strerror or exc}") from None


_STDOUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT}


def _quiet_stdout() -> None:
    """What is still buffered for stdout goes nowhere, so that Python's own flush at exit
    does not fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rtdraft")
def main() -> None:
    """Draft Law Enforcement Roundtable meeting summaries from a YAML outline.

    Exit codes: 0 success, 1 invalid outline, 2 usage error, 3 warnings with
    --strict, 4 template or reference document problem, 5 output not written,
    6 LibreOffice missing or failed, 7 DOCX cannot be imported, 8 tracked
    changes neither accepted nor rejected; 129, 130, 143 stopped by SIGHUP,
    Ctrl-C, SIGTERM.
    """


PATHS = click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
ONLY_OUTLINES = click.option(
    "--only-outlines", is_flag=True,
    help="Skip named YAML files that are not outlines (no top-level rtdraft: key), as "
         "folders do; for pre-commit hooks that see every YAML file.")


@main.command()
@PATHS
@ONLY_OUTLINES
@FORMAT_OPTION
def validate(paths: tuple[str, ...], only_outlines: bool, output_format: str | None) -> None:
    """Check outlines against the outline format; print every problem.

    PATHS are outline files, folders (searched for outlines, that is YAML files
    with a top-level `rtdraft:` key) and `-` for standard input. Exits 0 when
    every outline is valid, 1 when any is not.
    """
    from .outline.validate import validate as check

    if not paths:
        raise click.UsageError("give at least one outline, folder or -")
    problems = []
    sources = gather(paths, sys.stdin.buffer, only_outlines)
    for source in _progress(sources):
        problems += check(source)
    emit(problems, output_format)
    finish(len(sources), problems)


def _bar(items: list, at: int = 20) -> bool:
    """Is a progress bar shown: on a terminal, for `at` files or more."""
    return len(items) >= at and sys.stderr.isatty()


def _progress(items: list, label: str = "checking", at: int = 20):
    """A progress bar on a terminal when there are many files; the items otherwise."""
    if _bar(items, at):
        with click.progressbar(items, label=label, file=sys.stderr) as bar:
            yield from bar
    else:
        yield from items


@main.command()
@PATHS
@ONLY_OUTLINES
@click.option("--strict", is_flag=True, help="Exit 3 when there is any warning.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--disable", "disabled", multiple=True, metavar="RULE",
              help="Do not run this rule (repeatable).")
@click.option("--reading-level", is_flag=True,
              help="Print each part's reading level (a school grade; Canada.ca aims for "
                   "8) instead of the findings.")
@FORMAT_OPTION
def lint(paths: tuple[str, ...], only_outlines: bool, strict: bool, list_rules: bool,
         disabled: tuple[str, ...], reading_level: bool,
         output_format: str | None) -> None:
    """Find what a careful reviewer would: undefined abbreviations, names spelled
    two ways, unsorted or duplicate organizations, and more (see docs/lint.md).

    PATHS are outline files, folders (searched for outlines) and `-` for
    standard input.

    An invalid outline reports its errors and is not linted. Exits 0 with
    warnings, 3 with --strict when there is any, 1 when an outline is invalid.
    """
    from .lint import documentation, rule_ids
    from .lint import lint as run_rules
    from .pipeline import build, check

    if list_rules:
        for rule_id in rule_ids():
            click.echo(f"{rule_id}: {documentation(rule_id).splitlines()[0]}")
        return
    if not paths:
        raise click.UsageError("give at least one outline, folder or - (or --list-rules)")
    unknown = [r for r in disabled if r not in rule_ids()]
    if unknown:
        raise click.BadParameter(f"no rule {unknown[0]!r}; rules: {', '.join(rule_ids())}",
                                 param_hint="--disable")
    problems = []
    sources = gather(paths, sys.stdin.buffer, only_outlines)
    for source in _progress(sources):
        outline = check(source)
        if reading_level:
            problems += outline.problems
            if outline.valid:
                _print_reading_level(outline.source, build(outline))
            continue
        problems += outline.problems or run_rules(outline.source, disabled, build(outline))
    emit(problems, output_format)
    finish(len(sources), problems, strict)


def _print_reading_level(source, document) -> None:
    from . import languages
    from .lint.readability import parts, table

    language = languages.get(document.language)
    levels = parts(document, source.data, language)
    if not levels:
        click.echo(f"{source.file}: no reading-level formula for {language.name}")
        return
    click.echo(f"{source.file}: reading level by part ({levels[0][1].formula} grade; "
               "Canada.ca aims for 8)")
    click.echo(table(levels))


@main.command()
@PATHS
@ONLY_OUTLINES
@click.option("--format", "formats", default="docx,md", show_default=True,
              callback=lambda ctx, param, value: _formats(value),
              help="Output formats, comma-separated: docx, md, html, pdf (pdf needs "
                   "LibreOffice).")
@click.option("--output", "-o", type=click.Path(),
              help="Folder to write into (made if missing); with one outline and one format, "
                   "the file to write, unless it ends with /.")
@click.option("--reference-doc", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A .docx whose styles the DOCX takes (default: the reference.docx "
                   "installed with rtdraft; `rtdraft docs` shows where).")
@click.option("--template-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of Jinja2 templates that replace the default Markdown ones.")
@click.option("--timeout", type=Seconds(min=1), default=120, show_default=True,
              help="Seconds LibreOffice may take to make one PDF before it is stopped.")
@click.option("--strict", is_flag=True,
              help="Write nothing, exit 3, when words would be lost (as for a final outline).")
@problem_format_option("--problem-format")
def render(paths: tuple[str, ...], only_outlines: bool, formats: list[str],
           output: str | None, reference_doc: Path | None, template_dir: Path | None,
           timeout: float, strict: bool, output_format: str | None) -> None:
    """Render outlines to a DOCX and a Markdown summary (or HTML, PDF).

    PATHS are outlines, folders and `-`, as for validate. Each outline is
    validated first: an invalid one renders nothing and prints its problems;
    the others are still written, and the exit code is the worst one's. Files
    are written beside each outline, named after it, unless --output says
    otherwise; an existing file is replaced only once the new one is complete.
    LibreOffice is started once for every PDF.

    Words the summary would lose (after ` #` in unquoted text, an item glued to
    the line above) are reported on stderr at their line and column; the
    summary is still written, unless the outline is `status: final` or
    --strict is given: then nothing is written and the exit code is 3.
    """
    from .commands.publish import Publisher
    from .output import names_one_file
    from .render import WRITERS

    if not paths:
        raise click.UsageError("give at least one outline, folder or -")
    sources = gather(paths, sys.stdin.buffer, only_outlines)
    suffixes = {WRITERS[name][0] for name in formats}
    many = len(sources) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)
    one_file = output is not None and names_one_file(output, 2 if many else 1, len(formats))
    target = Path(output) if output is not None else None
    if target is not None and not one_file and not os.path.isdir(target) and \
            target.suffix in suffixes and not output.endswith(("/", os.sep)):
        what = "several outlines are" if many else f"{len(formats)} formats are"
        raise click.BadParameter(f"{output} names one file, but {what} asked for "
                                 f"({', '.join(formats)}); give a folder"
                                 + ("" if many else ", or one --format"), param_hint="--output")
    bar = _bar(sources, at=5)   # the bar, or a line for each file written
    Publisher(formats, target, reference_doc, template_dir, timeout,
              lambda problems: emit(problems, output_format), one_file, strict,
              lambda problems: emit(problems, output_format, err=True)).all(
        sources, progress=lambda items: _progress(items, "rendering", at=5),
        wrote=(lambda path: None) if bar else (lambda path: click.echo(f"wrote {path}")),
        failed=lambda file, message: click.echo(f"{file}: {message}", err=True))


@main.command()
@click.argument("first", type=click.Path(exists=True, dir_okay=False))
@click.argument("second", type=click.Path(exists=True, dir_okay=False))
@FORMAT_OPTION
def compare(first: str, second: str, output_format: str | None) -> None:
    """Check that two outlines are the English and French editions of one summary.

    Twins have the same sessions (kinds, in order), footnotes, appendices and
    dates, catalogue numbers differing only in E/F, different ISBNs, and each
    one's other-language title is the other's title. Exits 0 for twins, 1 when
    they differ or either outline is invalid.
    """
    from .commands.compare import compare as twins
    from .pipeline import read

    if os.path.samefile(first, second):
        raise click.UsageError(f"{first} and {second} are the same file; give the English "
                               "and the French edition")
    outlines = [read(first), read(second)]
    problems = [p for outline in outlines for p in outline.problems]
    if not problems:
        problems = twins(*(outline.source for outline in outlines))
    emit(problems, output_format)
    finish(2, problems)


@main.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: changes.docx, or changes.md with --format md.")
@click.option("--format", "kind", type=click.Choice(["docx", "md"]), default="docx",
              show_default=True, help="A DOCX with tracked changes, or Markdown in CriticMarkup.")
@click.option("--author", callback=lambda ctx, param, value: _plain_text(value, param),
              help="Author of the changes [default: NEW's department].")
@click.option("--date", "when", type=click.DateTime(["%Y-%m-%d"]),
              help="Date of the changes, YYYY-MM-DD [default: NEW's publication date].")
@problem_format_option("--problem-format")
def redline(old: Path, new: Path, output: Path, kind: str, author: str | None, when,
            output_format: str | None) -> None:
    """Show what changed between two drafts: NEW rendered with every difference from OLD
    as a tracked change (Word: Review > Accept/Reject), or in CriticMarkup with --format md.

    Both outlines are validated first (exit 1). The DOCX needs LibreOffice (exit 6). An
    output that is an input, or the same file twice, exits 5 and writes nothing.
    """
    from .commands import redline as rl
    from .office.process import Office
    from .output import write_atomic
    from .pipeline import build, read

    rl.check_paths(old, new, output)
    outlines = [read(str(old)), read(str(new))]
    problems = [p for outline in outlines for p in outline.problems]
    if problems:
        emit(problems, output_format)
        raise errors.InvalidOutline("")
    before, after = (build(outline) for outline in outlines)
    if kind == "md":
        data, count = rl.markdown(before, after)
    else:
        who, day = rl.stamp(after, author, when.date() if when else None)
        with Office() as office:
            data, count = rl.docx(before, after, office, who, day)
    write_atomic(output, data)
    click.echo(f"wrote {output} ({count} tracked change{'' if count == 1 else 's'})")


@main.command("import")
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="The outline to write [default: REPORT's name with .yaml, beside it; "
                   "never over an existing file unless named here].")
@click.option("--changes", type=click.Choice(["accept", "reject"]),
              help="What to do with tracked changes; required when the DOCX has any.")
@click.option("--comments", "comments_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the DOCX's comments to this JSON file.")
@click.option("--report", "show_report", is_flag=True,
              help="List what could not be placed in the outline (images, text boxes, "
                   "unknown styles, tables that are no agenda ...).")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing: print what the outline would be and every problem, "
                   "placed by paragraph number and heading; exit 1 if it would not "
                   "validate.")
@problem_format_option("--problem-format")
def import_docx(report: Path, output: Path | None, changes: str | None,
                comments_file: Path | None, show_report: bool, check_only: bool,
                output_format: str | None) -> None:
    """Read a DOCX (a reviewed rtdraft summary, or an older report) back into an outline.
    Tracked changes must be accepted or rejected (--changes; exit 8 without). Each
    comment is printed as a note at the place in the new outline where its words now
    stand. A DOCX that cannot be read exits 7; nothing is written then.

    With --check nothing is written: what the outline would be, then every problem
    (validate's, import's own, lint's) at its paragraph and heading in the DOCX. Exits
    0 when the outline would validate, 1 when not, 7 and 8 as import does.
    """
    import json

    from .importer import import_docx as read_back
    from .output import write_all
    if check_only:
        if output is not None or comments_file is not None:
            raise click.UsageError("--check writes nothing; leave out -o and --comments")
        _check_import(report, changes)
        return
    if output is None:
        output = report.with_suffix(".yaml")
        if output.exists():
            raise errors.OutputError(f"{output} exists; name the outline to write with -o "
                                     f"(-o {output} replaces it)")
    if comments_file is not None and comments_file == output:
        raise click.BadParameter("the comments file and the outline are the same file",
                                 param_hint="--comments")
    imported = read_back(report, changes, str(output))
    files = {output: imported.text.encode("utf-8")}
    if comments_file is not None:
        sidecar = [{"author": c["author"], "date": c["date"], "text": c["text"],
                    "quoted": c["quoted"], "outline": str(output), "line": c["line"],
                    "column": c["column"], "heading": c["heading"]}
                   for c in imported.comments]
        files[comments_file] = (json.dumps(sidecar, ensure_ascii=False, indent=2)
                                + "\n").encode("utf-8")
    write_all(files, inputs=[report])
    emit(imported.notes(str(output)), output_format)
    if show_report:
        for line in imported.unplaced:
            click.echo(f"{report}: not placed: {line}", err=True)   # stdout: the notes only
    count = len(imported.comments)
    extra = f"; {len(imported.unplaced)} things not placed (--report lists them)" \
        if imported.unplaced and not show_report else ""
    click.echo(f"wrote {output} ({count} comment{'' if count == 1 else 's'}{extra})"
               + (f" and {comments_file}" if comments_file else ""), err=True)


def _check_import(report: Path, changes: str | None) -> None:
    """import --check: the summary and the problems on stdout, a count on stderr."""
    from .importer.check import check_docx, lines
    checked = check_docx(report, changes)
    for line in lines(checked, str(report)):
        click.echo(line)
    errors_found = sum(f.level == "error" for f in checked.findings)
    warnings = len(checked.findings) - errors_found
    line = (f"{report}: {errors_found} error{'' if errors_found == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}; nothing written")
    if not checked.valid:
        raise errors.InvalidOutline(line + " (the outline would not validate)")
    click.echo(line, err=True)


# What `new` says of a name it cannot write, by suffix.
_CANNOT_WRITE = {
    ".doc": "Word's old .doc format is not written",
    ".odt": "an OpenDocument text is not written (LibreOffice opens a .docx)",
    ".pdf": "a PDF is rendered from a finished outline (rtdraft render --format pdf)",
}


def _starter_name(ctx, param, file: Path) -> Path:
    """`new` writes a YAML outline (.yaml, .yml) or a Word starter (.docx), nothing else:
    any other name would hold text its program cannot open."""
    if file.suffix.lower() not in (".yaml", ".yml", ".docx"):
        why = _CANNOT_WRITE.get(file.suffix.lower(), "new writes a Word starter or a YAML "
                                                     "outline")
        raise click.BadParameter(f"{file}: {why}; name it {file.with_suffix('.docx')} "
                                 f"(to draft in Word) or {file.with_suffix('.yaml')}")
    return file


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), callback=_starter_name)
@click.option("--from", "previous", type=click.Path(exists=True, dir_okay=False),
              help="Keep this earlier outline's (or rtdraft DOCX's) structure, with its text "
                   "as placeholders.")
@click.option("--language", type=click.Choice(["en", "fr"]),
              help="The summary's language [default: en, or the --from outline's].")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.option("--schema", "schema_ref", metavar="PATH_OR_URL",
              callback=lambda ctx, param, value: _plain_text(value, param),
              help="Where the modeline points the YAML language server "
                   "[default: the nearest rtdraft-1.schema.json (or schema/rtdraft-1.schema.json) "
                   "in FILE's folder or above it, in the project; if none, one written beside "
                   "FILE].")
def new(file: Path, previous: str | None, language: str | None, force: bool,
        schema_ref: str | None) -> None:
    """Write a new outline, or a Word starter, that validates as written.

    FILE.yaml is an outline; FILE.docx is a Word document in the house style
    with every part of a summary, for drafting in Word and reading back with
    `rtdraft import`. Every [[placeholder]] in it is for you to replace;
    `rtdraft lint` flags those left. FILE is never overwritten without --force.
    """
    from datetime import date

    from .commands import new as scaffold
    from .commands import starter
    from .outline import schema
    from .outline.schema_json import text as schema_text
    from .output import make_folder, write_atomic

    word = file.suffix.lower() == ".docx"
    if word and schema_ref is not None:
        raise click.BadParameter(f"{file} is a Word starter, which has no modeline; "
                                 "--schema is for a YAML outline", param_hint="--schema")
    if previous and language:
        raise click.BadParameter("the language is the --from outline's",
                                 param_hint="--language")
    if file.exists() and not force:
        raise errors.OutputError(f"{file} exists; use --force to replace it")
    data = (starter.fresh(language or schema.DEFAULT_LANGUAGE) if word
            else scaffold.fresh(date.today()))
    if language and not word:
        data["publication"]["language"] = language
    if previous:
        outline = _previous(Path(previous))
        if outline.problems:
            emit(outline.problems, None)
            raise errors.InvalidOutline("")
        data = (starter.follow if word else
                lambda d: scaffold.follow(d, date.today()))(outline.source.data)
    if file.parent and not file.parent.exists():   # before the schema file written beside
        make_folder(file.parent)
    if word:
        write_atomic(file, starter.render(data, date.today()),
                     inputs=[Path(previous)] if previous else [])
        click.echo(f"wrote {file}")
        return
    if schema_ref is None:
        schema_ref, beside = scaffold.schema_reference(file)
        if beside and not beside.exists():
            write_atomic(beside, schema_text().encode("utf-8"))
            click.echo(f"wrote {beside}")
    write_atomic(file, scaffold.dump(data, schema_ref).encode("utf-8"),
                 inputs=[Path(previous)] if previous else [])
    click.echo(f"wrote {file}")


def _previous(path: Path):
    """The --from outline, read and validated: a .docx is imported first (rtdraft import's
    reading), its outline checked as if it had been written beside it."""
    from .pipeline import check, read

    if path.suffix.lower() != ".docx":
        return read(str(path))
    from .importer import import_docx
    from .outline.source import Source, parse_text

    imported = import_docx(path, name=str(path.with_suffix(".yaml")))
    return check(parse_text(imported.text, Source(f"{path} (imported)")))


@main.command()
@click.argument("outline", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to serve on [default: a free one].")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to serve on; one other machines can reach only with "
                   "--allow-remote.")
@click.option("--allow-remote", is_flag=True,
              help="Let --host be an interface other machines can reach (they can then read "
                   "the outline).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a web browser.")
@click.option("--template-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of Jinja2 templates that replace the default HTML ones.")
def preview(outline: Path, port: int, host: str, allow_remote: bool, open_browser: bool,
            template_dir: Path | None) -> None:
    """Serve the outline's web edition and re-render it on every save.

    Prints the URL; the open page reloads itself when the outline or a template
    is saved. When the outline does not validate, the page shows its problems
    above the last good rendering; lint findings are listed too, and words the
    page would lose (after ` #`, an item glued to the line above) are printed on
    stderr when a save changes them. Ctrl-C stops. Exits 2 when the port is in
    use.
    """
    import gc

    from .commands.preview import Preview, loopback, run

    gc.unfreeze()   # entry.py's choice for short commands; this one runs for hours
    gc.enable()
    if loopback(host) is False:
        if not allow_remote:
            raise click.BadParameter(
                f"{host!r} is not this machine's loopback address: other machines could read "
                "the outline; add --allow-remote if that is meant", param_hint="--host")
        click.echo(f"warning: serving on {host or 'every interface'}: anyone who can reach "
                   "this machine can read the outline", err=True)
    run(Preview(outline, template_dir, lambda found: emit(found, None, err=True)), host,
        port, click.echo, open_browser)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema to this file instead of printing it.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
def schema(output: Path | None, force: bool) -> None:
    """Print the outline format as a JSON Schema (draft-07) for editors.

    Point the YAML language server at it for completion and checking while
    typing: a first line `# yaml-language-server: $schema=PATH` in an outline
    (`rtdraft new` writes one). An existing --output file is replaced only with
    --force, as for `new`.
    """
    from .outline.schema_json import text
    from .output import write_atomic

    if output:
        if output.exists() and not force:
            raise errors.OutputError(f"{output} exists; use --force to replace it")
        write_atomic(output, text().encode("utf-8"))
        click.echo(f"wrote {output}")
    else:
        click.echo(text(), nl=False)


@main.command()
@click.argument("topic", required=False)
def docs(topic: str | None) -> None:
    """Print the documentation installed with rtdraft: `outline` (every key of an
    outline and the common mistakes), `lint` (every rule), ...

    Without TOPIC, lists the topics and where the files are, the default
    reference document among them.
    """
    from .commands import manual

    if topic is None:
        click.echo(manual.listing(), nl=False)
        return
    found = manual.text(topic)
    if found is None:
        raise click.BadParameter(f"no topic {topic!r}; topics: {', '.join(manual.topics())}",
                                 param_hint="TOPIC")
    if sys.stdout.isatty():
        click.echo_via_pager(found)
    else:
        click.echo(found, nl=False)


def _plain_text(value: str | None, param) -> str | None:
    """A name written into the DOCX, or a path into the outline's modeline comment: no
    control character, which XML cannot hold and a line break would end the comment."""
    bad = next((c for c in value or "" if ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF
                or ord(c) in (0x7F, 0x85, 0x2028, 0x2029, 0xFFFE, 0xFFFF)), None)
    if bad is not None:
        raise click.BadParameter(f"holds the control character U+{ord(bad):04X}; write "
                                 "the name as plain text", param=param)
    return value


def _formats(value: str) -> list[str]:
    from .render import WRITERS
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or value!r} is not a format; "
                                 f"choose from {', '.join(WRITERS)}")
    return list(dict.fromkeys(names))


def finish(files: int, problems: list, strict: bool = False) -> None:
    """The summary line on stderr; an exception carrying the exit code unless all is well."""
    line = summary_line(files, problems)
    if any(p.level == "error" for p in problems):
        raise errors.InvalidOutline(line)
    if strict and any(p.level == "warning" for p in problems):
        raise errors.StrictWarnings(line)
    click.echo(line, err=True)


def emit(problems: list, output_format: str | None, err: bool = False) -> None:
    chosen = output_format or default_format(os.environ)
    text = FORMATS[chosen](problems)
    if chosen == "json" or text:
        click.echo(text, nl=False, err=err)
