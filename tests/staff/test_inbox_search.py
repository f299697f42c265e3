"""Searching the inbox by registration number, the citizen's name, the subject and the text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters(write_letter, bodies):
    return {
        "lights": write_letter(
            subject="გარე განათება ნიგოითში",
            body="რუსთაველის ქუჩაზე ოქტომბრიდან არ ანათებს ქუჩის ნათურები.",
            author_name="ნინო ბერიძე",
        ),
        "water": write_letter(
            subject="Водоснабжение в Супсе",
            body="Третью неделю нет воды в нашем доме.",
            author_name="Иван Петров",
        ),
        "road": write_letter(
            subject="Road to Lesa",
            body="The bridge near the school needs repair.",
            author_name="Giorgi Kvirikashvili",
        ),
    }


def search(client, staff, text, **params):
    client.force_login(staff["head"])
    response = client.get("/en/staff/", {"q": text, **params})
    assert response.status_code == 200
    return {letter.pk for letter in response.context["page"].object_list}


def test_by_registration_number(client, staff, letters):
    number = letters["water"].number
    assert search(client, staff, number) == {letters["water"].pk}


def test_by_the_end_of_the_number(client, staff, letters):
    sequence = letters["road"].number.rsplit("-", 1)[-1]
    assert letters["road"].pk in search(client, staff, sequence)


def test_by_a_georgian_name(client, staff, letters):
    assert search(client, staff, "ბერიძე") == {letters["lights"].pk}


def test_by_words_of_the_georgian_text(client, staff, letters):
    assert search(client, staff, "ნათურები") == {letters["lights"].pk}


def test_russian_ignores_case(client, staff, letters):
    assert search(client, staff, "водоснабжение") == {letters["water"].pk}
    assert search(client, staff, "ПЕТРОВ") == {letters["water"].pk}


def test_english_ignores_case(client, staff, letters):
    assert search(client, staff, "BRIDGE") == {letters["road"].pk}


def test_every_word_must_occur(client, staff, letters):
    assert search(client, staff, "bridge school") == {letters["road"].pk}
    assert search(client, staff, "bridge воды") == set()


def test_search_combines_with_the_other_filters(client, staff, letters):
    assert search(client, staff, "bridge", status="closed") == set()
    assert search(client, staff, "bridge", status="open") == {letters["road"].pk}


def test_no_match_says_so(client, staff, letters):
    client.force_login(staff["head"])
    response = client.get("/en/staff/", {"q": "კანალიზაცია"})
    assert "No letter matches these filters." in response.text
    assert response.context["filtered"]


def test_search_finds_only_letters_the_user_may_see(client, staff, write_letter, bodies):
    hidden = write_letter(to=bodies["sakrebulo"], subject="Secret budget of the council")
    client.force_login(staff["head"])
    response = client.get("/en/staff/", {"q": "council"})
    assert hidden.pk not in {letter.pk for letter in response.context["page"].object_list}
    client.force_login(staff["admin"])
    response = client.get("/en/staff/", {"q": "council"})
    assert hidden.pk in {letter.pk for letter in response.context["page"].object_list}


def test_the_search_box_is_visible_and_keeps_the_words(client, staff, letters):
    client.force_login(staff["head"])
    response = client.get("/en/staff/", {"q": "bridge"})
    assert 'role="search"' in response.text
    assert 'value="bridge"' in response.text
