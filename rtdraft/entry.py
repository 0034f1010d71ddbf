"""The `rtdraft` command: the CLI with the garbage collector off, left without teardown.

A render is a short-lived process that makes many small objects and frees them all at exit.
The collector's passes over them (at start-up, while importing) and the freeing of every
module and object when Python shuts down cost time and give back nothing to a process that
ends anyway (docs/performance.md). Every command has written and closed its files, and
removed its temporary folders, before it returns, so nothing is lost by not tearing down."""

import gc
import os
import sys


def main() -> None:
    gc.disable()
    gc.freeze()
    from .cli import main as cli
    from .errors import OUTPUT
    try:
        cli(prog_name="rtdraft")
        code = 0
    except SystemExit as done:
        code = done.code
    if code is None:
        code = 0
    elif not isinstance(code, int):   # sys.exit("message"), as Python would show it
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):     # a closed or full stdout: as cli's _Group says it
        os.write(2, b"Error: cannot write to standard output\n")
        code = code or OUTPUT
    os._exit(code)
