import sys
import types

import pytest

from emanager.deadlines.models import DEFAULT_DEADLINE_RULES, DeadlineRule, DeadlineUnit
from emanager.deadlines.services import calendar_changed, deadline_rules_ensure
from emanager.letters.choices import LetterKind

pytestmark = pytest.mark.django_db


def test_deadline_rules_ensure_creates_the_defaults(municipality):
    rules = deadline_rules_ensure(municipality=municipality)
    assert {rule.kind: rule.spec for rule in rules} == DEFAULT_DEADLINE_RULES
    assert len(rules) == len(LetterKind)


def test_deadline_rules_ensure_keeps_existing_rules(municipality):
    DeadlineRule.objects.create(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        unit=DeadlineUnit.WORKING_DAYS,
        amount=10,
    )
    deadline_rules_ensure(municipality=municipality)
    deadline_rules_ensure(municipality=municipality)
    assert DeadlineRule.objects.filter(municipality=municipality).count() == len(LetterKind)
    assert (
        DeadlineRule.objects.get(municipality=municipality, kind=LetterKind.PUBLIC_INFORMATION).unit
        == DeadlineUnit.WORKING_DAYS
    )


def fake_letters_services(monkeypatch, **attributes):
    module = types.ModuleType("emanager.letters.services")
    for name, value in attributes.items():
        setattr(module, name, value)
    monkeypatch.setitem(sys.modules, "emanager.letters.services", module)


def test_calendar_changed_recomputes_the_letters_deadlines(municipality, monkeypatch):
    calls = []
    fake_letters_services(
        monkeypatch, letters_recompute_deadlines=lambda **kwargs: calls.append(kwargs)
    )
    assert calendar_changed(municipality=municipality) is True
    assert calls == [{"municipality": municipality}]


def test_calendar_changed_without_the_letters_function_does_nothing(municipality, monkeypatch):
    fake_letters_services(monkeypatch)
    assert calendar_changed(municipality=municipality) is False
