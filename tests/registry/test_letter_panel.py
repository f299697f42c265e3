"""The staff's letter page offers each sent answer for printing."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext


def page(client, letter) -> str:
    return client.get(
        reverse("letters:staff_letter", kwargs={"uuid": letter.uuid})
    ).content.decode()


def test_each_sent_answer_has_a_print_link(login, staff, write, answer):
    letter = write()
    first = answer(letter, on="2026-03-05")
    second = answer(letter, on="2026-03-06")

    html = page(login(staff["admin"]), letter)

    for sent in (first, second):
        link = reverse("registry:answer_pdf", kwargs={"pk": sent.pk})
        # In the language of the page, which reverse() took from the active one.
        text = gettext("Print the answer %(number)s (PDF)") % {"number": sent.out_number}
        assert f'<a href="{link}">{text}</a>' in html


def test_an_answer_waiting_for_approval_has_none(login, staff, write, answer):
    letter = write()
    draft = answer(letter, status="pending_approval")

    html = page(login(staff["admin"]), letter)

    assert reverse("registry:answer_pdf", kwargs={"pk": draft.pk}) not in html
    assert gettext("Printed letters") not in html


def test_the_link_opens_the_pdf(login, staff, write, answer):
    letter = write()
    sent = answer(letter)
    client = login(staff["head"])

    response = client.get(reverse("registry:answer_pdf", kwargs={"pk": sent.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
