"""Demonstration letters for the Lanchkhuti demo: a year of a municipality's mail.

``load_demo_letters()`` gives the demo municipality (made by
:func:`emanager.directory.demo.load_demo`) its staff users and, if it has no
registered letters yet, about 120 letters written over the last 12 months, in
every state a letter can be in. Everything goes through the real services with
``now=``, so the registration numbers, deadlines, timelines and the hash chain
are genuine. To keep the chain in time order, the actions of all letters are
planned first and then carried out in one chronological order.

The citizens, their addresses and their letters are invented; their e-mail
addresses use the reserved domain example.ge. The staff users share
:data:`DEMO_PASSWORD`, which is for the demo only.
"""

from __future__ import annotations

import datetime
import logging
import random
import uuid
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from emanager.directory.demo import transliterate_en
from emanager.directory.demo_data import EMAIL_DOMAIN
from emanager.directory.models import Body, Municipality, Official, TerritorialUnit
from emanager.letters import addressees, services, staff_services
from emanager.letters.choices import LetterKind, LetterStatus, Outcome, Publication
from emanager.letters.demo_data import (
    CHILD_NAMES,
    DUPLICATE_GROUND,
    EXTENSION_REASONS,
    FIRST_NAMES,
    LAST_NAMES,
    LWC_GROUND,
    REOPEN_REASON,
    SECOND_ANSWER_PREFIX,
    THEMES,
    TOWN_STREETS,
    VILLAGE_SPOTS,
    Theme,
)
from emanager.letters.demo_intake import intake_demo_steps
from emanager.letters.models import Letter, Register
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole

logger = logging.getLogger(__name__)

__all__ = ["DEMO_PASSWORD", "DEMO_STAFF", "DemoStaff", "load_demo_letters", "load_demo_staff"]

# The password of every demo staff user. For the demo only: it is printed by
# ``manage.py load_demo`` and written in the source.
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105  (for the demo only, on purpose)
DEFAULT_COUNT = 120
SEED = 2026
CITIZEN_DOMAIN = "example.ge"


# --- Staff --------------------------------------------------------------------


class DemoStaff(NamedTuple):
    username: str
    role: StaffRole
    # The body the role covers (None for the administrator).
    body: str | None
    # The official of the directory this user is; else the name below.
    official: str | None = None
    name: tuple[str, str] = ("", "")


DEMO_STAFF: tuple[DemoStaff, ...] = (
    DemoStaff("admin", StaffRole.ADMIN, None, name=("ლევან", "ქავთარაძე")),
    # The registry clerk works in the chancellery and registers and routes
    # everything addressed to the City Hall, its services and divisions.
    DemoStaff("clerk", StaffRole.CLERK, "city-hall", name=("თამარ", "მჟავანაძე")),
    DemoStaff("clerk.sakrebulo", StaffRole.CLERK, "sakrebulo", name=("ნანა", "სამხარაძე")),
    DemoStaff("pio", StaffRole.PIO, "city-hall", "nato-kiladze"),
    DemoStaff("head.administrative", StaffRole.HEAD, "service-administrative", "nana-beridze"),
    DemoStaff("head.finance", StaffRole.HEAD, "service-finance", "merab-gogitidze"),
    DemoStaff("head.economy", StaffRole.HEAD, "service-economic-development", "koba-ninidze"),
    DemoStaff("head.infrastructure", StaffRole.HEAD, "service-infrastructure", "tengiz-pkhakadze"),
    DemoStaff("head.social", StaffRole.HEAD, "service-social", "manana-janelidze"),
    DemoStaff("head.culture", StaffRole.HEAD, "service-culture", "nanuli-kapanadze"),
    DemoStaff("head.kindergartens", StaffRole.HEAD, "kindergartens", "mzia-chokheli"),
    DemoStaff("head.cleaning", StaffRole.HEAD, "cleaning-service", "davit-palavandishvili"),
    DemoStaff("official.badri-jincharadze", StaffRole.OFFICIAL, "city-hall", "badri-jincharadze"),
    DemoStaff("official.nikoloz-goguadze", StaffRole.OFFICIAL, "sakrebulo", "nikoloz-goguadze"),
    DemoStaff("official.nino-buadze", StaffRole.PIO, "sakrebulo", "nino-buadze"),
    DemoStaff("official.giga-darchia", StaffRole.OFFICIAL, "city-hall", "giga-darchia"),
    DemoStaff("official.zviad-lomjaria", StaffRole.OFFICIAL, "city-hall", "zviad-lomjaria"),
    DemoStaff("official.jemal-baramidze", StaffRole.OFFICIAL, "division-roads", "jemal-baramidze"),
    DemoStaff(
        "official.omar-oragvelidze", StaffRole.OFFICIAL, "division-amenities", "omar-oragvelidze"
    ),
    DemoStaff(
        "official.eter-ghoghoberidze",
        StaffRole.OFFICIAL,
        "division-social-programmes",
        "eter-ghoghoberidze",
    ),
    DemoStaff("official.luka-jibladze", StaffRole.OFFICIAL, "division-property", "luka-jibladze"),
    DemoStaff(
        "official.gocha-chitadze", StaffRole.OFFICIAL, "division-procurement", "gocha-chitadze"
    ),
    DemoStaff(
        "official.tariel-khintibidze",
        StaffRole.OFFICIAL,
        "service-supervision",
        "tariel-khintibidze",
    ),
)

# Who registers and routes the letters of each top-level body (by its slug).
ROUTERS = {
    "city-hall": "clerk",
    "sakrebulo": "clerk.sakrebulo",
    "kindergartens": "head.kindergartens",
    "cleaning-service": "head.cleaning",
}


def load_demo_staff(*, municipality: Municipality) -> list[DemoStaff]:
    """Create the demo staff users and their memberships (once); return them.

    A user that exists already keeps its password: only new users get
    :data:`DEMO_PASSWORD`.
    """
    User = get_user_model()
    bodies = {body.slug: body for body in Body.objects.filter(municipality=municipality)}
    officials = {
        official.slug: official for official in Official.objects.filter(municipality=municipality)
    }
    password = ""
    with transaction.atomic():
        for staff in DEMO_STAFF:
            official = officials.get(staff.official) if staff.official else None
            first_name, last_name = (
                (official.first_name_ka, official.last_name_ka) if official else staff.name
            )
            email = (official.email if official else "") or (
                f"{staff.username}@{EMAIL_DOMAIN}" if official is None else ""
            )
            user, created = User.objects.get_or_create(
                username=staff.username,
                defaults={"first_name": first_name, "last_name": last_name, "email": email},
            )
            if created:
                # One hash for all: hashing is slow on purpose, and this is a demo.
                password = password or make_password(DEMO_PASSWORD)
                user.password = password
                user.save(update_fields=["password"])
            body = bodies[staff.body] if staff.body else None
            Membership.objects.get_or_create(
                user=user,
                municipality=municipality,
                body=body,
                role=staff.role,
                defaults={"official": official},
            )
    return list(DEMO_STAFF)


# --- Citizens -----------------------------------------------------------------


def _locative(place: str) -> str:
    """ლანჩხუთი -> ლანჩხუთში, აცანა -> აცანაში."""
    return (place[:-1] if place.endswith("ი") else place) + "ში"


@dataclass
class _Citizen:
    name: str
    email: str
    phone: str
    address: str
    unit: TerritorialUnit
    is_town: bool
    # Words for the letters: the place, "in the place", "from the place", the spot.
    words: dict[str, str]


def _citizens(rng: random.Random, units: list[TerritorialUnit], count: int) -> list[_Citizen]:
    town = next((unit for unit in units if unit.slug == "lanchkhuti-town"), units[0])
    villages = [unit for unit in units if unit != town] or [town]
    pairs = rng.sample([(f, last) for f in FIRST_NAMES for last in LAST_NAMES], count)
    citizens = []
    for first, last in pairs:
        is_town = rng.random() < 0.4
        unit = town if is_town else rng.choice(villages)
        if is_town:
            place = "ლანჩხუთი"
            street = rng.choice(TOWN_STREETS)
            number = rng.randint(1, 80)
            address = f"ქ. ლანჩხუთი, {street} ქ. №{number}"
            spot = f"{street} ქუჩაზე"
        else:
            settlements = [s.strip() for s in unit.settlements_ka.split(",") if s.strip()]
            place = rng.choice(settlements or [unit.center_ka])
            address = f"სოფ. {place}"
            spot = rng.choice(VILLAGE_SPOTS)
        phone = ""
        if rng.random() < 0.7:
            digits = [rng.randint(50, 99)] + [rng.randint(10, 99) for _ in range(3)]
            phone = "+995 5{:02d} {:02d} {:02d} {:02d}".format(*digits)
        local = f"{transliterate_en(first)}.{transliterate_en(last)}".lower()
        citizens.append(
            _Citizen(
                name=f"{first} {last}",
                email=f"{local}@{CITIZEN_DOMAIN}",
                phone=phone,
                address=address,
                unit=unit,
                is_town=is_town,
                words={
                    "place": place,
                    "place_in": _locative(place),
                    "place_from": f"{place}დან",
                    "spot": spot,
                    "last_name": last,
                },
            )
        )
    return citizens


# --- What becomes of the letters ------------------------------------------------

# How many of DEFAULT_COUNT letters end in each way; scaled for other counts,
# each at least once. "closed_late" is closed as answered but answered late.
FATES: dict[str, int] = {
    "unconfirmed": 4,
    "open": 12,
    "due_soon": 6,
    "overdue": 7,
    "extended": 4,
    "forwarded_open": 3,
    "clarification": 5,
    "answered": 10,
    "answered_late": 4,
    "closed_answered": 24,
    "closed_late": 3,
    "reopened": 2,
    "partly_granted": 8,
    "refused": 7,
    "lwc": 5,
    "withdrawn": 5,
    "duplicate": 4,
    "outside": 7,
}
# Days before today a letter of each fate may be registered: (public information), (others).
AGES: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "unconfirmed": ((0, 5), (0, 5)),
    "open": ((0, 5), (0, 22)),
    "due_soon": ((5, 11), (24, 36)),
    "overdue": ((12, 45), (33, 90)),
    "extended": ((20, 45), (20, 45)),
    "forwarded_open": ((1, 6), (2, 20)),
    "clarification": ((1, 6), (2, 25)),
    "answered": ((3, 40), (5, 70)),
    "answered_late": ((14, 80), (40, 120)),
    "lwc": ((30, 360), (30, 360)),
    "reopened": ((60, 330), (60, 330)),
    "withdrawn": ((12, 360), (12, 360)),
    "outside": ((5, 360), (5, 360)),
}
CLOSED_AGES = ((14, 360), (14, 360))
# The fates that need something particular of the theme.
NEEDS = {
    "outside": lambda theme: theme.outside is not None,
    "refused": lambda theme: theme.refusal is not None,
    "partly_granted": lambda theme: bool(theme.partial),
    "forwarded_open": lambda theme: theme.forward is not None,
    "extended": lambda theme: theme.kind != LetterKind.PUBLIC_INFORMATION,
}


class _Step(NamedTuple):
    when: datetime.datetime
    action: str
    kwargs: dict[str, Any]


@dataclass
class _Plan:
    index: int
    fate: str
    theme: Theme
    citizen: _Citizen
    addressee: str
    words: dict[str, str]
    publication: str
    steps: list[_Step] = field(default_factory=list)
    consent: str = ""
    key: uuid.UUID | None = None
    resolved: addressees.Addressee | None = None
    letter: Letter | None = None
    duplicate_of: _Plan | None = None

    @property
    def is_pi(self) -> bool:
        return self.theme.kind == LetterKind.PUBLIC_INFORMATION

    def add(self, when: datetime.datetime, action: str, **kwargs) -> datetime.datetime:
        """Add an action; each comes at least a few minutes after the one before."""
        if self.steps and when <= self.steps[-1].when:
            when = self.steps[-1].when + datetime.timedelta(minutes=7)
        self.steps.append(_Step(when, action, kwargs))
        return when

    def text(self, template: str) -> str:
        return template.format(**self.words)


class _Planner:
    def __init__(
        self,
        *,
        municipality: Municipality,
        today: datetime.date,
        horizon: datetime.datetime,
        rng: random.Random,
    ) -> None:
        from emanager.deadlines.selectors import calendar_for, deadline_specs_for

        self.municipality = municipality
        self.today = today
        self.horizon = horizon
        self.rng = rng
        self.tz = timezone.get_default_timezone()
        self.calendar = calendar_for(municipality)
        self.specs = deadline_specs_for(municipality)
        self.bodies = {body.slug: body for body in Body.objects.filter(municipality=municipality)}
        self._parents = {body.pk: body.parent_id for body in self.bodies.values()}
        self._slugs = {body.pk: body.slug for body in self.bodies.values()}

    # Dates and times.

    def due(self, kind: str, when: datetime.datetime) -> datetime.date:
        from emanager.deadlines.selectors import registration_date

        return self.calendar.due_date(registration_date(when), self.specs[kind])

    def limit(self, kind: str, when: datetime.datetime) -> datetime.date:
        from emanager.deadlines.selectors import registration_date

        return self.calendar.extension_limit(registration_date(when), self.specs[kind])

    def _at(self, day: datetime.date, minutes: int) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60), self.tz)

    def office(self, day: datetime.date, after: datetime.datetime) -> datetime.datetime:
        """A time in office hours on the first working day from ``day``, later than ``after``."""
        while True:
            if day.weekday() < 5:
                when = self._at(day, self.rng.randint(9 * 60 + 30, 17 * 60 + 30))
                if when > after:
                    return when
            day += datetime.timedelta(days=1)

    def citizen_time(self, day: datetime.date, after: datetime.datetime) -> datetime.datetime:
        while True:
            when = self._at(day, self.rng.randint(8 * 60, 22 * 60 + 30))
            if when > after:
                return when
            day += datetime.timedelta(days=1)

    def days(self, low: int, high: int) -> datetime.timedelta:
        return datetime.timedelta(days=self.rng.randint(low, high))

    # Who does what.

    def router(self, body: Body) -> str:
        """The user who registers and routes letters addressed to the body."""
        pk = body.pk
        while self._parents.get(pk) is not None:
            pk = self._parents[pk]
        return ROUTERS.get(self._slugs[pk], "admin")

    def addressee(self, plan: _Plan) -> addressees.Addressee:
        if plan.resolved is not None:
            return plan.resolved
        kind, _sep, slug = plan.addressee.partition(":")
        if kind == "unit":
            target = plan.citizen.unit
        elif kind == "official":
            target = Official.objects.get(municipality=self.municipality, slug=slug)
        else:
            target = self.bodies[slug]
        resolved = addressees.resolve(self.municipality, addressees.encode(target))
        if resolved is None:
            raise ValueError(f"The demo addressee {plan.addressee} is not in the directory.")
        plan.resolved = resolved
        return resolved

    # The life of one letter.

    def schedule(self, plan: _Plan, reg_day: datetime.date, variant: str) -> bool:
        """Plan the letter's actions from its registration day; False if they do not fit."""
        plan.steps = []
        if plan.duplicate_of is None:
            year = reg_day.year
            plan.words.update(
                prev_year=str(year - 1),
                next_year=str(year + 1),
                child_year=str(year - self.rng.randint(2, 4)),
            )
        fate, theme, kind = plan.fate, plan.theme, plan.theme.kind
        body = self.addressee(plan).body
        router = self.router(body)
        handler = theme.handler

        submitted = self.citizen_time(reg_day, self._at(reg_day, 0))
        plan.add(submitted, "submit")
        if fate == "unconfirmed":
            return submitted <= self.horizon
        registered = plan.add(
            submitted + datetime.timedelta(minutes=self.rng.randint(2, 90)), "confirm"
        )
        deadline = self.due(kind, registered)
        last = registered

        def assign(after, by=router, to=handler):
            if by == to:
                return after
            when = self.office(after.date() + self.days(0, 1), after)
            return plan.add(when, "assign", actor=by, to=to)

        def rate(after, satisfied):
            when = self.citizen_time(after.date() + self.days(0, 6), after)
            return plan.add(when, "rate", satisfied=satisfied)

        if fate in ("open", "due_soon", "overdue"):
            if self.rng.random() < 0.8:
                last = assign(last)
            if fate == "open":
                ok = deadline >= self.today + datetime.timedelta(days=4)
            elif fate == "due_soon":
                ok = self.today <= deadline <= self.today + datetime.timedelta(days=3)
            else:
                ok = deadline < self.today
            return ok and last <= self.horizon

        if fate == "extended":
            last = assign(last)
            at = self.office(deadline - self.days(2, 5), last)
            new = min(deadline + self.days(10, 30), self.limit(kind, registered))
            last = plan.add(
                at,
                "extend",
                actor=router,
                new_deadline=new,
                reason=self.rng.choice(EXTENSION_REASONS),
            )
            return (
                at.date() <= deadline
                and new > deadline
                and new >= self.today + datetime.timedelta(days=2)
                and last <= self.horizon
            )

        if fate == "forwarded_open":
            target, reason, new_handler = theme.forward
            at = self.office(registered.date() + self.days(0, 2), last)
            last = plan.add(at, "forward", actor=router, to_body=target, reason=reason)
            new_deadline = self.due(kind, at)
            last = assign(last, by=self.router(self.bodies[target]), to=new_handler)
            return new_deadline >= self.today + datetime.timedelta(days=1) and (
                last <= self.horizon
            )

        if fate in ("clarification", "lwc"):
            last = assign(last)
            at = self.office(last.date() + self.days(1, 4), last)
            last = plan.add(at, "clarify", actor=handler, body=theme.question)
            if fate == "lwc":
                at = self.office(last.date() + self.days(10, 20), last)
                last = plan.add(
                    at,
                    "close",
                    actor=handler,
                    outcome=Outcome.LEFT_WITHOUT_CONSIDERATION,
                    ground=LWC_GROUND,
                )
            return last <= self.horizon

        if fate == "withdrawn":
            if self.rng.random() < 0.6:
                last = assign(last)
            at = self.citizen_time(registered.date() + self.days(1, 12), last)
            last = plan.add(at, "withdraw")
            return last <= self.horizon

        if fate == "outside":
            recipient, reason = theme.outside
            at = self.office(registered.date() + self.days(1, 4), last)
            last = plan.add(at, "forward_outside", actor=router, recipient=recipient, reason=reason)
            return last <= self.horizon

        if fate == "duplicate":
            at = self.office(registered.date() + self.days(0, 2), last)
            last = plan.add(
                at, "close", actor=router, outcome=Outcome.DUPLICATE, ground=DUPLICATE_GROUND
            )
            return last <= self.horizon

        # Answered, and for most fates closed: with a clarification, an internal
        # forward or an extension on the way, according to the variant.
        due = deadline
        if variant == "forward" and theme.forward:
            target, reason, new_handler = theme.forward
            at = self.office(registered.date() + self.days(0, 2), last)
            last = plan.add(at, "forward", actor=router, to_body=target, reason=reason)
            due = self.due(kind, at)
            last = assign(last, by=self.router(self.bodies[target]), to=new_handler)
            handler = new_handler
        else:
            last = assign(last)
        if variant == "clarify":
            at = self.office(last.date() + self.days(1, 3), last)
            last = plan.add(at, "clarify", actor=handler, body=theme.question)
            last = plan.add(
                self.citizen_time(last.date() + self.days(0, 4), last), "reply", body=theme.reply
            )
        if variant == "extend" and kind != LetterKind.PUBLIC_INFORMATION:
            at = self.office(due - self.days(2, 5), last)
            new = min(due + self.days(10, 30), self.limit(kind, registered))
            if at.date() > due or new <= due:
                return False
            last = plan.add(
                at,
                "extend",
                actor=router,
                new_deadline=new,
                reason=self.rng.choice(EXTENSION_REASONS),
            )
            due = new

        late = fate in ("answered_late", "closed_late")
        if late:
            day = due + self.days(1, 14)
        else:
            span = (due - last.date()).days
            if span < 1:
                return False
            day = last.date() + datetime.timedelta(days=self.rng.randint(1, span))
        text = {
            "partly_granted": theme.partial,
            "refused": theme.refusal[1] if theme.refusal else "",
        }.get(fate, theme.answer)
        answered = self.office(day, last)
        last = plan.add(answered, "answer", actor=handler, body=plan.text(text))
        if late != (answered.date() > due):
            return False

        if fate == "answered":
            if self.rng.random() < 0.5:
                last = rate(last, self.rng.random() < 0.7)
            return last <= self.horizon
        if fate == "answered_late":
            return last <= self.horizon

        outcome = {
            "partly_granted": Outcome.PARTLY_GRANTED,
            "refused": Outcome.REFUSED,
        }.get(fate, Outcome.ANSWERED)
        ground = theme.refusal[0] if fate == "refused" and theme.refusal else ""
        close_at = self.office(last.date() + self.days(0, 3), last)
        last = plan.add(close_at, "close", actor=handler, outcome=outcome, ground=ground)
        if fate == "reopened":
            last = rate(last, False)
            at = self.office(last.date() + self.days(1, 3), last)
            head = "admin" if router.startswith("clerk") else router
            last = plan.add(at, "reopen", actor=head, reason=REOPEN_REASON)
            at = self.office(last.date() + self.days(3, 10), last)
            last = plan.add(
                at, "answer", actor=handler, body=SECOND_ANSWER_PREFIX + plan.text(theme.answer)
            )
            at = self.office(last.date() + self.days(0, 2), last)
            last = plan.add(at, "close", actor=handler, outcome=Outcome.ANSWERED, ground="")
            if self.rng.random() < 0.5:
                last = rate(last, True)
        elif self.rng.random() < 0.4:
            satisfied = self.rng.random() < {"refused": 0.1, "partly_granted": 0.4}.get(fate, 0.75)
            last = rate(last, satisfied)
        return last <= self.horizon


def _fate_counts(count: int) -> dict[str, int]:
    if count == DEFAULT_COUNT:
        return dict(FATES)
    scale = count / DEFAULT_COUNT
    return {fate: max(1, round(number * scale)) for fate, number in FATES.items()}


def _plans(planner: _Planner, count: int) -> list[_Plan]:
    rng = planner.rng
    units = list(TerritorialUnit.objects.filter(municipality=planner.municipality))
    citizens = _citizens(rng, units, min(60, len(FIRST_NAMES) * len(LAST_NAMES)))
    with translation.override("ka"):
        from emanager.letters.forms import CONSENT_TEXT

        consent = str(CONSENT_TEXT)
    plans: list[_Plan] = []
    originals: list[_Plan] = []
    for fate, number in _fate_counts(count).items():
        if fate == "duplicate":
            continue
        need = NEEDS.get(fate, lambda theme: True)
        themes = [theme for theme in THEMES if need(theme)]
        rng.shuffle(themes)
        for position in range(number):
            theme = themes[position % len(themes)]
            variant = "partial" if fate == "partly_granted" else "plain"
            if fate in ("closed_answered", "answered"):
                variant = ("plain", "plain", "clarify", "forward", "extend")[position % 5]
            plan = _new_plan(rng, len(plans), fate, theme, citizens, consent, variant)
            if _schedule(planner, plan, variant):
                plans.append(plan)
                if fate in ("closed_answered", "answered", "partly_granted") and not plan.is_pi:
                    originals.append(plan)
    # A duplicate repeats an earlier letter of the same citizen a few days later.
    for _ in range(_fate_counts(count)["duplicate"]):
        candidates = [p for p in originals if not any(d.duplicate_of is p for d in plans)]
        if not candidates:
            break
        original = rng.choice(candidates)
        registered = original.steps[1].when
        plan = _Plan(
            index=len(plans),
            fate="duplicate",
            theme=original.theme,
            citizen=original.citizen,
            addressee=original.addressee,
            words=original.words,
            publication=Publication.PRIVATE,
            duplicate_of=original,
        )
        day = registered.date() + planner.days(1, 4)
        if planner.schedule(plan, day, "plain"):
            plans.append(plan)
    return plans


def _new_plan(rng, index, fate, theme, citizens, consent, variant) -> _Plan:
    candidates = [c for c in citizens if not (theme.village_only and c.is_town)]
    citizen = rng.choice(candidates)
    addressee = rng.choice(
        [
            to
            for to in theme.to
            if not (variant == "forward" and theme.forward and to == f"body:{theme.forward[0]}")
            and not (fate == "forwarded_open" and to == f"body:{theme.forward[0]}")
        ]
    )
    roll = rng.random()
    publication = (
        Publication.PUBLIC_NAMED
        if roll < 0.12
        else Publication.PUBLIC_ANONYMOUS
        if roll < 0.22
        else Publication.PRIVATE
    )
    plan = _Plan(
        index=index,
        fate=fate,
        theme=theme,
        citizen=citizen,
        addressee=addressee,
        words=dict(citizen.words),
        publication=publication,
    )
    plan.consent = consent if publication != Publication.PRIVATE else ""
    plan.words["child"] = f"{rng.choice(CHILD_NAMES)} {citizen.words['last_name']}"
    return plan


def _schedule(planner: _Planner, plan: _Plan, variant: str) -> bool:
    """Find a registration day on which the plan fits its fate; False if none was found."""
    ages = AGES.get(plan.fate, CLOSED_AGES)[0 if plan.is_pi else 1]
    for _attempt in range(80):
        reg_day = planner.today - datetime.timedelta(days=planner.rng.randint(*ages))
        if planner.schedule(plan, reg_day, variant):
            return True
    logger.warning("No demo letter could be planned for %s / %s.", plan.fate, plan.theme.key)
    return False


# --- Carrying it out ------------------------------------------------------------


def _perform(step: _Step, plan: _Plan, municipality: Municipality, users: dict, bodies) -> None:
    kwargs = dict(step.kwargs)
    now = step.when
    if "actor" in kwargs:
        kwargs["actor"] = users[kwargs["actor"]]
    letter = plan.letter
    match step.action:
        case "submit":
            target = plan.resolved
            draft = services.LetterDraft(
                kind=plan.theme.kind,
                subject=plan.text(plan.theme.subject)[:200],
                body=plan.text(plan.theme.body),
                addressee_body=target.body,
                addressee_official=target.official,
                addressee_unit=target.unit,
                author_name=plan.citizen.name,
                author_email=plan.citizen.email,
                author_phone=plan.citizen.phone,
                author_address=plan.citizen.address,
                author_unit=plan.citizen.unit,
                publication=plan.publication,
                language="ka",
                consent_text=plan.consent,
            )
            plan.letter, _created = services.letter_submit(
                municipality=municipality, draft=draft, submission_key=plan.key, now=now
            )
        case "confirm":
            plan.letter = services.letter_confirm(letter=letter, now=now)
        case "assign":
            staff_services.letter_assign(
                letter=letter, actor=kwargs["actor"], assignee=users[kwargs["to"]], now=now
            )
        case "forward":
            staff_services.letter_forward(
                letter=letter,
                actor=kwargs["actor"],
                to_body=bodies[kwargs["to_body"]],
                reason=kwargs["reason"],
                now=now,
            )
        case "forward_outside":
            staff_services.letter_forward_outside(letter=letter, now=now, **kwargs)
        case "clarify":
            staff_services.letter_request_clarification(letter=letter, now=now, **kwargs)
        case "reply":
            services.letter_reply(letter=letter, body=kwargs["body"], files=[], now=now)
        case "answer":
            staff_services.letter_answer(letter=letter, files=[], now=now, **kwargs)
        case "extend":
            staff_services.letter_extend_deadline(letter=letter, now=now, **kwargs)
        case "close":
            if plan.duplicate_of is not None:
                kwargs["ground"] = kwargs["ground"].format(number=plan.duplicate_of.letter.number)
            staff_services.letter_close(letter=letter, now=now, **kwargs)
        case "reopen":
            staff_services.letter_reopen(letter=letter, now=now, **kwargs)
        case "withdraw":
            services.letter_withdraw(letter=letter, now=now)
        case "rate":
            from emanager.surveys.demo import demo_rating_response
            from emanager.surveys.services import survey_answer

            response = demo_rating_response(letter, satisfied=kwargs["satisfied"])
            survey_answer(letter=letter, response=response, now=now)
        case _:
            raise ValueError(step.action)


def load_demo_letters(
    *,
    municipality: Municipality,
    today: datetime.date | None = None,
    count: int = DEFAULT_COUNT,
) -> int:
    """Give the demo municipality its staff and a year of letters; return how many were made.

    The staff users are made (once) every time. The letters only when the
    municipality has no registered letter yet, so running this again adds
    nothing. ``today`` (default: the present date, never a later one) is the
    last day of the year of letters; ``count`` about how many there are
    (each state and outcome at least once).
    """
    load_demo_staff(municipality=municipality)
    if Letter.objects.filter(municipality=municipality, registered_at__isnull=False).exists():
        return 0
    real_now = timezone.now()
    real_today = timezone.localdate(real_now)
    today = today or real_today
    if today > real_today:
        raise ValueError("The demo letters cannot be dated in the future.")
    # Every action happens before the present moment, so that the timeline of
    # a letter handled after the demo stays in time order.
    horizon = real_now - datetime.timedelta(minutes=1)
    if today < real_today:
        end_of_day = datetime.datetime.combine(
            today, datetime.time(23, 59), timezone.get_default_timezone()
        )
        horizon = min(horizon, end_of_day)

    User = get_user_model()
    users = {user.username: user for user in User.objects.filter(username__in=_usernames())}
    rng = random.Random(SEED)  # noqa: S311  (the same demo every time; no secrets)
    with transaction.atomic():
        _ensure_registers(municipality)
        planner = _Planner(municipality=municipality, today=today, horizon=horizon, rng=rng)
        plans = _plans(planner, count)
        for plan in plans:
            plan.key = uuid.UUID(int=rng.getrandbits(128), version=4)
        last_outbox = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
        # The clerk's intake of paper, phone and e-mail letters (demo_intake)
        # is replayed with the web letters, so the timeline stays in time order.
        replay = [
            (
                step.when,
                plan.index,
                partial(_perform, step, plan, municipality, users, planner.bodies),
            )
            for plan in plans
            for step in plan.steps
        ]
        replay += [
            (step.when, -1, step.run)
            for step in intake_demo_steps(municipality=municipality, now=horizon)
        ]
        # And a year of public-information requests with every outcome (foi).
        from emanager.foi.demo import foi_demo_steps

        replay += [
            (step.when, -2, step.run)
            for step in foi_demo_steps(municipality=municipality, now=horizon)
        ]
        # And the citizens' answers to the satisfaction survey (surveys).
        from emanager.surveys.demo import survey_demo_steps

        replay += [
            (step.when, -3, step.run)
            for step in survey_demo_steps(municipality=municipality, now=horizon)
        ]
        for _when, _index, run in sorted(replay, key=lambda item: item[:2]):
            run()
        _drop_demo_emails(after=last_outbox, letters={plan.letter.pk for plan in plans})
    return Letter.objects.filter(municipality=municipality).count()


def _usernames() -> list[str]:
    return [staff.username for staff in DEMO_STAFF]


def _ensure_registers(municipality: Municipality) -> None:
    """The general register and one of public-information requests, to show both."""
    prefix = (municipality.slug[:3] or "REG").upper()
    Register.objects.get_or_create(
        municipality=municipality,
        kind="",
        defaults={"name": "ზოგადი რეესტრი", "prefix": prefix},
    )
    Register.objects.get_or_create(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        defaults={"name": "საჯარო ინფორმაციის მოთხოვნების რეესტრი", "prefix": f"{prefix}-SI"},
    )


def _drop_demo_emails(*, after: int, letters: set[int]) -> None:
    """Delete the e-mails the services queued for the demo letters.

    The services queue an e-mail for every acknowledgement, answer, assignment
    and so on: several hundred for a year of demo letters, to invented
    addresses at example.ge and about events long past. Nobody should receive
    them, so they are deleted in the transaction that queued them; the delivery
    tasks queued on commit then find no message and send nothing.
    """
    demo = []
    queued = OutboxMessage.objects.filter(pk__gt=after, key__startswith="letter:")
    for pk, key in queued.values_list("pk", "key"):
        letter_id = key.split(":")[1]
        if letter_id.isdigit() and int(letter_id) in letters:
            demo.append(pk)
    OutboxMessage.objects.filter(pk__in=demo).delete()


def demo_letter_counts(municipality: Municipality) -> dict[str, int]:
    """How many letters of the municipality are in each status and outcome."""
    letters = Letter.objects.filter(municipality=municipality)
    counts = {f"status:{status}": 0 for status in LetterStatus.values}
    counts.update({f"outcome:{outcome}": 0 for outcome in Outcome.values})
    for status, outcome in letters.values_list("status", "outcome"):
        counts[f"status:{status}"] += 1
        if outcome:
            counts[f"outcome:{outcome}"] += 1
    return counts
