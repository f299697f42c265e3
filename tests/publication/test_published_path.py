"""The one published path, and the public page of a letter that reads through it."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from emanager.directory.models import Body
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.models import Letter
from emanager.letters.services import letter_withdraw
from emanager.publication import services
from emanager.publication.redaction import SpanKind, placeholder
from emanager.publication.review import review_draft
from emanager.publication.selectors import PublishedLetter, published_letters
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

ORIGINAL_SECRETS = (
    "01024012345",
    "599 12 34 56",
    "ჟორდანიას ქ. №12",
    "nino.private@example.ge",
    "+995 577 11 22 33",
    # The same phone number however it is spaced ("577" alone also matches timestamps).
    "577 11 22 33",
    "577112233",
    "577-11-22-33",
    "ნინო",
    "ბერიძე",
)


def reviewed(letter, actor):
    """Publish the letter as the review page proposes it: every suggestion applied."""
    draft = review_draft(letter=letter)
    return services.letter_publish(
        letter=letter, actor=actor, subject=draft.public_subject, text=draft.public_text
    )


def uuids(letters) -> set:
    return {letter.uuid for letter in letters}


def test_only_published_letters_with_consent_are_on_the_path(public_letter, write_letter, staff):
    published = public_letter()
    reviewed(published, staff["head"])
    unreviewed = public_letter()
    declined = public_letter()
    services.letter_decline(letter=declined, actor=staff["head"], reason="x")
    withdrawn_consent = public_letter()
    reviewed(withdrawn_consent, staff["head"])
    services.letter_consent_withdraw(letter=withdrawn_consent)
    withdrawn_letter = public_letter()
    reviewed(withdrawn_letter, staff["head"])
    letter_withdraw(letter=withdrawn_letter)
    unpublished = public_letter()
    reviewed(unpublished, staff["head"])
    services.letter_unpublish(letter=unpublished, actor=staff["head"], reason="x")
    private = write_letter(publication=Publication.PRIVATE)
    assert uuids(published_letters()) == {published.uuid}
    for letter in (unreviewed, declined, withdrawn_consent, withdrawn_letter, unpublished, private):
        assert published_letters().get(letter.uuid) is None


def test_consent_changed_behind_the_reviews_back_hides_the_letter(public_letter, staff):
    letter = public_letter()
    reviewed(letter, staff["head"])
    Letter.objects.filter(pk=letter.pk).update(publication=Publication.PRIVATE)
    assert published_letters().count() == 0


def test_the_path_yields_only_public_fields(public_letter, staff, answer):
    letter = public_letter()
    message = answer(letter)
    reviewed(letter, staff["head"])
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    [item] = list(published_letters())
    assert isinstance(item, PublishedLetter)
    names = {f.name for f in dataclasses.fields(item)}
    assert not names & {"author_email", "author_phone", "author_address", "author_name"}
    assert isinstance(item.body, Body)  # the addressee body, not the original text
    text = repr(dataclasses.asdict(item))
    for secret in ORIGINAL_SECRETS:
        assert secret not in item.text and secret not in item.subject
    assert "nino.private@example.ge" not in text
    assert item.number == letter.number
    assert item.name == ""
    assert [a.text for a in item.answers] == ["გზა შეკეთდა."]


def test_only_published_answers_come_with_the_letter(public_letter, staff, answer):
    letter = public_letter()
    first, second = answer(letter), answer(letter, body="მეორე პასუხი")
    reviewed(letter, staff["head"])
    services.answer_publish(message=second, actor=staff["head"], text="მეორე")
    assert [a.text for a in published_letters().get(letter.uuid).answers] == ["მეორე"]
    assert first.pk != second.pk


def test_the_path_filters_by_municipality_and_safe_fields_only(public_letter, staff, bodies):
    letter = public_letter()
    reviewed(letter, staff["head"])
    other = MunicipalityFactory(slug="ozurgeti")
    assert published_letters(other).count() == 0
    assert published_letters(letter.municipality).count() == 1
    assert published_letters().filter(kind=LetterKind.COMPLAINT).count() == 0
    assert published_letters().filter(body=bodies["finance"]).count() == 1
    with pytest.raises(TypeError):
        published_letters().filter(author_email="nino.private@example.ge")


def test_the_path_pages_with_djangos_paginator(public_letter, staff):
    for _ in range(3):
        reviewed(public_letter(), staff["head"])
    page = Paginator(published_letters(), 2).get_page(2)
    assert page.paginator.count == 3
    assert len(page.object_list) == 1
    assert published_letters()[0].registered_at >= published_letters()[2].registered_at


def test_answered_on_day_counts_from_registration(public_letter, staff, answer):
    letter = public_letter()
    answer(letter)
    reviewed(letter, staff["head"])
    registered = letter.registered_at - datetime.timedelta(days=5)
    Letter.objects.filter(pk=letter.pk).update(
        registered_at=registered,
        deadline=timezone.localdate(registered + datetime.timedelta(days=3)),
    )
    item = published_letters().get(letter.uuid)
    assert item.answered_on_day == 5
    assert item.answered_late_by == 2


# --- The public page ---------------------------------------------------------------------


def public_url(letter, lang="en") -> str:
    return f"/{lang}/letters/public/{letter.uuid}/"


def test_the_public_page_url_is_named():
    import uuid

    value = uuid.uuid4()
    assert reverse("letters:public_letter", kwargs={"uuid": value}).endswith(
        f"/letters/public/{value}/"
    )


def test_the_public_page_shows_the_redacted_letter_and_its_facts(
    client, public_letter, staff, answer
):
    letter = public_letter()
    message = answer(letter)
    reviewed(letter, staff["head"])
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    response = client.get(public_url(letter))
    assert response.status_code == 200
    html = response.content.decode()
    assert letter.number in html
    assert placeholder(SpanKind.PHONE, letter.language) in html
    assert "The author chose not to be named" in html
    assert "გზა შეკეთდა." in html
    assert "on the day of registration" in html
    assert "within the deadline" in html
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_public_page_never_shows_the_original_or_the_contacts(
    client, public_letter, staff, answer
):
    letter = public_letter()
    message = answer(letter)
    reviewed(letter, staff["head"])
    services.answer_publish(
        message=message,
        actor=staff["head"],
        text=review_draft(letter=letter, message=message).public_text,
    )
    html = client.get(public_url(letter, "ka")).content.decode()
    for secret in ORIGINAL_SECRETS:
        assert secret not in html, secret
    assert "ქ. ლანჩხუთი, ჟორდანიას" not in html


def test_a_named_letter_shows_the_authors_name_only(client, public_letter, staff):
    letter = public_letter(publication=Publication.PUBLIC_NAMED)
    reviewed(letter, staff["head"])
    html = client.get(public_url(letter)).content.decode()
    assert "ნინო ბერიძე" in html
    for secret in ("01024012345", "599 12 34 56", "nino.private@example.ge", "577 11 22 33"):
        assert secret not in html


@pytest.mark.parametrize(
    "state", ["private", "unreviewed", "declined", "consent_withdrawn", "letter_withdrawn"]
)
def test_the_public_page_is_404_for_anything_not_published(
    client, public_letter, write_letter, staff, state
):
    if state == "private":
        letter = write_letter(publication=Publication.PRIVATE)
    else:
        letter = public_letter()
    if state == "declined":
        services.letter_decline(letter=letter, actor=staff["head"], reason="x")
    if state == "consent_withdrawn":
        reviewed(letter, staff["head"])
        services.letter_consent_withdraw(letter=letter)
    if state == "letter_withdrawn":
        reviewed(letter, staff["head"])
        letter_withdraw(letter=letter)
    assert client.get(public_url(letter)).status_code == 404


def test_the_public_page_of_another_municipality_is_404(client, public_letter, staff):
    letter = public_letter()
    reviewed(letter, staff["head"])
    Letter.objects.filter(pk=letter.pk).update(municipality=MunicipalityFactory(slug="ozurgeti"))
    assert client.get(public_url(letter)).status_code == 404
