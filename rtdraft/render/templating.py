"""Jinja2 for the writers that use templates (Markdown, HTML): the user's folder before
the defaults, Jinja2's sandbox, and one way of reporting a template's faults.

A template can arrange text, not reach into Python: the sandbox refuses attribute
access to internals, and every fault becomes a TemplateError (exit 4) naming the
template and line, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import TemplateError
from ..resources import default_dir


def environment(template_dir: Path | None = None, **options) -> jinja2.Environment:
    loaders = [jinja2.FileSystemLoader(str(default_dir()))]
    if template_dir:
        loaders.insert(0, jinja2.FileSystemLoader(str(template_dir)))
    return ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, **options)


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    try:
        return env.get_template(name).render(context)
    except SecurityError as exc:
        raise TemplateError(f"template refused: {exc}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: template error: "
                            f"{exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{name}: template error: {exc}") from None
