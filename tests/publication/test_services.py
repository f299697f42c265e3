"""Publishing, declining and unpublishing letters and answers; the timeline records it."""

from __future__ import annotations

import pytest

from emanager.letters.choices import EventKind, Outcome, Publication
from emanager.letters.models import Event, Letter
from emanager.letters.services import letter_withdraw
from emanager.letters.timeline import chain_verify
from emanager.publication import services
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState

pytestmark = pytest.mark.django_db


def kinds(letter: Letter) -> list[str]:
    return list(Event.objects.filter(letter=letter).order_by("seq").values_list("kind", flat=True))


def publish(letter, actor, **kwargs):
    return services.letter_publish(
        letter=letter,
        actor=actor,
        subject=kwargs.pop("subject", "გზის შეკეთება"),
        text=kwargs.pop("text", "გთხოვთ შეაკეთოთ გზა."),
        **kwargs,
    )


def test_publishing_stores_the_public_version_apart_and_records_it(public_letter, staff):
    letter = public_letter()
    public = publish(
        letter,
        staff["head"],
        redactions=[{"field": "text", "kind": "phone", "start": 1, "end": 5}],
        flags=[{"field": "text", "category": "health", "word": "დიაბეტი", "start": 9}],
    )
    public.refresh_from_db()
    assert public.state == ReviewState.PUBLISHED
    assert public.public_text == "გთხოვთ შეაკეთოთ გზა."
    assert public.reviewed_by == staff["head"] and public.reviewed_at is not None
    assert public.published_at is not None
    assert public.redactions[0]["kind"] == "phone"
    assert public.flags[0]["category"] == "health"
    letter.refresh_from_db()
    assert "ნინო ბერიძე" in letter.body  # the original is untouched
    assert kinds(letter)[-1] == EventKind.PUBLISHED
    assert chain_verify(letter.municipality) is None


def test_an_anonymous_letter_shows_no_name_and_a_named_one_the_authors(public_letter, staff):
    anonymous = publish(public_letter(), staff["head"])
    named = publish(public_letter(publication=Publication.PUBLIC_NAMED), staff["head"])
    assert anonymous.public_name == ""
    assert named.public_name == "ნინო ბერიძე"


def test_publishing_again_replaces_the_public_version(public_letter, staff):
    letter = public_letter()
    publish(letter, staff["head"], text="პირველი")
    public = publish(letter, staff["head"], text="მეორე")
    assert PublicLetter.objects.get(letter=letter).public_text == "მეორე" == public.public_text
    last = Event.objects.filter(letter=letter).order_by("-seq").first()
    assert last.kind == EventKind.PUBLISHED and last.data == {"updated": True}


def test_a_private_letter_cannot_be_published(write_letter, staff):
    letter = write_letter(publication=Publication.PRIVATE)
    with pytest.raises(services.PublicationRefused, match="did not allow"):
        publish(letter, staff["admin"])
    assert not PublicLetter.objects.exists()


def test_a_letter_withdrawn_by_its_author_cannot_be_published(public_letter, staff):
    letter = letter_withdraw(letter=public_letter())
    assert letter.outcome == Outcome.WITHDRAWN
    with pytest.raises(services.PublicationRefused, match="withdrawn"):
        publish(letter, staff["head"])


def test_an_empty_public_version_is_refused(public_letter, staff):
    with pytest.raises(services.PublicationRefused, match="subject and a text"):
        publish(public_letter(), staff["head"], text="  ")


def test_declining_keeps_the_reason_and_no_public_text(public_letter, staff):
    letter = public_letter()
    public = services.letter_decline(
        letter=letter, actor=staff["head"], reason="ბავშვის მონაცემები"
    )
    assert public.state == ReviewState.DECLINED
    assert public.reason == "ბავშვის მონაცემები"
    assert public.public_text == "" and public.public_subject == ""
    # Nothing was public: the timeline has nothing to say.
    assert EventKind.UNPUBLISHED not in kinds(letter)


def test_declining_a_published_letter_takes_it_and_its_answers_down(public_letter, staff, answer):
    letter = public_letter()
    message = answer(letter)
    publish(letter, staff["head"])
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    services.letter_decline(letter=letter, actor=staff["head"], reason="განსაკუთრებული კატეგორია")
    assert kinds(letter)[-1] == EventKind.UNPUBLISHED
    assert PublicAnswer.objects.get(message=message).state == ReviewState.PENDING


def test_a_decline_needs_a_reason(public_letter, staff):
    with pytest.raises(services.PublicationRefused, match="reason"):
        services.letter_decline(letter=public_letter(), actor=staff["head"], reason=" ")


def test_unpublishing_sends_the_letter_back_to_the_queue(public_letter, staff, answer):
    letter = public_letter()
    message = answer(letter)
    publish(letter, staff["head"])
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    public = services.letter_unpublish(letter=letter, actor=staff["head"], reason="შეცდომა")
    assert public.state == ReviewState.PENDING and public.published_at is None
    assert PublicAnswer.objects.get(message=message).state == ReviewState.PENDING
    event = Event.objects.filter(letter=letter).order_by("-seq").first()
    assert event.kind == EventKind.UNPUBLISHED
    assert event.data == {"reason": "შეცდომა", "answers": 1}


def test_only_a_published_letter_can_be_unpublished(public_letter, staff):
    with pytest.raises(services.PublicationRefused, match="not published"):
        services.letter_unpublish(letter=public_letter(), actor=staff["head"], reason="x")


def test_an_answer_is_published_only_once_its_letter_is(public_letter, staff, answer):
    letter = public_letter()
    message = answer(letter)
    with pytest.raises(services.PublicationRefused, match="Publish the letter first"):
        services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    publish(letter, staff["head"])
    public = services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    assert public.state == ReviewState.PUBLISHED
    event = Event.objects.filter(letter=letter).order_by("-seq").first()
    assert event.kind == EventKind.PUBLISHED and event.data == {"message": message.pk}


def test_a_message_that_is_not_a_sent_answer_cannot_be_published(public_letter, staff):
    from emanager.letters.services import letter_reply

    letter = public_letter()
    publish(letter, staff["head"])
    reply = letter_reply(letter=letter, body="დამატებითი ინფორმაცია", files=[])
    with pytest.raises(services.PublicationRefused, match="sent to the citizen"):
        services.answer_publish(message=reply, actor=staff["head"], text="x")


def test_an_answer_can_be_declined_and_unpublished(public_letter, staff, answer):
    letter = public_letter()
    message = answer(letter)
    publish(letter, staff["head"])
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    services.answer_unpublish(message=message, actor=staff["head"], reason="თანხა დასაზუსტებელია")
    assert PublicAnswer.objects.get(message=message).state == ReviewState.PENDING
    services.answer_decline(message=message, actor=staff["head"], reason="შიდა ინფორმაცია")
    public = PublicAnswer.objects.get(message=message)
    assert public.state == ReviewState.DECLINED and public.public_text == ""


def test_withdrawing_consent_makes_the_letter_private_and_deletes_the_public_versions(
    public_letter, staff, answer
):
    letter = public_letter()
    message = answer(letter)
    publish(letter, staff["head"])
    services.answer_publish(message=message, actor=staff["head"], text="გზა შეკეთდა.")
    letter = services.letter_consent_withdraw(letter=letter)
    letter.refresh_from_db()
    assert letter.publication == Publication.PRIVATE
    assert not PublicLetter.objects.filter(letter=letter).exists()
    assert not PublicAnswer.objects.filter(message__letter=letter).exists()
    event = Event.objects.filter(letter=letter).order_by("-seq").first()
    assert event.kind == EventKind.CONSENT_WITHDRAWN
    assert event.data == {"from": Publication.PUBLIC_ANONYMOUS, "was_published": True}
    # The consent once given stays on record.
    assert letter.consent_at is not None
    assert chain_verify(letter.municipality) is None


def test_withdrawing_consent_twice_changes_nothing(public_letter):
    letter = services.letter_consent_withdraw(letter=public_letter())
    services.letter_consent_withdraw(letter=letter)
    assert kinds(letter).count(EventKind.CONSENT_WITHDRAWN) == 1


def test_after_withdrawal_nothing_can_be_published_again(public_letter, staff):
    letter = services.letter_consent_withdraw(letter=public_letter())
    with pytest.raises(services.PublicationRefused):
        publish(letter, staff["head"])
