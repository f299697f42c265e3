import datetime
import sys
import types

import pytest

from emanager.deadlines.models import CalendarDay, CalendarSettings, NonWorkingDayRule
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recomputed(monkeypatch):
    """The municipalities whose deadlines the letters app was asked to recompute."""
    calls = []
    module = types.ModuleType("emanager.letters.services")
    module.letters_recompute_deadlines = lambda *, municipality: calls.append(municipality)
    monkeypatch.setitem(sys.modules, "emanager.letters.services", module)
    return calls


def test_adding_a_day_off_recomputes_deadlines(admin_client, municipality, recomputed):
    response = admin_client.post(
        "/admin/deadlines/calendarday/add/",
        {"municipality": municipality.pk, "date": "2026-05-27", "note": "Decree 1"},
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get().date == datetime.date(2026, 5, 27)
    assert recomputed == [municipality]


def test_moving_a_day_to_another_municipality_recomputes_both(
    admin_client, municipality, recomputed
):
    other = MunicipalityFactory()
    day = CalendarDay.objects.create(municipality=municipality, date=datetime.date(2026, 5, 27))
    response = admin_client.post(
        f"/admin/deadlines/calendarday/{day.pk}/change/",
        {"municipality": other.pk, "date": "2026-05-27", "note": ""},
    )
    assert response.status_code == 302
    assert set(recomputed) == {municipality, other}


def test_deleting_a_day_off_recomputes_deadlines(admin_client, municipality, recomputed):
    day = CalendarDay.objects.create(municipality=municipality, date=datetime.date(2026, 5, 27))
    response = admin_client.post(f"/admin/deadlines/calendarday/{day.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not CalendarDay.objects.exists()
    assert recomputed == [municipality]


def test_bulk_delete_recomputes_each_municipality_once(admin_client, municipality, recomputed):
    days = [
        CalendarDay.objects.create(municipality=municipality, date=datetime.date(2026, 5, n))
        for n in (27, 28)
    ]
    response = admin_client.post(
        "/admin/deadlines/calendarday/",
        {
            "action": "delete_selected",
            "_selected_action": [day.pk for day in days],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not CalendarDay.objects.exists()
    assert recomputed == [municipality]


def test_calendar_days_filter_by_year(admin_client, municipality):
    CalendarDay.objects.create(
        municipality=municipality, date=datetime.date(2026, 5, 27), note="in 2026"
    )
    CalendarDay.objects.create(
        municipality=municipality, date=datetime.date(2027, 5, 27), note="in 2027"
    )
    response = admin_client.get("/admin/deadlines/calendarday/", {"year": "2027"})
    assert response.status_code == 200
    assert "in 2027" in response.text
    assert "in 2026" not in response.text


def test_calendar_settings_weekend_is_chosen_with_check_boxes(
    admin_client, municipality, recomputed
):
    response = admin_client.get("/admin/deadlines/calendarsettings/add/")
    assert response.status_code == 200
    response = admin_client.post(
        "/admin/deadlines/calendarsettings/add/",
        {
            "municipality": municipality.pk,
            "non_working_day_rule": NonWorkingDayRule.NEXT_WORKING_DAY,
            "weekend_days": ["7", "5"],
        },
    )
    assert response.status_code == 302
    assert CalendarSettings.objects.get().weekend_days == "57"
    assert recomputed == [municipality]


def test_deadline_rule_list_shows(admin_client, municipality):
    response = admin_client.get("/admin/deadlines/deadlinerule/")
    assert response.status_code == 200
