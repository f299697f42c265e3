import pytest
from django.core.cache import cache

from tests.factories import MunicipalityFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the data versions of a rolled-back test come back."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(
        slug="lanchkhuti",
        name_ka="ლანჩხუთის მუნიციპალიტეტი",
        name_en="Lanchkhuti Municipality",
        name_ru="Муниципалитет Ланчхути",
    )
