"""Staff intake: a clerk registers a letter that did not come through the website.

A letter that arrived on paper, was brought in person, was dictated on the
phone or came by ordinary e-mail is registered at once on the citizen's
behalf, by :func:`letter_register_on_behalf`. It goes through the same
registration as a web letter (:func:`emanager.letters.services._register`):
the same number series, the same deadline rules, the same timeline events and
the same acknowledgement e-mail, which is sent only when the citizen's e-mail
address is known.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emanager.directory.models import Body, Municipality, Official, TerritorialUnit
from emanager.letters.attachments import CheckedFile
from emanager.letters.choices import Channel, LetterKind, Publication
from emanager.letters.models import Letter
from emanager.letters.services import _attach, _letter_links, _register, _stamp_created

__all__ = [
    "INTAKE_CHANNELS",
    "WRITTEN_CHANNELS",
    "WRITTEN_CONSENT_VERSION",
    "IntakeDraft",
    "letter_register_on_behalf",
    "letter_tracking_url",
    "written_consent_text",
]

# The ways a letter reaches the registry desk (never the website, never an import).
INTAKE_CHANNELS = (Channel.PAPER, Channel.IN_PERSON, Channel.EMAIL, Channel.PHONE)
# Only a letter in writing can carry the citizen's written consent to publication.
WRITTEN_CHANNELS = frozenset({Channel.PAPER, Channel.IN_PERSON, Channel.EMAIL})
WRITTEN_CONSENT_VERSION = "written"

_WRITTEN_CONSENT = gettext_lazy(
    "Consent to publication given in writing by the citizen on the letter itself (received: "
    "%(channel)s), and recorded by the registry clerk who registered it."
)


@dataclass(frozen=True)
class IntakeDraft:
    """A letter as the clerk entered it from the paper, the call or the e-mail."""

    kind: LetterKind | str
    subject: str
    body: str
    addressee_body: Body
    author_name: str
    author_address: str
    addressee_official: Official | None = None
    addressee_unit: TerritorialUnit | None = None
    author_email: str = ""
    author_phone: str = ""
    author_unit: TerritorialUnit | None = None
    # The citizen's e-mails and the printed answer use this language.
    language: str = "ka"
    publication: Publication | str = Publication.PRIVATE


def written_consent_text(*, channel: str, language: str) -> str:
    """The consent record of a letter whose author consented in writing, in its language."""
    with translation.override(language):
        return str(_WRITTEN_CONSENT % {"channel": Channel(channel).label})


def _actor_label(actor, channel: str) -> str:
    clerk = actor.get_full_name() or actor.get_username()
    label = _("%(clerk)s; received: %(channel)s") % {
        "clerk": clerk,
        "channel": Channel(channel).label,
    }
    return label[:200]


def letter_register_on_behalf(
    *,
    municipality: Municipality,
    actor,
    draft: IntakeDraft,
    channel: Channel | str,
    files: list[CheckedFile],
    submission_key: uuid.UUID | None = None,
    now: datetime.datetime | None = None,
) -> Letter:
    """Register at once a letter the clerk ``actor`` received by ``channel``.

    No confirmation e-mail: the letter is numbered, given its deadline and
    entered in the timeline (with the clerk and the channel) in one
    transaction. With the citizen's e-mail the acknowledgement with the
    tracking link is queued; without it nothing is sent to the citizen.

    A public ``draft.publication`` records the citizen's written consent;
    a letter taken by phone has none and stays private.

    The submission key comes from the form (or, for a letter taken from a
    mailbox, from its Message-ID): a repeated submission returns the letter
    registered the first time instead of registering a second one. Without a
    key every call registers a new letter.
    ``now`` (default: the present) dates the letter, its registration and its
    events (see :func:`emanager.letters.timeline.event_append` for the order
    it must keep).
    """
    if channel not in INTAKE_CHANNELS:
        raise ValueError(f"A clerk does not register letters received by {channel!r}.")
    public = draft.publication != Publication.PRIVATE
    if public and channel not in WRITTEN_CHANNELS:
        raise ValueError("Consent to publication needs the citizen's writing; keep it private.")
    if draft.addressee_body.municipality_id != municipality.pk:
        raise ValueError("The addressee belongs to another municipality.")
    if submission_key is None:
        submission_key = uuid.uuid4()
    existing = Letter.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    letter = Letter(
        municipality=municipality,
        kind=draft.kind,
        addressee_body=draft.addressee_body,
        addressee_official=draft.addressee_official,
        addressee_unit=draft.addressee_unit,
        subject=draft.subject,
        body=draft.body,
        author_name=draft.author_name,
        author_email=draft.author_email,
        author_phone=draft.author_phone,
        author_address=draft.author_address,
        author_unit=draft.author_unit,
        language=draft.language,
        channel=channel,
        registered_by=actor,
        publication=draft.publication,
        consent_text=(
            written_consent_text(channel=channel, language=draft.language) if public else ""
        ),
        consent_version=WRITTEN_CONSENT_VERSION if public else "",
        consent_at=now if public else None,
        submission_key=submission_key,
    )
    try:
        with transaction.atomic():
            letter.save()
            # Received and registered at the same moment.
            _stamp_created(letter, now)
            _attach(letter=letter, files=files)
            return _register(
                letter=letter, actor=actor, actor_label=_actor_label(actor, channel), now=now
            )
    except IntegrityError:
        # The same form was sent twice at the same moment: keep the first.
        existing = Letter.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing


def letter_tracking_url(letter: Letter) -> str:
    """The citizen's private page of the letter, in its language: the link the
    acknowledgement e-mail carries, printed on the slip for a citizen without one."""
    return _letter_links(letter)["tracking_url"]
