"""python -m rtdraft.lint: print docs/lint.md."""

from . import reference

print(reference(), end="")
