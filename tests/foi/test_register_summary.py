"""The summary the officer writes for the public register, when the letter is not published.

It is public text: it is refused when it looks like personal data (the
requester's name or contacts, phones, e-mail addresses, personal numbers,
special categories), and a published letter's reviewed subject takes its place.
"""

from __future__ import annotations

import pytest

from emanager.foi.models import FoiRequest
from emanager.foi.register import register_requests, register_rows
from emanager.foi.services import ActionRefused, foi_summary_save
from emanager.letters.choices import Publication
from emanager.publication import services as publication

pytestmark = pytest.mark.django_db

SUMMARY = "Contracts for the road repairs of 2026 and their amounts"


def row_of(municipality, letter):
    [row] = [
        row
        for row in register_rows(register_requests(municipality), municipality=municipality)
        if row.number == letter.number
    ]
    return row


def test_the_register_shows_the_officer_s_summary(foi_letter, municipality, pio):
    letter = foi_letter()
    assert row_of(municipality, letter).summary_text == "Not published"
    foi_summary_save(letter=letter, actor=pio, summary=f"  {SUMMARY}\n")
    request = FoiRequest.objects.get(letter=letter)
    assert (request.public_summary, request.public_summary_by) == (SUMMARY, pio)
    assert request.public_summary_at is not None
    assert row_of(municipality, letter).summary_text == SUMMARY


def test_a_published_letter_s_reviewed_subject_takes_its_place(foi_letter, municipality, pio):
    letter = foi_letter(publication=Publication.PUBLIC_ANONYMOUS)
    foi_summary_save(letter=letter, actor=pio, summary=SUMMARY)
    publication.letter_publish(
        letter=letter, actor=pio, subject="Road repairs: the reviewed subject", text="Reviewed."
    )
    assert row_of(municipality, letter).summary_text == "Road repairs: the reviewed subject"


@pytest.mark.parametrize(
    "summary",
    [
        "Contracts asked by Tinatin Kvavilashvili",  # the requester's own name
        "Call 599 12 34 56 about the contracts",
        "Send to someone@example.ge",
        "Personal number 01024012345 of the contractor",
    ],
)
def test_personal_data_is_refused(foi_letter, pio, summary):
    letter = foi_letter(author_name="Tinatin Kvavilashvili")
    with pytest.raises(ActionRefused, match="personal data"):
        foi_summary_save(letter=letter, actor=pio, summary=summary)
    assert FoiRequest.objects.get(letter=letter).public_summary == ""


def test_clearing_the_summary_shows_not_published_again(foi_letter, municipality, pio):
    letter = foi_letter()
    foi_summary_save(letter=letter, actor=pio, summary=SUMMARY)
    foi_summary_save(letter=letter, actor=pio, summary="   ")
    request = FoiRequest.objects.get(letter=letter)
    assert (request.public_summary, request.public_summary_by) == ("", None)
    assert row_of(municipality, letter).summary_text == "Not published"


def test_the_officer_writes_it_from_the_letter_page(foi_letter, pio, login):
    letter = foi_letter()
    client = login(pio)
    page = client.get(f"/en/letters/staff/{letter.uuid}/").content.decode()
    assert "Write the summary for the public register" in page
    response = client.post(
        f"/en/public-information/staff/{letter.uuid}/summary/", {"summary-summary": SUMMARY}
    )
    assert response.status_code == 302
    assert FoiRequest.objects.get(letter=letter).public_summary == SUMMARY
    page = client.get(response["Location"]).content.decode()
    assert "The summary for the public register was saved." in page
    assert SUMMARY in page


def test_the_form_shows_what_looks_like_personal_data(foi_letter, pio, login):
    letter = foi_letter()
    response = login(pio).post(
        f"/en/public-information/staff/{letter.uuid}/summary/",
        {"summary-summary": "Ask at 599 12 34 56"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The summary seems to contain personal data" in page
    assert "599 12 34 56" in page
    assert FoiRequest.objects.get(letter=letter).public_summary == ""


def test_staff_of_another_body_cannot_write_it(foi_letter, staff, login):
    letter = foi_letter()
    response = login(staff["official_elsewhere"]).post(
        f"/en/public-information/staff/{letter.uuid}/summary/", {"summary-summary": SUMMARY}
    )
    assert response.status_code == 404
    assert FoiRequest.objects.get(letter=letter).public_summary == ""


def test_the_register_page_shows_the_summary(client, foi_letter, pio):
    letter = foi_letter()
    foi_summary_save(letter=letter, actor=pio, summary=SUMMARY)
    page = client.get("/en/public-information/register/").content.decode()
    assert SUMMARY in page
    assert "Not published" not in page
