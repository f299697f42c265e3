"""Demonstration of the staff's working tools: answer templates, notes, approval of answers.

In Lanchkhuti's demo the Economic Development Service and the Infrastructure
Service, each with its divisions, ask their head to approve every answer
before it goes out. On top of the demo's year of letters,
:func:`load_tools_demo` adds

- 3–4 answer templates, in Georgian, for each of the main services;
- the approval setting on those services and their divisions, with two answers
  of the divisions' officials waiting for their head (``head.economy`` first,
  then ``head.infrastructure``) and one the head returned with a remark;
- a few internal notes of the staff on open letters.

Everything goes through the services (``now=`` dates it), after the newest
event of the municipality's timeline, so the hash chain stays in time order.
The e-mails those services queue (to the demo's invented addresses) are
deleted in the same transaction. Running it again adds nothing.
"""

from __future__ import annotations

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from emanager.directory.models import Body, Municipality
from emanager.letters import staff_services
from emanager.letters.answer_templates import answer_template_save
from emanager.letters.choices import LetterStatus
from emanager.letters.models import AnswerTemplate, Event, Letter
from emanager.notifications.models import OutboxMessage
from emanager.staff.permissions import letters_visible_to

logger = logging.getLogger(__name__)

__all__ = ["APPROVAL_BODIES", "APPROVAL_GROUPS", "TEMPLATES", "load_tools_demo"]

# The services whose answers (and those of their divisions) wait for the head's
# approval: (service, its head who approves, its divisions, the officials who
# write the answers).
APPROVAL_GROUPS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "service-economic-development",
        "head.economy",
        ("division-property", "division-agriculture-tourism"),
        ("official.luka-jibladze",),
    ),
    (
        "service-infrastructure",
        "head.infrastructure",
        ("division-roads", "division-amenities"),
        ("official.jemal-baramidze", "official.omar-oragvelidze"),
    ),
)
APPROVAL_BODIES = tuple(
    slug
    for service, _head, divisions, _officials in APPROVAL_GROUPS
    for slug in (service, *divisions)
)

_SIGNATURE = "\n\nპატივისცემით,\n{official}\n{body}"

# (body slug, author username, title, text)
TEMPLATES: tuple[tuple[str, str, str, str], ...] = (
    # --- Infrastructure ---
    (
        "service-infrastructure",
        "head.infrastructure",
        "სამუშაოები შესრულებულია",
        "ბატონო/ქალბატონო {name},\n\n"
        "{body} გაცნობებთ, რომ თქვენ მიერ {date} წარმოდგენილ წერილთან (რეგისტრაციის "
        "№ {number}, „{subject}“) დაკავშირებით სამსახურის თანამშრომლებმა ადგილზე შეისწავლეს "
        "საკითხი და საჭირო სამუშაოები შესრულებულია.\n\n"
        "შეტყობინებისთვის გმადლობთ." + _SIGNATURE,
    ),
    (
        "service-infrastructure",
        "head.infrastructure",
        "დაგეგმილია მომავალი წლის ბიუჯეტით",
        "ბატონო/ქალბატონო {name},\n\n"
        "თქვენი წერილი (№ {number}, „{subject}“) განხილულია. ადგილზე დათვალიერების შედეგად "
        "დადგინდა, რომ საჭიროა სარეაბილიტაციო სამუშაოები, რომელთა დაფინანსება მიმდინარე წლის "
        "ბიუჯეტით გათვალისწინებული არ არის. სამუშაოები შეტანილია მომავალი წლის ბიუჯეტის "
        "პროექტში; ბიუჯეტის დამტკიცების შემდეგ დამატებით გაცნობებთ ვადებს." + _SIGNATURE,
    ),
    (
        "service-infrastructure",
        "head.infrastructure",
        "საკითხი შესწავლის პროცესშია",
        "ბატონო/ქალბატონო {name},\n\n"
        "გაცნობებთ, რომ თქვენი წერილი (№ {number}) „{subject}“ შესწავლის პროცესშია. "
        "საჭიროა ადგილზე დათვალიერება და ხარჯთაღრიცხვის მომზადება. საბოლოო პასუხს მიიღებთ "
        "არაუგვიანეს {deadline}-ისა." + _SIGNATURE,
    ),
    (
        "service-infrastructure",
        "head.infrastructure",
        "ობიექტი არ არის მუნიციპალიტეტის ბალანსზე",
        "ბატონო/ქალბატონო {name},\n\n"
        "თქვენი წერილი (№ {number}, „{subject}“) განხილულია. ვწუხვართ, მაგრამ მოთხოვნა ვერ "
        "დაკმაყოფილდება: ობიექტი მუნიციპალიტეტის ბალანსზე არ ირიცხება, ამიტომ მისი "
        "შეკეთება ბიუჯეტის სახსრებით დაუშვებელია. გადაწყვეტილება შეგიძლიათ გაასაჩივროთ "
        "მუნიციპალიტეტის მერთან ერთი თვის ვადაში." + _SIGNATURE,
    ),
    # --- Social service ---
    (
        "service-social",
        "head.social",
        "დახმარება დამტკიცებულია",
        "ბატონო/ქალბატონო {name},\n\n"
        "გაცნობებთ, რომ თქვენი განცხადება (№ {number}, {date}) „{subject}“ განიხილა "
        "სოციალური დახმარების კომისიამ და დახმარება დამტკიცებულია. თანხა ჩაირიცხება "
        "თქვენ მიერ მითითებულ საბანკო ანგარიშზე ერთი თვის განმავლობაში." + _SIGNATURE,
    ),
    (
        "service-social",
        "head.social",
        "საჭიროა დამატებითი დოკუმენტები",
        "ბატონო/ქალბატონო {name},\n\n"
        "თქვენი განცხადების (№ {number}) განსახილველად საჭიროა შემდეგი დოკუმენტები: "
        "პირადობის მოწმობის ასლი, სამედიცინო დაწესებულების ცნობა (ფორმა №100) და "
        "ხარჯთაღრიცხვა ან ინვოისი. გთხოვთ, წარმოადგინოთ ისინი {deadline}-მდე მერიის "
        "მოქალაქეთა მომსახურების ცენტრში ან ელექტრონულად." + _SIGNATURE,
    ),
    (
        "service-social",
        "head.social",
        "პროგრამით არ არის გათვალისწინებული",
        "ბატონო/ქალბატონო {name},\n\n"
        "თქვენი განცხადება (№ {number}, „{subject}“) განხილულია. ვწუხვართ, მაგრამ "
        "მოთხოვნილი დახმარება მუნიციპალიტეტის მიმდინარე წლის სოციალური პროგრამებით "
        "გათვალისწინებული არ არის. პროგრამების ჩამონათვალი გამოქვეყნებულია მუნიციპალიტეტის "
        "ვებგვერდზე; მათ შორის შესაბამისის არსებობისას შეგიძლიათ კვლავ მოგვმართოთ." + _SIGNATURE,
    ),
    # --- Finance service ---
    (
        "service-finance",
        "head.finance",
        "ბიუჯეტის შესახებ ინფორმაცია",
        "ბატონო/ქალბატონო {name},\n\n"
        "თქვენს წერილზე (№ {number}, „{subject}“) გაცნობებთ, რომ მუნიციპალიტეტის "
        "ბიუჯეტი, მისი ცვლილებები და შესრულების ანგარიშები გამოქვეყნებულია მუნიციპალიტეტის "
        "ვებგვერდზე, რუბრიკაში „ბიუჯეტი“. მოთხოვნილი მონაცემები თან ერთვის ამ წერილს." + _SIGNATURE,
    ),
    (
        "service-finance",
        "head.finance",
        "გადახდა შესრულებულია",
        "ბატონო/ქალბატონო {name},\n\n"
        "გაცნობებთ, რომ თქვენი წერილის (№ {number}, {date}) საფუძველზე გადახდა "
        "შესრულებულია. თანხის ანგარიშზე ასახვას შეიძლება დასჭირდეს ორი სამუშაო დღე." + _SIGNATURE,
    ),
    (
        "service-finance",
        "head.finance",
        "საკითხი სცილდება სამსახურის კომპეტენციას",
        "ბატონო/ქალბატონო {name},\n\n"
        "თქვენი წერილი (№ {number}, „{subject}“) განხილულია. საკითხი ფინანსური სამსახურის "
        "კომპეტენციას სცილდება; წერილი გადაეგზავნა უფლებამოსილ სამსახურს, რომელიც "
        "პასუხს მოგაწვდით კანონით დადგენილ ვადაში." + _SIGNATURE,
    ),
    # --- Administrative service: public information ---
    (
        "service-administrative",
        "pio",
        "საჯარო ინფორმაციის გაცემა",
        "ბატონო/ქალბატონო {name},\n\n"
        "საქართველოს ზოგადი ადმინისტრაციული კოდექსის 37-ე მუხლის შესაბამისად, თქვენი "
        "მოთხოვნის (№ {number}, {date}) პასუხად გიგზავნით მოთხოვნილ საჯარო ინფორმაციას, "
        "რომელიც თან ერთვის ამ წერილს." + _SIGNATURE,
    ),
    (
        "service-administrative",
        "pio",
        "ინფორმაციის მომზადებას სჭირდება დამატებითი დრო",
        "ბატონო/ქალბატონო {name},\n\n"
        "გაცნობებთ, რომ თქვენ მიერ მოთხოვნილი ინფორმაციის (№ {number}, „{subject}“) "
        "მოსაძიებლად და დასამუშავებლად საჭიროა დამატებითი დრო. ზოგადი ადმინისტრაციული "
        "კოდექსის 40-ე მუხლის შესაბამისად, ინფორმაცია მოგეწოდებათ არაუგვიანეს {deadline}-ისა."
        + _SIGNATURE,
    ),
    (
        "service-administrative",
        "pio",
        "ინფორმაცია არ მოიპოვება",
        "ბატონო/ქალბატონო {name},\n\n"
        "გაცნობებთ, რომ თქვენ მიერ მოთხოვნილი ინფორმაცია (№ {number}, „{subject}“) "
        "მუნიციპალიტეტის მერიაში არ მოიპოვება. შესაძლოა, იგი ინახებოდეს შესაბამის "
        "სამინისტროში, რომელსაც შეგიძლიათ უშუალოდ მიმართოთ." + _SIGNATURE,
    ),
)

# The answers of the divisions' officials: (text, the head's remark or "" if it waits).
ANSWERS: tuple[tuple[str, str], ...] = (
    (
        "გაცნობებთ, რომ საგზაო ინფრასტრუქტურის განყოფილებამ ადგილზე დაათვალიერა "
        "აღნიშნული მონაკვეთი. ორმოების შევსება ქვიშა-ხრეშოვანი ნარევით დაგეგმილია მიმდინარე "
        "თვის ბოლომდე.",
        "",
    ),
    (
        "გაცნობებთ, რომ კეთილმოწყობის განყოფილებამ შეამოწმა გარე განათების ქსელი. "
        "დაზიანებული სანათები შეიცვლება ახალი, ენერგოეფექტური სანათებით მომდევნო ორი "
        "კვირის განმავლობაში.",
        "",
    ),
    (
        "თქვენი წერილი განხილულია. სამუშაოები ჩატარდება შესაძლებლობის ფარგლებში.",
        "პასუხი ზედმეტად ზოგადია: მიუთითეთ, რა სამუშაო ჩატარდება, ვინ შეასრულებს და "
        "რა ვადაში. თუ სამუშაო ბიუჯეტით არ არის გათვალისწინებული, ეს პირდაპირ დაწერეთ.",
    ),
)

# Notes of the staff: (author username, text).
NOTES: tuple[tuple[str, str], ...] = (
    (
        "clerk",
        "მოქალაქემ დარეკა და დააზუსტა, რომ პრობლემა მეორე კვირაა გრძელდება. "
        "ტელეფონით ვუთხარი, რომ წერილი განხილვის პროცესშია.",
    ),
    (
        "head.infrastructure",
        "იგივე მონაკვეთზე შარშანაც იყო მიმართვა. ხარჯთაღრიცხვა ითხოვეთ ზედამხედველობის "
        "სამსახურიდან, სანამ პასუხს გავცემთ.",
    ),
    (
        "head.social",
        "კომისიის შემდეგი სხდომა ხუთშაბათს არის; განცხადება დღის წესრიგშია.",
    ),
    (
        "pio",
        "ინფორმაციის ნაწილი ფინანსურ სამსახურშია — მოვითხოვე ელფოსტით, ველოდები "
        "პასუხს ორშაბათამდე.",
    ),
)


class _Clock:
    """Times for the demo's actions: after the newest event, each later than the last."""

    def __init__(self, municipality: Municipality, now: datetime.datetime, steps: int):
        newest = Event.objects.filter(municipality=municipality).aggregate(last=Max("created_at"))[
            "last"
        ]
        start = now - datetime.timedelta(hours=3)
        if newest is not None and newest >= start:
            start = newest + datetime.timedelta(seconds=1)
        self.step = max((now - start) / (steps + 1), datetime.timedelta(microseconds=1))
        self.at = start

    def tick(self) -> datetime.datetime:
        self.at += self.step
        return self.at


def _users() -> dict:
    from emanager.letters.demo import DEMO_STAFF

    names = [staff.username for staff in DEMO_STAFF]
    return {user.username: user for user in get_user_model().objects.filter(username__in=names)}


def _open_letters(municipality: Municipality, slugs, officials) -> list[Letter]:
    """Letters of these bodies not answered yet, free or given to one of these officials."""
    return list(
        Letter.objects.filter(
            municipality=municipality,
            status__in=(LetterStatus.OPEN, LetterStatus.CLARIFICATION),
            addressee_body__slug__in=slugs,
        )
        .filter(Q(assignee__isnull=True) | Q(assignee__in=officials))
        .exclude(messages__is_answer=True)
        .select_related("addressee_body", "assignee")
        .order_by("deadline", "pk")
    )


def _load_templates(municipality: Municipality, users: dict) -> int:
    bodies = {body.slug: body for body in Body.objects.filter(municipality=municipality)}
    count = 0
    for slug, author, title, text in TEMPLATES:
        if slug not in bodies:
            logger.warning("The demo body %s is missing: its templates are left out.", slug)
            continue
        answer_template_save(body=bodies[slug], title=title, text=text, actor=users.get(author))
        count += 1
    return count


def _load_approvals(municipality: Municipality, users: dict, clock: _Clock) -> tuple[int, int]:
    for body in Body.objects.filter(municipality=municipality, slug__in=APPROVAL_BODIES):
        staff_services.body_approval_set(body=body, required=True)
    work = []
    for service, head, divisions, names in APPROVAL_GROUPS:
        officials = [users[name] for name in names if name in users]
        if head not in users or not officials:
            continue
        for letter in _open_letters(municipality, (service, *divisions), officials):
            work.append((letter, users[head], letter.assignee or officials[0]))
    pending = returned = 0
    for (text, remark), (letter, head, author) in zip(ANSWERS, work, strict=False):
        if letter.assignee_id is None:
            staff_services.letter_assign(
                letter=letter, actor=head, assignee=author, now=clock.tick()
            )
        message = staff_services.letter_answer(
            letter=letter, actor=author, body=text, files=[], now=clock.tick()
        )
        if remark:
            staff_services.answer_return(
                message=message, actor=head, remark=remark, now=clock.tick()
            )
            returned += 1
        else:
            pending += 1
    if len(work) < len(ANSWERS):
        logger.warning("Too few open letters for the demo of the approval of answers.")
    return pending, returned


def _load_notes(municipality: Municipality, users: dict, clock: _Clock) -> int:
    count = 0
    for username, text in NOTES:
        user = users.get(username)
        if user is None:
            continue
        letter = (
            letters_visible_to(user, municipality)
            .filter(status__in=(LetterStatus.OPEN, LetterStatus.CLARIFICATION))
            .exclude(notes__isnull=False)
            .order_by("deadline", "pk")
            .first()
        )
        if letter is None:
            continue
        staff_services.note_add(letter=letter, actor=user, body=text, now=clock.tick())
        count += 1
    return count


def _drop_demo_emails(after: int) -> None:
    """The e-mails the demo's actions queued, to invented addresses, about a replayed past."""
    OutboxMessage.objects.filter(pk__gt=after, key__startswith="letter:").delete()


def load_tools_demo(
    municipality: Municipality, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Add the working tools' demo to the municipality's letters; what it added.

    Run it after the demo's letters (``load_demo_letters``). It adds nothing if
    the municipality has answer templates already.
    """
    if AnswerTemplate.objects.filter(body__municipality=municipality).exists():
        return {}
    now = min(now or timezone.now(), timezone.now())
    users = _users()
    with transaction.atomic():
        last_outbox = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
        clock = _Clock(municipality, now, steps=len(ANSWERS) * 3 + len(NOTES))
        templates = _load_templates(municipality, users)
        pending, returned = _load_approvals(municipality, users, clock)
        notes = _load_notes(municipality, users, clock)
        _drop_demo_emails(last_outbox)
    return {
        "answer_templates": templates,
        "answers_pending_approval": pending,
        "answers_returned": returned,
        "internal_notes": notes,
    }
