"""The publication review of the Lanchkhuti demo.

``load_publication_demo(municipality, now)`` reviews the demo letters whose
authors allowed publication, as the municipality's clerks would: most are
published with the suggested redactions applied (and their answers with
them), the most recent few stay in the review queue, and one is declined.
Two more letters, with personal data in their text, are written on the day:
one is published with its redactions, the other waits, flagged for health
data. It runs after :func:`emanager.letters.demo.load_demo_letters` and does
nothing if the municipality has reviewed letters already.
"""

from __future__ import annotations

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from emanager.directory.models import Body, Municipality
from emanager.letters.choices import LetterKind, LetterStatus, MessageStatus, Outcome, Publication
from emanager.letters.models import Event, Letter, Message
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.notifications.models import OutboxMessage
from emanager.publication import review, services
from emanager.publication.models import PublicLetter
from emanager.staff.models import Membership, StaffRole
from emanager.staff.permissions import can_review

__all__ = ["load_publication_demo"]

# At most this many of the most recent letters stay in the queue, for the demo to show it.
WAITING = 3
DECLINE_REASON = (
    "წერილი ეხება კონკრეტული ოჯახის პირად საკითხს (ბავშვის მონაცემები); მისი გამოქვეყნება "
    "პერსონალური მონაცემების დაცვის კანონის დარღვევის გარეშე ვერ ხერხდება."
)
FLAGGED_REASON = (
    "წერილი შეიცავს განსაკუთრებული კატეგორიის პერსონალურ მონაცემებს; მისი გამოქვეყნება დაუშვებელია."
)
# Two letters with personal data in their text, written on the day of the
# reviews, for the review screen to have something to mark: the first is
# published with its suggestions applied (and a neighbour's name the clerk
# marks), the second waits in the queue, flagged for health data.
# (body slug, kind, publication, author, e-mail, phone, address, subject, text, names)
EXTRA_LETTERS = (
    (
        "service-infrastructure",
        LetterKind.COMPLAINT,
        Publication.PUBLIC_ANONYMOUS,
        "მზია ნემსაძე",
        "mzia.nemsadze@example.ge",
        "+995 599 48 21 07",
        "ქ. ლანჩხუთი, ჟორდანიას ქ. №14",
        "საერთო სარგებლობის გზის გადაკეტვა",
        "მე, მზია ნემსაძე, მცხოვრები ქ. ლანჩხუთი, ჟორდანიას ქ. №14, გაცნობებთ, რომ "
        "მეზობელმა, გიორგი ხარაბაძემ, ჩვენს ჩიხში საერთო სარგებლობის გზა ღობით გადაკეტა "
        "და სასწრაფო დახმარების მანქანა ეზოებამდე ვეღარ აღწევს. გთხოვთ, ადგილზე "
        "შეამოწმოთ და აღადგინოთ გასასვლელი.\n"
        "დამიკავშირდით ნომერზე 599 48 21 07 ან ელფოსტით: mzia.nemsadze@example.ge.",
        ("გიორგი ხარაბაძე",),
    ),
    (
        "service-social",
        LetterKind.APPLICATION,
        Publication.PUBLIC_NAMED,
        "ელისო ჯაყელი",
        "eliso.jakeli@example.ge",
        "577 30 12 88",
        "სოფ. ნიგოითი, ცენტრალური ქ. №3",
        "დახმარება ოპერაციის დასაფინანსებლად",
        "გთხოვთ, მუნიციპალიტეტის სოციალური პროგრამიდან დამიფინანსოთ ოპერაციის "
        "ღირებულების ნაწილი. მაქვს დიაბეტი და ექიმმა სასწრაფოდ მირჩია ოპერაცია; "
        "ღირებულება 4 800 ლარია.\n"
        "ჩემი პირადი ნომერია 33001045872, მისამართი: სოფ. ნიგოითი, ცენტრალური ქ. №3. "
        "ტელ: 577 30 12 88.",
        (),
    ),
)
# The order in which staff roles are asked to review: the registry first.
_ROLE_ORDER = (StaffRole.CLERK, StaffRole.PIO, StaffRole.HEAD, StaffRole.ADMIN)


def _reviewers(municipality: Municipality) -> list:
    users = []
    for role in _ROLE_ORDER:
        ids = (
            Membership.objects.filter(municipality=municipality, role=role)
            .order_by("pk")
            .values_list("user_id", flat=True)
        )
        for user in get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"):
            if user not in users:
                users.append(user)
    return users


def _reviewer_for(letter: Letter, reviewers: list):
    return next((user for user in reviewers if can_review(user, letter)), None)


def _decline_choice(letters: list[Letter]) -> tuple[Letter | None, str]:
    """The letter to decline: one flagged for special categories, or one about a child."""
    for letter in letters:
        draft = review.review_draft(letter=letter)
        if draft.flags:
            return letter, FLAGGED_REASON
    for letter in letters:
        if "შვილ" in letter.body:
            return letter, DECLINE_REASON
    return (letters[0], DECLINE_REASON) if letters else (None, "")


def _consent_text() -> str:
    from emanager.letters.forms import CONSENT_TEXT

    with translation.override("ka"):
        return str(CONSENT_TEXT)


def _extra_letters(municipality: Municipality, now: datetime.datetime) -> list[tuple]:
    """Submit and register the EXTRA_LETTERS; (letter, names to mark) for each made."""
    made = []
    for slug, kind, publication, name, email, phone, address, subject, text, names in EXTRA_LETTERS:
        body = Body.objects.filter(municipality=municipality, slug=slug).first()
        if body is None:
            continue
        draft = LetterDraft(
            kind=kind,
            subject=subject,
            body=text,
            addressee_body=body,
            author_name=name,
            author_email=email,
            author_phone=phone,
            author_address=address,
            publication=publication,
            language="ka",
            consent_text=_consent_text(),
        )
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"emanager-demo-publication:{slug}:{name}")
        letter, _created = letter_submit(
            municipality=municipality, draft=draft, submission_key=key, now=now
        )
        letter = letter_confirm(letter=letter, now=now)
        # Nobody should receive the e-mails of invented people.
        OutboxMessage.objects.filter(key__startswith=f"letter:{letter.pk}:").delete()
        made.append((letter, names))
    return made


def load_publication_demo(
    municipality: Municipality, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Review the demo letters that allowed publication; return what was done.

    ``now`` (default: the present) is the time of the reviews; it is moved
    after the newest event of the municipality's timeline if it is earlier,
    to keep the chain in time order.
    """
    counts = {"published": 0, "declined": 0, "waiting": 0, "answers_published": 0}
    if PublicLetter.objects.filter(letter__municipality=municipality).exists():
        return counts
    now = now or timezone.now()
    newest = Event.objects.filter(municipality=municipality).aggregate(last=Max("created_at"))
    if newest["last"] is not None and newest["last"] > now:
        now = newest["last"]
    letters = list(
        Letter.objects.filter(municipality=municipality, publication__in=services.PUBLIC_CHOICES)
        .exclude(status=LetterStatus.UNCONFIRMED)
        .exclude(outcome=Outcome.WITHDRAWN)
        .select_related("addressee_body", "municipality")
        .order_by("registered_at", "pk")
    )
    reviewers = _reviewers(municipality)
    # A few of the most recent stay in the queue: up to WAITING, one in six.
    keep = min(WAITING, max(1, len(letters) // 6)) if len(letters) >= 3 else 0
    waiting = letters[len(letters) - keep :]
    to_review = letters[: len(letters) - len(waiting)]
    declined, reason = _decline_choice(to_review)
    counts["waiting"] = len(waiting)
    # One answer waits in the queue too: the newest answer of a published letter.
    published = [letter for letter in to_review if letter != declined]
    newest_answer = (
        Message.objects.filter(letter__in=published, is_answer=True, status=MessageStatus.SENT)
        .order_by("-sent_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    with transaction.atomic():
        for letter in to_review:
            actor = _reviewer_for(letter, reviewers)
            if actor is None:
                counts["waiting"] += 1
                continue
            if letter == declined:
                services.letter_decline(letter=letter, actor=actor, reason=reason, now=now)
                counts["declined"] += 1
                continue
            draft = review.review_draft(letter=letter)
            services.letter_publish(
                letter=letter,
                actor=actor,
                subject=draft.public_subject,
                text=draft.public_text,
                redactions=draft.redactions(),
                flags=draft.flag_records(),
                now=now,
            )
            counts["published"] += 1
            answers = Message.objects.filter(
                letter=letter, is_answer=True, status=MessageStatus.SENT
            ).order_by("created_at", "pk")
            for message in answers:
                if message.pk == newest_answer:
                    continue
                answer_draft = review.review_draft(letter=letter, message=message)
                services.answer_publish(
                    message=message,
                    actor=actor,
                    text=answer_draft.public_text,
                    redactions=answer_draft.redactions(),
                    flags=answer_draft.flag_records(),
                    now=now,
                )
                counts["answers_published"] += 1
        for position, (letter, names) in enumerate(_extra_letters(municipality, now)):
            actor = _reviewer_for(letter, reviewers)
            if position > 0 or actor is None:
                counts["waiting"] += 1
                continue
            draft = review.review_draft(letter=letter, names=names)
            services.letter_publish(
                letter=letter,
                actor=actor,
                subject=draft.public_subject,
                text=draft.public_text,
                redactions=draft.redactions(),
                flags=draft.flag_records(),
                now=now,
            )
            counts["published"] += 1
    return counts
