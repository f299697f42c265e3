import pytest

from tests.factories import MunicipalityFactory


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(
        slug="lanchkhuti",
        name_ka="ლანჩხუთის მუნიციპალიტეტი",
        name_en="Lanchkhuti Municipality",
        name_ru="Муниципалитет Ланчхути",
    )
