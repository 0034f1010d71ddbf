"""Fixtures of the import tests."""

import pytest
from support.readers import need

from rtdraft.office.process import Office


@pytest.fixture(scope="module")
def office():
    """One LibreOffice for a test module's saves, started by the first test that asks."""
    need("soffice")
    with Office(timeout=300) as running:
        yield running
