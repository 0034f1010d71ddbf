"""An imported outline as YAML an editor reads easily: block style, long paragraphs folded
(`>-`), keys in the order of the examples; checked by reading it back. How each text
is written (plain or quoted) is outline.yaml_writer's one rule."""

from __future__ import annotations

from ..outline import schema, yaml_writer
from ..outline.source import Source, parse_text
from ..outline.yaml_writer import Flow

# Keys in the order the schema gives them, as the examples and `rtdraft new` write them.
TOP_ORDER = tuple(schema.OUTLINE)
MEETING_ORDER = tuple(schema.MEETING["schema"])


def dump(data: dict, name: str = "outline.yaml") -> tuple[str, Source]:
    """The YAML text and the outline read back from it (positions for comments)."""
    ordered = {k: data[k] for k in TOP_ORDER if k in data}
    if "meeting" in ordered:
        meeting = ordered["meeting"]
        ordered["meeting"] = {k: meeting[k] for k in MEETING_ORDER if k in meeting}
        if isinstance(ordered["meeting"].get("dates"), list):
            ordered["meeting"]["dates"] = Flow(ordered["meeting"]["dates"])
    for dumper in (yaml_writer.Dumper, yaml_writer.Plain):
        text = yaml_writer.dump(ordered, dumper)
        source = parse_text(text, Source(name))
        if source.ok and source.data == ordered:
            return text, source
    return text, source
