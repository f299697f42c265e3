"""The figures are recomputed by a background task, enqueued once the change commits."""

import datetime
from unittest import mock

import pytest

from emanager.accountability import services, tasks
from emanager.accountability.models import MonthlyFigures, Scope
from tests.accountability.test_services import register  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_a_committed_letter_enqueues_one_recomputation_task(
    register,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with mock.patch.object(tasks, "recompute_figures") as task:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            register(datetime.date(2026, 2, 2))
        task.enqueue.assert_not_called()  # nothing before the commit
        for callback in callbacks:
            callback()
    task.enqueue.assert_called_once()
    keys = task.enqueue.call_args.kwargs["keys"]
    assert [month for *_, month in keys] == ["2026-02-01"] * len(keys)
    assert not MonthlyFigures.objects.exists()  # the request did not recompute


def test_the_task_recomputes_the_rows_and_may_run_twice(
    register,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with (
        mock.patch.object(tasks, "recompute_figures") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        register(datetime.date(2026, 2, 2))
    keys = task.enqueue.call_args.kwargs["keys"]
    tasks.recompute_figures.call(keys=keys)
    figures = MonthlyFigures.objects.order_by("pk").values(
        "scope", "object_id", "month", "received", "answered", "open_deadlines"
    )
    first = list(figures)
    tasks.recompute_figures.call(keys=keys)
    assert list(figures.all()) == first
    assert MonthlyFigures.objects.get(scope=Scope.BODY).received == 1


def test_keys_survive_the_task_arguments_unchanged():
    key = services.Key(1, Scope.BODY, 2, datetime.date(2026, 2, 1))
    with mock.patch.object(tasks, "figures_recompute") as recompute:
        tasks.recompute_figures.call(keys=[[1, Scope.BODY, 2, "2026-02-01"]])
    assert recompute.call_args.kwargs["keys"] == [key]
