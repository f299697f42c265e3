"""Several municipalities on one installation: by host name or by URL prefix."""

import pytest

from tests.factories import BodyFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(settings):
    settings.ALLOWED_HOSTS = ["testserver", "emanager.ozurgeti.example.ge"]
    lanchkhuti = MunicipalityFactory(slug="lanchkhuti", name_en="Lanchkhuti")
    ozurgeti = MunicipalityFactory(
        slug="ozurgeti", name_en="Ozurgeti", domain="emanager.ozurgeti.example.ge"
    )
    BodyFactory(municipality=lanchkhuti, slug="finance", name_en="Lanchkhuti finance")
    BodyFactory(municipality=ozurgeti, slug="finance", name_en="Ozurgeti finance")
    return lanchkhuti, ozurgeti


def test_single_municipality_is_the_whole_site(client, municipality):
    response = client.get("/en/")
    assert response.context["municipality"] == municipality


def test_shared_host_root_lists_the_municipalities(client, two):
    response = client.get("/en/")
    assert response.status_code == 200
    assert 'href="/lanchkhuti/"' in response.text
    assert 'href="//emanager.ozurgeti.example.ge/"' in response.text


def test_url_prefix_selects_the_municipality(client, two):
    response = client.get("/lanchkhuti/en/bodies/finance/")
    assert response.status_code == 200
    assert "Lanchkhuti finance" in response.text


def test_links_keep_the_municipality_prefix(client, two):
    response = client.get("/lanchkhuti/en/structure/")
    assert 'href="/lanchkhuti/en/bodies/finance/"' in response.text
    assert 'href="/lanchkhuti/ka/structure/"' in response.text


def test_prefix_without_language_redirects_into_the_municipality(client, two):
    response = client.get("/lanchkhuti/")
    assert response.status_code == 302
    assert response["Location"] == "/lanchkhuti/ka/"


def test_host_name_selects_the_municipality_without_prefix(client, two):
    response = client.get("/en/bodies/finance/", headers={"host": "emanager.ozurgeti.example.ge"})
    assert response.status_code == 200
    assert "Ozurgeti finance" in response.text
    assert 'href="/ka/bodies/finance/"' in response.text


def test_municipality_pages_are_404_on_a_shared_host_root(client, two):
    assert client.get("/en/structure/").status_code == 404


def test_a_body_of_another_municipality_is_not_found_under_this_one(client, two):
    lanchkhuti, _ = two
    BodyFactory(municipality=lanchkhuti, slug="only-here")
    assert client.get("/ozurgeti/en/bodies/only-here/").status_code == 404


def test_slug_cannot_take_a_reserved_path():
    from django.core.exceptions import ValidationError

    municipality = MunicipalityFactory.build(slug="admin", name_ka="x")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "slug" in error.value.message_dict
