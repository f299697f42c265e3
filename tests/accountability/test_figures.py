"""The figures of a body, official and unit, computed from letters with chosen dates."""

import datetime

import pytest

from emanager.accountability.models import Scope
from emanager.accountability.selectors import STATISTICS_COLUMNS, accountability, statistics_rows
from emanager.accountability.services import figures_rebuild
from emanager.letters.choices import LetterStatus, Outcome, Publication
from emanager.surveys.models import SurveyResponse
from tests.accountability.conftest import TODAY, answered, moment, survey
from tests.factories import BodyFactory, OfficialFactory, TerritorialUnitFactory

pytestmark = pytest.mark.django_db

FEB = datetime.date(2026, 2, 2)  # deadline 12 February, passed by TODAY
MAR = datetime.date(2026, 3, 12)  # deadline 22 March, not passed by TODAY


def figures_of(scope, subject, today=TODAY):
    figures_rebuild()
    return accountability(scope, subject.pk, today=today).figures


def test_unconfirmed_and_withdrawn_letters_do_not_count_private_ones_do(letter_to, finance):
    letter_to(publication=Publication.PRIVATE)
    letter_to(publication=Publication.PUBLIC_NAMED)
    letter_to(status=LetterStatus.UNCONFIRMED, registered_at=None)
    letter_to(status=LetterStatus.CLOSED, outcome=Outcome.WITHDRAWN)
    assert figures_of(Scope.BODY, finance).received == 2


def test_an_officials_letter_counts_for_the_official_and_the_body(municipality, letter_to, finance):
    official = OfficialFactory(municipality=municipality)
    unit = TerritorialUnitFactory(municipality=municipality)
    letter_to(addressee_official=official, addressee_unit=unit)
    letter_to()
    assert figures_of(Scope.OFFICIAL, official).received == 1
    assert figures_of(Scope.UNIT, unit).received == 1
    assert figures_of(Scope.BODY, finance).received == 2
    assert figures_of(Scope.MUNICIPALITY, municipality).received == 2


def test_on_time_late_and_due(letter_to, finance):
    # Deadline 12 February. Two on time (one on the deadline day, late evening), one late.
    answered(letter_to(received=FEB), moment(datetime.date(2026, 2, 5)))
    answered(letter_to(received=FEB), moment(datetime.date(2026, 2, 12), 23, 30), close=True)
    answered(letter_to(received=FEB), moment(datetime.date(2026, 2, 13), 1))
    # Not answered, deadline passed: due and not on time, open or closed.
    letter_to(received=FEB)
    letter_to(received=FEB, status=LetterStatus.CLOSED, outcome=Outcome.DUPLICATE)
    # Not answered, within the deadline: not due yet.
    letter_to(received=MAR)
    figures = figures_of(Scope.BODY, finance)
    assert figures.received == 6
    assert figures.answered == 3
    assert figures.answered_on_time == 2
    assert figures.due == 5
    assert figures.not_on_time == 3
    assert figures.on_time_rate == pytest.approx(2 / 5)
    assert figures.on_time_percent == 40


def test_below_five_letters_due_there_is_no_rate(letter_to, finance):
    for _ in range(4):
        answered(letter_to(received=FEB), moment(FEB))
    letter_to(received=MAR)  # not due
    figures = figures_of(Scope.BODY, finance)
    assert figures.due == 4
    assert figures.on_time_rate is None


def test_a_letter_becomes_due_the_day_after_its_deadline(letter_to, finance):
    for _ in range(5):
        letter_to(received=MAR)  # deadline 22 March
    assert figures_of(Scope.BODY, finance, today=datetime.date(2026, 3, 22)).due == 0
    later = figures_of(Scope.BODY, finance, today=datetime.date(2026, 3, 23))
    assert later.due == 5
    assert later.on_time_rate == 0


def test_median_and_p90_days_over_answered_letters(letter_to, finance):
    for days in [0, 1, 2, 3, 4, 5, 6, 7, 8, 30]:
        answered(letter_to(received=FEB), moment(FEB + datetime.timedelta(days)))
    letter_to(received=FEB)  # not answered: not in the days
    figures = figures_of(Scope.BODY, finance)
    assert figures.median_days == 4
    assert figures.p90_days == 8


def test_open_and_overdue_now(letter_to, finance):
    letter_to(received=FEB)  # open, overdue
    letter_to(received=FEB, status=LetterStatus.CLARIFICATION)  # open, overdue
    letter_to(received=MAR)  # open, within the deadline
    answered(letter_to(received=FEB), moment(FEB))  # answered: not open
    letter_to(received=FEB, status=LetterStatus.CLOSED, outcome=Outcome.REFUSED)
    figures = figures_of(Scope.BODY, finance)
    assert figures.open_now == 3
    assert figures.overdue_now == 2


def test_satisfied_share_is_satisfied_over_answered_surveys(letter_to, finance):
    responses = [SurveyResponse.SATISFIED] * 3 + [
        SurveyResponse.NOT_ANSWERED,
        SurveyResponse.ACKNOWLEDGEMENT,
        SurveyResponse.NO_ANSWER,
    ]
    for response in responses:
        survey(answered(letter_to(received=FEB), moment(FEB)), response)
    answered(letter_to(received=FEB), moment(FEB))  # no survey answer
    figures = figures_of(Scope.BODY, finance)
    assert figures.surveys_answered == 6
    assert figures.satisfied == 3
    assert figures.satisfied_share == 0.5


def test_below_five_survey_answers_there_is_no_share(letter_to, finance):
    for _ in range(4):
        survey(answered(letter_to(received=FEB), moment(FEB)))
    figures = figures_of(Scope.BODY, finance)
    assert (figures.surveys_answered, figures.satisfied_share) == (4, None)


def test_the_months_cover_24_months_up_to_today(letter_to, finance):
    letter_to(received=FEB)
    answered(letter_to(received=datetime.date(2025, 3, 3)), moment(datetime.date(2025, 3, 4)))
    letter_to(received=datetime.date(2024, 3, 3))  # 25 months ago: in the totals only
    figures_rebuild()
    result = accountability(Scope.BODY, finance.pk, today=TODAY)
    assert len(result.months) == 24
    assert result.months[0].month == datetime.date(2024, 4, 1)
    assert result.months[-1].month == datetime.date(2026, 3, 1)
    by_month = {m.month: m for m in result.months}
    assert by_month[datetime.date(2026, 2, 1)].received == 1
    assert by_month[datetime.date(2025, 3, 1)].on_time_percent == 100
    assert result.figures.received == 3


def test_statistics_rows_have_the_documented_columns(municipality, letter_to, finance):
    BodyFactory(municipality=municipality, slug="quiet")
    for _ in range(5):
        answered(letter_to(received=FEB), moment(FEB))
    figures_rebuild()
    rows = {row["slug"]: row for row in statistics_rows(municipality, Scope.BODY, today=TODAY)}
    assert list(rows["finance"]) == [name for name, _ in STATISTICS_COLUMNS]
    assert rows["finance"]["letters_received"] == 5
    assert rows["finance"]["on_time_rate"] == 1.0
    assert rows["finance"]["median_days"] == 0
    assert rows["quiet"]["letters_received"] == 0
    assert rows["quiet"]["on_time_rate"] is None
    with pytest.raises(ValueError):
        statistics_rows(municipality, Scope.MUNICIPALITY)
