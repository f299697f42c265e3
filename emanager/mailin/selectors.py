"""Reads for answers by e-mail: who answers by e-mail, the queue, the panel of a letter."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from emanager.directory.models import Body, Municipality, Official
from emanager.letters.models import Attachment, Letter
from emanager.mailin import tokens
from emanager.mailin.choices import InboundStatus
from emanager.mailin.models import Dispatch, InboundMail
from emanager.mailin.reading import MailFile, mail_read
from emanager.staff.models import Membership, StaffRole

# A registration number in a subject ("Re: წერილი LAN-2026-000012").
_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z/_.-]{3,58}[0-9A-Za-z]")


def reply_domain() -> str:
    return settings.MAIL_REPLY_DOMAIN


def official_logs_in(official: Official) -> bool:
    """Is an active user linked to this official (through a staff membership)?"""
    return Membership.objects.filter(official=official, user__is_active=True).exists()


def answers_by_email(official: Official | None) -> bool:
    """Does this official get their letters by e-mail, with an address to answer to?

    An official with an e-mail address and no active user of e-Manager, while
    answers by e-mail are set up (MAIL_REPLY_DOMAIN).
    """
    if official is None or not official.email or not reply_domain():
        return False
    return not official_logs_in(official)


def dispatches_of(letter: Letter) -> QuerySet[Dispatch]:
    return Dispatch.objects.filter(letter=letter).select_related("sent_by", "outbox")


def inbound_of(letter: Letter) -> QuerySet[InboundMail]:
    return (
        InboundMail.objects.filter(letter=letter)
        .originals()
        .defer("raw")
        .select_related("official", "moderated_by")
    )


def mail_queue(mail: QuerySet[InboundMail], *, show_all: bool) -> QuerySet[InboundMail]:
    """The held e-mails (or, with ``show_all``, all) of those given, newest first."""
    if not show_all:
        mail = mail.held()
    return mail.defer("raw").select_related("letter", "official").order_by("-received_at", "-pk")


def bouncing_officials(municipality: Municipality) -> QuerySet[Official]:
    return Official.objects.filter(
        municipality=municipality, email_bounced_at__isnull=False
    ).order_by("-email_bounced_at")


def suggested_letter(inbound: InboundMail, letters: QuerySet[Letter]) -> Letter | None:
    """The letter a held e-mail probably answers, among ``letters``.

    The letter of its reply address; else the letter whose e-mail it replies
    to (In-Reply-To, References); else a registration number in its subject.
    """
    if inbound.letter_id is not None:
        return letters.filter(pk=inbound.letter_id).first()
    read = mail_read(bytes(inbound.raw)) if inbound.raw else None
    if read is not None and read.references:
        dispatch = (
            Dispatch.objects.filter(outbox__message_id__in=read.references)
            .values_list("letter_id", flat=True)
            .first()
        )
        if dispatch is not None:
            found = letters.filter(pk=dispatch).first()
            if found is not None:
                return found
    candidates = set(_NUMBER.findall(inbound.subject))
    if candidates:
        return letters.filter(number__in=candidates).first()
    return None


def official_file(token: str) -> Attachment | None:
    """The letter's file a link in the official's e-mail points to, while the link is valid.

    Valid for :data:`tokens.REPLY_MAX_AGE`, for a file of the letter itself
    (not of an answer), while the letter is still addressed to that official.
    """
    found = tokens.file_token_read(token)
    if found is None:
        return None
    attachment_id, official_id = found
    attachment = (
        Attachment.objects.select_related("letter")
        .filter(pk=attachment_id, message__isnull=True)
        .first()
    )
    if attachment is None or attachment.letter.addressee_official_id != official_id:
        return None
    return attachment


def mail_files(inbound: InboundMail) -> list[MailFile]:
    """The files of a received e-mail, read again from the message as it came."""
    return mail_read(bytes(inbound.raw)).files


def _ancestors(body: Body) -> list[int]:
    ids: list[int] = []
    while body is not None and body.pk not in ids:
        ids.append(body.pk)
        body = body.parent
    return ids


def alert_recipients(
    *, municipality: Municipality, letter: Letter | None, official: Official | None
) -> list[str]:
    """Whom to tell that an official's address bounces: the clerks of the letter's body.

    The registry clerks of the letter's body or of a body above it (or, for a
    bounce without a letter, of the official's bodies); when there are none,
    the municipality's administrators.
    """
    bodies: set[int] = set()
    if letter is not None:
        bodies.update(_ancestors(letter.addressee_body))
    elif official is not None:
        for mandate in official.mandates.current().select_related("position__body"):
            bodies.update(_ancestors(mandate.position.body))
    users = (
        get_user_model()
        .objects.filter(is_active=True, memberships__municipality=municipality)
        .exclude(email="")
    )
    clerks = users.filter(memberships__role=StaffRole.CLERK, memberships__body_id__in=bodies)
    found = list(clerks.distinct().order_by("pk").values_list("email", flat=True))
    if not found:
        admins = users.filter(memberships__role=StaffRole.ADMIN)
        found = list(admins.distinct().order_by("pk").values_list("email", flat=True))
    return list(dict.fromkeys(found))


def only_municipality() -> Municipality | None:
    """The municipality, when the installation serves just one."""
    first_two = list(Municipality.objects.order_by("pk")[:2])
    return first_two[0] if len(first_two) == 1 else None


def officials_with_address(address: str, municipality: Municipality | None = None):
    officials = (
        Official.objects.filter(email__iexact=address) if address else Official.objects.none()
    )
    if municipality is not None:
        officials = officials.filter(municipality=municipality)
    return officials.order_by("pk")


def status_counts(mail: QuerySet[InboundMail]) -> dict[str, int]:
    held = mail.filter(status=InboundStatus.HELD).count()
    return {"held": held, "all": mail.count()}


__all__ = [
    "alert_recipients",
    "answers_by_email",
    "bouncing_officials",
    "dispatches_of",
    "inbound_of",
    "mail_files",
    "mail_queue",
    "official_file",
    "official_logs_in",
    "officials_with_address",
    "only_municipality",
    "reply_domain",
    "status_counts",
    "suggested_letter",
]
