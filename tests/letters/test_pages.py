"""The citizen's pages: writing, confirming, tracking, and what bad input gets."""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emanager.letters import tokens
from emanager.letters.choices import LetterStatus
from emanager.letters.models import Letter
from emanager.notifications.models import OutboxMessage
from tests.factories import OfficialFactory
from tests.letters.conftest import PDF, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_data(finance):
    return {
        "submission_key": str(uuid.uuid4()),
        "addressee": f"body:{finance.pk}",
        "kind": "application",
        "subject": "Street lighting",
        "body": "The street lights on Rustaveli street have not worked since October.",
        "author_name": "Nino Beridze",
        "author_email": "nino@example.ge",
        "author_phone": "",
        "author_address": "Nigoiti, Rustaveli st. 5",
        "author_unit": "",
        "publication": "private",
    }


def post(client, data, files=None):
    return client.post("/en/letters/write/", {**data, **({"files": files} if files else {})})


def test_write_page_offers_officials_bodies_and_units(client, finance, head_of_finance):
    response = client.get("/en/letters/write/")
    assert response.status_code == 200
    assert f'value="body:{finance.pk}"' in response.text
    assert f'value="official:{head_of_finance.pk}"' in response.text


def test_write_link_from_a_profile_preselects_the_addressee(client, head_of_finance):
    response = client.get(f"/en/letters/write/?to=official:{head_of_finance.pk}")
    assert response.context["form"].initial["addressee"] == f"official:{head_of_finance.pk}"


def test_a_valid_letter_waits_for_confirmation(client, form_data):
    response = post(client, form_data)
    assert response.status_code == 302
    assert response["Location"] == "/en/letters/write/sent/"
    letter = Letter.objects.get()
    assert letter.status == LetterStatus.UNCONFIRMED
    assert "nino@example.ge" in client.get("/en/letters/write/sent/").text


def test_resubmitting_the_same_form_creates_no_second_letter(client, form_data):
    post(client, form_data)
    post(client, form_data)
    assert Letter.objects.count() == 1


def test_empty_form_names_each_required_field(client, finance):
    response = client.post("/en/letters/write/", {"submission_key": str(uuid.uuid4())})
    assert response.status_code == 200
    errors = response.context["form"].errors
    for field in ("addressee", "subject", "body", "author_name", "author_email", "author_address"):
        assert field in errors
    assert "Please correct the" in response.text
    assert not Letter.objects.exists()


def test_errors_are_in_the_users_language(client, finance):
    response = client.post("/ka/letters/write/", {"submission_key": str(uuid.uuid4())})
    assert "ეს ველი აუცილებელია" in response.text  # Django's own "This field is required."


def test_oversized_text_is_refused(client, form_data):
    response = post(client, {**form_data, "body": "x" * 10_001})
    assert "body" in response.context["form"].errors


def test_invalid_email_is_refused(client, form_data):
    response = post(client, {**form_data, "author_email": "nino@"})
    assert "author_email" in response.context["form"].errors


def test_an_addressee_of_another_municipality_is_refused(client, form_data):
    from tests.factories import BodyFactory

    other = BodyFactory()  # in a second municipality: the site is now reached by prefix
    response = client.post(
        "/lanchkhuti/en/letters/write/", {**form_data, "addressee": f"body:{other.pk}"}
    )
    assert "addressee" in response.context["form"].errors


@pytest.mark.parametrize("value", ["body:999999", "official:abc", "unit:", "nobody", "x:1"])
def test_an_addressee_not_in_the_list_is_refused_clearly(client, form_data, value):
    response = post(client, {**form_data, "addressee": value})
    assert response.context["form"].errors["addressee"] == [
        "Choose whom the letter is for from the list."
    ]
    assert f'value="body:{form_data["addressee"].split(":")[1]}"' in response.text  # list shown
    assert not Letter.objects.exists()


def test_an_official_without_a_current_mandate_is_refused(client, form_data, finance):
    former = OfficialFactory(municipality=finance.municipality, slug="former")
    response = post(client, {**form_data, "addressee": f"official:{former.pk}"})
    assert "addressee" in response.context["form"].errors
    assert f'value="official:{former.pk}"' not in response.text
    assert not Letter.objects.exists()


def test_a_valid_letter_is_stored_without_building_the_addressee_list(client, form_data):
    with CaptureQueriesContext(connection) as queries:
        assert post(client, form_data).status_code == 302
    read_units = [q for q in queries if 'FROM "directory_territorialunit"' in q["sql"]]
    read_mandates = [q for q in queries if 'FROM "directory_mandate"' in q["sql"]]
    assert not read_units
    assert not read_mandates
    assert Letter.objects.count() == 1


def test_publishing_needs_explicit_consent(client, form_data):
    response = post(client, {**form_data, "publication": "public_anonymous"})
    assert "consent" in response.context["form"].errors
    post(client, {**form_data, "publication": "public_anonymous", "consent": "on"})
    letter = Letter.objects.get()
    assert letter.consent_at is not None
    assert "withdraw this consent" in letter.consent_text


def test_private_letter_records_no_consent(client, form_data):
    post(client, form_data)
    assert Letter.objects.get().consent_text == ""


def test_pdf_and_image_attachments_are_accepted(client, form_data):
    files = [
        SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png"),
    ]
    assert post(client, form_data, files).status_code == 302
    assert sorted(Letter.objects.get().attachments.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]


def test_a_file_that_lies_about_its_type_is_refused(client, form_data):
    fake = SimpleUploadedFile(
        "invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="application/pdf"
    )
    response = post(client, form_data, [fake])
    assert "files" in response.context["form"].errors
    assert "is not a file type we accept" in response.text


def test_too_many_attachments_are_refused(client, form_data):
    files = [
        SimpleUploadedFile(f"s{i}.pdf", PDF, content_type="application/pdf") for i in range(11)
    ]
    response = post(client, form_data, files)
    assert "Attach at most 10 files." in response.text


def test_an_oversized_attachment_is_refused(client, form_data, settings):
    big = SimpleUploadedFile(
        "big.pdf", PDF + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
    )
    response = post(client, form_data, [big])
    assert "is larger than" in response.text


def confirm_url_of(letter):
    return OutboxMessage.objects.get(key=f"letter:{letter.pk}:confirm").context["confirm_url"]


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_following_the_confirmation_link_registers_after_the_button(client, form_data):
    post(client, form_data)
    letter = Letter.objects.get()
    url = path_of(confirm_url_of(letter))
    assert client.get(url).status_code == 200  # a mail scanner's GET registers nothing
    assert Letter.objects.get().status == LetterStatus.UNCONFIRMED
    response = client.post(url)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.OPEN
    assert response["Location"] == f"/en/letters/track/{tokens.tracking_token(letter)}/"


def test_a_reused_confirmation_link_goes_to_the_letter(client, registered):
    letter = registered()
    response = client.get(f"/en/letters/confirm/{tokens.confirmation_token(letter)}/")
    assert response.status_code == 302
    assert "/letters/track/" in response["Location"]


def test_an_expired_confirmation_link_says_so(client, submit, monkeypatch):
    import datetime

    from emanager.letters import tokens as module

    letter = submit()
    token = tokens.confirmation_token(letter)
    monkeypatch.setattr(module, "CONFIRMATION_MAX_AGE", datetime.timedelta(seconds=-1))
    response = client.get(f"/en/letters/confirm/{token}/")
    assert response.status_code == 410
    assert "The link has expired" in response.text


def test_a_guessed_link_is_not_found(client, registered):
    letter = registered()
    assert client.get(f"/en/letters/track/{letter.uuid.hex}/").status_code == 404
    assert client.get(f"/en/letters/track/{letter.uuid.hex}:forged/").status_code == 404
    assert client.get("/en/letters/confirm/nonsense/").status_code == 404


def test_tracking_page_shows_number_deadline_and_timeline(client, registered):
    letter = registered()
    response = client.get(f"/en/letters/track/{tokens.tracking_token(letter)}/")
    assert response.status_code == 200
    assert letter.number in response.text
    assert "Registered" in response.text


def test_html_in_a_letter_is_shown_as_text(client, registered):
    letter = registered(body="<script>alert(1)</script> and <b>bold</b>")
    text = client.get(f"/en/letters/track/{tokens.tracking_token(letter)}/").text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_citizen_can_reply_in_the_thread(client, registered):
    letter = registered()
    url = f"/en/letters/track/{tokens.tracking_token(letter)}/"
    response = client.post(url, {"body": "One more detail: also Tsereteli street."})
    assert response.status_code == 302
    assert letter.messages.get().body == "One more detail: also Tsereteli street."
    assert "citizen_replied" in letter.events.values_list("kind", flat=True)


def test_an_empty_reply_is_refused(client, registered):
    letter = registered()
    response = client.post(f"/en/letters/track/{tokens.tracking_token(letter)}/", {"body": ""})
    assert response.status_code == 200
    assert "body" in response.context["reply_form"].errors


def test_withdrawing_asks_first_then_closes(client, registered):
    letter = registered()
    token = tokens.tracking_token(letter)
    first = client.post(f"/en/letters/track/{token}/withdraw/")
    assert first.status_code == 200
    assert "Withdraw the letter?" in first.text
    client.post(f"/en/letters/track/{token}/withdraw/", {"confirm": "yes"})
    letter.refresh_from_db()
    assert (letter.status, letter.outcome) == ("closed", "withdrawn")


def test_attachments_are_served_only_through_the_tracking_link(client, registered):
    from emanager.letters.attachments import check_files

    letter = registered(
        files=check_files([SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf")])
    )
    attachment = letter.attachments.get()
    token = tokens.tracking_token(letter)
    response = client.get(f"/en/letters/track/{token}/files/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "private" in response["Cache-Control"]
    assert client.get(f"/en/letters/track/forged/files/{attachment.pk}/").status_code == 404


def test_an_unanswered_letter_cannot_be_rated(client, registered):
    letter = registered()
    client.post(f"/en/letters/track/{tokens.tracking_token(letter)}/rate/", {"satisfied": "yes"})
    letter.refresh_from_db()
    assert letter.satisfied is None


def test_an_attachment_missing_from_storage_is_404_not_500(client, registered):
    from emanager.letters.attachments import check_files

    letter = registered(
        files=check_files([SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf")])
    )
    attachment = letter.attachments.get()
    attachment.file.storage.delete(attachment.file.name)
    token = tokens.tracking_token(letter)
    assert client.get(f"/en/letters/track/{token}/files/{attachment.pk}/").status_code == 404
