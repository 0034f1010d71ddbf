"""One term for a kind of session: in its sessions' label and in the heading above them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document.model import session_label
from ..languages.labels import labels_for
from ..languages.typography import folded
from . import Finding, Outline, rule

# Words every kind's label may share, which name no kind: session, séance.
_GENERIC = {"session", "seance"}


def _terms(text: str, small: set[str]) -> set[str]:
    """The words of a text, folded and singular (séances -> seance, groupes -> groupe)."""
    words = re.findall(r"[a-z0-9]+", folded(text.replace("{n}", " ")))
    return {re.sub(r"(?<=..)[sx]$", "", w) for w in words if w not in small and len(w) > 1}


@rule("group-heading-term")
def group_heading_term(outline: Outline) -> Iterator[Finding]:
    """A session group's heading that does not use the term of its sessions' label.

    The heading above a kind of session and the label of each session name the
    sessions with one term, so a reader sees they are the same: "Atelier 1"
    under "Faits saillants des ateliers", not under "Faits saillants des séances
    en petits groupes" (in French a breakout session is a "séance en petits
    groupes", a workshop an "atelier"). Change the heading, or the label
    (`session_groups.KIND.label`).

    Bad:  heading: Highlights from Working Groups      (label "Breakout Session {n}")
    Good: heading: Highlights from Breakout Sessions
    """
    labels = labels_for(outline.language, outline.data.get("labels"))
    small = set(outline.words("small_words", set())) | set(outline.words("initials_skip", set()))
    kinds = {s["kind"] for s in outline.data.get("sessions") or []}
    for kind, group in (outline.data.get("session_groups") or {}).items():
        if kind not in kinds or not (group or {}).get("heading"):
            continue
        label = session_label(kind, group, labels)
        wanted = _terms(label, small)
        wanted = (wanted - _GENERIC) or wanted
        if wanted and not wanted & _terms(group["heading"], small):
            shown = label.replace("{n}", "1")
            yield Finding(("session_groups", kind, "heading"),
                          f"the sessions under this heading are labelled '{shown}', ...: name "
                          "them with the same term here, or change the label "
                          f"(session_groups.{kind}.label)", group["heading"])
