"""The home page shows the municipality's answers at a glance and the newest published letters."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from emanager.accountability.services import figures_rebuild
from tests.archive.conftest import PRIVATE_DATA

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_figures_and_the_newest_letters(client, municipality, publish):
    today = timezone.localdate()
    for days_ago in range(7):
        publish(
            subject=f"ქუჩის განათება {days_ago}",
            received=today - datetime.timedelta(days=40 + days_ago),
        )
    figures_rebuild(municipality=municipality)
    response = client.get("/en/")
    page = response.content.decode()
    figures = response.context["figures"]
    assert (figures.received, figures.answered_on_time, figures.on_time_percent) == (7, 7, 100)
    assert "Who was asked, and how fast they answered" in page
    # The five newest, newest first; the two oldest are in the archive.
    shown = [letter.subject for letter in response.context["latest_letters"]]
    assert shown == [f"ქუჩის განათება {days_ago}" for days_ago in range(5)]
    assert "ქუჩის განათება 5" not in page
    for value in PRIVATE_DATA:
        assert value not in page


def test_before_anything_is_published_the_home_page_says_so(client, municipality):
    page = client.get("/en/").content.decode()
    assert "No letter has been published yet." in page
