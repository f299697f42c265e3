"""The monthly rows follow the letters: after each commit, and equal to a full rebuild."""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.db import transaction

from emanager.accountability import services
from emanager.accountability.models import MonthlyFigures, Scope
from emanager.accountability.selectors import accountability
from emanager.accountability.services import figures_rebuild
from emanager.letters import staff_services
from emanager.letters.choices import Outcome
from emanager.letters.models import Letter
from emanager.letters.services import letter_confirm, letter_submit, letter_withdraw
from emanager.surveys.models import Survey, SurveyResponse
from tests.accountability.conftest import TODAY, answered, moment, survey
from tests.factories import BodyFactory, OfficialFactory, TerritorialUnitFactory
from tests.letters.conftest import make_draft

pytestmark = pytest.mark.django_db

COLUMNS = (
    "municipality_id",
    "scope",
    "object_id",
    "month",
    "received",
    "answered",
    "answered_on_time",
    "surveys_answered",
    "satisfied",
    "days_histogram",
    "unanswered_deadlines",
    "open_deadlines",
)


def rows() -> list[tuple]:
    return sorted(tuple(row[c] for c in COLUMNS) for row in MonthlyFigures.objects.values(*COLUMNS))


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_user("clerk", first_name="Eka", last_name="Clerk")


@pytest.fixture
def register(municipality, finance):
    def register_(day: datetime.date, body=None, **overrides):
        letter, _ = letter_submit(
            municipality=municipality,
            draft=make_draft(body or finance, **overrides),
            submission_key=uuid.uuid4(),
            now=moment(day, 9),
        )
        return letter_confirm(letter=letter, now=moment(day, 9))

    return register_


def test_incremental_updates_equal_a_full_rebuild(
    municipality, finance, register, clerk, django_capture_on_commit_callbacks
):
    roads = BodyFactory(municipality=municipality, slug="roads")
    official = OfficialFactory(municipality=municipality)
    unit = TerritorialUnitFactory(municipality=municipality)
    day = datetime.date(2026, 1, 12)
    with django_capture_on_commit_callbacks(execute=True):
        letters = [register(day + datetime.timedelta(days=i * 9)) for i in range(6)]
        to_official = register(day, addressee_official=official, addressee_unit=unit)
    with django_capture_on_commit_callbacks(execute=True):
        for index, letter in enumerate(letters[:3]):
            staff_services.letter_answer(
                letter=letter,
                actor=clerk,
                body="The lights are repaired.",
                files=[],
                now=moment(day + datetime.timedelta(days=index * 9 + 4 * index)),
            )
        staff_services.letter_answer(
            letter=to_official, actor=clerk, body="Done.", files=[], now=moment(day, 15)
        )
    with django_capture_on_commit_callbacks(execute=True):
        staff_services.letter_forward(letter=letters[3], actor=clerk, to_body=roads, reason="Roads")
        staff_services.letter_close(letter=letters[4], actor=clerk, outcome=Outcome.DUPLICATE)
        letter_withdraw(letter=letters[5])
        survey(letters[0], SurveyResponse.SATISFIED)
        survey(letters[1], SurveyResponse.NO_ANSWER)
    incremental = rows()
    assert incremental
    figures_rebuild()
    assert rows() == incremental


def test_rows_appear_only_when_the_transaction_commits(
    register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(datetime.date(2026, 2, 2))
    assert callbacks
    assert not MonthlyFigures.objects.exists()
    for callback in callbacks:
        callback()
    assert MonthlyFigures.objects.filter(scope=Scope.BODY).get().received == 1


def test_many_changes_in_one_transaction_are_recomputed_once(
    register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for _ in range(3):
            register(datetime.date(2026, 2, 2))
    assert [c for c in callbacks if c is services._flush] == [services._flush]


def test_a_rolled_back_change_does_not_stop_later_updates(
    register, finance, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                register(datetime.date(2026, 2, 2))
                raise RuntimeError("abandoned")
        except RuntimeError:
            pass
        register(datetime.date(2026, 2, 3))
    assert accountability(Scope.BODY, finance.pk, today=TODAY).figures.received == 1


def test_a_forwarded_letter_moves_to_the_new_body(
    municipality, finance, register, clerk, django_capture_on_commit_callbacks
):
    roads = BodyFactory(municipality=municipality, slug="roads")
    with django_capture_on_commit_callbacks(execute=True):
        letter = register(datetime.date(2026, 2, 2))
    with django_capture_on_commit_callbacks(execute=True):
        staff_services.letter_forward(letter=letter, actor=clerk, to_body=roads, reason="Roads")
    assert accountability(Scope.BODY, finance.pk, today=TODAY).figures.received == 0
    assert accountability(Scope.BODY, roads.pk, today=TODAY).figures.received == 1
    assert accountability(Scope.MUNICIPALITY, municipality.pk, today=TODAY).figures.received == 1


def test_a_withdrawn_letter_leaves_the_figures(
    finance, register, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = register(datetime.date(2026, 2, 2))
    with django_capture_on_commit_callbacks(execute=True):
        letter_withdraw(letter=letter)
    assert not MonthlyFigures.objects.exists()


def test_an_answered_survey_updates_the_satisfied_share(
    finance, letter_to, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letters = [answered(letter_to(), moment(datetime.date(2026, 2, 3))) for _ in range(5)]
    with django_capture_on_commit_callbacks(execute=True):
        for letter in letters:
            survey(letter, SurveyResponse.SATISFIED)
    figures = accountability(Scope.BODY, finance.pk, today=TODAY).figures
    assert (figures.surveys_answered, figures.satisfied_share) == (5, 1.0)


def test_a_save_that_changes_no_figure_schedules_nothing(
    letter_to, clerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = letter_to()
    with django_capture_on_commit_callbacks() as callbacks:
        letter.assignee = clerk
        letter.save(update_fields=["assignee"])
    assert services._flush not in callbacks


def test_a_full_save_that_changes_no_figure_schedules_nothing(
    letter_to, clerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = Letter.objects.get(pk=letter_to().pk)
    with django_capture_on_commit_callbacks() as callbacks:
        letter.assignee = clerk
        letter.save()
    assert services._flush not in callbacks


def test_asking_a_survey_schedules_nothing(letter_to, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        letter = letter_to()
    with django_capture_on_commit_callbacks() as callbacks:
        Survey.objects.create(letter=letter, asked_at=letter.registered_at)
    assert services._flush not in callbacks


def test_rebuild_statistics_command_replaces_the_rows(municipality, finance, letter_to, capsys):
    letter_to()
    MonthlyFigures.objects.create(
        municipality=municipality, scope=Scope.BODY, object_id=999, month=datetime.date(2020, 1, 1)
    )
    call_command("rebuild_statistics", municipality=municipality.slug)
    assert "rows" in capsys.readouterr().out
    assert sorted(MonthlyFigures.objects.values_list("scope", "object_id")) == [
        (Scope.BODY, finance.pk),
        (Scope.MUNICIPALITY, municipality.pk),
    ]
