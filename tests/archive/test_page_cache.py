"""The archive's pages are cached for anonymous visitors until the data changes.

Each test changes the data through the real service and reads the page again.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emanager.core import freshness
from emanager.publication import services
from tests.archive.conftest import LetterFactory
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

ARCHIVE = "/en/archive/"


def test_a_saved_letter_changes_its_municipality_version_only(municipality, bodies):
    other = MunicipalityFactory(slug="ozurgeti")
    before, other_before = freshness.version(municipality.pk), freshness.version(other.pk)
    LetterFactory(municipality=municipality, addressee_body=bodies["finance"])
    assert freshness.version(municipality.pk) != before
    assert freshness.version(other.pk) == other_before


def test_cached_computes_once_until_the_data_changes(municipality, bodies):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert freshness.cached(municipality.pk, "probe", compute) == 1
    assert freshness.cached(municipality.pk, "probe", compute) == 1
    LetterFactory(municipality=municipality, addressee_body=bodies["finance"])
    assert freshness.cached(municipality.pk, "probe", compute) == 2


def test_the_archive_is_served_from_the_cache_until_a_letter_is_published(client, publish):
    first = publish(number="FIRST/26")
    with CaptureQueriesContext(connection) as rendering:
        response = client.get(ARCHIVE)
    assert first.number in response.content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(ARCHIVE)
    assert again.content == response.content
    # Finding the municipality (two queries on a single-municipality site) and its data version.
    assert len(queries) <= 3 < len(rendering)
    second = publish(number="SECOND/26")
    assert second.number in client.get(ARCHIVE).content.decode()


def test_a_withdrawn_consent_takes_the_cached_letter_page_down_at_once(client, publish):
    letter = publish(number="GONE/26")
    url = f"/en/letters/public/{letter.uuid}/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # from the cache
    services.letter_consent_withdraw(letter=letter)
    assert client.get(url).status_code == 404
    assert letter.number not in client.get(ARCHIVE).content.decode()


def test_a_signed_in_visitor_gets_a_fresh_page(client, publish, reviewer):
    publish(number="SEEN/26")
    client.get(ARCHIVE)  # cached for anonymous visitors
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as queries:
        client.get(ARCHIVE)
    assert len(queries) > 2


def test_page_cache_off_renders_every_time(client, publish, settings):
    settings.PAGE_CACHE = False
    publish(number="FRESH/26")
    client.get(ARCHIVE)
    with CaptureQueriesContext(connection) as queries:
        client.get(ARCHIVE)
    assert len(queries) > 2
