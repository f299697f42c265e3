"""The data version and the cached results that hang on it (emanager.core.freshness)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from emanager.core import freshness
from emanager.core.models import DataVersion
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

ARCHIVE = "/en/archive/"


def test_cached_keeps_languages_and_days_apart(municipality, monkeypatch):
    monkeypatch.setattr(freshness.timezone, "localdate", lambda: datetime.date(2026, 3, 2))
    with translation.override("ka"):
        assert freshness.cached(municipality.pk, "probe", lambda: "ka", daily=True) == "ka"
    with translation.override("en"):
        assert freshness.cached(municipality.pk, "probe", lambda: "en", daily=True) == "en"
    monkeypatch.setattr(freshness.timezone, "localdate", lambda: datetime.date(2026, 3, 3))
    with translation.override("ka"):
        assert freshness.cached(municipality.pk, "probe", lambda: "next", daily=True) == "next"


@pytest.mark.django_db(transaction=True)
def test_in_production_the_version_changes_when_the_transaction_commits(settings, municipality):
    settings.DATA_VERSION_AFTER_COMMIT = True
    before = freshness.version(municipality.pk)
    with transaction.atomic():
        freshness.changed([municipality.pk])
        freshness.changed([municipality.pk])  # several writes: one change
        assert freshness.version(municipality.pk) == before
    assert freshness.version(municipality.pk) != before
    assert DataVersion.objects.filter(municipality=municipality).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_the_version(settings, municipality):
    settings.DATA_VERSION_AFTER_COMMIT = True
    before = freshness.version(municipality.pk)
    with pytest.raises(RuntimeError), transaction.atomic():
        freshness.changed([municipality.pk])
        raise RuntimeError
    assert freshness.version(municipality.pk) == before


@pytest.mark.django_db(transaction=True)
def test_a_change_after_a_rolled_back_savepoint_still_counts(settings, municipality):
    settings.DATA_VERSION_AFTER_COMMIT = True
    before = freshness.version(municipality.pk)
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            freshness.changed([municipality.pk])
            raise RuntimeError
        freshness.changed([municipality.pk])
    assert freshness.version(municipality.pk) != before


def _request_with_message(municipality):
    request = RequestFactory().get(ARCHIVE)
    request.municipality = municipality
    request.session = {}
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    request._messages = FallbackStorage(request)
    request._messages.add(constants.SUCCESS, "Your letter is sent.")
    return request


def test_a_page_with_a_pending_message_is_neither_served_nor_stored(municipality):
    rendered = []

    @freshness.public_page
    def view(request):
        rendered.append(1)
        return HttpResponse(f"page {len(rendered)}")

    request = _request_with_message(municipality)
    assert view(request).content == b"page 1"
    assert list(get_messages(request))  # still there for the template
    assert view(_request_with_message(municipality)).content == b"page 2"


def test_an_error_or_a_page_that_sets_a_cookie_is_not_stored(municipality):
    calls = []

    @freshness.public_page
    def view(request):
        calls.append(1)
        response = HttpResponse("x", status=404 if len(calls) == 1 else 200)
        if len(calls) == 2:
            response.set_cookie("seen", "1")
        return response

    def anonymous():
        request = RequestFactory().get("/en/anything/")
        request.municipality = municipality
        request.user = type("Anonymous", (), {"is_authenticated": False})()
        request.session = {}
        request._messages = FallbackStorage(request)
        return request

    view(anonymous())
    view(anonymous())
    view(anonymous())
    assert len(calls) == 3


def test_a_deleted_municipality_leaves_no_version_behind(municipality):
    other = MunicipalityFactory(slug="ozurgeti")
    freshness.changed([other.pk])
    other_pk = other.pk
    other.delete()
    freshness.changed([other_pk])
    assert not DataVersion.objects.filter(municipality_id=other_pk).exists()


def test_each_watched_model_has_a_path_to_its_municipality():
    from django.apps import apps

    for label, path in freshness.WATCHED.items():
        model = apps.get_model(label)
        first = path.split("__", 1)[0]
        assert first == "pk" or model._meta.get_field(first), label
