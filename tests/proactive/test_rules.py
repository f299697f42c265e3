"""The update rules, pinned with dates: due dates, states, the compliance score."""

from __future__ import annotations

import datetime

import pytest

from emanager.deadlines.calendar import WorkCalendar
from emanager.deadlines.choices import NonWorkingDayRule
from emanager.proactive.choices import ItemState, UpdateRule
from emanager.proactive.rules import (
    PublishedDocument,
    ReportingPeriod,
    compliance,
    due_date,
    item_status,
    legal_act_due,
    next_due,
    period_to_publish,
    publication_delay,
)

D = datetime.date
Q = ReportingPeriod.of_quarter
Y = ReportingPeriod.of_year
# Weekends only: no public holiday in the way.
WEEKENDS = WorkCalendar(public_holidays=lambda year: frozenset())
GEORGIA = WorkCalendar()


def doc(published_on, period=None, *, entry_into_force=None, title="") -> PublishedDocument:
    return PublishedDocument(
        published_on=published_on,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        entry_into_force=entry_into_force,
        title=title,
    )


JANUARY_5 = D(2026, 1, 5)


def quarters(*periods, published_on=JANUARY_5) -> list[PublishedDocument]:
    return [doc(published_on, period) for period in periods]


# --- Due dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "due"),
    [
        (Q(2026, 1), D(2026, 4, 30)),
        (Q(2026, 2), D(2026, 7, 30)),
        (Q(2026, 3), D(2026, 10, 30)),
        (Q(2025, 4), D(2026, 1, 31)),
        (Y(2025), D(2026, 3, 31)),
        (Q(2023, 4), D(2024, 1, 31)),
        (Y(2023), D(2024, 3, 31)),
    ],
)
def test_quarter_and_year_due_dates_count_calendar_months(period, due):
    assert due_date(period) == due


def test_quarters_have_their_calendar_bounds():
    assert (Q(2024, 1).start, Q(2024, 1).end) == (D(2024, 1, 1), D(2024, 3, 31))
    assert Q(2026, 2).end == D(2026, 6, 30)
    assert Q(2026, 4).end == D(2026, 12, 31)
    assert Y(2024).end == D(2024, 12, 31)


def test_a_due_date_on_a_weekend_moves_to_the_next_working_day_with_a_calendar():
    # 31 January 2026 is a Saturday.
    assert due_date(Q(2025, 4), WEEKENDS) == D(2026, 2, 2)
    # 31 March 2024 is a Sunday.
    assert due_date(Y(2023), WEEKENDS) == D(2024, 4, 1)


def test_a_municipality_that_keeps_due_dates_on_days_off_keeps_them():
    keep = WorkCalendar(
        public_holidays=lambda year: frozenset(), non_working_day_rule=NonWorkingDayRule.KEEP
    )
    assert due_date(Q(2025, 4), keep) == D(2026, 1, 31)


def test_a_legal_act_is_due_ten_calendar_days_after_its_entry_into_force():
    assert legal_act_due(D(2026, 5, 5)) == D(2026, 5, 15)
    # Across the end of February, in a leap year and in an ordinary one.
    assert legal_act_due(D(2024, 2, 25)) == D(2024, 3, 6)
    assert legal_act_due(D(2025, 2, 25)) == D(2025, 3, 7)


def test_a_legal_act_due_on_a_georgian_holiday_is_due_the_next_working_day():
    # 26 May is Independence Day (a Tuesday in 2026).
    assert legal_act_due(D(2026, 5, 16), GEORGIA) == D(2026, 5, 27)


# --- Quarterly items ------------------------------------------------------------------------------


def test_quarterly_item_is_current_on_the_due_date_and_late_the_day_after():
    documents = quarters(Q(2025, 1), Q(2025, 2), Q(2025, 3), Q(2025, 4))
    on_due_date = item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 4, 30))
    assert on_due_date.state == ItemState.CURRENT
    assert on_due_date.due == D(2026, 4, 30)

    day_after = item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 5, 1))
    assert day_after.state == ItemState.LATE
    assert day_after.due == D(2026, 4, 30)
    assert day_after.late_since == D(2026, 5, 1)
    assert day_after.missing_periods == (Q(2026, 1),)


def test_publishing_the_missing_quarter_makes_the_item_current():
    documents = [
        *quarters(Q(2025, 2), Q(2025, 3), Q(2025, 4)),
        doc(D(2026, 5, 20), Q(2026, 1)),
    ]
    status = item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 5, 20))
    assert status.state == ItemState.CURRENT
    assert status.due == D(2026, 7, 30)


def test_late_since_the_oldest_missing_quarter_of_the_last_four():
    documents = quarters(Q(2025, 3), Q(2026, 1), published_on=D(2026, 4, 20))
    status = item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 6, 1))
    assert status.state == ItemState.LATE
    assert status.missing_periods == (Q(2025, 2), Q(2025, 4))
    assert status.late_since == D(2025, 7, 31)


def test_a_quarter_older_than_the_last_four_due_is_not_checked():
    documents = quarters(Q(2025, 2), Q(2025, 3), Q(2025, 4), Q(2026, 1), published_on=D(2026, 4, 1))
    # Q1 2025 was never published, but it is the fifth quarter back on 1 June 2026.
    status = item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 6, 1))
    assert status.state == ItemState.CURRENT


def test_a_cumulative_report_covers_each_quarter_inside_its_period():
    nine_months = doc(D(2025, 10, 20), ReportingPeriod(D(2025, 1, 1), D(2025, 9, 30)))
    status = item_status(
        rule=UpdateRule.QUARTERLY,
        documents=[nine_months, doc(D(2026, 1, 20), Q(2025, 4))],
        on=D(2026, 2, 1),
    )
    assert status.state == ItemState.CURRENT


def test_a_yearly_report_covers_its_quarters_but_a_quarter_does_not_cover_the_year():
    status = item_status(
        rule=UpdateRule.QUARTERLY, documents=[doc(D(2026, 1, 20), Y(2025))], on=D(2026, 2, 1)
    )
    assert status.state == ItemState.CURRENT
    yearly = item_status(
        rule=UpdateRule.YEARLY, documents=[doc(D(2026, 1, 20), Q(2025, 4))], on=D(2026, 4, 1)
    )
    assert yearly.state == ItemState.LATE


def test_a_document_published_after_the_day_asked_about_does_not_count():
    documents = quarters(Q(2025, 2), Q(2025, 3), Q(2025, 4), Q(2026, 1), published_on=D(2026, 6, 1))
    assert (
        item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 5, 31)).state
        == ItemState.MISSING
    )


def test_quarterly_due_date_moved_off_a_weekend_keeps_the_item_on_time():
    documents = quarters(Q(2024, 4), Q(2025, 1), Q(2025, 2), Q(2025, 3))
    # Q4 2025 is due on Saturday 31 January 2026, moved to Monday 2 February.
    on_monday = item_status(
        rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 2, 2), calendar=WEEKENDS
    )
    assert on_monday.state == ItemState.CURRENT
    without_calendar = item_status(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 2, 2))
    assert without_calendar.state == ItemState.LATE


# --- Yearly items ---------------------------------------------------------------------------------


def test_yearly_item_is_due_by_the_end_of_march():
    documents = [doc(D(2025, 3, 1), Y(2024))]
    assert (
        item_status(rule=UpdateRule.YEARLY, documents=documents, on=D(2026, 3, 31)).state
        == ItemState.CURRENT
    )
    late = item_status(rule=UpdateRule.YEARLY, documents=documents, on=D(2026, 4, 1))
    assert late.state == ItemState.LATE
    assert late.missing_periods == (Y(2025),)
    assert late.late_since == D(2026, 4, 1)


def test_yearly_item_in_a_leap_year():
    documents = [doc(D(2023, 3, 1), Y(2022))]
    # 2023 is due on 31 March 2024, a Sunday: with a calendar, on Monday 1 April.
    assert (
        item_status(rule=UpdateRule.YEARLY, documents=documents, on=D(2024, 4, 1)).state
        == ItemState.LATE
    )
    assert (
        item_status(
            rule=UpdateRule.YEARLY, documents=documents, on=D(2024, 4, 1), calendar=WEEKENDS
        ).state
        == ItemState.CURRENT
    )


# --- Legal acts -----------------------------------------------------------------------------------


def test_an_act_published_on_the_tenth_day_is_on_time():
    act = doc(D(2026, 5, 15), entry_into_force=D(2026, 5, 5), title="Order 12")
    status = item_status(rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2026, 6, 1))
    assert status.state == ItemState.CURRENT
    assert status.due is None


def test_an_act_published_on_the_eleventh_day_makes_the_item_late():
    act = doc(D(2026, 5, 16), entry_into_force=D(2026, 5, 5), title="Order 12")
    status = item_status(rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2026, 6, 1))
    assert status.state == ItemState.LATE
    assert status.late_since == D(2026, 5, 16)
    [late] = status.late_acts
    assert (late.title, late.due, late.days_late) == ("Order 12", D(2026, 5, 15), 1)


def test_a_late_act_counts_for_twelve_months():
    act = doc(D(2026, 5, 20), entry_into_force=D(2026, 5, 5))
    assert (
        item_status(rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2027, 5, 15)).state
        == ItemState.LATE
    )
    assert (
        item_status(rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2027, 5, 16)).state
        == ItemState.CURRENT
    )


def test_an_act_due_on_a_holiday_is_on_time_the_next_working_day():
    act = doc(D(2026, 5, 27), entry_into_force=D(2026, 5, 16))
    assert (
        item_status(
            rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2026, 6, 1), calendar=GEORGIA
        ).state
        == ItemState.CURRENT
    )
    assert (
        item_status(rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2026, 6, 1)).state
        == ItemState.LATE
    )


def test_an_act_published_before_it_enters_into_force_is_on_time():
    act = doc(D(2026, 4, 20), entry_into_force=D(2026, 5, 1))
    assert (
        item_status(rule=UpdateRule.LEGAL_ACTS, documents=[act], on=D(2026, 6, 1)).state
        == ItemState.CURRENT
    )


# --- On change, missing, not applicable -----------------------------------------------------------


def test_on_change_item_is_current_for_twelve_months_after_its_last_publication():
    documents = [doc(D(2025, 6, 1))]
    current = item_status(rule=UpdateRule.ON_CHANGE, documents=documents, on=D(2026, 6, 1))
    assert current.state == ItemState.CURRENT
    assert current.due == D(2026, 6, 1)
    late = item_status(rule=UpdateRule.ON_CHANGE, documents=documents, on=D(2026, 6, 2))
    assert late.state == ItemState.LATE
    assert late.late_since == D(2026, 6, 2)


def test_on_change_review_from_the_29th_of_february_ends_on_the_28th():
    status = item_status(
        rule=UpdateRule.ON_CHANGE, documents=[doc(D(2024, 2, 29))], on=D(2025, 3, 1)
    )
    assert status.state == ItemState.LATE
    assert status.due == D(2025, 2, 28)


def test_confirming_an_on_change_item_keeps_it_current_another_year():
    status = item_status(
        rule=UpdateRule.ON_CHANGE,
        documents=[doc(D(2024, 6, 1))],
        on=D(2026, 1, 10),
        reviewed_on=D(2025, 5, 1),
    )
    assert status.state == ItemState.CURRENT
    assert status.due == D(2026, 5, 1)
    assert status.last_published == D(2024, 6, 1)


def test_confirming_does_not_count_before_it_happened():
    status = item_status(
        rule=UpdateRule.ON_CHANGE,
        documents=[doc(D(2024, 6, 1))],
        on=D(2025, 6, 10),
        reviewed_on=D(2025, 7, 1),
    )
    assert status.state == ItemState.LATE


@pytest.mark.parametrize("rule", list(UpdateRule))
def test_an_item_without_documents_is_missing(rule):
    assert item_status(rule=rule, documents=[], on=D(2026, 6, 1)).state == ItemState.MISSING


def test_a_missing_quarterly_item_knows_its_next_due_date():
    assert item_status(rule=UpdateRule.QUARTERLY, documents=[], on=D(2026, 6, 1)).due == D(
        2026, 7, 30
    )


@pytest.mark.parametrize("rule", list(UpdateRule))
def test_an_item_that_does_not_apply_is_not_applicable_whatever_it_holds(rule):
    status = item_status(rule=rule, documents=[], on=D(2026, 6, 1), applicable=False)
    assert status.state == ItemState.NOT_APPLICABLE
    assert status.late_since is None


# --- Next due date, period to publish, delays -----------------------------------------------------


def test_next_due_is_the_quarter_in_its_month_of_grace():
    upcoming = next_due(rule=UpdateRule.QUARTERLY, documents=[], on=D(2026, 4, 15))
    assert (upcoming.period, upcoming.due, upcoming.covered) == (Q(2026, 1), D(2026, 4, 30), False)
    published = next_due(
        rule=UpdateRule.QUARTERLY, documents=[doc(D(2026, 4, 10), Q(2026, 1))], on=D(2026, 4, 15)
    )
    assert published.covered


def test_next_due_after_the_grace_is_the_running_quarter():
    upcoming = next_due(rule=UpdateRule.QUARTERLY, documents=[], on=D(2026, 5, 1))
    assert (upcoming.period, upcoming.due) == (Q(2026, 2), D(2026, 7, 30))


def test_next_due_of_a_yearly_item_and_of_legal_acts():
    assert next_due(rule=UpdateRule.YEARLY, documents=[], on=D(2026, 1, 10)).due == D(2026, 3, 31)
    assert next_due(rule=UpdateRule.LEGAL_ACTS, documents=[], on=D(2026, 1, 10)) is None


def test_next_due_of_an_on_change_item_is_the_end_of_its_year():
    upcoming = next_due(rule=UpdateRule.ON_CHANGE, documents=[doc(D(2025, 9, 1))], on=D(2026, 8, 1))
    assert (upcoming.due, upcoming.period) == (D(2026, 9, 1), None)
    assert next_due(rule=UpdateRule.ON_CHANGE, documents=[], on=D(2026, 8, 1)) is None


def test_period_to_publish_is_the_oldest_missing_one_else_the_next():
    documents = quarters(Q(2025, 3), Q(2025, 4), Q(2026, 1))
    assert period_to_publish(rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 6, 1)) == Q(
        2025, 2
    )
    documents = quarters(Q(2025, 1), Q(2025, 2), Q(2025, 3), Q(2025, 4), Q(2026, 1))
    assert period_to_publish(
        rule=UpdateRule.QUARTERLY, documents=documents, on=D(2026, 4, 15)
    ) == Q(2026, 2)
    assert period_to_publish(rule=UpdateRule.ON_CHANGE, documents=[], on=D(2026, 4, 15)) is None


def test_publication_delay_of_acts_and_reports():
    act = doc(D(2026, 5, 19), entry_into_force=D(2026, 5, 5))
    assert publication_delay(act, UpdateRule.LEGAL_ACTS) == 4
    on_time = doc(D(2026, 4, 30), Q(2026, 1))
    assert publication_delay(on_time, UpdateRule.QUARTERLY) == 0
    late_report = doc(D(2026, 4, 10), Y(2025))
    assert publication_delay(late_report, UpdateRule.YEARLY) == 10
    assert publication_delay(doc(D(2026, 4, 10)), UpdateRule.ON_CHANGE) is None


# --- Compliance score -----------------------------------------------------------------------------


def test_score_is_the_share_of_applicable_items_that_are_current():
    summary = compliance(
        [ItemState.CURRENT] * 3 + [ItemState.LATE, ItemState.MISSING, ItemState.NOT_APPLICABLE]
    )
    assert (summary.current, summary.late, summary.missing, summary.not_applicable) == (3, 1, 1, 1)
    assert (summary.total, summary.applicable, summary.score) == (6, 5, 60)


def test_score_rounds_down_so_that_one_late_item_never_shows_100():
    assert compliance([ItemState.CURRENT] * 199 + [ItemState.LATE]).score == 99
    assert compliance([ItemState.CURRENT] * 2 + [ItemState.MISSING]).score == 66


def test_score_without_applicable_items_is_none():
    assert compliance([ItemState.NOT_APPLICABLE]).score is None
    assert compliance([]).score is None
