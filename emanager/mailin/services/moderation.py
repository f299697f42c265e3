"""The clerk's decisions on an e-mail held for moderation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emanager.letters.choices import Channel
from emanager.letters.models import Letter, Message
from emanager.letters.staff_services import ActionRefused, letter_answer
from emanager.mailin.choices import InboundStatus
from emanager.mailin.models import InboundMail
from emanager.mailin.reading import mail_read
from emanager.mailin.services.common import MailRefused, checked_files


def _held(inbound: InboundMail) -> InboundMail:
    inbound = InboundMail.objects.select_for_update().get(pk=inbound.pk)
    if inbound.status != InboundStatus.HELD:
        raise MailRefused(_("This e-mail is no longer waiting for a decision."))
    return inbound


@dataclass(frozen=True)
class Attached:
    answer: Message
    # The files of the e-mail that did not pass the checks, and why.
    left_out: list[str]


@transaction.atomic
def inbound_attach(
    *, inbound: InboundMail, letter: Letter, actor, now: datetime.datetime | None = None
) -> Attached:
    """A clerk makes a held e-mail the answer of ``letter`` (the view checks they may).

    The answer is the sender's, as if it had come to the letter's reply
    address: its text, and the files that pass the checks. Where the letter's
    body wants its head to approve answers, it waits for the head.
    """
    inbound = _held(inbound)
    if letter.municipality_id != inbound.municipality_id and inbound.municipality_id is not None:
        raise MailRefused(_("The letter belongs to another municipality."))
    checked, problems = checked_files(mail_read(bytes(inbound.raw)).files)
    body = inbound.text.strip() or inbound.full_text.strip()
    if not body and not checked:
        raise MailRefused(_("The e-mail has neither text nor files to send as the answer."))
    try:
        answer = letter_answer(
            letter=letter,
            actor=None,
            body=body,
            files=checked,
            now=now,
            source=Channel.EMAIL,
            author_label=inbound.sender_label,
        )
    except ActionRefused as refusal:
        raise MailRefused(str(refusal)) from refusal
    inbound.status = InboundStatus.ATTACHED
    inbound.letter = letter
    inbound.municipality_id = letter.municipality_id
    inbound.answer = answer
    inbound.moderated_by = actor
    inbound.moderated_at = now or timezone.now()
    inbound.save(
        update_fields=["status", "letter", "municipality", "answer", "moderated_by", "moderated_at"]
    )
    return Attached(answer=answer, left_out=problems)


@transaction.atomic
def inbound_discard(
    *, inbound: InboundMail, actor, now: datetime.datetime | None = None
) -> InboundMail:
    """A clerk discards a held e-mail: it stays on record, and nothing is sent."""
    inbound = _held(inbound)
    inbound.status = InboundStatus.DISCARDED
    inbound.moderated_by = actor
    inbound.moderated_at = now or timezone.now()
    inbound.save(update_fields=["status", "moderated_by", "moderated_at"])
    return inbound
