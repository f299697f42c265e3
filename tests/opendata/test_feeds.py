"""The Atom feeds of newly published letters and answers."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from emanager.opendata.feeds import feed_entries
from emanager.publication import services as publication
from tests.opendata.conftest import PRIVATE, PUBLIC_ANSWER, PUBLIC_TEXT

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = timezone.now()


def entries(client, path: str) -> list[ET.Element]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314


def summary(entry: ET.Element) -> tuple[str, str, str]:
    return (
        entry.findtext(f"{ATOM}title"),
        entry.findtext(f"{ATOM}content"),
        entry.find(f"{ATOM}link").get("href"),
    )


def days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def test_the_municipality_feed_has_letters_and_answers_newest_first(
    client, public_letter, publish, answer
):
    older = public_letter(subject="ძველი წერილი")
    publish(older, subject="ძველი წერილი", at=days_ago(5))
    newer = public_letter()
    publish(
        newer, subject="ახალი წერილი", at=days_ago(3), reply=answer(newer), reply_at=days_ago(1)
    )
    public_letter(subject="არ გამოქვეყნებულა")  # never published
    page = f"http://testserver/en/letters/public/{newer.uuid}/"
    assert [summary(entry) for entry in entries(client, "/en/open-data/feeds/letters.atom")] == [
        ("Answer: ახალი წერილი", PUBLIC_ANSWER, f"{page}#answers-title"),
        ("ახალი წერილი", PUBLIC_TEXT, page),
        ("ძველი წერილი", PUBLIC_TEXT, f"http://testserver/en/letters/public/{older.uuid}/"),
    ]


def test_a_letter_published_long_after_registration_is_still_new_in_the_feed(
    client, public_letter, publish
):
    first_registered = public_letter(subject="პირველი")
    recent = public_letter(subject="მეორე")
    publish(recent, subject="მეორე", at=days_ago(10))
    publish(first_registered, subject="პირველი", at=days_ago(0))
    titles = [summary(e)[0] for e in entries(client, "/en/open-data/feeds/letters.atom")]
    assert titles == ["პირველი", "მეორე"]


def test_entries_have_ids_and_dates(client, public_letter, publish):
    publish(public_letter(), at=days_ago(2))
    [entry] = entries(client, "/en/open-data/feeds/letters.atom")
    assert entry.findtext(f"{ATOM}id").startswith("tag:testserver,")
    assert entry.findtext(f"{ATOM}published") == entry.findtext(f"{ATOM}updated")


def test_a_body_feed_and_an_official_feed_hold_only_their_letters(
    client, public_letter, publish, bodies, people
):
    publish(public_letter(subject="ფინანსები"), subject="ფინანსები")
    publish(
        public_letter(to=bodies["sakrebulo"], addressee_official=people["kvirikashvili"]),
        subject="საკრებულო",
    )
    titles = lambda path: [summary(e)[0] for e in entries(client, path)]  # noqa: E731
    assert titles("/en/open-data/feeds/bodies/finance.atom") == ["ფინანსები"]
    assert titles("/en/open-data/feeds/bodies/sakrebulo.atom") == ["საკრებულო"]
    assert titles("/en/open-data/feeds/officials/kvirikashvili.atom") == ["საკრებულო"]
    assert titles("/en/open-data/feeds/officials/beridze.atom") == []


def test_withdrawn_consent_takes_the_letter_and_its_answer_out(
    client, public_letter, publish, answer
):
    letter = public_letter()
    publish(letter, reply=answer(letter))
    publication.letter_consent_withdraw(letter=letter)
    text = client.get("/en/open-data/feeds/letters.atom").content.decode()
    assert "<entry>" not in text
    for secret in PRIVATE:
        assert secret not in text


def test_a_feed_holds_at_most_the_limit_newest(municipality, public_letter, publish):
    for day in range(4):
        publish(public_letter(), subject=f"წერილი {day}", at=days_ago(day))
    found = feed_entries(municipality, limit=2)
    assert [entry.letter.subject for entry in found] == ["წერილი 0", "წერილი 1"]


@pytest.mark.parametrize(
    "path", ["/en/open-data/feeds/bodies/nowhere.atom", "/en/open-data/feeds/officials/x.atom"]
)
def test_an_unknown_body_or_official_has_no_feed(client, bodies, people, path):
    assert client.get(path).status_code == 404
