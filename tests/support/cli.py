"""The command line as a user runs it, in this process: click's CliRunner on rtdraft's main."""

from click.testing import CliRunner, Result

from rtdraft.cli import main


def run(*args, **options) -> Result:
    """`rtdraft ARGS`: exit code, output and error output in the result. An exception that is
    not rtdraft's own answer (a traceback a user would see) fails the test where it is raised."""
    options.setdefault("catch_exceptions", False)
    return CliRunner().invoke(main, [str(a) for a in args], **options)
