"""render for one outline or many: each outline validated, built and written on its own, so
one that fails is reported and the others are still written; LibreOffice is started once,
when the first PDF is asked for, and serves every outline after it. Nothing here prints:
the caller (cli) is told what was written and what failed, and shows the progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .. import errors
from ..ooxml.package import written_by
from ..outline.source import Source
from ..output import refuse_input, resolved, targets_for, write_all
from ..render import WRITERS


class Publisher:
    def __init__(self, formats: list[str], output: Path | None, reference_doc: Path | None,
                 template_dir: Path | None, timeout: float,
                 emit: Callable[[list], None], one_file: bool = False,
                 strict: bool = False, warn: Callable[[list], None] | None = None) -> None:
        self.formats, self.output, self.timeout, self.emit = formats, output, timeout, emit
        self.one_file, self.strict = one_file, strict
        self.warn = warn or emit     # where the findings of lost words go (stderr)
        self.options = {"reference_doc": reference_doc, "template_dir": template_dir}
        self.office = None
        # Never written over: the reference document and the templates; every outline of
        # the call is added in all().
        self.inputs = [reference_doc] if reference_doc else []
        self.written: dict[Path, str] = {}   # file -> the outline it was written from
        if template_dir:
            self.inputs += [p for p in template_dir.rglob("*") if p.is_file()]

    def all(self, sources: list[Source],
            progress: Callable[[list[Source]], Iterable[Source]] = iter,
            wrote: Callable[[Path], None] = lambda path: None,
            failed: Callable[[str, str], None] = lambda file, message: None) -> None:
        """Render every source, told through `progress`; `wrote` hears of each file written,
        `failed` of each outline (among several) that was not rendered, and why. At the
        end, raise the worst failure's error (if any)."""
        failures: list[errors.RtdraftError] = []
        self.inputs += [Path(s.file) for s in sources if s.file != "<stdin>"]
        try:
            for source in progress(sources):
                try:
                    for path in self.one(source):
                        wrote(path)
                except errors.Stopped:   # SIGTERM, SIGHUP: the whole batch, as Ctrl-C
                    raise
                except errors.RtdraftError as exc:
                    failures.append(exc)
                    if len(sources) > 1 and exc.message:
                        failed(source.file, exc.message)
        finally:
            if self.office is not None:
                self.office.close()
        if failures:
            worst = max(failures, key=lambda exc: exc.exit_code)
            if len(sources) > 1:
                worst.message = f"{len(failures)} of {len(sources)} outlines not rendered"
            raise worst

    def one(self, source: Source) -> list[Path]:
        from ..pipeline import build, check
        from ..render.symbols import beside_reference  # lxml: not for a Markdown alone

        outline = check(source)
        if outline.problems:
            self.emit(outline.problems)
            raise errors.InvalidOutline("")
        document = beside_reference(build(outline), self.options["reference_doc"])
        self.lost_words(outline.source, document)
        name = Path("stdin.yaml") if source.file == "<stdin>" else Path(source.file)
        targets = targets_for(name, {f: WRITERS[f][0] for f in self.formats}, self.output,
                              self.one_file)
        for target in targets.values():   # before the work of rendering, and again when writing
            refuse_input(target, self.inputs)
            if target.suffix.lower() == ".docx":
                refuse_foreign_docx(target)
            if resolved(target) in self.written:   # same-named outlines of two folders
                raise errors.OutputError(
                    f"{target}: already written from {self.written[resolved(target)]} in "
                    "this call; render outlines of the same name into different folders")
        rendered = {f: WRITERS[f][1](document, **self.options)
                    for f in self.formats if f != "pdf"}
        if "pdf" in self.formats:
            from ..office.pdf import publish
            try:
                rendered["pdf"], with_pages = publish(document, self.start(),
                                                      self.options["reference_doc"])
            except errors.ConverterError:
                if self.office is not None:   # a stopped or broken one is started anew
                    self.office.close()
                    self.office = None
                raise
            if "docx" in rendered:
                rendered["docx"] = with_pages
        write_all({targets[f]: rendered[f] for f in self.formats}, inputs=self.inputs)
        self.written.update({resolved(targets[f]): source.file for f in self.formats})
        return [targets[f] for f in self.formats]

    def lost_words(self, source: Source, document) -> None:
        """Report words the summary would lose (a YAML comment, an item glued to the line
        above); refuse, writing nothing, for a final outline or with --strict."""
        from ..lint import lost_words

        found = lost_words(source, document)
        if not found:
            return
        self.warn(found)
        final = source.data["publication"].get("status") == "final"
        if final or self.strict:
            why = "the outline is final" if final else "--strict was given"
            raise errors.LostWords(
                f"not rendered: words would be lost at {len(found)} "
                f"place{'s' if len(found) > 1 else ''} and {why}; fix "
                f"{'them' if len(found) > 1 else 'it'} (rtdraft docs lint) and render again")

    def start(self):
        if self.office is None:
            from ..office.process import Office
            self.office = Office(timeout=self.timeout).__enter__()
        return self.office



def refuse_foreign_docx(target: Path) -> None:
    """An OutputError when `target` is a Word file rtdraft did not write: a draft typed or
    reviewed in Word, say draft.docx beside the draft.yaml imported from it, which a
    render beside the outline would otherwise replace."""
    if not target.is_file():
        return
    program = written_by(target)
    if program != "rtdraft":
        who = f"last saved by {program}" if program else "not written by rtdraft"
        raise errors.OutputError(
            f"refusing to replace {target}: it is a Word document {who} (a draft or a "
            "review?); render into another folder (-o summary/) or move it")
