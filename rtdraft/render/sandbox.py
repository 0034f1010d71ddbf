"""Running templates (Markdown, HTML), the user's included, in Jinja2's sandbox.

A template arranges text; it cannot reach Python. Folders are searched in order
(the user's --template-dir before the defaults), and every failure becomes a
TemplateError (exit 4) naming the template and line, never a traceback.
(Issue 12 makes this module bound template files and rendering time; the
interface, environment(folders, **options) and render(env, name, context), is
the same.)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import TemplateError


def environment(folders: Iterable[Path], **options) -> jinja2.Environment:
    """A sandboxed environment loading from folders (the first that has a name wins)."""
    loader = jinja2.FileSystemLoader([str(folder) for folder in folders])
    return ImmutableSandboxedEnvironment(loader=loader, undefined=jinja2.StrictUndefined,
                                         **options)


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    """Render template `name`; any failure becomes a TemplateError."""
    try:
        return env.get_template(name).render(context)
    except SecurityError as exc:
        raise TemplateError(f"template refused: {exc}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: template error: "
                            f"{exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{name}: template error: {exc}") from None
