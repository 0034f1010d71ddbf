"""python -m rtdraft: the same as the rtdraft command."""

from .entry import main

main()
