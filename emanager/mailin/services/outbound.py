"""Out: a registered letter e-mailed to the official who answers it by e-mail."""

from __future__ import annotations

import datetime
from email.headerregistry import Address

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from emanager.directory.links import absolute_url
from emanager.directory.models import Official
from emanager.letters.models import Letter
from emanager.letters.staff_services import OPEN_STATES
from emanager.mailin import selectors, tokens
from emanager.mailin.models import Dispatch
from emanager.mailin.services.common import STAFF_LANGUAGE, MailRefused
from emanager.notifications.services import OutboxFile, notification_enqueue

# The letter's files go with the e-mail up to this size in all; links always.
ATTACH_LIMIT = 10 * 1024 * 1024


def _addresses(letter: Letter, official: Official, today: datetime.date, domain: str):
    reply = tokens.token_make(
        letter_id=letter.pk, official_id=official.pk, purpose=tokens.Purpose.REPLY, today=today
    )
    bounce = tokens.token_make(
        letter_id=letter.pk, official_id=official.pk, purpose=tokens.Purpose.BOUNCE, today=today
    )
    return (
        tokens.address_for(reply, tokens.Purpose.REPLY, domain),
        tokens.address_for(bounce, tokens.Purpose.BOUNCE, domain),
    )


@transaction.atomic
def letter_email_official(
    *,
    letter: Letter,
    actor=None,
    now: datetime.datetime | None = None,
    domain: str = "",
) -> Dispatch:
    """E-mail the letter to its addressed official, to be answered by replying.

    The whole letter: its number, deadline, sender, text and files (attached
    up to :data:`ATTACH_LIMIT` in all, and as links that need no login). The
    Reply-To is the letter's reply address; the envelope sender its bounce
    address. With ``actor`` (a clerk sending it again, for example once the
    address is fixed) the official's bounce mark is cleared: a new bounce sets
    it again. ``domain`` (default MAIL_REPLY_DOMAIN) is for the demo.
    """
    domain = domain or selectors.reply_domain()
    official = letter.addressee_official
    if not domain:
        raise MailRefused(_("Answers by e-mail are not set up (MAIL_REPLY_DOMAIN is empty)."))
    if official is None:
        raise MailRefused(_("The letter is not addressed to an official."))
    if not official.email:
        raise MailRefused(_("The official has no e-mail address in the directory."))
    if letter.registered_at is None or letter.status not in OPEN_STATES:
        raise MailRefused(_("Only an open letter can be sent to the official."))
    when = now or timezone.now()
    reply, bounce = _addresses(letter, official, timezone.localdate(when), domain)
    files = list(letter.attachments.filter(message__isnull=True).order_by("pk"))
    attach = sum(item.size for item in files) <= ATTACH_LIMIT
    with translation.override(STAFF_LANGUAGE):
        context = _letter_context(letter, official, files, reply)
        reply_name = f"{letter.municipality.name} — {letter.number}"
    context["files_attached"] = attach and bool(files)
    outbox = notification_enqueue(
        template="mailin/letter_to_official",
        to=official.email,
        language=STAFF_LANGUAGE,
        context=context,
        # Once as the letter is registered (in place of the "new letter" notice).
        key=f"letter:{letter.pk}:by-email" if actor is None else None,
        reply_to=str(Address(display_name=reply_name, addr_spec=reply)),
        envelope_sender=bounce,
        attachments=[
            OutboxFile(
                storage="private",
                name=item.file.name,
                filename=item.original_name,
                content_type=item.content_type,
            )
            for item in files
        ]
        if attach
        else None,
    )
    existing = Dispatch.objects.filter(outbox=outbox).first()
    if existing is not None:
        return existing
    if actor is not None:
        Official.objects.filter(pk=official.pk, email_bounced_at__isnull=False).update(
            email_bounced_at=None, email_bounce_reason=""
        )
        official.email_bounced_at, official.email_bounce_reason = None, ""
    return Dispatch.objects.create(
        letter=letter,
        official=official,
        to=official.email,
        reply_address=reply,
        envelope_sender=bounce,
        files_attached=attach and bool(files),
        outbox=outbox,
        sent_by=actor,
        created_at=when,
    )


def _letter_context(letter: Letter, official: Official, files: list, reply: str) -> dict:
    """The e-mail's context, names in the staff's language."""
    municipality = letter.municipality
    return {
        "municipality": municipality.name,
        "official": official.full_name,
        "number": letter.number,
        "kind": _kind(letter),
        "body": letter.addressee_body.name,
        "letter_subject": letter.subject,
        "letter_text": letter.body,
        "author_name": letter.author_name,
        "author_address": letter.author_address,
        "registered_at": letter.registered_at.isoformat(),
        "deadline": letter.deadline.isoformat() if letter.deadline else "",
        "files": [
            {
                "name": item.original_name,
                "size": item.size,
                "url": absolute_url(
                    municipality,
                    "mailin:official_file",
                    language=STAFF_LANGUAGE,
                    kwargs={"token": tokens.file_token(item.pk, official.pk)},
                ),
            }
            for item in files
        ],
        "reply_address": reply,
    }


def _kind(letter: Letter) -> str:
    with translation.override(STAFF_LANGUAGE):
        return str(letter.get_kind_display())
