"""The archive page: what each row shows, the filters, their errors and the empty states."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from emanager.letters.choices import LetterKind, LetterStatus, Outcome, Publication
from emanager.letters.models import Letter
from emanager.publication import services
from tests.archive.conftest import LetterFactory, moment
from tests.factories import TerritorialUnitFactory

pytestmark = pytest.mark.django_db

URL = "/en/archive/"


def numbers(response) -> list[str]:
    return re.findall(r'class="journal__number">([^<]+)<', response.content.decode())


def test_the_archive_url_is_named():
    assert reverse("archive:index") == URL


def test_the_archive_shows_published_letters_only_newest_first(
    client, publish, municipality, bodies, reviewer
):
    old = publish(received=datetime.date(2025, 2, 3), number="OLD/25")
    new = publish(received=datetime.date(2025, 9, 3), number="NEW/25")
    LetterFactory(municipality=municipality, addressee_body=bodies["finance"], number="NOT/25")
    private = LetterFactory(
        municipality=municipality,
        addressee_body=bodies["finance"],
        number="PRIV/25",
        publication=Publication.PRIVATE,
    )
    declined = publish(number="DECL/25")
    services.letter_decline(letter=declined, actor=reviewer, reason="Names a neighbour.")
    response = client.get(URL)
    assert response.status_code == 200
    assert numbers(response) == [new.number, old.number]
    assert private.number not in response.content.decode()
    assert "(2 letters)" in response.content.decode()


def test_a_row_shows_number_date_subject_addressee_kind_and_state(client, publish, people, bodies):
    letter = publish(
        subject="ქუჩის განათება",
        received=datetime.date(2025, 4, 7),
        kind=LetterKind.COMPLAINT,
        addressee_official=people["beridze"],
        status=LetterStatus.CLOSED,
        outcome=Outcome.PARTLY_GRANTED,
    )
    html = client.get(URL).content.decode()
    assert letter.number in html
    assert '<time datetime="2025-04-07">' in html
    assert f'href="/en/letters/public/{letter.uuid}/"' in html
    assert "ქუჩის განათება" in html
    assert "Giorgi Beridze" in html and "Finance Service" in html
    assert "Complaint" in html
    assert "Closed — Partly granted" in html
    assert "Answered on day 12" in html


def test_the_archive_has_a_search_box_for_the_full_text_search(client, publish):
    publish()
    html = client.get(URL).content.decode()
    action = reverse("fulltext:search")
    assert re.search(rf'<form[^>]+action="{action}"', html)
    assert 'name="q"' in html


def test_the_main_menu_leads_to_the_archive(client, municipality):
    html = client.get("/en/").content.decode()
    assert f'href="{URL}"' in html
    archive = client.get(URL).content.decode()
    assert f'<a href="{URL}" aria-current="page">' in archive


# --- Filters -------------------------------------------------------------------------


@pytest.fixture
def mixed(publish, bodies, people, municipality):
    """One letter for each filter to find, and one that none of them finds."""
    unit = TerritorialUnitFactory(municipality=municipality, slug="supsa")
    return {
        "plain": publish(number="PLAIN/25", received=datetime.date(2025, 5, 5)),
        "budget": publish(
            number="BUDGET/25", addressee_body=bodies["budget"], received=datetime.date(2025, 6, 2)
        ),
        "sakrebulo": publish(
            number="SAK/26",
            addressee_body=bodies["sakrebulo"],
            addressee_official=people["kvirikashvili"],
            received=datetime.date(2026, 1, 12),
        ),
        "unit": publish(
            number="UNIT/25",
            addressee_unit=unit,
            kind=LetterKind.PROPOSAL,
            received=datetime.date(2025, 7, 1),
        ),
        "open": publish(
            number="OPEN/25",
            received=datetime.date(2025, 12, 1),
            status=LetterStatus.OPEN,
            answered_at=None,
            kind=LetterKind.COMPLAINT,
        ),
        "refused": publish(
            number="REF/25",
            status=LetterStatus.CLOSED,
            outcome=Outcome.REFUSED,
            received=datetime.date(2025, 8, 4),
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("body=finance", {"PLAIN/25", "BUDGET/25", "UNIT/25", "OPEN/25", "REF/25"}),
        ("body=budget", {"BUDGET/25"}),
        ("body=city-hall", {"PLAIN/25", "BUDGET/25", "UNIT/25", "OPEN/25", "REF/25"}),
        ("official=kvirikashvili", {"SAK/26"}),
        ("unit=supsa", {"UNIT/25"}),
        ("kind=complaint", {"OPEN/25"}),
        ("status=open", {"OPEN/25"}),
        ("outcome=refused", {"REF/25"}),
        ("year=2026", {"SAK/26"}),
        ("body=finance&kind=proposal", {"UNIT/25"}),
    ],
)
def test_the_filters_choose_the_letters(client, mixed, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert set(numbers(response)) == expected


def test_the_years_offered_are_those_of_published_letters(client, mixed):
    html = client.get(URL).content.decode()
    assert re.findall(r'<option value="(\d{4})"', html) == ["2026", "2025"]


def test_the_years_skip_gaps_and_follow_local_time(municipality, publish):
    from emanager.publication.selectors import published_letters

    publish(
        received=datetime.date(2026, 1, 1), registered_at=moment(datetime.date(2026, 1, 1), 0, 30)
    )
    publish(
        received=datetime.date(2025, 12, 31),
        registered_at=moment(datetime.date(2025, 12, 31), 23, 30),
    )
    publish(received=datetime.date(2021, 6, 1))
    publish(received=datetime.date(2021, 3, 1))
    # Shortly after midnight on New Year's Day in Tbilisi is still 2025 in UTC.
    assert published_letters(municipality).years() == [2026, 2025, 2021]
    assert published_letters(municipality).filter(kind=LetterKind.COMPLAINT).years() == []


@pytest.mark.parametrize(
    "query",
    [
        "kind=letter",
        "status=unconfirmed",
        "outcome=withdrawn",
        "year=1999",
        "year=abc",
        "body=nowhere",
        "official=nobody",
        "unit=atlantis",
    ],
)
def test_an_invalid_filter_is_explained_not_a_server_error(client, mixed, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "correct the filters below" in html
    assert "Select a valid choice" in html
    assert not numbers(response)


@pytest.mark.parametrize("query", ["before=yesterday", "after=1_x", "before=-99999999999999999_3"])
def test_a_broken_page_link_is_explained(client, mixed, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert "This page link is not valid" in response.content.decode()


def test_no_letter_matching_the_filters_says_so(client, mixed):
    response = client.get(f"{URL}?kind=public_information")
    assert response.status_code == 200
    assert "No published letter matches these filters." in response.content.decode()
    assert "(0 letters)" in response.content.decode()


def test_an_empty_archive_says_so(client, municipality):
    response = client.get(URL)
    assert response.status_code == 200
    assert "No letter has been published yet." in response.content.decode()


def test_the_archive_of_another_municipality_is_not_shown(client, publish, municipality):
    letter = publish()
    from tests.factories import MunicipalityFactory

    Letter.objects.filter(pk=letter.pk).update(municipality=MunicipalityFactory(slug="ozurgeti"))
    assert not numbers(client.get(URL))


# --- The directory leads here --------------------------------------------------------


def test_directory_pages_link_to_their_published_letters(client, bodies, people, municipality):
    unit = TerritorialUnitFactory(municipality=municipality, slug="supsa")
    pages = {
        f"/en/bodies/{bodies['finance'].slug}/": f"{URL}?body=finance",
        f"/en/officials/{people['beridze'].slug}/": f"{URL}?official=beridze",
        f"/en/units/{unit.slug}/": f"{URL}?unit=supsa",
    }
    for page, link in pages.items():
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'href="{link}"' in response.content.decode(), page
        assert client.get(link).status_code == 200, link


def test_the_registration_time_is_that_of_the_letter(publish):
    letter = publish(received=datetime.date(2025, 7, 1))
    assert letter.registered_at == moment(datetime.date(2025, 7, 1))
