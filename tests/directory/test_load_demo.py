"""The Lanchkhuti demonstration data and the ``load_demo`` command."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from emanager.directory.demo import load_demo
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

pytestmark = pytest.mark.django_db

CONFIRMED_UNITS = {
    "lanchkhuti-town",
    "nigoiti",
    "gvimbalauri",
    "shukhuti",
    "atsana",
    "chibati",
    "lesa",
    "mamati",
    "aketi",
}


@pytest.fixture
def demo() -> Municipality:
    load_demo()
    return Municipality.objects.get(slug="lanchkhuti")


def current(municipality: Municipality):
    return Mandate.objects.current(timezone.localdate()).filter(
        position__body__municipality=municipality
    )


def test_demo_municipality_is_marked_as_sample(demo):
    assert demo.is_sample


def test_sakrebulo_has_27_current_members(demo):
    members = current(demo).filter(
        position__body__kind=BodyKind.SAKREBULO, position__kind=PositionKind.COUNCIL_MEMBER
    )

    assert members.values("official").distinct().count() == 27


def test_sakrebulo_chair_and_deputies_are_members(demo):
    council = current(demo).filter(position__body__kind=BodyKind.SAKREBULO)
    members = set(
        council.filter(position__kind=PositionKind.COUNCIL_MEMBER).values_list(
            "official", flat=True
        )
    )
    officers = set(
        council.filter(
            position__kind__in=[PositionKind.CHAIR, PositionKind.DEPUTY_CHAIR]
        ).values_list("official", flat=True)
    )

    assert len(officers) == 3
    assert officers <= members


def test_each_council_member_is_in_at_most_one_faction(demo):
    faction_seats = current(demo).filter(position__body__kind=BodyKind.FACTION)
    factions_per_official = Counter(
        official for official, _ in set(faction_seats.values_list("official", "position__body"))
    )

    assert factions_per_official
    assert max(factions_per_official.values()) == 1


def test_faction_and_commission_seats_go_to_council_members(demo):
    members = set(
        current(demo)
        .filter(position__kind=PositionKind.COUNCIL_MEMBER)
        .values_list("official", flat=True)
    )
    seats = set(
        current(demo)
        .filter(position__body__kind__in=[BodyKind.FACTION, BodyKind.COMMISSION])
        .values_list("official", flat=True)
    )

    assert seats <= members


def test_every_commission_has_one_chair_and_four_to_six_members(demo):
    commissions = Body.objects.filter(municipality=demo, kind=BodyKind.COMMISSION)

    assert commissions.count() >= 5
    for commission in commissions:
        seats = current(demo).filter(position__body=commission)
        assert seats.filter(position__kind=PositionKind.CHAIR).count() == 1, commission.slug
        assert 4 <= seats.filter(position__kind=PositionKind.MEMBER).count() <= 6, commission.slug


def test_there_are_15_territorial_units_each_with_a_current_representative(demo):
    units = TerritorialUnit.objects.filter(municipality=demo)
    represented = set(
        current(demo)
        .filter(position__kind=PositionKind.REPRESENTATIVE)
        .values_list("position__territorial_unit", flat=True)
    )

    assert units.count() == 15
    assert represented == set(units.values_list("pk", flat=True))


def test_confirmed_units_are_not_sample_and_the_others_are(demo):
    units = TerritorialUnit.objects.filter(municipality=demo)

    assert set(units.filter(is_sample=False).values_list("slug", flat=True)) == CONFIRMED_UNITS
    assert units.filter(is_sample=True).count() == 6


def test_city_hall_has_a_mayor_and_a_public_information_officer(demo):
    mandates = current(demo)

    assert mandates.filter(position__kind=PositionKind.MAYOR).count() == 1
    assert mandates.filter(
        position__kind=PositionKind.PUBLIC_INFORMATION_OFFICER,
        position__body__slug="service-administrative",
    ).exists()


def test_some_mandates_have_ended(demo):
    today = timezone.localdate()

    assert Mandate.objects.filter(position__body__municipality=demo, end__lt=today).count() >= 2


@pytest.mark.parametrize(
    ("model", "fields", "owner"),
    [
        (Municipality, ["name", "region"], "pk"),
        (Body, ["name"], "municipality"),
        (TerritorialUnit, ["name", "center", "settlements"], "municipality"),
        (Position, ["title"], "body__municipality"),
        (Official, ["first_name", "last_name"], "municipality"),
    ],
)
def test_every_name_is_given_in_georgian_english_and_russian(demo, model, fields, owner):
    rows = model.objects.filter(**{owner: demo.pk})

    assert rows.exists()
    for row in rows:
        for field in fields:
            for lang in ("ka", "en", "ru"):
                assert getattr(row, f"{field}_{lang}"), (row.pk, field, lang)


def test_official_names_in_english_use_latin_letters_only(demo):
    for official in Official.objects.filter(municipality=demo):
        full_name = f"{official.first_name_en} {official.last_name_en}"
        assert full_name.isascii(), full_name
        assert "'" not in full_name


def test_loading_twice_leaves_every_count_unchanged(demo):
    def totals() -> dict[str, int]:
        return {
            model.__name__: model.objects.count()
            for model in (Municipality, Body, Position, Official, Mandate, TerritorialUnit)
        }

    before = totals()
    counts = load_demo()

    assert totals() == before
    assert counts["officials"] == before["Official"]


def test_load_demo_command_prints_the_counts():
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert Municipality.objects.filter(slug="lanchkhuti").exists()
    assert "territorial_units: 15" in out.getvalue()


def test_the_demo_gives_the_back_office_a_day_of_mixed_correspondence():
    from emanager.letters.choices import Channel, MessageStatus
    from emanager.letters.models import AnswerTemplate, InternalNote, Letter, Message
    from emanager.letters.timeline import chain_verify
    from emanager.mailin.models import InboundMail
    from emanager.publication.models import PublicLetter

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # a second run adds nothing

    municipality = Municipality.objects.get(slug="lanchkhuti")
    channels = set(Letter.objects.values_list("channel", flat=True))
    assert channels == set(Channel.values)
    answers = Message.objects.filter(is_answer=True)
    assert answers.filter(status=MessageStatus.PENDING_APPROVAL).exists()
    assert answers.filter(status=MessageStatus.RETURNED).exists()
    assert answers.filter(source=Channel.EMAIL, status=MessageStatus.SENT).exists()
    sent = answers.filter(status=MessageStatus.SENT, letter__channel__in=["web", "paper"])
    assert not sent.filter(out_number="").exists()
    assert InboundMail.objects.filter(status="held").count() >= 2
    assert InternalNote.objects.exists()
    assert AnswerTemplate.objects.count() >= 4
    assert PublicLetter.objects.filter(state="published").exists()
    assert (
        PublicLetter.objects.filter(state="pending").exists()
        or Letter.objects.filter(
            publication__in=["public_named", "public_anonymous"], public_version__isnull=True
        ).exists()
    )
    assert chain_verify(municipality) is None


def test_load_demo_if_empty_does_nothing_when_a_municipality_exists():
    Municipality.objects.create(slug="ozurgeti", name_ka="ოზურგეთი")
    out = StringIO()

    call_command("load_demo", "--if-empty", stdout=out)

    assert list(Municipality.objects.values_list("slug", flat=True)) == ["ozurgeti"]
    assert Body.objects.count() == 0
    assert "not loaded" in out.getvalue()


def test_load_demo_if_empty_loads_into_an_empty_database():
    call_command("load_demo", "--if-empty", stdout=StringIO())

    assert Municipality.objects.filter(slug="lanchkhuti").exists()
