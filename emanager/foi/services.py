"""Writes of public-information requests. Views and jobs call these.

Each is atomic and keyword-only, takes the request's letter (its
:class:`~emanager.foi.models.FoiRequest` is made when missing, by
:func:`foi_request_for`), goes into the letter's timeline with who and when,
and tells the requester through the outbox. The letter's own state follows
through the letters app's staff actions (:mod:`emanager.letters.staff_services`):
a decision closes it with the closest :class:`~emanager.letters.choices.Outcome`,
forwards it or asks the clarification. ``now`` (default: the present) dates the
action, its events and its timestamps; see
:func:`emanager.letters.timeline.event_append` for the order it must keep.

The rules themselves (deadlines, fees, the complaint window) are read from
:mod:`emanager.foi.rules`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from emanager.directory.models import Body, Municipality
from emanager.foi.choices import (
    ExtensionReason,
    FoiOutcome,
    PreferredForm,
    RefusalGround,
    RequesterType,
)
from emanager.foi.models import FoiRequest, FoiSettings
from emanager.foi.refusal import refusal_placeholders_check, refusal_text
from emanager.foi.rules import (
    EXPLAINED_OUTCOMES,
    FINAL_OUTCOMES,
    copy_fee,
    foi_settings,
    local_date,
)
from emanager.letters import staff_services as letter_actions
from emanager.letters.choices import Channel, EventKind, LetterKind, LetterStatus, Outcome
from emanager.letters.models import Event, Letter
from emanager.letters.services import _letter_links, _notify
from emanager.letters.staff_services import OPEN_STATES, ActionRefused
from emanager.letters.timeline import event_append

__all__ = [
    "ActionRefused",
    "FoiDecision",
    "foi_decide",
    "foi_deemed_refusals_record",
    "foi_fee_paid",
    "foi_refusal_letter_save",
    "foi_refusal_letter_send",
    "foi_request_for",
    "foi_requests_sync",
    "foi_settings_save",
    "foi_ten_days_use",
]

#: The closest outcome of the letter for each final outcome of a request.
LETTER_OUTCOMES = {
    FoiOutcome.GRANTED: Outcome.ANSWERED,
    FoiOutcome.PARTLY_GRANTED: Outcome.PARTLY_GRANTED,
    FoiOutcome.REFUSED: Outcome.REFUSED,
    FoiOutcome.NOT_HELD: Outcome.ANSWERED,
    FoiOutcome.WITHDRAWN: Outcome.WITHDRAWN,
}
ISSUED_OUTCOMES = frozenset({FoiOutcome.GRANTED, FoiOutcome.PARTLY_GRANTED})
TEXT_MAX = 4000


# --- The request's facts ---------------------------------------------------------


def foi_request_for(
    *,
    letter: Letter,
    requester_type: str = RequesterType.PERSON,
    organisation: str = "",
    preferred_form: str = PreferredForm.EMAIL_COPY,
) -> FoiRequest:
    """The letter's public-information request, made with these facts if it has none.

    Idempotent: a letter that has its request keeps it unchanged (a repeated
    submission of the write form changes nothing). Called after a letter of
    kind public_information is submitted or registered; the daily job
    (:func:`foi_requests_sync`) makes the request of any letter that came
    another way (e-mail intake, an import).
    """
    if letter.kind != LetterKind.PUBLIC_INFORMATION:
        raise ValueError("Only a letter of kind public_information is a request for information.")
    organisation = " ".join(organisation.split())[:250]
    if requester_type != RequesterType.ORGANISATION or not organisation:
        requester_type, organisation = RequesterType.PERSON, ""
    request, _created = FoiRequest.objects.get_or_create(
        letter=letter,
        defaults={
            "requester_type": requester_type,
            "organisation": organisation,
            "preferred_form": PreferredForm(preferred_form),
        },
    )
    return request


def _locked(letter: Letter) -> tuple[Letter, FoiRequest]:
    """The letter and its request, locked (inside the caller's transaction)."""
    letter = Letter.objects.select_for_update().select_related("addressee_body").get(pk=letter.pk)
    if letter.kind != LetterKind.PUBLIC_INFORMATION:
        raise ActionRefused(_("This letter is not a public-information request."))
    if letter.status == LetterStatus.UNCONFIRMED:
        raise ActionRefused(_("The request is not registered yet."))
    foi_request_for(letter=letter)
    request = FoiRequest.objects.select_for_update().get(letter=letter)
    request.letter = letter
    return letter, request


def _actor_label(actor) -> str:
    return (actor.get_full_name() or actor.get_username()) if actor is not None else ""


def _tell_requester(letter: Letter, template: str, key: str, **extra) -> None:
    with translation.override(letter.language):
        context = {
            "number": letter.number,
            "letter_subject": letter.subject,
            "name": letter.author_name,
            "municipality": letter.municipality.name,
            **_letter_links(letter),
            **extra,
        }
    _notify(
        template=template,
        to=letter.author_email,
        language=letter.language,
        key=f"letter:{letter.pk}:{key}",
        context=context,
    )


def _in_language(letter: Letter, text) -> str:
    with translation.override(letter.language):
        return str(text)


# --- Using the 10 days -------------------------------------------------------------


@transaction.atomic
def foi_ten_days_use(
    *, letter: Letter, actor, reason: ExtensionReason | str, now: datetime.datetime | None = None
) -> FoiRequest:
    """The information is not issued at once: the 10 days are used, for a reason of the law.

    The requester is told at once, with the reason and the last day. The deadline
    does not move: it already is the 10th day.
    """
    letter, request = _locked(letter)
    reason = ExtensionReason(reason)
    if letter.status not in (LetterStatus.OPEN, LetterStatus.CLARIFICATION):
        raise ActionRefused(_("The 10 days can be used only while the request is open."))
    if request.outcome in FINAL_OUTCOMES or request.outcome == FoiOutcome.DEEMED_REFUSED:
        raise ActionRefused(_("The request is decided already."))
    if request.extended_at is not None:
        raise ActionRefused(_("The 10 days are used already for this request."))
    when = now or timezone.now()
    if letter.deadline is not None and local_date(when) > letter.deadline:
        raise ActionRefused(_("The 10 days have passed: decide the request now."))
    request.extension_reason = reason
    request.extended_at = when
    request.save(update_fields=["extension_reason", "extended_at"])
    label = _in_language(letter, reason.label)
    event = event_append(
        letter=letter,
        kind=EventKind.FOI_TEN_DAYS,
        actor=actor,
        actor_label=_actor_label(actor),
        data={
            "code": reason.value,
            "reason": label,
            "deadline": letter.deadline.isoformat() if letter.deadline else None,
        },
        now=now,
    )
    _tell_requester(
        letter,
        "foi/ten_days",
        f"foi-ten-days:{event.seq}",
        reason=label,
        deadline=letter.deadline.isoformat() if letter.deadline else "",
    )
    return request


# --- The decision -------------------------------------------------------------------


@dataclass(frozen=True)
class FoiDecision:
    """An officer's decision on a request, as the decision form checked it.

    ``message`` is told to the requester: the reason of a forward, the question
    of a clarification, or a note with the decision. ``issued_form`` is the form
    in which the information is issued (by default the one the requester
    preferred); only paper copies cost a fee.
    """

    outcome: FoiOutcome | str
    refusal_ground: RefusalGround | str = ""
    refusal_explanation: str = ""
    forward_body: Body | None = None
    forward_outside: str = ""
    message: str = ""
    issued_on: datetime.date | None = None
    issued_form: PreferredForm | str = ""
    pages: int = 0
    supplied_by: str = ""
    responsible: str = ""
    fee_paid_on: datetime.date | None = None


def _check(decision: FoiDecision, letter: Letter, request: FoiRequest) -> FoiOutcome:
    """The decision's outcome, if the decision is complete and fits the letter's state."""
    try:
        outcome = FoiOutcome(decision.outcome)
    except ValueError:
        raise ActionRefused(_("Choose the outcome.")) from None
    if outcome == FoiOutcome.DEEMED_REFUSED:
        raise ActionRefused(_("A deemed refusal is recorded by the calendar, not decided."))
    if outcome in EXPLAINED_OUTCOMES:
        if decision.refusal_ground not in RefusalGround.values:
            raise ActionRefused(_("A refusal needs its ground from the law."))
        if not decision.refusal_explanation.strip():
            raise ActionRefused(_("A refusal needs its explanation."))
    if outcome == FoiOutcome.FORWARDED:
        if bool(decision.forward_body) == bool(decision.forward_outside.strip()):
            raise ActionRefused(
                _("Choose a body of the municipality or name one outside it (one of the two).")
            )
        if not decision.message.strip():
            raise ActionRefused(_("Tell the requester why the request is forwarded."))
    if outcome == FoiOutcome.CLARIFICATION_REQUESTED and not decision.message.strip():
        raise ActionRefused(_("Write what the requester should clarify."))
    form = decision.issued_form or request.preferred_form
    if decision.pages and (outcome not in ISSUED_OUTCOMES or form != PreferredForm.PAPER_COPY):
        raise ActionRefused(_("Only paper copies of issued information are counted and charged."))
    if decision.pages < 0:
        raise ActionRefused(_("The number of pages cannot be negative."))
    if letter.status in OPEN_STATES:
        if letter.status == LetterStatus.ANSWERED and outcome in (
            FoiOutcome.FORWARDED,
            FoiOutcome.CLARIFICATION_REQUESTED,
        ):
            raise ActionRefused(_("The request is answered already: it can only be closed."))
        return outcome
    if letter.status == LetterStatus.CLOSED and request.outcome in ("", FoiOutcome.DEEMED_REFUSED):
        # A letter closed another way: the decision is recorded, the letter stays closed.
        if outcome not in FINAL_OUTCOMES and outcome != FoiOutcome.FORWARDED:
            raise ActionRefused(_("The letter is closed: record the outcome it was closed with."))
        return outcome
    raise ActionRefused(
        _("The request is decided and its letter closed. Reopen the letter to change it.")
    )


def _decision_data(letter: Letter, request: FoiRequest) -> dict:
    outcome = FoiOutcome(request.outcome)
    with translation.override(letter.language):
        summary = str(outcome.label)
        if request.refusal_ground:
            summary += " — " + str(RefusalGround(request.refusal_ground).label)
        if outcome == FoiOutcome.FORWARDED and request.forwarded_to:
            summary += " — " + request.forwarded_to
    data = {"outcome": outcome.value, "reason": summary}
    if request.refusal_ground:
        data["ground"] = request.refusal_ground
    if request.fee:
        data["fee"] = f"{request.fee:.2f}"
    return data


def _letter_follow(
    *,
    letter: Letter,
    outcome: FoiOutcome,
    decision: FoiDecision,
    actor,
    now: datetime.datetime | None,
) -> None:
    """Bring the letter to the decision: close, forward or ask, as its staff would."""
    if letter.status not in OPEN_STATES:
        return
    message = decision.message.strip()
    if outcome == FoiOutcome.FORWARDED and decision.forward_body is not None:
        letter_actions.letter_forward(
            letter=letter, actor=actor, to_body=decision.forward_body, reason=message, now=now
        )
    elif outcome == FoiOutcome.FORWARDED:
        letter_actions.letter_forward_outside(
            letter=letter,
            actor=actor,
            recipient=decision.forward_outside.strip(),
            reason=message,
            now=now,
        )
    elif outcome == FoiOutcome.CLARIFICATION_REQUESTED:
        letter_actions.letter_request_clarification(
            letter=letter, actor=actor, body=message, now=now
        )
    else:
        ground = ""
        if outcome in EXPLAINED_OUTCOMES:
            with translation.override(letter.language):
                label = RefusalGround(decision.refusal_ground).label
                ground = f"{label}: {decision.refusal_explanation.strip()}"
        letter_actions.letter_close(
            letter=letter, actor=actor, outcome=LETTER_OUTCOMES[outcome], ground=ground, now=now
        )


@transaction.atomic
def foi_decide(
    *, letter: Letter, actor, decision: FoiDecision, now: datetime.datetime | None = None
) -> FoiRequest:
    """Record the decision on the request and bring the letter to it.

    Granted, partly granted, refused, not held and withdrawn close the letter
    (with the closest outcome of a letter); forwarded uses the letters' forward
    (inside the municipality: the competent body decides next and its decision
    replaces this one; outside: the letter closes); a clarification asks the
    requester through the letter. A refusal or a partial grant also prepares the
    written explanation (:func:`foi_refusal_letter_send` sends it). A decision
    after a deemed refusal replaces it; the register still shows the answer late.

    The fee is computed here, never typed: pages times the municipality's fee
    per page, for paper copies only.
    """
    letter, request = _locked(letter)
    outcome = _check(decision, letter, request)
    when = now or timezone.now()
    settings = foi_settings(letter.municipality)
    form = PreferredForm(decision.issued_form or request.preferred_form)
    issued = outcome in ISSUED_OUTCOMES

    request.outcome = outcome
    request.decided_at = when
    request.decided_by = actor if actor is not None and actor.is_authenticated else None
    request.preferred_form = form
    if outcome in EXPLAINED_OUTCOMES:
        request.refusal_ground = RefusalGround(decision.refusal_ground)
        request.refusal_explanation = decision.refusal_explanation.strip()
    else:
        request.refusal_ground = ""
        request.refusal_explanation = ""
    if outcome == FoiOutcome.FORWARDED:
        request.forwarded_to = (
            decision.forward_body.name
            if decision.forward_body is not None
            else decision.forward_outside.strip()
        )[:300]
        if decision.forward_body is not None:
            # The competent body starts afresh: issued at once, or the 10 days used anew.
            request.extension_reason = ""
            request.extended_at = None
    request.issued_on = (decision.issued_on or local_date(when)) if issued else None
    if outcome in FINAL_OUTCOMES or outcome == FoiOutcome.FORWARDED:
        request.supplied_by = (decision.supplied_by.strip() or letter.addressee_body.name)[:250]
        request.responsible = (decision.responsible.strip() or _actor_label(actor))[:250]
    request.pages = decision.pages if issued and form == PreferredForm.PAPER_COPY else 0
    request.fee = copy_fee(pages=request.pages, form=form, fee_per_page=settings.fee_per_page)
    request.fee_paid_on = decision.fee_paid_on if request.fee else None
    if outcome in EXPLAINED_OUTCOMES:
        request.refusal_letter = refusal_text(request)
        request.refusal_letter_sent_at = None
    request.save()

    event = event_append(
        letter=letter,
        kind=EventKind.FOI_DECIDED,
        actor=actor,
        actor_label=_actor_label(actor),
        data=_decision_data(letter, request),
        now=now,
    )
    _letter_follow(letter=letter, outcome=outcome, decision=decision, actor=actor, now=now)
    if outcome in FINAL_OUTCOMES and outcome != FoiOutcome.WITHDRAWN:
        explained = outcome in EXPLAINED_OUTCOMES
        _tell_requester(
            letter,
            "foi/decided",
            f"foi-decided:{event.seq}",
            outcome=_in_language(letter, outcome.label),
            refused=explained,
            ground=_in_language(letter, RefusalGround(request.refusal_ground).label)
            if explained
            else "",
            explanation=request.refusal_explanation,
            form=_in_language(letter, form.label) if issued else "",
            fee=f"{request.fee:.2f}" if request.fee else "",
            message=decision.message.strip(),
        )
    request.letter = Letter.objects.get(pk=letter.pk)
    return request


# --- The written explanation of a refusal ---------------------------------------------


def _explained(request: FoiRequest) -> None:
    if request.outcome not in EXPLAINED_OUTCOMES:
        raise ActionRefused(_("Only a refusal or a partial grant is explained in writing."))
    if request.refusal_letter_sent_at is not None:
        raise ActionRefused(_("The written explanation was sent already."))


@transaction.atomic
def foi_refusal_letter_save(*, letter: Letter, actor, text: str) -> FoiRequest:
    """The officer's review of the written explanation, kept until it is sent."""
    letter, request = _locked(letter)
    _explained(request)
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ActionRefused(_("The written explanation cannot be empty."))
    request.refusal_letter = text[: TEXT_MAX * 2]
    request.save(update_fields=["refusal_letter"])
    return request


@transaction.atomic
def foi_refusal_letter_send(
    *, letter: Letter, actor, text: str | None = None, now: datetime.datetime | None = None
) -> FoiRequest:
    """Send the written explanation: by e-mail when the requester gave an address,
    else it is recorded as printed and posted (print it from its PDF first)."""
    if text is not None:
        foi_refusal_letter_save(letter=letter, actor=actor, text=text)
    letter, request = _locked(letter)
    _explained(request)
    if not request.refusal_letter.strip():
        request.refusal_letter = refusal_text(request)
    request.refusal_letter_sent_at = now or timezone.now()
    request.save(update_fields=["refusal_letter", "refusal_letter_sent_at"])
    by = "email" if letter.author_email else "post"
    event = event_append(
        letter=letter,
        kind=EventKind.REFUSAL_EXPLAINED,
        actor=actor,
        actor_label=_actor_label(actor),
        data={"by": by},
        now=now,
    )
    _tell_requester(
        letter, "foi/refusal_explanation", f"foi-refusal:{event.seq}", text=request.refusal_letter
    )
    return request


# --- The summary for the public register ------------------------------------------------


def summary_personal_data(letter: Letter, summary: str) -> list[str]:
    """What in a register summary looks like personal data: "e-mail address: x@y.ge", ...

    The same detectors as the publication review: personal numbers, phones,
    e-mail and street addresses, the requester's own name and contacts, and
    words of the special categories of personal data (health, beliefs...).
    """
    from emanager.publication import redaction
    from emanager.publication.review import contacts_of

    if not summary:
        return []
    names = [letter.author_name] if letter.author_name else []
    found = [
        f"{span.label}: {span.text}"
        for span in redaction.suggest(summary, names=names, contacts=contacts_of(letter))
    ]
    found += [f"{flag.label}: {flag.text}" for flag in redaction.flags(summary)]
    return found


@transaction.atomic
def foi_summary_save(
    *, letter: Letter, actor, summary: str, now: datetime.datetime | None = None
) -> FoiRequest:
    """Write (or clear) what the public register says was asked."""
    letter, request = _locked(letter)
    summary = " ".join(summary.split())[:300]
    found = summary_personal_data(letter, summary)
    if found:
        raise ActionRefused(
            _("The summary seems to contain personal data (%(found)s): remove it.")
            % {"found": ", ".join(found)}
        )
    request.public_summary = summary
    request.public_summary_by = actor if summary else None
    request.public_summary_at = (now or timezone.now()) if summary else None
    request.save(update_fields=["public_summary", "public_summary_by", "public_summary_at"])
    return request


# --- Fees ---------------------------------------------------------------------------------


@transaction.atomic
def foi_fee_paid(
    *, letter: Letter, actor, paid_on: datetime.date, now: datetime.datetime | None = None
) -> FoiRequest:
    """Record the day the copying fee was paid."""
    letter, request = _locked(letter)
    if not request.fee:
        raise ActionRefused(_("This request has no fee to pay."))
    today = local_date(now or timezone.now())
    if paid_on > today:
        raise ActionRefused(_("The day of payment cannot be in the future."))
    if request.decided_at is not None and paid_on < local_date(request.decided_at):
        raise ActionRefused(_("The fee cannot be paid before the decision."))
    request.fee_paid_on = paid_on
    request.save(update_fields=["fee_paid_on"])
    return request


# --- Settings ---------------------------------------------------------------------------------


@transaction.atomic
def foi_settings_save(
    *, municipality: Municipality, fee_per_page: Decimal, refusal_template: str
) -> FoiSettings:
    """The municipality's copying fee and refusal template; the placeholders are checked."""
    refusal_template = refusal_template.replace("\r\n", "\n").strip()
    refusal_placeholders_check(refusal_template)
    if fee_per_page < 0:
        raise ValueError("A fee cannot be negative.")
    settings, _created = FoiSettings.objects.select_for_update().get_or_create(
        municipality=municipality
    )
    settings.fee_per_page = fee_per_page
    settings.refusal_template = refusal_template
    settings.save()
    return settings


# --- The calendar's part: deemed refusals, and requests made another way ------------------


def foi_deemed_refusals_record(
    *, today: datetime.date | None = None, now: datetime.datetime | None = None
) -> int:
    """Record as deemed refused each open request whose deadline passed without a decision.

    The letter stays open, so the request can still be answered (that decision
    replaces this outcome, and the register shows it answered late). The
    requester is told, with the way to complain. Idempotent: a request recorded
    once is not recorded again (until a new deadline, after an internal
    forward, passes too).
    """
    from emanager.foi.rules import complaint_window

    today = today or local_date(now or timezone.now())
    letters = (
        Letter.objects.filter(
            kind=LetterKind.PUBLIC_INFORMATION, status=LetterStatus.OPEN, deadline__lt=today
        )
        .exclude(foi__outcome=FoiOutcome.DEEMED_REFUSED)
        .order_by("deadline", "pk")
    )
    recorded = 0
    for pk in list(letters.values_list("pk", flat=True)):
        with transaction.atomic():
            letter, request = _locked(Letter(pk=pk))
            if (
                letter.status != LetterStatus.OPEN
                or letter.deadline is None
                or letter.deadline >= today
                or request.outcome == FoiOutcome.DEEMED_REFUSED
            ):
                continue
            request.outcome = FoiOutcome.DEEMED_REFUSED
            request.decided_at = None
            request.decided_by = None
            request.save(update_fields=["outcome", "decided_at", "decided_by"])
            event = event_append(
                letter=letter,
                kind=EventKind.DEEMED_REFUSED,
                actor_label="calendar",
                data={"deadline": letter.deadline.isoformat()},
                now=now,
            )
            window = complaint_window(request, today)
            _tell_requester(
                letter,
                "foi/deemed_refused",
                f"foi-deemed:{event.seq}",
                deadline=letter.deadline.isoformat(),
                complaint_url=_complaint_url(letter),
                last_day=window.last_day.isoformat() if window.last_day else "",
            )
            recorded += 1
    return recorded


def _complaint_url(letter: Letter) -> str:
    from emanager.directory.links import absolute_url
    from emanager.letters.tokens import tracking_token

    return absolute_url(
        letter.municipality,
        "foi:complaint",
        language=letter.language,
        kwargs={"token": tracking_token(letter)},
    )


def _imported_facts(letter: Letter) -> dict:
    event = Event.objects.filter(letter=letter, kind=EventKind.IMPORTED).order_by("seq").first()
    data = event.data if event is not None else {}
    return {
        "supplied_by": (data.get("supplied_by") or "")[:250],
        "responsible": (data.get("responsible") or "")[:250],
    }


def foi_requests_sync(*, municipality: Municipality | None = None) -> int:
    """Give every registered public-information letter its request, and its outcome
    when the letter was closed another way; return how many requests changed.

    * a letter that came by e-mail intake or an import gets its request;
    * a letter the requester withdrew from their page: withdrawn;
    * a letter forwarded outside the municipality with the letters' own action:
      forwarded, to the body named then;
    * an imported letter closed as answered (the register it came from records the
      information as issued): granted, issued on the day of the answer, with who
      supplied it and the person responsible from the imported row.

    Writes no event: the letter's timeline already tells what happened.
    """
    letters = Letter.objects.filter(
        kind=LetterKind.PUBLIC_INFORMATION, registered_at__isnull=False
    ).exclude(status=LetterStatus.UNCONFIRMED)
    if municipality is not None:
        letters = letters.filter(municipality=municipality)
    changed = 0
    for letter in letters.filter(foi__isnull=True).order_by("pk").iterator():
        foi_request_for(letter=letter)
        changed += 1
    closed = letters.filter(status=LetterStatus.CLOSED, foi__outcome="").select_related("foi")
    for letter in closed.order_by("pk").iterator():
        request = letter.foi
        if letter.outcome == Outcome.WITHDRAWN:
            request.outcome = FoiOutcome.WITHDRAWN
        elif letter.outcome == Outcome.FORWARDED_OUTSIDE:
            forward = (
                Event.objects.filter(letter=letter, kind=EventKind.FORWARDED)
                .order_by("-seq")
                .first()
            )
            request.outcome = FoiOutcome.FORWARDED
            request.forwarded_to = str((forward.data if forward else {}).get("to", ""))[:300]
        elif letter.channel == Channel.IMPORT and letter.outcome == Outcome.ANSWERED:
            request.outcome = FoiOutcome.GRANTED
            issued_at = letter.answered_at or letter.closed_at
            request.issued_on = local_date(issued_at) if issued_at else None
            for name, value in _imported_facts(letter).items():
                setattr(request, name, value)
        else:
            continue
        request.decided_at = letter.closed_at
        request.save()
        changed += 1
    return changed
