"""Fill an empty database with a national-scale data set, fast, for the benchmark.

The directory and staff (a few hundred rows per municipality) are written
with ``bulk_create``; the letters and everything that hangs off them as plain
records by :mod:`emanager.loadgen.bulk` (``COPY`` on PostgreSQL), with their
foreign keys and plain indexes set aside until the end. No signal runs: the
derived data (accountability figures, the search index) is rebuilt at the end
by the services that own it. Everything is drawn from one seeded generator and
a fixed ``until`` day, so the same options give the same data.

Municipalities are generated one after another; within one, the letters are
planned in the order they were registered, numbered per register and year
with no gaps, and their timeline events are chained in time order with the
project's own digest (:func:`emanager.letters.timeline.event_digest`).
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import itertools
import json
import random
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import translation

from emanager.deadlines.calendar import DeadlineSpec, WorkCalendar
from emanager.deadlines.selectors import calendar_for, deadline_specs_for, registration_date
from emanager.directory.models import (
    Body,
    BodyKind,
    Mandate,
    Municipality,
    Official,
    Position,
    PositionKind,
    TerritorialUnit,
)
from emanager.foi.choices import (
    ComplaintOutcome,
    FoiOutcome,
    PreferredForm,
    RefusalGround,
    RequesterType,
)
from emanager.foi.models import Complaint, FoiRequest
from emanager.letters.choices import (
    Channel,
    Direction,
    EventKind,
    LetterKind,
    LetterStatus,
    MessageStatus,
    Outcome,
    Publication,
    RegisterDirection,
)
from emanager.letters.models import (
    Attachment,
    ChainHead,
    Event,
    Letter,
    Message,
    Register,
    RegisterCounter,
)
from emanager.letters.timeline import GENESIS, event_digest
from emanager.loadgen import corpus
from emanager.loadgen.bulk import Json, Loading, Row, Table
from emanager.proactive.models import CatalogueItem, Document
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState
from emanager.staff.models import Membership, StaffRole
from emanager.surveys.models import Survey, SurveyResponse, SurveyState

BATCH = 2000
YEARS = 3
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
CONSENT_TEXT = "I agree that my letter and its answer are published without my contacts."

KIND_WEIGHTS = {
    LetterKind.APPLICATION: 55,
    LetterKind.COMPLAINT: 15,
    LetterKind.PROPOSAL: 15,
    LetterKind.PUBLIC_INFORMATION: 15,
}
CLOSED_OUTCOMES = {
    Outcome.ANSWERED: 50,
    Outcome.PARTLY_GRANTED: 12,
    Outcome.REFUSED: 10,
    Outcome.LEFT_WITHOUT_CONSIDERATION: 6,
    Outcome.WITHDRAWN: 8,
    Outcome.DUPLICATE: 4,
    Outcome.FORWARDED_OUTSIDE: 10,
}
ANSWERED_OUTCOMES = {Outcome.ANSWERED: 75, Outcome.PARTLY_GRANTED: 15, Outcome.REFUSED: 10}
FOI_OUTCOME_OF = {
    Outcome.ANSWERED: FoiOutcome.GRANTED,
    Outcome.PARTLY_GRANTED: FoiOutcome.PARTLY_GRANTED,
    Outcome.REFUSED: FoiOutcome.REFUSED,
    Outcome.LEFT_WITHOUT_CONSIDERATION: FoiOutcome.NOT_HELD,
    Outcome.DUPLICATE: FoiOutcome.NOT_HELD,
    Outcome.FORWARDED_OUTSIDE: FoiOutcome.FORWARDED,
    Outcome.WITHDRAWN: FoiOutcome.WITHDRAWN,
}
PUBLICATION_WEIGHTS = {
    Publication.PRIVATE: 50,
    Publication.PUBLIC_ANONYMOUS: 30,
    Publication.PUBLIC_NAMED: 20,
}
SURVEY_RESPONSES = {
    SurveyResponse.SATISFIED: 55,
    SurveyResponse.NOT_ANSWERED: 20,
    SurveyResponse.ACKNOWLEDGEMENT: 15,
    SurveyResponse.NO_ANSWER: 10,
}
CHANNEL_WEIGHTS = {
    Channel.WEB: 60,
    Channel.EMAIL: 15,
    Channel.PAPER: 12,
    Channel.IN_PERSON: 10,
    Channel.PHONE: 3,
}


class _Picker:
    """Draws one of ``population`` by ``weights``, as ``rng.choices`` would, summed once."""

    def __init__(self, population, weights) -> None:
        self.population = [
            item.value if isinstance(item, enum.Enum) else item for item in population
        ]
        self.cum_weights = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random):
        return rng.choices(self.population, cum_weights=self.cum_weights)[0]


def _picker(weights: dict) -> _Picker:
    return _Picker(list(weights), list(weights.values()))


KINDS = _picker(KIND_WEIGHTS)
CHANNELS = _picker(CHANNEL_WEIGHTS)
PUBLICATIONS = _picker(PUBLICATION_WEIGHTS)
ANSWERED_OUTCOME = _picker(ANSWERED_OUTCOMES)
CLOSED_OUTCOME = _picker(CLOSED_OUTCOMES)
RESPONSE = _picker(SURVEY_RESPONSES)
ATTACHMENT_COUNT = _Picker((0, 1, 2), (75, 20, 5))
FOI_OUTCOME_OF = {outcome.value: foi.value for outcome, foi in FOI_OUTCOME_OF.items()}

# The states and event kinds as the plain strings written to the database.
OPEN, CLARIFICATION = LetterStatus.OPEN.value, LetterStatus.CLARIFICATION.value
ANSWERED, CLOSED = LetterStatus.ANSWERED.value, LetterStatus.CLOSED.value
SUBMITTED, CONFIRMED = EventKind.SUBMITTED.value, EventKind.CONFIRMED.value
REGISTERED, ASSIGNED = EventKind.REGISTERED.value, EventKind.ASSIGNED.value
CLARIFICATION_REQUESTED = EventKind.CLARIFICATION_REQUESTED.value
ANSWERED_EVENT, CLOSED_EVENT = EventKind.ANSWERED.value, EventKind.CLOSED.value
WITHDRAWN_EVENT = EventKind.WITHDRAWN.value
# The tables written row by row in bulk, without model instances (see bulk.py).
BULK_MODELS = (
    Letter,
    Message,
    Event,
    Attachment,
    FoiRequest,
    Complaint,
    Survey,
    PublicLetter,
    PublicAnswer,
)


EMPTY_JSON = Json("{}")


def _as_json(data: dict) -> Json:
    """An event's data as JSON: none, or one key with a text (the generator's only shapes)."""
    if not data:
        return EMPTY_JSON
    if len(data) == 1:
        ((key, value),) = data.items()
        if isinstance(value, str):
            return Json(f"{{{encode_basestring(key)}: {encode_basestring(value)}}}")
    return Json(json.dumps(data, ensure_ascii=False))


def default_municipalities(letters: int) -> int:
    return max(1, min(len(corpus.MUNICIPALITIES), letters // 15000))


@dataclass
class Report:
    """What was generated: row counts, seconds per phase, and the busiest official's login."""

    counts: Counter = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    inbox: Counter = field(default_factory=Counter)  # username -> letters assigned
    password: str = ""

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def add(self, model, rows: list, batch_size: int = BATCH) -> list:
        model.objects.bulk_create(rows, batch_size=batch_size)
        self.counts[model._meta.label] += len(rows)
        return rows

    def write(self, table: Table, rows: list[Row]) -> None:
        self.counts[table.label] += table.write(rows)


@contextlib.contextmanager
def _dates_as_given() -> Iterator[None]:
    """Let bulk_create keep the historical dates set on auto_now(_add) fields."""
    fields = [
        CatalogueItem._meta.get_field("created_at"),
        Document._meta.get_field("created_at"),
        Document._meta.get_field("updated_at"),
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _zipf(count: int, exponent: float) -> list[float]:
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


@dataclass
class Place:
    """One municipality's generated directory and staff, as the letters need them."""

    municipality: Municipality
    general: Register
    foi: Register
    outgoing: Register
    bodies: list[Body]
    units: list[TerritorialUnit]
    officials: list[tuple[Official, Body, object]]  # official, body, their user
    body_users: dict[int, object]  # body id -> head user
    clerk: object
    pio: object
    calendar: WorkCalendar
    deadlines: dict[str, DeadlineSpec]  # kind -> its legal period
    due: dict = field(default_factory=dict)  # (kind, registration day) -> deadline


class Generator:
    def __init__(
        self,
        *,
        letters: int,
        municipalities: int,
        seed: int,
        until: datetime.date,
        password: str,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.total = letters
        self.municipality_count = municipalities
        self.rng = random.Random(seed)  # noqa: S311  (reproducible data, not secrets)
        self.until = datetime.datetime.combine(until, datetime.time(18), datetime.UTC)
        self.start = self.until - datetime.timedelta(days=365 * YEARS)
        self.password = password
        self.progress = progress or (lambda n: None)
        self.report = Report(password=password)
        self.tables = {model: Table(model, now=self.until) for model in BULK_MODELS}
        self._hash = ""
        self._user_no = 0

    # --- Entry ------------------------------------------------------------------

    def run(self) -> Report:
        shares = _zipf(self.municipality_count, 0.8)
        total_share = sum(shares)
        counts = [int(self.total * share / total_share) for share in shares]
        counts[0] += self.total - sum(counts)
        with translation.override("ka"), _dates_as_given():
            with self.report.phase("users"):
                self._hash = make_password(self.password)
            loading = Loading(BULK_MODELS)
            # One transaction: the keys and indexes set aside come back, or nothing was done.
            with transaction.atomic():
                loading.set_aside()
                for index, count in enumerate(counts):
                    with self.report.phase("directory"):
                        place = self._place(index)
                    self._letters(place, count)
                    with self.report.phase("proactive"):
                        self._proactive(place)
                with self.report.phase("keys_and_indexes"):
                    loading.restore()
        return self.report

    # --- Directory ----------------------------------------------------------------

    def _user(self, username: str):
        user_model = get_user_model()
        user = user_model(
            username=username, email=f"{username}@load.example.ge", password=self._hash
        )
        user.is_staff = False
        return user

    def _place(self, index: int) -> Place:
        rng = self.rng
        slug, name_ka, name_en, region = corpus.MUNICIPALITIES[index]
        municipality = Municipality.objects.create(
            slug=slug,
            name=f"{name_ka} მუნიციპალიტეტი",
            name_en=f"{name_en} Municipality",
            region=region,
            email=f"info@{slug}.example.ge",
            population=rng.randint(10_000, 300_000),
            is_sample=True,
        )
        self.report.counts[Municipality._meta.label] += 1
        m = municipality
        registers = self.report.add(
            Register,
            [
                Register(municipality=m, name="შემოსული", prefix=slug[:3].upper()),
                Register(
                    municipality=m,
                    name="საჯარო ინფორმაცია",
                    prefix=slug[:3].upper() + "-FOI",
                    kind=LetterKind.PUBLIC_INFORMATION,
                ),
                Register(
                    municipality=m,
                    name="გასული",
                    prefix=slug[:3].upper() + "-OUT",
                    direction=RegisterDirection.OUTGOING,
                ),
            ],
        )
        bodies: list[Body] = []

        def body(kind, slug_, name, name_en, parent=None) -> Body:
            item = Body(
                municipality=m,
                parent=parent,
                kind=kind,
                slug=slug_,
                name=name,
                name_en=name_en,
                order=len(bodies),
                answers_need_approval=rng.random() < 0.2,
            )
            item.save()
            bodies.append(item)
            return item

        city_hall = body(BodyKind.CITY_HALL, "city-hall", "მერია", "City Hall")
        sakrebulo = body(BodyKind.SAKREBULO, "sakrebulo", "საკრებულო", "Sakrebulo")
        services = [body(BodyKind.SERVICE, s, ka, en, city_hall) for s, ka, en in corpus.SERVICES]
        divisions = [
            body(BodyKind.DIVISION, s, ka, en, services[i % 3 + 1])
            for i, (s, ka, en) in enumerate(corpus.DIVISIONS)
        ]
        commissions = [
            body(BodyKind.COMMISSION, s, ka, en, sakrebulo) for s, ka, en in corpus.COMMISSIONS
        ]
        for s, ka, en in corpus.FACTIONS:
            body(BodyKind.FACTION, s, ka, en, sakrebulo)
        body(BodyKind.APPARATUS, "apparatus", "საკრებულოს აპარატი", "Apparatus", sakrebulo)
        self.report.counts[Body._meta.label] += len(bodies)

        units = self.report.add(
            TerritorialUnit,
            [
                TerritorialUnit(
                    municipality=m,
                    slug=f"unit-{i + 1}",
                    name=f"{corpus.UNIT_NAMES[i]} ადმინისტრაციული ერთეული",
                    name_en=f"{corpus.UNIT_NAMES_EN[i]} administrative unit",
                    settlements=", ".join(rng.sample(corpus.UNIT_NAMES, 3)),
                    population=rng.randint(300, 6000),
                    order=i,
                )
                for i in range(rng.randint(6, len(corpus.UNIT_NAMES)))
            ],
        )
        # Positions, most important first: the letters favour the first ones.
        posts: list[tuple[Body, str, str, TerritorialUnit | None]] = [
            (city_hall, PositionKind.MAYOR, "მერი", None),
            (sakrebulo, PositionKind.CHAIR, "საკრებულოს თავმჯდომარე", None),
            (city_hall, PositionKind.FIRST_DEPUTY_MAYOR, "მერის პირველი მოადგილე", None),
            (city_hall, PositionKind.DEPUTY_MAYOR, "მერის მოადგილე", None),
        ]
        posts += [(s, PositionKind.HEAD, f"{s.name}ს უფროსი", None) for s in services]
        posts += [(d, PositionKind.HEAD, f"{d.name}ს უფროსი", None) for d in divisions]
        posts += [(c, PositionKind.CHAIR, f"{c.name}ს თავმჯდომარე", None) for c in commissions]
        posts += [
            (city_hall, PositionKind.REPRESENTATIVE, "მერის წარმომადგენელი", u) for u in units
        ]
        posts += [
            (sakrebulo, PositionKind.COUNCIL_MEMBER, "საკრებულოს წევრი", None)
            for _ in range(rng.randint(15, 35))
        ]
        posts.append(
            (city_hall, PositionKind.PUBLIC_INFORMATION_OFFICER, "საჯარო ინფორმაციის ოფიცერი", None)
        )
        positions = self.report.add(
            Position,
            [
                Position(body=b, kind=k, title=t, territorial_unit=u, order=i)
                for i, (b, k, t, u) in enumerate(posts)
            ],
        )
        officials = self.report.add(
            Official,
            [
                Official(
                    municipality=m,
                    slug=f"official-{i + 1}",
                    first_name=rng.choice(corpus.FIRST_NAMES),
                    last_name=rng.choice(corpus.LAST_NAMES),
                    email=f"official-{i + 1}@{slug}.example.ge",
                )
                for i in range(len(positions))
            ],
        )
        term = self.start.date() - datetime.timedelta(days=400)
        self.report.add(
            Mandate,
            [
                Mandate(official=o, position=p, start=term, end=None)
                for o, p in zip(officials, positions, strict=True)
            ],
        )
        # Staff: a user per official, a head per body, a clerk, a PIO, an administrator.
        users = []
        memberships = []

        def staff(name: str, role: str, body_: Body | None, official: Official | None = None):
            user = self._user(f"{slug}-{name}")
            users.append(user)
            memberships.append(
                Membership(user=user, municipality=m, body=body_, role=role, official=official)
            )
            return user

        official_users = [
            (o, p.body, staff(o.slug, StaffRole.OFFICIAL, p.body, o))
            for o, p in zip(officials, positions, strict=True)
        ]
        body_users = {b.pk: staff(f"head-{b.slug}", StaffRole.HEAD, b) for b in bodies}
        clerk = staff("clerk", StaffRole.CLERK, city_hall)
        pio = staff("pio", StaffRole.PIO, city_hall)
        staff("admin", StaffRole.ADMIN, None)
        self.report.add(get_user_model(), users)
        for membership in memberships:
            membership.user_id = membership.user.pk
        self.report.add(Membership, memberships)
        return Place(
            municipality=m,
            general=registers[0],
            foi=registers[1],
            outgoing=registers[2],
            bodies=bodies,
            units=units,
            officials=official_users,
            body_users=body_users,
            clerk=clerk,
            pio=pio,
            calendar=calendar_for(m),
            deadlines=deadline_specs_for(m),
        )

    # --- Letters ----------------------------------------------------------------------

    def _letters(self, place: Place, count: int) -> None:
        rng = self.rng
        span = (self.until - self.start).total_seconds()
        with self.report.phase("plan"):
            moments = sorted(
                self.start + datetime.timedelta(seconds=rng.random() * span) for _ in range(count)
            )
            pick_official = _Picker(place.officials, _zipf(len(place.officials), 1.0))
            pick_body = _Picker(place.bodies, _zipf(len(place.bodies), 0.9))
            sequences: Counter = Counter()
            letters: list[Row] = []
            plans: list[dict] = []
            for created in moments:
                letter, plan = self._plan(place, created, sequences, pick_official, pick_body)
                letters.append(letter)
                plans.append(plan)
            answers = sorted((p for p in plans if p.get("answer_at")), key=lambda p: p["answer_at"])
            out_sequences: Counter = Counter()
            for plan in answers:
                year = plan["answer_at"].year
                out_sequences[year] += 1
                plan["out"] = (year, out_sequences[year])
        # The rows that point at the letters are written first (the foreign keys are
        # checked at commit): the surveys still set the letters' ``satisfied``.
        with self.report.phase("messages"):
            self._messages(place, letters, plans)
        with self.report.phase("events"):
            self._events(place, letters, plans)
        with self.report.phase("attachments"):
            self._attachments(letters, plans)
        with self.report.phase("foi"):
            self._foi(place, letters, plans)
        with self.report.phase("surveys"):
            self._surveys(letters, plans)
        with self.report.phase("letters"):
            for start in range(0, len(letters), BATCH * 5):
                chunk = letters[start : start + BATCH * 5]
                self.report.write(self.tables[Letter], chunk)
                self.progress(len(chunk))
            counters = [
                RegisterCounter(register_id=register_id, year=year, last_number=number)
                for (register_id, year), number in sorted(sequences.items())
            ]
            counters += [
                RegisterCounter(register=place.outgoing, year=year, last_number=number)
                for year, number in sorted(out_sequences.items())
            ]
            self.report.add(RegisterCounter, counters)
        with self.report.phase("publication"):
            self._publication(place, letters, plans)

    def _due(self, place: Place, kind: str, registered_on: datetime.date) -> datetime.date:
        """The deadline of a letter of this kind registered on that day (the same for all)."""
        key = (kind, registered_on)
        due = place.due.get(key)
        if due is None:
            due = place.due[key] = place.calendar.due_date(registered_on, place.deadlines[kind])
        return due

    def _plan(self, place, created, sequences, pick_official, pick_body):
        rng = self.rng
        kind = KINDS(rng)
        channel = CHANNELS(rng)
        language, subject, public_text, answer_text = rng.choice(corpus.PUBLIC_TOPICS)
        official_id = unit_id = None
        if rng.random() < 0.3:
            official, body, assignee = pick_official(rng)
            official_id = official.pk
        else:
            body = pick_body(rng)
            assignee = place.body_users[body.pk]
        if kind == LetterKind.PUBLIC_INFORMATION:
            assignee = place.pio
        if rng.random() < 0.1:
            unit_id = rng.choice(place.units).pk
        publication = PUBLICATIONS(rng)
        author = f"{rng.choice(corpus.FIRST_NAMES)} {rng.choice(corpus.LAST_NAMES)}"
        street = rng.choice(corpus.STREETS)
        text = corpus.PRIVATE_TEMPLATE.format(
            text=public_text,
            street=street,
            house=rng.randint(1, 120),
            phone=rng.randint(10**7, 10**8 - 1),
        )
        email = f"citizen{rng.randrange(10**9)}@mail.example.ge"
        address = f"{street} ქ. {rng.randint(1, 120)}"
        author_unit = rng.choice(place.units).pk if rng.random() < 0.4 else None
        submission_key = uuid.UUID(int=rng.getrandbits(128))
        letter = self.tables[Letter].new(
            uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
            municipality_id=place.municipality.pk,
            kind=kind,
            addressee_body_id=body.pk,
            addressee_official_id=official_id,
            addressee_unit_id=unit_id,
            assignee_id=assignee.pk,
            subject=subject,
            body=text,
            author_name=author,
            author_email=email,
            author_address=address,
            author_unit_id=author_unit,
            language=language,
            channel=channel,
            registered_by_id=None if channel in (Channel.WEB, Channel.EMAIL) else place.clerk.pk,
            publication=publication,
            submission_key=submission_key,
            created_at=created,
        )
        if publication != Publication.PRIVATE:
            letter.consent_text = CONSENT_TEXT
            letter.consent_version = "1"
            letter.consent_at = created
        plan: dict = {
            "public": (subject, public_text, answer_text),
            "assignee": assignee,
            "body": body,
        }
        age = (self.until - created).days
        if channel == Channel.WEB and rng.random() < 0.01:
            return letter, plan  # never confirmed: no number, no deadline
        letter.confirmed_at = created + datetime.timedelta(minutes=rng.randint(1, 90))
        letter.registered_at = letter.confirmed_at + datetime.timedelta(seconds=1)
        register = place.foi if kind == LetterKind.PUBLIC_INFORMATION else place.general
        year = letter.registered_at.year
        key = (register.pk, year)  # keys, not models: a model hashes slowly
        sequences[key] += 1
        letter.register_id, letter.year = register.pk, year
        letter.sequence = sequences[key]
        letter.number = register.format_number(year=year, number=letter.sequence)
        registered_on = registration_date(letter.registered_at)
        letter.deadline = self._due(place, kind, registered_on)
        days = (letter.deadline - registered_on).days
        letter.status = OPEN
        if age < days:
            roll = rng.random()
            if roll < 0.1:
                letter.status = CLARIFICATION
            elif roll < 0.3:
                letter.status = ANSWERED
        else:
            roll = rng.random()
            if roll < 0.35:
                letter.status = ANSWERED
            elif roll < 0.9:
                letter.status = CLOSED
            elif roll < 0.97:
                plan["overdue"] = True
            else:
                letter.status = CLARIFICATION
        if letter.status == CLARIFICATION:
            plan["clarification_at"] = letter.registered_at + DAY * rng.randint(1, 3)
            return letter, plan
        if letter.status == OPEN:
            if body.answers_need_approval and rng.random() < 0.3:
                plan["pending_answer"] = True
            return letter, plan
        if letter.status == ANSWERED:
            letter.outcome = ANSWERED_OUTCOME(rng)
        else:
            letter.outcome = CLOSED_OUTCOME(rng)
        late = rng.random() < 0.12
        limit = max(1, days + (rng.randint(1, 20) if late else -1))
        handled = letter.registered_at + DAY * rng.randint(1, limit)
        handled = min(handled, self.until - HOUR)
        if letter.outcome == Outcome.WITHDRAWN:
            letter.closed_at = handled
        else:
            letter.answered_at = handled
            plan["answer_at"] = handled
            if letter.status == CLOSED:
                letter.closed_at = min(handled + DAY * rng.randint(1, 10), self.until)
        return letter, plan

    def _messages(self, place: Place, letters: list[Row], plans: list[dict]) -> None:
        rng = self.rng
        table = self.tables[Message]
        messages = []
        outgoing = Direction.OUTGOING.value
        for letter, plan in zip(letters, plans, strict=True):
            author = plan["assignee"]
            if "clarification_at" in plan:
                messages.append(
                    table.new(
                        letter_id=letter.id,
                        direction=outgoing,
                        author_id=author.pk,
                        body="გთხოვთ, დააზუსტოთ მოთხოვნა.",
                        created_at=plan["clarification_at"],
                        sent_at=plan["clarification_at"],
                    )
                )
            if plan.get("pending_answer"):
                messages.append(
                    table.new(
                        letter_id=letter.id,
                        direction=outgoing,
                        author_id=author.pk,
                        body=plan["public"][2],
                        is_answer=True,
                        status=MessageStatus.PENDING_APPROVAL.value,
                        created_at=letter.registered_at + DAY,
                    )
                )
            if "out" in plan:
                year, sequence = plan["out"]
                answer = table.new(
                    letter_id=letter.id,
                    direction=outgoing,
                    author_id=author.pk,
                    body=f"{letter.author_name}, {plan['public'][2]}",
                    is_answer=True,
                    created_at=plan["answer_at"],
                    sent_at=plan["answer_at"],
                    source=Channel.EMAIL.value if rng.random() < 0.7 else Channel.PAPER.value,
                    out_register_id=place.outgoing.pk,
                    out_year=year,
                    out_sequence=sequence,
                    out_number=place.outgoing.format_number(year=year, number=sequence),
                )
                if plan["body"].answers_need_approval:
                    answer.approved_by_id = place.body_users[letter.addressee_body_id].pk
                    answer.approved_at = plan["answer_at"]
                plan["answer"] = answer
                messages.append(answer)
        self.report.write(table, messages)

    def _events(self, place: Place, letters: list[Row], plans: list[dict]) -> None:
        rng = self.rng
        pending = []  # (created_at, letter_id, order, kind, actor_id, data)
        clerk = place.clerk.pk
        for letter, plan in zip(letters, plans, strict=True):
            letter_id = letter.id
            pending.append((letter.created_at, letter_id, 0, SUBMITTED, None, {}))
            order = 1
            if letter.registered_at:
                assignee = plan["assignee"]
                pending += (
                    (letter.confirmed_at, letter_id, 1, CONFIRMED, None, {}),
                    (
                        letter.registered_at,
                        letter_id,
                        2,
                        REGISTERED,
                        None,
                        {"number": letter.number},
                    ),
                    (
                        letter.registered_at + datetime.timedelta(minutes=rng.randint(5, 600)),
                        letter_id,
                        3,
                        ASSIGNED,
                        clerk,
                        {"assignee": assignee.username},
                    ),
                )
                order = 4
            if "clarification_at" in plan:
                pending.append(
                    (
                        plan["clarification_at"],
                        letter_id,
                        order,
                        CLARIFICATION_REQUESTED,
                        plan["assignee"].pk,
                        {},
                    )
                )
                order += 1
            if "answer" in plan:
                answer = plan["answer"]
                pending.append(
                    (
                        answer.sent_at,
                        letter_id,
                        order,
                        ANSWERED_EVENT,
                        answer.author_id,
                        {"number": answer.out_number},
                    )
                )
                order += 1
            if letter.closed_at:
                kind = WITHDRAWN_EVENT if letter.outcome == Outcome.WITHDRAWN else CLOSED_EVENT
                pending.append(
                    (letter.closed_at, letter_id, order, kind, None, {"outcome": letter.outcome})
                )
        pending.sort(key=lambda row: (row[0], row[1], row[2]))
        previous = GENESIS
        table = self.tables[Event]
        m_id = place.municipality.pk
        table.reserve(len(pending))
        # Each event is sent as soon as it is chained: the database stores it meanwhile.
        with table.stream() as put:
            for seq, (moment, letter_id, _order, kind, actor, data) in enumerate(pending, 1):
                digest = event_digest(
                    municipality_id=m_id,
                    letter_id=letter_id,
                    seq=seq,
                    kind=kind,
                    actor_id=actor,
                    actor_label="",
                    data=data,
                    created_at=moment,
                    prev_hash=previous,
                )
                put(
                    table.new(
                        municipality_id=m_id,
                        letter_id=letter_id,
                        seq=seq,
                        kind=kind,
                        actor_id=actor,
                        data=_as_json(data),
                        created_at=moment,
                        prev_hash=previous,
                        hash=digest,
                    )
                )
                previous = digest
        self.report.counts[table.label] += put.count
        self.report.add(
            ChainHead, [ChainHead(municipality_id=m_id, last_seq=len(pending), last_hash=previous)]
        )

    def _attachments(self, letters: list[Row], plans: list[dict]) -> None:
        rng = self.rng
        table = self.tables[Attachment]
        rows = []
        for letter in letters:
            for _ in range(ATTACHMENT_COUNT(rng)):
                name, content_type = rng.choice(corpus.ATTACHMENT_NAMES)
                rows.append(
                    table.new(
                        letter_id=letter.id,
                        file=f"letters/{letter.uuid}/{rng.getrandbits(128):032x}",
                        original_name=name,
                        content_type=content_type,
                        size=rng.randint(20_000, 4_000_000),
                        sha256=f"{rng.getrandbits(256):064x}",
                        created_at=letter.created_at,
                    )
                )
        self.report.write(table, rows)

    def _foi(self, place: Place, letters: list[Row], plans: list[dict]) -> None:
        rng = self.rng
        table = self.tables[FoiRequest]
        requests = []
        complaints = [
            letter
            for letter in letters
            if letter.kind == LetterKind.COMPLAINT and letter.registered_at is not None
        ]
        refused = []
        for letter, plan in zip(letters, plans, strict=True):
            if letter.kind != LetterKind.PUBLIC_INFORMATION:
                continue
            organisation = rng.random() < 0.2
            request = table.new(
                letter_id=letter.id,
                requester_type=RequesterType.ORGANISATION.value
                if organisation
                else RequesterType.PERSON.value,
                organisation="არასამთავრობო ორგანიზაცია" if organisation else "",
                preferred_form=rng.choice(PreferredForm.values),
                public_summary=plan["public"][0] if rng.random() < 0.5 else "",
            )
            decided = letter.answered_at or letter.closed_at
            if letter.status == CLARIFICATION:
                request.outcome = FoiOutcome.CLARIFICATION_REQUESTED.value
                request.decided_at = plan["clarification_at"]
            elif plan.get("overdue"):
                request.outcome = FoiOutcome.DEEMED_REFUSED.value
                request.decided_at = letter.registered_at + DAY * 11
            elif letter.outcome:
                request.outcome = FOI_OUTCOME_OF[letter.outcome]
                request.decided_at = decided
                request.decided_by_id = place.pio.pk
            if request.outcome == FoiOutcome.REFUSED:
                request.refusal_ground = rng.choice(RefusalGround.values)
                request.refusal_explanation = "ინფორმაცია შეიცავს კანონით დაცულ მონაცემებს."
            if request.outcome == FoiOutcome.FORWARDED:
                request.forwarded_to = "სახელმწიფო უწყება"
            if request.outcome == FoiOutcome.GRANTED:
                request.issued_on = decided.date()
            if request.outcome in (FoiOutcome.REFUSED, FoiOutcome.DEEMED_REFUSED):
                refused.append(request)
            requests.append(request)
        self.report.write(table, requests)
        # Some refusals are complained about: the complaint is a later letter of kind complaint.
        table = self.tables[Complaint]
        used: set[int] = set()
        rows = []
        index = 0
        for request in refused:
            if rng.random() > 0.4:
                continue
            while index < len(complaints) and (
                complaints[index].registered_at <= request.decided_at
                or complaints[index].id in used
            ):
                index += 1
            if index >= len(complaints):
                break
            complaint_letter = complaints[index]
            used.add(complaint_letter.id)
            complaint = table.new(request_id=request.id, letter_id=complaint_letter.id)
            if complaint_letter.outcome:
                complaint.outcome = rng.choice(ComplaintOutcome.values)
                complaint.decided_at = complaint_letter.answered_at or complaint_letter.closed_at
            rows.append(complaint)
        self.report.write(table, rows)

    def _surveys(self, letters: list[Row], plans: list[dict]) -> None:
        """Write the surveys and note the answers on the letters, which are not written yet."""
        rng = self.rng
        table = self.tables[Survey]
        rows = []
        until_day = self.until.date()
        for letter, plan in zip(letters, plans, strict=True):
            overdue = plan.get("overdue") and letter.deadline + 14 * DAY < until_day
            if "answer" in plan and plan["answer_at"] + 14 * DAY < self.until:
                asked_at = plan["answer_at"] + 14 * DAY
            elif overdue:
                asked_at = datetime.datetime.combine(
                    letter.deadline + 14 * DAY, datetime.time(9), datetime.UTC
                )
            else:
                continue
            if rng.random() > 0.6:
                continue
            survey = table.new(letter_id=letter.id, after_answer=not overdue, asked_at=asked_at)
            roll = rng.random()
            if roll < 0.55:
                survey.state = SurveyState.ANSWERED.value
                survey.response = SurveyResponse.NO_ANSWER.value if overdue else RESPONSE(rng)
                survey.answered_at = min(asked_at + DAY * rng.randint(0, 6), self.until)
                letter.satisfied = survey.response == SurveyResponse.SATISFIED
            elif roll < 0.8:
                survey.state = SurveyState.REMINDED.value
                survey.reminded_at = asked_at + 7 * DAY
            rows.append(survey)
        self.report.write(table, rows)

    def _publication(self, place: Place, letters: list[Row], plans: list[dict]) -> None:
        rng = self.rng
        public_letters = []
        public_answers = []
        letter_table, answer_table = self.tables[PublicLetter], self.tables[PublicAnswer]
        for letter, plan in zip(letters, plans, strict=True):
            if letter.registered_at is None:
                continue
            consenting = letter.publication != Publication.PRIVATE
            # A few letters were published and their author later withdrew consent.
            withdrawn_consent = not consenting and rng.random() < 0.02
            if not (consenting and rng.random() < 0.8) and not withdrawn_consent:
                continue
            subject, public_text, answer_text = plan["public"]
            roll = rng.random()
            state = ReviewState.PUBLISHED.value
            if roll < 0.08:
                state = ReviewState.PENDING.value
            elif roll < 0.12:
                state = ReviewState.DECLINED.value
            reviewed = letter.registered_at + DAY * rng.randint(1, 5)
            published = state == ReviewState.PUBLISHED
            pending = state == ReviewState.PENDING
            public_letters.append(
                letter_table.new(
                    letter_id=letter.id,
                    state=state,
                    public_subject=subject,
                    public_text=public_text,
                    public_name=letter.author_name
                    if letter.publication == Publication.PUBLIC_NAMED
                    else "",
                    reviewed_by_id=None if pending else place.clerk.pk,
                    reviewed_at=None if pending else reviewed,
                    published_at=reviewed if published else None,
                    reason=""
                    if state != ReviewState.DECLINED
                    else "შეიცავს პერსონალურ მონაცემებს.",
                    registered_at=letter.registered_at,
                )
            )
            answer = plan.get("answer")
            if published and answer is not None:
                public_answers.append(
                    answer_table.new(
                        message_id=answer.id,
                        state=ReviewState.PUBLISHED.value,
                        public_text=answer_text,
                        reviewed_by_id=place.clerk.pk,
                        reviewed_at=answer.sent_at,
                        published_at=answer.sent_at,
                    )
                )
        self.report.write(letter_table, public_letters)
        self.report.write(answer_table, public_answers)
        officials = {user.pk for _, _, user in place.officials}
        for plan in plans:
            if plan["assignee"].pk in officials:
                self.report.inbox[plan["assignee"].username] += 1

    # --- Proactive publication ------------------------------------------------------

    def _proactive(self, place: Place) -> None:
        rng = self.rng
        m = place.municipality
        city_hall = place.bodies[0]
        items = self.report.add(
            CatalogueItem,
            [
                CatalogueItem(
                    municipality=m,
                    section=section,
                    slug=slug,
                    name=ka,
                    name_en=en,
                    rule=rule,
                    responsible_body=city_hall,
                    order=i,
                    created_at=self.start,
                )
                for i, (slug, section, rule, ka, en) in enumerate(corpus.CATALOGUE)
            ],
        )
        documents = []
        for item in items:
            for quarter in range(YEARS * 4):
                day = (self.start + datetime.timedelta(days=91 * quarter + 30)).date()
                moment = datetime.datetime.combine(day, datetime.time(10), datetime.UTC)
                documents.append(
                    Document(
                        item=item,
                        title=f"{item.name} — {day.year}, {quarter % 4 + 1} კვარტალი",
                        url=f"https://{m.slug}.example.ge/docs/{item.slug}-{quarter + 1}.pdf",
                        published_on=day,
                        published_by=place.clerk,
                        created_at=moment,
                        updated_at=moment,
                        withdrawn_at=moment + DAY if rng.random() < 0.03 else None,
                        withdrawal_reason="",
                    )
                )
        self.report.add(Document, documents)
