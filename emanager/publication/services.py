"""Writes of the publication review: publish, decline, unpublish, and the citizen's withdrawal.

Each is atomic, keyword-only, locks the letter (so that a withdrawal of
consent and a publication cannot cross), and records in the letter's
timeline what the public can see change: published, removed, consent
withdrawn.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emanager.letters.choices import EventKind, LetterStatus, MessageStatus, Outcome, Publication
from emanager.letters.models import Letter, Message
from emanager.letters.timeline import event_append
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState

PUBLIC_CHOICES = (Publication.PUBLIC_NAMED, Publication.PUBLIC_ANONYMOUS)


class PublicationRefused(ValueError):
    """The letter or answer cannot be published (or unpublished) in its present state."""


def _actor_label(actor) -> str:
    return (actor.get_full_name() or actor.get_username()) if actor is not None else ""


def _locked(letter: Letter) -> Letter:
    return Letter.objects.select_for_update().get(pk=letter.pk)


def may_be_published(letter: Letter) -> bool:
    """The author allowed it, the letter is registered, and not withdrawn by its author."""
    return (
        letter.publication in PUBLIC_CHOICES
        and letter.status != LetterStatus.UNCONFIRMED
        and letter.outcome != Outcome.WITHDRAWN
    )


def _check_publishable(letter: Letter) -> None:
    if letter.publication not in PUBLIC_CHOICES:
        raise PublicationRefused(_("The author did not allow this letter to be published."))
    if not may_be_published(letter):
        raise PublicationRefused(_("A withdrawn or unregistered letter is not published."))


def _record(review, *, actor, now: datetime.datetime) -> None:
    review.reviewed_by = actor
    review.reviewed_at = now


@transaction.atomic
def letter_publish(
    *,
    letter: Letter,
    actor,
    subject: str,
    text: str,
    redactions: list[dict] | None = None,
    flags: list[dict] | None = None,
    now: datetime.datetime | None = None,
) -> PublicLetter:
    """Store the reviewed public version of the letter and show it in public.

    ``subject`` and ``text`` are the public version the clerk approved;
    ``redactions`` and ``flags`` what the review found, kept for the audit.
    Publishing again replaces the public version.
    """
    letter = _locked(letter)
    _check_publishable(letter)
    if not subject.strip() or not text.strip():
        raise PublicationRefused(_("The public version needs a subject and a text."))
    when = now or timezone.now()
    public, _created = PublicLetter.objects.get_or_create(letter=letter)
    updated = public.state == ReviewState.PUBLISHED
    public.state = ReviewState.PUBLISHED
    public.public_subject = subject.strip()
    public.public_text = text.strip()
    public.public_name = (
        letter.author_name if letter.publication == Publication.PUBLIC_NAMED else ""
    )
    public.redactions = redactions or []
    public.flags = flags or []
    public.reason = ""
    public.published_at = when
    # The archive's order (and its cursor) reads this copy, not the letter.
    public.registered_at = letter.registered_at
    _record(public, actor=actor, now=when)
    public.save()
    event_append(
        letter=letter,
        kind=EventKind.PUBLISHED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"updated": True} if updated else {},
        now=now,
    )
    return public


def _take_down_answers(letter: Letter, *, actor, now: datetime.datetime) -> int:
    """The letter left the public pages: its published answers wait for review again."""
    return PublicAnswer.objects.filter(message__letter=letter, state=ReviewState.PUBLISHED).update(
        state=ReviewState.PENDING, published_at=None, reviewed_by=actor, reviewed_at=now
    )


@transaction.atomic
def letter_unpublish(
    *, letter: Letter, actor, reason: str, now: datetime.datetime | None = None
) -> PublicLetter:
    """Remove the letter (and its answers) from the public pages; it waits for review again."""
    letter = _locked(letter)
    public = PublicLetter.objects.filter(letter=letter).first()
    if public is None or public.state != ReviewState.PUBLISHED:
        raise PublicationRefused(_("This letter is not published."))
    if not reason.strip():
        raise PublicationRefused(_("Give the reason for removing it from the public pages."))
    reason = reason.strip()
    when = now or timezone.now()
    answers = _take_down_answers(letter, actor=actor, now=when)
    public.state = ReviewState.PENDING
    public.published_at = None
    public.reason = reason
    _record(public, actor=actor, now=when)
    public.save()
    event_append(
        letter=letter,
        kind=EventKind.UNPUBLISHED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"reason": reason, "answers": answers},
        now=now,
    )
    return public


@transaction.atomic
def letter_decline(
    *, letter: Letter, actor, reason: str, now: datetime.datetime | None = None
) -> PublicLetter:
    """Decide not to publish the letter (nor its answers), with the reason.

    A letter that was in public leaves it, which its timeline records.
    """
    letter = _locked(letter)
    if not reason.strip():
        raise PublicationRefused(_("Give the reason for declining publication."))
    when = now or timezone.now()
    public, _created = PublicLetter.objects.get_or_create(letter=letter)
    was_public = public.state == ReviewState.PUBLISHED
    answers = _take_down_answers(letter, actor=actor, now=when)
    public.state = ReviewState.DECLINED
    public.public_subject = ""
    public.public_text = ""
    public.public_name = ""
    public.published_at = None
    public.reason = reason.strip()
    _record(public, actor=actor, now=when)
    public.save()
    if was_public:
        event_append(
            letter=letter,
            kind=EventKind.UNPUBLISHED,
            actor=actor,
            actor_label=_actor_label(actor),
            data={"reason": public.reason, "answers": answers},
            now=now,
        )
    return public


def _answer_locked(message: Message) -> tuple[Letter, Message]:
    letter = _locked(message.letter)
    message = Message.objects.select_for_update().get(pk=message.pk, letter=letter)
    if not message.is_answer or message.status != MessageStatus.SENT:
        raise PublicationRefused(_("Only an answer sent to the citizen can be published."))
    return letter, message


@transaction.atomic
def answer_publish(
    *,
    message: Message,
    actor,
    text: str,
    redactions: list[dict] | None = None,
    flags: list[dict] | None = None,
    now: datetime.datetime | None = None,
) -> PublicAnswer:
    """Publish the reviewed public version of an answer, once its letter is published."""
    letter, message = _answer_locked(message)
    _check_publishable(letter)
    published = PublicLetter.objects.filter(letter=letter, state=ReviewState.PUBLISHED).exists()
    if not published:
        raise PublicationRefused(
            _("Publish the letter first: an answer is published only with its letter.")
        )
    if not text.strip():
        raise PublicationRefused(_("The public version needs a text."))
    when = now or timezone.now()
    public, _created = PublicAnswer.objects.get_or_create(message=message)
    updated = public.state == ReviewState.PUBLISHED
    public.state = ReviewState.PUBLISHED
    public.public_text = text.strip()
    public.redactions = redactions or []
    public.flags = flags or []
    public.reason = ""
    public.published_at = when
    _record(public, actor=actor, now=when)
    public.save()
    data = {"message": message.pk}
    if updated:
        data["updated"] = True
    event_append(
        letter=letter,
        kind=EventKind.PUBLISHED,
        actor=actor,
        actor_label=_actor_label(actor),
        data=data,
        now=now,
    )
    return public


@transaction.atomic
def answer_unpublish(
    *, message: Message, actor, reason: str, now: datetime.datetime | None = None
) -> PublicAnswer:
    letter, message = _answer_locked(message)
    public = PublicAnswer.objects.filter(message=message).first()
    if public is None or public.state != ReviewState.PUBLISHED:
        raise PublicationRefused(_("This answer is not published."))
    if not reason.strip():
        raise PublicationRefused(_("Give the reason for removing it from the public pages."))
    reason = reason.strip()
    when = now or timezone.now()
    public.state = ReviewState.PENDING
    public.published_at = None
    public.reason = reason
    _record(public, actor=actor, now=when)
    public.save()
    event_append(
        letter=letter,
        kind=EventKind.UNPUBLISHED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"message": message.pk, "reason": reason},
        now=now,
    )
    return public


@transaction.atomic
def answer_decline(
    *, message: Message, actor, reason: str, now: datetime.datetime | None = None
) -> PublicAnswer:
    letter, message = _answer_locked(message)
    if not reason.strip():
        raise PublicationRefused(_("Give the reason for declining publication."))
    when = now or timezone.now()
    public, _created = PublicAnswer.objects.get_or_create(message=message)
    was_public = public.state == ReviewState.PUBLISHED
    public.state = ReviewState.DECLINED
    public.public_text = ""
    public.published_at = None
    public.reason = reason.strip()
    _record(public, actor=actor, now=when)
    public.save()
    if was_public:
        event_append(
            letter=letter,
            kind=EventKind.UNPUBLISHED,
            actor=actor,
            actor_label=_actor_label(actor),
            data={"message": message.pk, "reason": public.reason},
            now=now,
        )
    return public


@transaction.atomic
def letter_consent_withdraw(*, letter: Letter, now: datetime.datetime | None = None) -> Letter:
    """The citizen withdraws consent to publication: the letter becomes private for good.

    The public versions of the letter and of its answers are deleted, so the
    letter leaves every public page, export, feed and API at once. The
    consent once given stays recorded on the letter (its text and time), and
    the withdrawal in its timeline. Withdrawing twice changes nothing.
    """
    letter = _locked(letter)
    if letter.publication == Publication.PRIVATE:
        return letter
    previous = letter.publication
    letter.publication = Publication.PRIVATE
    letter.save(update_fields=["publication"])
    was_published = PublicLetter.objects.filter(letter=letter, state=ReviewState.PUBLISHED).exists()
    PublicAnswer.objects.filter(message__letter=letter).delete()
    PublicLetter.objects.filter(letter=letter).delete()
    event_append(
        letter=letter,
        kind=EventKind.CONSENT_WITHDRAWN,
        actor_label="citizen",
        data={"from": previous, "was_published": was_published},
        now=now,
    )
    return letter
