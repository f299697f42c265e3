"""The citizen withdraws consent to publication on the tracking page, at any time."""

from __future__ import annotations

import pytest

from emanager.letters import tokens
from emanager.letters.choices import EventKind, LetterStatus, Publication
from emanager.letters.models import Event, Letter
from emanager.publication import services
from emanager.publication.models import PublicAnswer, PublicLetter

pytestmark = pytest.mark.django_db


def track_url(letter) -> str:
    return f"/en/letters/track/{tokens.tracking_token(letter)}/"


def consent_url(letter) -> str:
    return f"/en/letters/track/{tokens.tracking_token(letter)}/consent/"


def test_the_tracking_page_offers_the_withdrawal_of_consent(client, public_letter):
    letter = public_letter()
    html = client.get(track_url(letter)).content.decode()
    assert "You allowed this letter and the municipality's answer to be published" in html
    assert "It is not published yet" in html
    assert f'action="{consent_url(letter)}"' in html


def test_a_private_letter_offers_no_withdrawal(client, write_letter):
    letter = write_letter(publication=Publication.PRIVATE)
    assert consent_url(letter) not in client.get(track_url(letter)).content.decode()


def test_the_tracking_page_links_the_published_letter(client, public_letter, staff):
    letter = public_letter()
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    html = client.get(track_url(letter)).content.decode()
    assert "It is published." in html
    assert f'href="/en/letters/public/{letter.uuid}/"' in html


def test_withdrawing_asks_for_confirmation_first(client, public_letter, staff):
    letter = public_letter()
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    response = client.post(consent_url(letter))
    assert response.status_code == 200
    assert "Withdraw your consent to publication?" in response.content.decode()
    letter.refresh_from_db()
    assert letter.publication == Publication.PUBLIC_ANONYMOUS
    assert PublicLetter.objects.filter(letter=letter).exists()


def test_confirmed_withdrawal_removes_the_letter_from_public_at_once(
    client, public_letter, staff, answer
):
    letter = public_letter()
    message = answer(letter)
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    public = f"/en/letters/public/{letter.uuid}/"
    assert client.get(public).status_code == 200
    response = client.post(consent_url(letter), {"confirm": "yes"}, follow=True)
    assert "Your consent is withdrawn" in response.content.decode()
    letter.refresh_from_db()
    assert letter.publication == Publication.PRIVATE
    assert not PublicLetter.objects.exists() and not PublicAnswer.objects.exists()
    assert Event.objects.filter(letter=letter, kind=EventKind.CONSENT_WITHDRAWN).exists()
    assert client.get(public).status_code == 404
    # The timeline tells the citizen, and the offer is gone.
    html = client.get(track_url(letter)).content.decode()
    assert "Consent to publication withdrawn" in html
    assert consent_url(letter) not in html


def test_consent_can_be_withdrawn_from_a_closed_letter(client, public_letter):
    letter = public_letter()
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.CLOSED)
    assert consent_url(letter) in client.get(track_url(letter)).content.decode()
    client.post(consent_url(letter), {"confirm": "yes"})
    letter.refresh_from_db()
    assert letter.publication == Publication.PRIVATE


def test_withdrawal_needs_post_and_a_valid_link(client, public_letter):
    letter = public_letter()
    assert client.get(consent_url(letter)).status_code == 405
    assert client.post("/en/letters/track/not-a-token/consent/").status_code == 404


def test_staff_see_the_withdrawal_on_the_letter_page(login, staff, public_letter):
    from django.urls import reverse

    letter = services.letter_consent_withdraw(letter=public_letter())
    html = login(staff["head"]).get(reverse("letters:staff_letter", kwargs={"uuid": letter.uuid}))
    assert "They withdrew their consent on" in html.content.decode()


def test_a_letter_withdrawn_by_its_author_says_it_is_not_published(client, public_letter):
    from emanager.letters.services import letter_withdraw

    letter = letter_withdraw(letter=public_letter())
    assert (
        "You withdrew the letter: it is not published."
        in client.get(track_url(letter)).content.decode()
    )
