"""Who may open the registry journal, and which letters each sees in it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emanager.staff.models import Membership, StaffRole
from emanager.staff.permissions import can_see_journal
from tests.registry.conftest import make_user

JOURNAL = "/en/staff/registry/"
EXPORTS = ["/en/staff/registry/journal.csv", "/en/staff/registry/journal.xlsx"]


@pytest.fixture
def letters(write, bodies, staff):
    """One letter to each body: the administration, finance, its budget division, the Sakrebulo."""
    return {
        name: write(to=bodies[name], subject=name, on=f"2026-01-0{day}")
        for day, name in enumerate(("administrative", "finance", "budget", "sakrebulo"), start=1)
    }


def subjects(response) -> list[str]:
    return [row.subject for row in response.context["rows"]]


def test_anonymous_visitors_are_sent_to_log_in(client, letters):
    for path in [JOURNAL, *EXPORTS]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/staff/login/")


def test_a_citizen_without_a_role_is_refused(login, staff, letters):
    client = login(staff["outsider"])

    for path in [JOURNAL, *EXPORTS]:
        assert client.get(path).status_code == 403


def test_a_plain_official_is_refused_with_a_page_that_says_why(login, staff, letters):
    response = login(staff["official"]).get(JOURNAL)

    assert response.status_code == 403
    assert "Your letters are in your inbox." in response.content.decode()
    assert login(staff["official"]).get(EXPORTS[0]).status_code == 403


def test_a_head_sees_only_the_letters_of_their_body_and_its_units(login, staff, letters):
    response = login(staff["head"]).get(JOURNAL)

    assert subjects(response) == ["finance", "budget"]


def test_a_head_also_sees_a_letter_assigned_to_them(login, staff, letters):
    from emanager.letters.models import Letter

    Letter.objects.filter(pk=letters["sakrebulo"].pk).update(assignee=staff["head"])

    assert subjects(login(staff["head"]).get(JOURNAL)) == ["finance", "budget", "sakrebulo"]


def test_a_clerk_sees_the_letters_of_their_body(login, staff, letters):
    assert subjects(login(staff["clerk"]).get(JOURNAL)) == ["administrative"]


def test_a_public_information_officer_keeps_the_journal(
    login, staff, letters, municipality, bodies
):
    pio = make_user("pio")
    Membership.objects.create(
        user=pio, municipality=municipality, body=bodies["sakrebulo"], role=StaffRole.PIO
    )

    assert subjects(login(pio).get(JOURNAL)) == ["sakrebulo"]


def test_an_administrator_sees_every_letter(login, staff, letters):
    assert subjects(login(staff["admin"]).get(JOURNAL)) == [
        "administrative",
        "finance",
        "budget",
        "sakrebulo",
    ]


def test_an_export_holds_only_the_letters_the_user_sees(login, staff, letters):
    content = login(staff["head"]).get(EXPORTS[0]).content.decode("utf-8-sig")

    assert "finance" in content
    assert "administrative" not in content
    assert "sakrebulo" not in content


def test_the_unconfirmed_letter_is_in_no_journal(login, staff, municipality, bodies, letters):
    import uuid

    from emanager.letters.services import letter_submit
    from tests.letters.conftest import make_draft

    letter_submit(
        municipality=municipality,
        draft=make_draft(bodies["finance"], subject="unconfirmed"),
        submission_key=uuid.uuid4(),
    )

    assert "unconfirmed" not in subjects(login(staff["admin"]).get(JOURNAL))


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("clerk", True), ("head", True), ("admin", True), ("official", False), ("outsider", False)],
)
def test_can_see_journal(staff, municipality, name, allowed):
    assert can_see_journal(staff[name], municipality) is allowed


def test_an_inactive_user_cannot_see_the_journal(staff, municipality):
    staff["clerk"].is_active = False

    assert can_see_journal(staff["clerk"], municipality) is False


def test_the_back_office_menu_links_the_journal_for_those_who_may_open_it(login, staff, letters):
    link = '<a href="/en/staff/registry/">Registry journal</a>'

    assert link in login(staff["clerk"]).get("/en/staff/").content.decode()
    assert link not in login(staff["official"]).get("/en/staff/").content.decode()


def test_the_menu_marks_the_journal_as_the_current_page(login, staff, letters):
    html = login(staff["clerk"]).get(JOURNAL).content.decode()

    assert '<a href="/en/staff/registry/" aria-current="page">Registry journal</a>' in html


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("direction", ["incoming", "outgoing"])
def test_the_page_makes_the_same_number_of_queries_for_many_rows(
    login, staff, write, answer, people, unit, municipality, direction
):
    from emanager.letters.numbering import outgoing_register_for, register_for

    client = login(staff["admin"])

    def letter_with_everything(day: int):
        letter = write(on=f"2026-01-{day:02d}", addressee_official=people["beridze"])
        type(letter).objects.filter(pk=letter.pk).update(
            assignee=staff["head"], addressee_unit=unit
        )
        answer(letter, author=staff["head"])

    letter_with_everything(1)
    register = (
        outgoing_register_for(municipality=municipality)
        if direction == "outgoing"
        else register_for(municipality=municipality, kind="")
    )
    path = f"{JOURNAL}?register={register.pk}"
    few = _queries(client, path)
    for day in range(2, 28):
        letter_with_everything(day)

    assert _queries(client, path) == few
    assert len(client.get(path).context["rows"]) == 27
