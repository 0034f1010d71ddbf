"""The `rtdraft` command: the CLI with the garbage collector off.

A render is a short-lived process that makes many small objects and frees them all at exit;
the collector's passes over them (at start-up, while importing, and at exit) cost time and
reclaim nothing a process that ends anyway would need (docs/performance.md)."""

import gc


def main() -> None:
    gc.disable()
    gc.freeze()
    from .cli import main as cli
    cli()
