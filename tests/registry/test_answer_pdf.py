"""The printed answer: an official letter with both numbers, in the letter's language."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from emanager.letters.choices import MessageStatus
from tests.registry.conftest import pdf_text


def url(answer) -> str:
    return reverse("registry:answer_pdf", kwargs={"pk": answer.pk})


@pytest.fixture
def letter(write):
    return write(on="2026-03-02")


def test_the_answer_prints_as_an_inline_pdf_named_by_its_number(login, staff, letter, answer):
    sent = answer(letter, author=staff["clerk"])

    response = login(staff["admin"]).get(url(sent))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="answer-lan-out-2026-000001.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")


def test_the_answer_shows_both_numbers_and_dates(login, staff, letter, answer):
    sent = answer(letter, author=staff["clerk"], on="2026-03-10")

    text = pdf_text(login(staff["admin"]).get(url(sent)).content)

    assert sent.out_number == "LAN-OUT-2026-000001"
    assert "LAN-OUT-2026-000001" in text
    assert letter.number in text
    assert "10 მარტი 2026" in text  # sent
    assert "2 მარტი 2026" in text  # registered


def test_the_georgian_text_is_extracted_as_written(login, staff, letter, answer):
    sent = answer(letter, body="ნათურები შეიცვალა 20 ნოემბერს.\n\nგმადლობთ შეტყობინებისთვის.")

    text = pdf_text(login(staff["admin"]).get(url(sent)).content)

    assert "ნათურები შეიცვალა 20 ნოემბერს." in text
    assert "გმადლობთ შეტყობინებისთვის." in text
    assert "ლანჩხუთის მუნიციპალიტეტი" in text
    assert "გარე განათება ნიგოითში" in text  # the subject
    assert "ნინო ბერიძე" in text
    assert "ნიგოითი, რუსთაველის ქ. 5" in text


def test_the_head_who_approved_signs_with_name_and_position(
    login, staff, letter, answer, head_official
):
    sent = answer(letter, author=staff["official"], approved_by=head_official)

    text = pdf_text(login(staff["admin"]).get(url(sent)).content)

    assert "გიორგი ბერიძე" in text
    assert "ფინანსური სამსახურის უფროსი" in text


def test_the_author_signs_an_answer_nobody_approved(login, staff, letter, answer, head_official):
    sent = answer(letter, author=head_official)

    text = pdf_text(login(staff["admin"]).get(url(sent)).content)

    assert "გიორგი ბერიძე" in text


def test_a_user_linked_to_no_official_signs_with_their_own_name(login, staff, letter, answer):
    staff["clerk"].first_name, staff["clerk"].last_name = "თამარ", "მჟავანაძე"
    staff["clerk"].save()
    sent = answer(letter, author=staff["clerk"])

    assert "თამარ მჟავანაძე" in pdf_text(login(staff["admin"]).get(url(sent)).content)


def test_an_answer_that_came_by_email_is_signed_by_its_sender(login, staff, letter, answer):
    sent = answer(letter, author_label="Giorgi Beridze <head@example.ge>")

    assert "Giorgi Beridze" in pdf_text(login(staff["admin"]).get(url(sent)).content)


def test_an_english_letter_is_answered_in_english(login, staff, write, answer, head_official):
    letter = write(language="en", subject="Street lighting in Nigoiti", on="2026-03-02")
    sent = answer(letter, author=head_official, body="The lamps were replaced.", on="2026-03-10")

    # The clerk reads the site in Georgian; the letter still goes out in English.
    response = login(staff["admin"]).get(url(sent), HTTP_ACCEPT_LANGUAGE="ka")
    text = pdf_text(response.content)

    assert "Lanchkhuti Municipality" in text
    assert "Outgoing number" in text
    assert "In reply to" in text
    assert "Subject: Street lighting in Nigoiti" in text
    assert "10 March 2026" in text
    assert "Giorgi Beridze" in text
    assert "Head of the Finance Service" in text
    assert "ლანჩხუთის" not in text


def test_the_letterhead_carries_the_body_and_the_municipalitys_contacts(
    login, staff, municipality, bodies, letter, answer
):
    municipality.address_en = municipality.address_ka = "Lanchkhuti, Jorjikia st. 18"
    municipality.phone = "+995 494 22 11 00"
    municipality.website = "https://lanchkhuti.gov.ge"
    municipality.save()
    sent = answer(letter)

    text = pdf_text(login(staff["admin"]).get(url(sent)).content)

    assert bodies["finance"].name_ka in text
    assert "Lanchkhuti, Jorjikia st. 18" in text
    assert "+995 494 22 11 00" in text
    assert "info@example.ge" in text
    assert "lanchkhuti.gov.ge" in text


def test_the_emblem_is_embedded(login, staff, municipality, letter, answer, settings, tmp_path):
    from PIL import Image

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    buffer = __import__("io").BytesIO()
    Image.new("RGB", (40, 48), "#0b4f6c").save(buffer, "PNG")
    municipality.emblem.save("emblem.png", ContentFile(buffer.getvalue()))
    sent = answer(letter)

    content = login(staff["admin"]).get(url(sent)).content

    assert b"/Subtype /Image" in content


@pytest.mark.parametrize("status", [MessageStatus.PENDING_APPROVAL, MessageStatus.RETURNED])
def test_an_answer_not_sent_is_not_printed(login, staff, letter, answer, status):
    draft = answer(letter, status=status)

    assert login(staff["admin"]).get(url(draft)).status_code == 404


def test_a_message_that_is_not_an_answer_is_not_printed(login, staff, letter, answer):
    reply = answer(letter)
    type(reply).objects.filter(pk=reply.pk).update(is_answer=False)

    assert login(staff["admin"]).get(url(reply)).status_code == 404


def test_staff_who_do_not_see_the_letter_get_404(login, staff, write, bodies, answer):
    to_sakrebulo = answer(write(to=bodies["sakrebulo"]))

    assert login(staff["head"]).get(url(to_sakrebulo)).status_code == 404


def test_a_citizen_cannot_print_answers(client, staff, letter, answer):
    sent = answer(letter)
    client.force_login(staff["outsider"])

    assert client.get(url(sent)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, letter, answer):
    response = client.get(url(answer(letter)))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
