"""rtdraft: draft government meeting summaries from a YAML outline."""

__version__ = "0.1.0"
