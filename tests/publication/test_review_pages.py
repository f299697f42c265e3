"""The review queue and the review page: who reaches them, what they show, what they do."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from emanager.letters.choices import EventKind, Publication
from emanager.letters.models import Event, Letter
from emanager.publication import services, views
from emanager.publication.models import PublicAnswer, PublicLetter, ReviewState
from emanager.publication.redaction import SpanKind, placeholder

pytestmark = pytest.mark.django_db

QUEUE = "/en/staff/review/"


def review_url(letter) -> str:
    return f"/en/staff/review/letter/{letter.uuid}/"


def action_url(letter, action) -> str:
    return f"/en/staff/review/letter/{letter.uuid}/{action}/"


def answer_url(message, action="") -> str:
    return f"/en/staff/review/answer/{message.pk}/" + (f"{action}/" if action else "")


def publish_data(response, **overrides) -> dict:
    """The publish form as the review page filled it."""
    form = response.context["publish_form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "publish_anyway"}
    data.update(overrides)
    return data


# --- Queue --------------------------------------------------------------------------------


def test_anonymous_users_go_to_the_login(client, municipality):
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


@pytest.mark.parametrize("name", ["official", "official_elsewhere"])
def test_roles_that_do_not_review_get_403_with_an_explanation(login, staff, name):
    response = login(staff[name]).get(QUEUE)
    assert response.status_code == 403
    assert "You do not review publication" in response.content.decode()


def test_a_signed_in_user_without_a_role_gets_the_staff_403(login, staff):
    assert login(staff["outsider"]).get(QUEUE).status_code == 403


def test_the_empty_queue_says_what_will_appear_there(login, staff):
    response = login(staff["head"]).get(QUEUE)
    assert response.status_code == 200
    assert "Nothing waits for review" in response.content.decode()


def test_the_queue_lists_letters_and_answers_oldest_first(
    login, staff, public_letter, answer, write_letter
):
    old = public_letter(subject="ძველი წერილი")
    Letter.objects.filter(pk=old.pk).update(
        registered_at=old.registered_at - datetime.timedelta(days=3)
    )
    new = public_letter(subject="ახალი წერილი")
    message = answer(new)
    write_letter(publication=Publication.PRIVATE, subject="Private letter")
    response = login(staff["head"]).get(QUEUE)
    items = response.context["items"]
    assert [(i.item, i.letter.pk) for i in items] == [
        ("letter", old.pk),
        ("letter", new.pk),
        ("answer", new.pk),
    ]
    assert items[2].message == message and not items[2].letter_published
    html = response.content.decode()
    assert "Private letter" not in html
    assert "Waits for its letter to be published first." in html


def test_reviewed_items_leave_the_queue_and_unpublished_ones_come_back(login, staff, public_letter):
    letter = public_letter()
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    client = login(staff["head"])
    assert client.get(QUEUE).context["items"] == []
    services.letter_unpublish(letter=letter, actor=staff["head"], reason="r")
    assert [i.letter.pk for i in client.get(QUEUE).context["items"]] == [letter.pk]
    services.letter_decline(letter=letter, actor=staff["head"], reason="r")
    assert client.get(QUEUE).context["items"] == []


def test_each_reviewer_sees_the_letters_of_their_bodies(login, staff, public_letter, bodies, pio):
    finance = public_letter(subject="To finance")
    administrative = public_letter(to=bodies["administrative"], subject="To administration")
    budget = public_letter(to=bodies["budget"], subject="To budget")

    def queued(user):
        return {i.letter.pk for i in login(user).get(QUEUE).context["items"]}

    assert queued(staff["head"]) == {finance.pk, budget.pk}
    assert queued(pio) == {finance.pk, budget.pk}
    assert queued(staff["clerk"]) == {administrative.pk}
    assert queued(staff["admin"]) == {finance.pk, administrative.pk, budget.pk}


def test_the_queue_is_paginated(login, staff, public_letter, monkeypatch):
    monkeypatch.setattr(views, "ITEMS_PER_PAGE", 2)
    for _ in range(3):
        public_letter()
    client = login(staff["head"])
    first = client.get(QUEUE)
    assert len(first.context["items"]) == 2
    assert "Page 1 of 2" in first.content.decode()
    assert len(client.get(QUEUE + "?page=2").context["items"]) == 1


def test_the_nav_links_the_queue_for_reviewers_only(login, staff):
    assert 'href="/en/staff/review/"' in login(staff["head"]).get("/en/staff/").content.decode()
    assert (
        'href="/en/staff/review/"'
        not in login(staff["official"]).get("/en/staff/").content.decode()
    )


# --- Review page ---------------------------------------------------------------------------


def test_the_review_page_marks_the_suggestions_with_visible_labels(login, staff, public_letter):
    letter = public_letter(body="ნინო ბერიძე, ტელ: 599 12 34 56, პ/ნ 01024012345. <b>x</b>")
    response = login(staff["head"]).get(review_url(letter))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(
        r'<mark class="redact"><span class="mark-label">phone number</span> 599 12 34 56</mark>',
        html,
    )
    assert '<span class="mark-label">personal number</span> 01024012345</mark>' in html
    assert '<span class="mark-label">name</span> ნინო ბერიძე</mark>' in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html  # escaped
    public_text = response.context["publish_form"]["text"].value()
    assert "599 12 34 56" not in public_text and "01024012345" not in public_text
    assert "ნინო" not in public_text


def test_special_categories_are_listed_with_their_category(login, staff, public_letter):
    letter = public_letter(body="მაქვს დიაბეტი, ვარ შშმ პირი და მართლმადიდებელი.")
    html = login(staff["head"]).get(review_url(letter)).content.decode()
    assert "<strong>health</strong>: დიაბეტი, შშმ" in html
    assert "<strong>religion or belief</strong>: მართლმადიდებელი" in html
    assert '<mark class="flag"><span class="mark-label">health</span> დიაბეტი</mark>' in html


def test_marking_a_name_suggests_again(login, staff, public_letter):
    letter = public_letter(body="მეზობელმა გიორგი ტაკიძემ ღობე გადმოდგა.")
    client = login(staff["head"])
    response = client.post(review_url(letter), {"names": "გიორგი ტაკიძე"})
    assert response.status_code == 200
    assert "გიორგი ტაკიძემ" not in response.context["publish_form"]["text"].value()
    assert response.context["publish_form"]["names"].value() == "გიორგი ტაკიძე"


def test_a_suggestion_left_out_stays_in_the_public_text(login, staff, public_letter):
    letter = public_letter(body="ტელ: 599 12 34 56, პ/ნ 01024012345")
    client = login(staff["head"])
    keys = [s.key for s in client.get(review_url(letter)).context["draft"].suggestions]
    phone = next(key for key in keys if ":phone:" in key)
    response = client.post(
        review_url(letter), {"offered": keys, "apply": [k for k in keys if k != phone]}
    )
    text = response.context["publish_form"]["text"].value()
    assert "599 12 34 56" in text and "01024012345" not in text
    assert "phone number, kept" in response.content.decode()


def test_publishing_from_the_page_stores_the_edited_version(login, staff, public_letter):
    letter = public_letter()
    client = login(staff["head"])
    page = client.get(review_url(letter))
    data = publish_data(page, text=page.context["publish_form"]["text"].value() + " დამატება")
    response = client.post(action_url(letter, "publish"), data, follow=True)
    assert "The letter is published." in response.content.decode()
    public = PublicLetter.objects.get(letter=letter)
    assert public.state == ReviewState.PUBLISHED
    assert public.public_text.endswith("დამატება")
    assert "01024012345" not in public.public_text
    assert {r["kind"] for r in public.redactions} >= {"phone", "personal_number", "address"}
    assert all("text" not in r or r["field"] in ("subject", "text") for r in public.redactions)
    assert Event.objects.filter(letter=letter, kind=EventKind.PUBLISHED).exists()
    assert f'href="/en/letters/public/{letter.uuid}/"' in response.content.decode()


def test_personal_data_put_back_is_caught_before_publishing(login, staff, public_letter):
    letter = public_letter()
    client = login(staff["head"])
    data = publish_data(client.get(review_url(letter)), text="დამირეკეთ: 599 12 34 56")
    response = client.post(action_url(letter, "publish"), data)
    assert response.status_code == 400
    assert "still contains personal data" in response.content.decode()
    assert "I checked the public text" in response.content.decode()
    assert not PublicLetter.objects.exists()
    data["publish_anyway"] = "on"
    assert client.post(action_url(letter, "publish"), data).status_code == 302
    assert PublicLetter.objects.get(letter=letter).public_text == "დამირეკეთ: 599 12 34 56"


def test_an_empty_public_text_is_refused_with_a_message(login, staff, public_letter):
    letter = public_letter()
    client = login(staff["head"])
    data = publish_data(client.get(review_url(letter)), text="")
    response = client.post(action_url(letter, "publish"), data)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_declining_needs_a_reason_and_says_it_is_done(login, staff, public_letter):
    letter = public_letter()
    client = login(staff["head"])
    assert client.post(action_url(letter, "decline"), {"decline-reason": ""}).status_code == 400
    response = client.post(
        action_url(letter, "decline"), {"decline-reason": "ბავშვის მონაცემები"}, follow=True
    )
    assert "Publication of the letter is declined." in response.content.decode()
    assert PublicLetter.objects.get(letter=letter).state == ReviewState.DECLINED


def test_unpublishing_from_the_page(login, staff, public_letter):
    letter = public_letter()
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    response = login(staff["head"]).post(
        action_url(letter, "unpublish"), {"unpublish-reason": "შეცდომა"}, follow=True
    )
    assert "removed from the public pages" in response.content.decode()
    assert PublicLetter.objects.get(letter=letter).state == ReviewState.PENDING


def test_an_unknown_action_is_404(login, staff, public_letter):
    assert login(staff["head"]).post(action_url(public_letter(), "delete")).status_code == 404


def test_a_private_letter_has_no_publish_form(login, staff, write_letter):
    letter = write_letter(publication=Publication.PRIVATE)
    response = login(staff["head"]).get(review_url(letter))
    assert response.status_code == 200
    html = response.content.decode()
    assert "did not allow publication" in html
    assert "/publish/" not in html
    response = login(staff["head"]).post(
        action_url(letter, "publish"), {"subject": "s", "text": "t"}, follow=True
    )
    assert "did not allow this letter to be published" in response.content.decode()


@pytest.mark.parametrize("name", ["clerk", "official", "outsider"])
def test_reviewers_of_other_bodies_and_other_roles_cannot_open_the_review(
    login, staff, public_letter, name
):
    letter = public_letter()
    expected = 403 if name == "outsider" else 404
    assert login(staff[name]).get(review_url(letter)).status_code == expected
    assert login(staff[name]).post(action_url(letter, "decline"), {"decline-reason": "x"})
    assert not PublicLetter.objects.exists()


# --- Answers -----------------------------------------------------------------------------


def test_an_answer_cannot_be_published_before_its_letter(login, staff, public_letter, answer):
    letter = public_letter()
    message = answer(letter)
    client = login(staff["head"])
    page = client.get(answer_url(message))
    assert "Publish the letter first" in page.content.decode()
    assert "/publish/" not in page.content.decode()
    response = client.post(answer_url(message, "publish"), {"text": "x"}, follow=True)
    assert "Publish the letter first" in response.content.decode()
    assert not PublicAnswer.objects.exists()


def test_an_answer_is_reviewed_like_a_letter(login, staff, public_letter, answer):
    letter = public_letter()
    message = answer(letter, body="ბატონო ნინო ბერიძე, გზა შეკეთდა. ტელ: 599 12 34 56")
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    client = login(staff["head"])
    page = client.get(answer_url(message))
    assert "subject" not in page.context["publish_form"].fields
    data = publish_data(page)
    assert "ბერიძე" not in data["text"] and "599 12 34 56" not in data["text"]
    response = client.post(answer_url(message, "publish"), data, follow=True)
    assert "The answer is published with its letter." in response.content.decode()
    assert PublicAnswer.objects.get(message=message).state == ReviewState.PUBLISHED


def test_the_municipalitys_own_phone_in_an_answer_may_stay_when_confirmed(
    login, staff, public_letter, answer
):
    letter = public_letter()
    message = answer(letter, body="კითხვებისთვის: (0494) 22 11 33")
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    client = login(staff["head"])
    data = publish_data(client.get(answer_url(message)), text="კითხვებისთვის: (0494) 22 11 33")
    assert client.post(answer_url(message, "publish"), data).status_code == 400
    data["publish_anyway"] = "on"
    assert client.post(answer_url(message, "publish"), data).status_code == 302


def test_an_unsent_message_has_no_review_page(login, staff, public_letter):
    from emanager.letters.services import letter_reply

    letter = public_letter()
    reply = letter_reply(letter=letter, body="დამატება", files=[])
    assert login(staff["head"]).get(answer_url(reply)).status_code == 404


# --- The panel on the staff letter page ------------------------------------------------------


def test_the_staff_letter_page_shows_the_publication_state(login, staff, public_letter):
    letter = public_letter()
    client = login(staff["head"])
    html = client.get(reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})).content
    html = html.decode()
    assert "Waiting for review" in html
    assert f'href="/en/staff/review/letter/{letter.uuid}/"' in html
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="t")
    html = client.get(reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})).content
    assert f'href="/en/letters/public/{letter.uuid}/"' in html.decode()


def test_the_panel_says_when_the_author_keeps_the_letter_private(login, staff, write_letter):
    letter = write_letter(publication=Publication.PRIVATE)
    html = login(staff["head"]).get(reverse("letters:staff_letter", kwargs={"uuid": letter.uuid}))
    assert "the letter stays private" in html.content.decode()


def test_the_panel_offers_no_review_to_an_official(login, staff, public_letter, people):
    letter = public_letter(addressee_official=people["beridze"])
    html = login(staff["official"]).get(
        reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})
    )
    assert html.status_code == 200
    assert "/staff/review/letter/" not in html.content.decode()


def test_a_published_letter_is_edited_from_its_public_version(login, staff, public_letter):
    letter = public_letter()
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="ჩასწორებული")
    page = login(staff["head"]).get(review_url(letter))
    assert page.context["publish_form"]["text"].value() == "ჩასწორებული"
    assert "Publish the changes" in page.content.decode()
    assert "Remove from the public pages" in page.content.decode()


def test_suggesting_again_on_a_published_letter_proposes_the_suggestions(
    login, staff, public_letter
):
    letter = public_letter()
    services.letter_publish(letter=letter, actor=staff["head"], subject="s", text="ჩასწორებული")
    page = login(staff["head"]).post(review_url(letter), {"names": ""})
    expected = placeholder(SpanKind.PHONE, letter.language)
    assert expected in page.context["publish_form"]["text"].value()
