"""factory_boy factories for public-information requests, built straight in the database.

For tests that need many requests in given states (the register, the report)
without going through the services: a registered letter of kind
public_information and its :class:`FoiRequest`. The letter carries a private
person's contacts, so that a test can check they never leak.

    request = FoiRequestFactory(letter__addressee_body=finance, received=date(2025, 3, 2))
    decide(request, FoiOutcome.REFUSED, on=date(2025, 3, 5), by=user, ground=...)
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from emanager.foi.choices import ComplaintOutcome, FoiOutcome, RequesterType
from emanager.foi.models import Complaint, FoiRequest
from emanager.letters.choices import LetterKind, LetterStatus, Publication
from emanager.letters.models import Letter
from tests.factories import BodyFactory, MunicipalityFactory

# The private person behind the requests: none of this may ever be public.
PRIVATE_NAME = "თინათინ ყვავილაძე"
PRIVATE_EMAIL = "tinatin.private@example.ge"
PRIVATE_PHONE = "+995 577 91 83 74"
PRIVATE_ADDRESS = "ქ. ლანჩხუთი, ყვავილების ქ. №77"
PRIVATE_SUBJECT = "თინათინ ყვავილაძის ხელფასი და მისამართი ყვავილების ქ. №77"
PRIVATE_TEXT = "მე, თინათინ ყვავილაძე (პ/ნ 01024012345), ტელ: 599 73 64 55, გთხოვთ..."
PRIVATE_DATA = (
    PRIVATE_NAME,
    PRIVATE_EMAIL,
    PRIVATE_PHONE,
    PRIVATE_ADDRESS,
    PRIVATE_SUBJECT,
    "01024012345",
    "599 73 64 55",
    "91 83 74",
    "ყვავილების",
    "ყვავილაძე",
    "tinatin",
)


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A local time on this day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class FoiLetterFactory(DjangoModelFactory):
    """A registered public-information request letter from a private person."""

    class Meta:
        model = Letter

    class Params:
        received = factory.LazyFunction(timezone.localdate)

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = LetterKind.PUBLIC_INFORMATION
    status = LetterStatus.OPEN
    addressee_body = factory.SubFactory(
        BodyFactory, municipality=factory.SelfAttribute("..municipality")
    )
    subject = PRIVATE_SUBJECT
    body = PRIVATE_TEXT
    author_name = PRIVATE_NAME
    author_email = PRIVATE_EMAIL
    author_phone = PRIVATE_PHONE
    author_address = PRIVATE_ADDRESS
    publication = Publication.PRIVATE
    language = "ka"
    submission_key = factory.LazyFunction(uuid.uuid4)
    number = factory.Sequence(lambda n: f"FOI{n + 1}/25")
    registered_at = factory.LazyAttribute(lambda o: moment(o.received))
    confirmed_at = factory.SelfAttribute("registered_at")
    year = factory.LazyAttribute(lambda o: o.received.year)
    deadline = factory.LazyAttribute(lambda o: o.received + datetime.timedelta(days=10))


class FoiRequestFactory(DjangoModelFactory):
    class Meta:
        model = FoiRequest

    letter = factory.SubFactory(FoiLetterFactory)
    requester_type = RequesterType.PERSON


def decide(
    request: FoiRequest,
    outcome: str,
    *,
    on: datetime.date,
    by=None,
    ground: str = "",
    forwarded_to: str = "",
    issued_on: datetime.date | None = None,
    supplied_by: str = "",
    responsible: str = "",
    fee: Decimal | str = "0",
    fee_paid_on: datetime.date | None = None,
) -> FoiRequest:
    """Record an outcome on the request (and close its letter), as the officer would."""
    request.outcome = outcome
    request.decided_at = moment(on, 15)
    request.decided_by = by
    request.refusal_ground = ground
    request.refusal_explanation = "Explained." if ground else ""
    request.forwarded_to = forwarded_to
    request.issued_on = issued_on
    request.supplied_by = supplied_by
    request.responsible = responsible
    request.fee = Decimal(fee)
    request.fee_paid_on = fee_paid_on
    request.save()
    if outcome != FoiOutcome.DEEMED_REFUSED:
        Letter.objects.filter(pk=request.letter_id).update(
            status=LetterStatus.CLOSED, closed_at=moment(on, 15)
        )
    return request


def complain(request: FoiRequest, outcome: str = "", *, on: datetime.date | None = None):
    """An administrative complaint against the request, decided with ``outcome`` (or not)."""
    letter = FoiLetterFactory(
        municipality=request.letter.municipality,
        addressee_body=request.letter.addressee_body,
        kind=LetterKind.COMPLAINT,
        received=on or timezone.localdate(),
    )
    return Complaint.objects.create(
        request=request,
        letter=letter,
        outcome=ComplaintOutcome(outcome) if outcome else "",
        decided_at=moment(on) if outcome and on else None,
    )


def rich_register(municipality, bodies: dict, deciders: dict) -> dict[str, FoiRequest]:
    """A year (2025) of requests in every outcome over two institutions, plus a few of
    2024 and of this year; ``bodies`` as in tests/staff/conftest.py (City Hall with the
    administrative and finance services and the budget division; the Sakrebulo),
    ``deciders`` three users: ``head``, ``official``, ``speaker``.

    2025, City Hall (finance, budget, administrative) and Sakrebulo:

    ============================  =======  ======  =========  ==============================
    outcome                       finance  budget  admin.     Sakrebulo
    ============================  =======  ======  =========  ==============================
    granted in time               2                           1
    granted late                  1
    granted after deemed refusal  1
    partly granted                1 (pd)   1 (cs)
    refused                       3 (ss,cs,—)                 1 (ep)
    not held                      1                1
    forwarded                     1
    clarification requested       1
    withdrawn                     1
    deemed refused                1
    pending                       1                           1
    ============================  =======  ======  =========  ==============================
    """
    Y = 2025
    D = datetime.date
    made: dict[str, FoiRequest] = {}

    def add(key, body, received, outcome="", **decision):
        request = FoiRequestFactory(
            letter__municipality=municipality,
            letter__addressee_body=bodies[body],
            letter__received=received,
        )
        if outcome:
            on = decision.pop("on")
            decide(request, outcome, **decision, on=on)
        made[key] = request
        return request

    head, official, speaker = deciders["head"], deciders["official"], deciders["speaker"]
    add(
        "granted",
        "finance",
        D(Y, 1, 10),
        "granted",
        on=D(Y, 1, 10),
        by=head,
        issued_on=D(Y, 1, 10),
        supplied_by="Finance Service",
        responsible="Nato Kiladze",
    )
    add(
        "granted_paper",
        "finance",
        D(Y, 2, 3),
        "granted",
        on=D(Y, 2, 5),
        by=head,
        issued_on=D(Y, 2, 6),
        fee="1.20",
        fee_paid_on=D(Y, 2, 6),
    )
    add(
        "granted_unpaid",
        "finance",
        D(Y, 2, 4),
        "granted",
        on=D(Y, 2, 5),
        by=head,
        issued_on=D(Y, 2, 5),
        fee="0.50",
    )
    add(
        "granted_late",
        "finance",
        D(Y, 3, 1),
        "granted",
        on=D(Y, 3, 14),
        by=official,
        issued_on=D(Y, 3, 14),
    )
    late_after_deemed = add(
        "deemed_then_granted", "finance", D(Y, 4, 1), "deemed_refused", on=D(Y, 4, 12)
    )
    decide(late_after_deemed, "granted", on=D(Y, 4, 20), by=head, issued_on=D(Y, 4, 21))
    add(
        "partly_pd",
        "finance",
        D(Y, 5, 5),
        "partly_granted",
        on=D(Y, 5, 9),
        by=head,
        ground="personal_data",
        issued_on=D(Y, 5, 9),
    )
    add(
        "partly_cs",
        "budget",
        D(Y, 5, 6),
        "partly_granted",
        on=D(Y, 5, 8),
        by=official,
        ground="commercial_secret",
        issued_on=D(Y, 5, 8),
    )
    refused_ss = add(
        "refused_ss",
        "finance",
        D(Y, 6, 2),
        "refused",
        on=D(Y, 6, 4),
        by=head,
        ground="state_secret",
    )
    complain(refused_ss, "upheld", on=D(Y, 6, 20))
    refused_cs = add(
        "refused_cs",
        "finance",
        D(Y, 6, 9),
        "refused",
        on=D(Y, 6, 12),
        by=official,
        ground="commercial_secret",
    )
    complain(refused_cs, "rejected", on=D(Y, 7, 1))
    complain(refused_cs)
    add("refused_unrecorded", "finance", D(Y, 7, 7), "refused", on=D(Y, 7, 8), by=head)
    add(
        "refused_ep",
        "sakrebulo",
        D(Y, 7, 9),
        "refused",
        on=D(Y, 7, 10),
        by=speaker,
        ground="executive_privilege",
    )
    add("not_held", "finance", D(Y, 8, 1), "not_held", on=D(Y, 8, 2), by=head)
    add("not_held_admin", "administrative", D(Y, 8, 4), "not_held", on=D(Y, 8, 4), by=official)
    add(
        "forwarded",
        "finance",
        D(Y, 9, 1),
        "forwarded",
        on=D(Y, 9, 2),
        by=head,
        forwarded_to="Ministry of Finance",
    )
    add("clarification", "finance", D(Y, 9, 15), "clarification_requested", on=D(Y, 9, 16), by=head)
    add("withdrawn", "finance", D(Y, 10, 1), "withdrawn", on=D(Y, 10, 3), by=head)
    deemed = add("deemed", "finance", D(Y, 10, 10), "deemed_refused", on=D(Y, 10, 21))
    complain(deemed, "partly_upheld", on=D(Y, 11, 10))
    add("pending", "finance", D(Y, 12, 29))
    add(
        "sakrebulo_granted",
        "sakrebulo",
        D(Y, 11, 3),
        "granted",
        on=D(Y, 11, 4),
        by=speaker,
        issued_on=D(Y, 11, 4),
    )
    add("sakrebulo_pending", "sakrebulo", D(Y, 12, 30))
    # The year before, and this year.
    add(
        "earlier_granted",
        "finance",
        D(Y - 1, 11, 5),
        "granted",
        on=D(Y - 1, 11, 6),
        by=head,
        issued_on=D(Y - 1, 11, 6),
    )
    add(
        "earlier_refused",
        "sakrebulo",
        D(Y - 1, 12, 31),
        "refused",
        on=D(Y, 1, 2),
        by=speaker,
        ground="personal_data",
    )
    this_year = timezone.localdate()
    add("now_pending", "finance", this_year)
    add(
        "now_granted",
        "budget",
        this_year,
        "granted",
        on=this_year,
        by=official,
        issued_on=this_year,
    )
    return made
