"""An imported outline as YAML an editor reads easily: block style, long paragraphs folded
(`>-`), keys in the order of the examples; checked by reading it back."""

from __future__ import annotations

import yaml

from ..outline import schema
from ..outline.source import Source, parse_text, resolve_plain

WIDTH = 88
# Keys in the order the schema gives them, as the examples and `rtdraft new` write them.
TOP_ORDER = tuple(schema.OUTLINE)
MEETING_ORDER = tuple(schema.MEETING["schema"])


class _Dumper(yaml.SafeDumper):
    fold = True

    def increase_indent(self, flow=False, indentless=False):   # lists indented under keys
        return super().increase_indent(flow, False)


class Flow(list):
    """A short list written on one line, as the examples write meeting.dates."""


def _string(dumper, text: str):
    style = None
    if resolve_plain(text) != text or not text.isprintable() or text != text.strip() \
            or "  " in text:
        style = '"'
    elif dumper.fold and len(text) > 72 and " " in text:
        style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _string)
# A date stays plain, as the examples write it: rtdraft reads 2019-10-08 as that text.
_Dumper.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}
_Dumper.add_representer(Flow, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=True))


class _Plain(_Dumper):   # the same representers, no folding
    fold = False


def dump(data: dict, name: str = "outline.yaml") -> tuple[str, Source]:
    """The YAML text and the outline read back from it (positions for comments)."""
    ordered = {k: data[k] for k in TOP_ORDER if k in data}
    if "meeting" in ordered:
        meeting = ordered["meeting"]
        ordered["meeting"] = {k: meeting[k] for k in MEETING_ORDER if k in meeting}
        if isinstance(ordered["meeting"].get("dates"), list):
            ordered["meeting"]["dates"] = Flow(ordered["meeting"]["dates"])
    for dumper in (_Dumper, _Plain):
        text = yaml.dump(ordered, Dumper=dumper, allow_unicode=True, sort_keys=False,
                         width=WIDTH, default_flow_style=False)
        source = parse_text(text, Source(name))
        if source.ok and source.data == ordered:
            return text, source
    return text, source
