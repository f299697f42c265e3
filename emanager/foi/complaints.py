"""Administrative complaints against the handling of a public-information request.

The requester files one from the request's private tracking page (the link
proves who they are, so the complaint is registered at once, without a
confirmation e-mail). It becomes a letter of its own, of kind complaint,
addressed to the superior body (:func:`emanager.foi.rules.superior_body`), with
its own number, its own 1-month deadline (the deadline rule of complaints) and
its own tracking link, sent to the requester in the acknowledgement. The staff
of the superior body decide it: upheld, partly upheld or rejected, with a
written decision that is sent as the complaint's answer, and the complaint
letter closes.
"""

from __future__ import annotations

import datetime
import uuid

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emanager.foi.choices import ComplaintOutcome
from emanager.foi.models import Complaint, FoiRequest
from emanager.foi.rules import complaint_window, local_date, superior_body
from emanager.foi.services import foi_request_for
from emanager.letters.choices import (
    Channel,
    Direction,
    EventKind,
    LetterKind,
    Outcome,
    Publication,
)
from emanager.letters.models import Letter, Message
from emanager.letters.services import _register, _stamp_created
from emanager.letters.staff_services import OPEN_STATES, ActionRefused, _answer_send, letter_close
from emanager.letters.timeline import event_append

__all__ = ["COMPLAINT_TEXT_MAX", "complaint_decide", "complaint_file"]

COMPLAINT_TEXT_MAX = 10_000
DECISION_TEXT_MAX = 10_000

#: The closest outcome of the complaint's letter for each decision.
LETTER_OUTCOMES = {
    ComplaintOutcome.UPHELD: Outcome.ANSWERED,
    ComplaintOutcome.PARTLY_UPHELD: Outcome.PARTLY_GRANTED,
    ComplaintOutcome.REJECTED: Outcome.REFUSED,
}

_SUBJECT = gettext_lazy("Complaint about the public-information request %(number)s")
_DECISION_HEADING = gettext_lazy("Decision on your complaint: %(outcome)s.")


def _actor_label(actor) -> str:
    return (actor.get_full_name() or actor.get_username()) if actor is not None else ""


@transaction.atomic
def complaint_file(
    *,
    request_letter: Letter,
    text: str,
    submission_key: uuid.UUID,
    now: datetime.datetime | None = None,
) -> Complaint:
    """The requester complains about the request; the complaint is registered at once.

    Allowed against a refusal, a partial grant, a deemed refusal or a missed
    deadline, within one month (:func:`~emanager.foi.rules.complaint_window`);
    otherwise :class:`ActionRefused` says why. A repeated submission of the same
    form (the same ``submission_key``) returns the first complaint.
    """
    existing = (
        Complaint.objects.filter(letter__submission_key=submission_key)
        .select_related("letter")
        .first()
    )
    if existing is not None:
        return existing
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ActionRefused(_("Write what you complain of."))
    letter = (
        Letter.objects.select_for_update()
        .select_related("addressee_body")
        .get(pk=request_letter.pk)
    )
    if letter.kind != LetterKind.PUBLIC_INFORMATION or letter.registered_at is None:
        raise ActionRefused(_("Only a registered public-information request can be complained of."))
    foi_request_for(letter=letter)
    request = FoiRequest.objects.select_for_update().get(letter=letter)
    request.letter = letter
    # The same form sent twice at once: the second waited for the lock above.
    existing = Complaint.objects.filter(letter__submission_key=submission_key).first()
    if existing is not None:
        return existing
    when = now or timezone.now()
    window = complaint_window(request, local_date(when))
    if not window.allowed:
        raise ActionRefused(window.reason)
    superior = superior_body(letter.addressee_body)
    with translation.override(letter.language):
        subject = str(_SUBJECT % {"number": letter.number})[:200]
    complaint_letter = Letter(
        municipality=letter.municipality,
        kind=LetterKind.COMPLAINT,
        addressee_body=superior,
        subject=subject,
        body=text[:COMPLAINT_TEXT_MAX],
        user=letter.user,
        author_name=letter.author_name,
        author_email=letter.author_email,
        author_phone=letter.author_phone,
        author_address=letter.author_address,
        author_unit=letter.author_unit,
        language=letter.language,
        channel=Channel.WEB,
        publication=Publication.PRIVATE,
        submission_key=submission_key,
        confirmed_at=when,
    )
    complaint_letter.save()
    _stamp_created(complaint_letter, now)
    complaint = Complaint.objects.create(request=request, letter=complaint_letter)
    # Registered at once: the tracking link proved the requester.
    _register(letter=complaint_letter, actor_label="citizen", now=now)
    event_append(
        letter=letter,
        kind=EventKind.COMPLAINT_FILED,
        actor_label="citizen",
        data={"number": complaint_letter.number, "to": superior.name},
        now=now,
    )
    complaint.letter = complaint_letter
    return complaint


@transaction.atomic
def complaint_decide(
    *,
    complaint_letter: Letter,
    actor,
    outcome: ComplaintOutcome | str,
    text: str,
    now: datetime.datetime | None = None,
) -> Complaint:
    """The superior body decides the complaint.

    The written decision is sent to the complainant at once as the complaint's
    answer (with its outgoing number; the decision is the head's, so it does not
    wait for approval), the complaint letter closes with the closest outcome,
    and the request's timeline records the decision.
    """
    letter = Letter.objects.select_for_update().get(pk=complaint_letter.pk)
    complaint = (
        Complaint.objects.select_for_update()
        .select_related("request__letter")
        .filter(letter=letter)
        .first()
    )
    if complaint is None:
        raise ActionRefused(_("This letter is not a complaint about a public-information request."))
    try:
        outcome = ComplaintOutcome(outcome)
    except ValueError:
        raise ActionRefused(_("Choose the decision on the complaint.")) from None
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ActionRefused(_("Write the reasons of the decision."))
    if complaint.outcome:
        raise ActionRefused(_("The complaint is decided already."))
    if letter.status not in OPEN_STATES:
        raise ActionRefused(_("The complaint's letter is closed: reopen it to decide."))
    when = now or timezone.now()
    with translation.override(letter.language):
        heading = str(_DECISION_HEADING % {"outcome": outcome.label})
    answer = Message.objects.create(
        letter=letter,
        direction=Direction.OUTGOING,
        author=actor,
        body=f"{heading}\n\n{text[:DECISION_TEXT_MAX]}",
        is_answer=True,
    )
    _stamp_created(answer, now)
    _answer_send(letter=letter, message=answer, actor=actor, now=now)
    letter_close(
        letter=letter,
        actor=actor,
        outcome=LETTER_OUTCOMES[outcome],
        ground=text[:1000] if outcome == ComplaintOutcome.REJECTED else "",
        now=now,
    )
    complaint.outcome = outcome
    complaint.decided_at = when
    complaint.save(update_fields=["outcome", "decided_at"])
    request_letter = complaint.request.letter
    with translation.override(request_letter.language):
        label = str(outcome.label)
    event_append(
        letter=request_letter,
        kind=EventKind.COMPLAINT_DECIDED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"outcome": outcome.value, "number": letter.number, "reason": label},
        now=now,
    )
    complaint.letter = Letter.objects.get(pk=letter.pk)
    return complaint
