"""My letters: a citizen's own registered letters, and nobody else's."""

import pytest

from emanager.letters import tokens

pytestmark = pytest.mark.django_db

URL = "/en/account/letters/"


def test_anonymous_is_sent_to_the_citizens_login(client, municipality):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=/en/account/letters/"


def test_my_letters_lists_only_the_citizens_letters(client, citizen, other, write_letter):
    mine = write_letter(user=citizen, subject="Mine, from the account")
    before = write_letter(author_email="NINO@example.ge", subject="Mine, before the account")
    theirs = write_letter(user=other, author_email=other.email, subject="Tamar's letter")
    client.force_login(citizen)
    response = client.get(URL)
    assert response.status_code == 200
    assert [letter for letter, _ in response.context["rows"]] == [before, mine]
    assert f"/en/letters/track/{tokens.tracking_token(mine)}/" in response.text
    assert mine.number in response.text
    assert theirs.subject not in response.text
    assert f"/en/letters/track/{tokens.tracking_token(theirs)}/" not in response.text


def test_an_unverified_account_does_not_see_letters_sent_from_its_address(
    client, newcomer, write_letter
):
    write_letter(author_email=newcomer.email, subject="Written by whoever owns the address")
    client.force_login(newcomer)
    response = client.get(URL)
    assert response.context["rows"] == []
    assert "Written by whoever owns the address" not in response.text


def test_unconfirmed_letters_are_not_listed(client, citizen, write_letter):
    write_letter(author_email=citizen.email, subject="Never confirmed", confirm=False)
    client.force_login(citizen)
    assert "Never confirmed" not in client.get(URL).text


def test_no_letters_yet_offers_to_write_one(client, citizen, municipality):
    client.force_login(citizen)
    response = client.get(URL)
    assert "You have no registered letters here yet." in response.text
    assert 'href="/en/letters/write/"' in response.text


def test_letters_are_paginated_by_twenty(client, citizen, write_letter):
    for _ in range(21):
        write_letter(user=citizen)
    client.force_login(citizen)
    first = client.get(URL)
    assert len(first.context["rows"]) == 20
    assert len(client.get(URL + "?page=2").context["rows"]) == 1
