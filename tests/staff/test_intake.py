"""Staff intake: a clerk registers a letter received on paper, in person, by phone or e-mail."""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from emanager.letters.attachments import check_files
from emanager.letters.choices import Channel, EventKind, LetterKind, LetterStatus, Publication
from emanager.letters.intake import (
    WRITTEN_CONSENT_VERSION,
    IntakeDraft,
    letter_register_on_behalf,
)
from emanager.letters.models import Attachment, Event, Letter
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.letters.timeline import chain_verify
from emanager.notifications.models import OutboxMessage
from emanager.staff.models import Membership, StaffRole
from emanager.staff.permissions import can_register_letters
from tests.factories import MunicipalityFactory
from tests.letters.conftest import PDF, png_bytes
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db

FORM = "/en/staff/register/"
INTAKE_CHANNELS = [Channel.PAPER, Channel.IN_PERSON, Channel.PHONE, Channel.EMAIL]


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def clerk(staff):
    staff["clerk"].first_name, staff["clerk"].last_name = "Tamar", "Mzhavanadze"
    staff["clerk"].save()
    return staff["clerk"]


@pytest.fixture
def pio(municipality, bodies):
    user = make_user("pio")
    Membership.objects.create(
        user=user, municipality=municipality, body=bodies["city_hall"], role=StaffRole.PIO
    )
    return user


def draft(to, **overrides) -> IntakeDraft:
    values = {
        "kind": LetterKind.APPLICATION,
        "subject": "A broken bridge in Nigoiti",
        "body": "The wooden bridge over the Supsa near the school has two boards missing.",
        "addressee_body": to,
        "author_name": "Manana Gogoladze",
        "author_address": "Nigoiti, Kvirike st. 12",
        **overrides,
    }
    return IntakeDraft(**values)


def pdf(name: str = "scan-page-1.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def png(name: str = "page-2.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


@pytest.fixture
def register(municipality, bodies, clerk):
    """Register a letter through the service, as the clerk, to the finance service."""

    def register_(*, channel=Channel.PAPER, files=(), key=None, now=None, actor=None, **fields):
        return letter_register_on_behalf(
            municipality=municipality,
            actor=actor or clerk,
            draft=draft(fields.pop("to", bodies["finance"]), **fields),
            channel=channel,
            files=check_files(list(files)),
            submission_key=key or uuid.uuid4(),
            now=now,
        )

    return register_


def web_letter(municipality, to, *, now=None, kind=LetterKind.APPLICATION) -> Letter:
    letter, _ = letter_submit(
        municipality=municipality,
        draft=LetterDraft(
            kind=kind,
            subject="Street lighting",
            body="The street lights on Rustaveli street have not worked since October.",
            addressee_body=to,
            author_name="Nino Beridze",
            author_email="nino@example.ge",
            author_address="Nigoiti, Rustaveli st. 5",
            publication=Publication.PRIVATE,
            language="en",
        ),
        submission_key=uuid.uuid4(),
        now=now,
    )
    return letter_confirm(letter=letter, now=now)


def form_data(bodies, **overrides) -> dict:
    data = {
        "submission_key": str(uuid.uuid4()),
        "channel": Channel.PAPER,
        "addressee": f"body:{bodies['administrative'].pk}",
        "kind": LetterKind.APPLICATION,
        "subject": "A broken bridge in Nigoiti",
        "body": "The wooden bridge over the Supsa near the school has two boards missing.",
        "author_name": "Manana Gogoladze",
        "author_address": "Nigoiti, Kvirike st. 12",
        "author_email": "",
        "author_phone": "",
        "author_unit": "",
        "language": "ka",
        "publication": Publication.PRIVATE,
    }
    data.update(overrides)
    return data


# --- The service ------------------------------------------------------------------


@pytest.mark.parametrize("channel", INTAKE_CHANNELS)
def test_each_channel_registers_the_letter_at_once(register, clerk, channel):
    letter = register(channel=channel, author_phone="599 12 34 56")

    assert letter.status == LetterStatus.OPEN
    assert letter.channel == channel
    assert letter.registered_by == clerk
    assert letter.number and letter.deadline
    assert letter.registered_at == letter.created_at
    assert not OutboxMessage.objects.filter(template="letters/confirm").exists()


@pytest.mark.parametrize("channel", [Channel.WEB, Channel.IMPORT, "fax"])
def test_a_clerk_cannot_register_a_web_or_imported_letter(register, channel):
    with pytest.raises(ValueError):
        register(channel=channel)
    assert not Letter.objects.exists()


def test_numbers_continue_the_web_series_without_gaps(register, municipality, bodies):
    first = web_letter(municipality, bodies["finance"])
    paper = register(channel=Channel.PAPER)
    phone = register(channel=Channel.PHONE, author_phone="599 12 34 56")
    last = web_letter(municipality, bodies["finance"])

    letters = [first, paper, phone, last]
    assert [letter.sequence for letter in letters] == [1, 2, 3, 4]
    assert {letter.register_id for letter in letters} == {first.register_id}
    year = timezone.localdate().year
    assert paper.number == f"LAN-{year}-000002"


@pytest.mark.parametrize("kind", [LetterKind.APPLICATION, LetterKind.PUBLIC_INFORMATION])
def test_the_deadline_is_that_of_a_web_letter_registered_the_same_day(
    register, municipality, bodies, kind
):
    # A Friday afternoon: a deadline counted wrongly would show on a weekend.
    now = timezone.make_aware(datetime.datetime(2026, 11, 27, 16, 30))
    web = web_letter(municipality, bodies["finance"], now=now, kind=kind)
    paper = register(channel=Channel.PAPER, kind=kind, now=now + datetime.timedelta(minutes=5))

    assert paper.deadline == web.deadline
    assert paper.year == web.year == 2026


def test_the_timeline_records_the_clerk_and_the_channel(register, clerk, municipality):
    letter = register(channel=Channel.IN_PERSON)

    events = list(letter.events.all())
    assert [event.kind for event in events] == [EventKind.SUBMITTED, EventKind.REGISTERED]
    registered = events[1]
    assert registered.actor == clerk
    assert registered.data["number"] == letter.number
    for event in events:
        assert "Tamar Mzhavanadze" in event.actor_label
        assert "In person" in event.actor_label
    assert chain_verify(municipality) is None


def test_the_acknowledgement_goes_to_the_citizen_email_in_the_letter_language(register, client):
    letter = register(author_email="manana@example.ge", language="ru")

    ack = OutboxMessage.objects.get(key=f"letter:{letter.pk}:ack")
    assert ack.to == "manana@example.ge"
    assert ack.language == "ru"
    assert ack.context["number"] == letter.number
    assert ack.context["deadline"] == letter.deadline.isoformat()
    path = urlsplit(ack.context["tracking_url"]).path
    assert path.startswith("/ru/letters/track/")
    page = client.get(path)
    assert page.status_code == 200
    assert letter.number in page.text


def test_without_an_email_nothing_is_sent_to_the_citizen(register):
    letter = register(channel=Channel.PAPER, author_email="")

    assert not OutboxMessage.objects.filter(key=f"letter:{letter.pk}:ack").exists()
    assert not OutboxMessage.objects.exclude(key=f"letter:{letter.pk}:new").exists()


def test_the_addressed_body_is_told_of_the_new_letter(register, bodies):
    bodies["finance"].email = "finance@example.ge"
    bodies["finance"].save()
    letter = register()
    assert OutboxMessage.objects.get(key=f"letter:{letter.pk}:new").to == "finance@example.ge"


def test_scanned_pages_are_attached_with_their_checked_type(register):
    letter = register(files=[pdf(), png()])

    stored = {(a.original_name, a.content_type) for a in letter.attachments.all()}
    assert stored == {("scan-page-1.pdf", "application/pdf"), ("page-2.png", "image/png")}


def test_the_same_submission_key_registers_once(register):
    key = uuid.uuid4()
    first = register(key=key, files=[pdf()])
    again = register(key=key, files=[pdf()])

    assert again.pk == first.pk
    assert Letter.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert Event.objects.filter(kind=EventKind.REGISTERED).count() == 1


def test_without_a_submission_key_each_call_registers_a_letter(municipality, bodies, clerk):
    for _ in range(2):
        letter_register_on_behalf(
            municipality=municipality,
            actor=clerk,
            draft=draft(bodies["finance"]),
            channel=Channel.EMAIL,
            files=[],
        )
    assert sorted(Letter.objects.values_list("sequence", flat=True)) == [1, 2]


def test_a_private_letter_records_no_consent(register):
    letter = register()
    assert letter.publication == Publication.PRIVATE
    assert (letter.consent_text, letter.consent_version, letter.consent_at) == ("", "", None)


@pytest.mark.parametrize("channel", [Channel.PAPER, Channel.IN_PERSON, Channel.EMAIL])
def test_written_consent_is_recorded_with_its_own_version(register, channel):
    letter = register(channel=channel, publication=Publication.PUBLIC_ANONYMOUS, language="en")

    assert letter.publication == Publication.PUBLIC_ANONYMOUS
    assert letter.consent_version == WRITTEN_CONSENT_VERSION
    assert "in writing" in letter.consent_text
    assert letter.consent_at == letter.registered_at


def test_a_phone_call_cannot_carry_consent_to_publication(register):
    with pytest.raises(ValueError):
        register(channel=Channel.PHONE, publication=Publication.PUBLIC_NAMED)
    assert not Letter.objects.exists()


def test_an_addressee_of_another_municipality_is_refused(register):
    from tests.factories import BodyFactory

    elsewhere = BodyFactory(municipality=MunicipalityFactory(slug="ozurgeti"))
    with pytest.raises(ValueError):
        register(to=elsewhere)


# --- Who may register --------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("clerk", True),
        ("admin", True),
        ("head", False),
        ("official", False),
        ("official_elsewhere", False),
        ("outsider", False),
    ],
)
def test_who_may_register_letters(staff, municipality, who, allowed):
    assert can_register_letters(staff[who], municipality) is allowed


def test_a_public_information_officer_and_a_superuser_may_register(pio, municipality):
    root = make_user("root", is_superuser=True)
    assert can_register_letters(pio, municipality)
    assert can_register_letters(root, municipality)


def test_a_clerk_of_another_municipality_may_not(clerk):
    elsewhere = MunicipalityFactory(slug="ozurgeti")
    assert not can_register_letters(clerk, elsewhere)


def test_anonymous_is_sent_to_the_login_page(client, municipality):
    response = client.get(FORM)
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/login/?next={FORM}"


def test_a_user_without_a_role_gets_403(login, staff):
    response = login(staff["outsider"]).get(FORM)
    assert response.status_code == 403
    assert "You have no access to these pages" in response.text


@pytest.mark.parametrize("who", ["official", "head"])
def test_staff_without_the_registry_role_get_403_and_a_reason(login, staff, bodies, who):
    client = login(staff[who])
    assert client.get(FORM).status_code == 403
    response = client.post(FORM, form_data(bodies))
    assert response.status_code == 403
    assert "Only the registry registers letters" in response.text
    assert not Letter.objects.exists()


@pytest.mark.parametrize("who", ["clerk", "admin"])
def test_the_registry_sees_the_form_and_the_link_to_it(login, staff, who):
    client = login(staff[who])
    assert client.get(FORM).status_code == 200
    assert f'href="{FORM}"' in client.get("/en/staff/").text


def test_the_link_is_hidden_from_staff_who_may_not_register(login, staff):
    assert f'href="{FORM}"' not in login(staff["official"]).get("/en/staff/").text


# --- The form ----------------------------------------------------------------------


def test_the_form_offers_every_intake_channel_and_never_the_website(login, clerk):
    form = login(clerk).get(FORM).context["form"]
    assert [value for value, _ in form.fields["channel"].choices] == INTAKE_CHANNELS
    assert form["publication"].value() == Publication.PRIVATE


def test_a_registered_letter_leads_to_the_done_page_with_its_slip(login, clerk, bodies):
    client = login(clerk)
    response = client.post(FORM, form_data(bodies, files=[pdf()]), follow=True)

    letter = Letter.objects.get()
    assert response.redirect_chain == [(f"/en/staff/register/{letter.uuid}/", 302)]
    assert letter.channel == Channel.PAPER
    assert letter.registered_by == clerk
    assert letter.language == "ka"
    assert letter.attachments.count() == 1
    text = response.text
    assert f"The letter is registered with number {letter.number}." in text
    assert f"Letter {letter.number} is registered" in text
    assert letter.deadline.strftime("%Y-%m-%d") in text
    assert "/ka/letters/track/" in text
    assert "No e-mail address: nothing is sent." in text
    assert 'class="intake-slip" lang="ka"' in text
    assert 'href="/en/staff/register/"' in text
    assert f"/en/letters/staff/{letter.uuid}/" in text  # the clerk's body: it can be opened


def test_the_slip_link_opens_the_citizen_page(login, clerk, bodies, client):
    login(clerk).post(FORM, form_data(bodies, language="en"))
    letter = Letter.objects.get()
    done = client.get(f"/en/staff/register/{letter.uuid}/")
    tracking = done.context["tracking_url"]
    client.logout()
    page = client.get(urlsplit(tracking).path)
    assert page.status_code == 200
    assert letter.subject in page.text


def test_a_letter_for_a_body_the_clerk_does_not_cover_has_no_link_to_open(login, clerk, bodies):
    response = login(clerk).post(
        FORM, form_data(bodies, addressee=f"body:{bodies['sakrebulo'].pk}"), follow=True
    )
    letter = Letter.objects.get()
    assert letter.addressee_body == bodies["sakrebulo"]
    assert response.status_code == 200
    assert f"/en/letters/staff/{letter.uuid}/" not in response.text


def test_with_an_email_the_done_page_says_it_is_sent(login, clerk, bodies):
    response = login(clerk).post(
        FORM,
        form_data(bodies, channel=Channel.EMAIL, author_email="manana@example.ge"),
        follow=True,
    )
    letter = Letter.objects.get()
    assert "are being sent to manana@example.ge" in response.text
    assert OutboxMessage.objects.get(key=f"letter:{letter.pk}:ack").to == "manana@example.ge"


def test_a_double_submission_registers_one_letter(login, clerk, bodies):
    client = login(clerk)
    data = form_data(bodies)
    first = client.post(FORM, data)
    second = client.post(FORM, data)

    assert Letter.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_territorial_unit_as_addressee_goes_to_city_hall(login, clerk, bodies, unit):
    login(clerk).post(FORM, form_data(bodies, addressee=f"unit:{unit.pk}", author_unit=unit.pk))
    letter = Letter.objects.get()
    assert letter.addressee_unit == unit
    assert letter.addressee_body == bodies["city_hall"]
    assert letter.author_unit == unit


def test_the_done_page_belongs_to_the_clerk_who_registered(login, clerk, bodies, pio, client):
    login(clerk).post(FORM, form_data(bodies))
    letter = Letter.objects.get()
    client.force_login(pio)
    assert client.get(f"/en/staff/register/{letter.uuid}/").status_code == 404


def test_the_staff_letter_page_and_the_inbox_show_the_channel(login, clerk, bodies):
    client = login(clerk)
    client.post(FORM, form_data(bodies, channel=Channel.PHONE, author_phone="599 12 34 56"))
    client.post(FORM, form_data(bodies, subject="On paper"))
    phone = Letter.objects.get(channel=Channel.PHONE)

    page = client.get(f"/en/letters/staff/{phone.uuid}/").text
    assert "Received by" in page
    assert "Phone — registered by Tamar Mzhavanadze" in page
    assert "Not given" in page  # no e-mail address, and no empty mailto: link
    inbox = client.get("/en/staff/?channel=phone")
    assert [letter.pk for letter in inbox.context["page"].object_list] == [phone.pk]


def error(response, field: str) -> str:
    return " ".join(response.context["form"].errors.get(field, []))


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"author_name": ""}, "author_name", "This field is required."),
        ({"author_address": "  "}, "author_address", "This field is required."),
        ({"addressee": ""}, "addressee", "This field is required."),
        ({"addressee": "body:999999"}, "addressee", "Choose whom the letter is for from the list."),
        ({"channel": Channel.WEB}, "channel", "Select a valid choice."),
        ({"body": "Short"}, "body", "at least 10 characters"),
        ({"language": "de"}, "language", "Select a valid choice."),
        ({"author_email": "manana@"}, "author_email", "Enter a valid email address."),
        ({"author_phone": "call me"}, "author_phone", "Enter a phone number of digits"),
        ({"channel": Channel.PHONE}, "author_phone", "the number the citizen can be called back"),
        ({"channel": Channel.EMAIL}, "author_email", "enter the address it came from"),
        (
            {"publication": Publication.PUBLIC_NAMED},
            "written_consent",
            "confirm the citizen's written consent",
        ),
        (
            {
                "channel": Channel.PHONE,
                "author_phone": "599 12 34 56",
                "publication": Publication.PUBLIC_ANONYMOUS,
                "written_consent": "on",
            },
            "publication",
            "A letter taken by phone stays private",
        ),
    ],
)
def test_invalid_input_is_refused_with_a_clear_message(
    login, clerk, bodies, overrides, field, message
):
    response = login(clerk).post(FORM, form_data(bodies, **overrides))

    assert response.status_code == 200
    assert message in error(response, field)
    assert "Please correct" in response.text
    assert not Letter.objects.exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(login, clerk, bodies):
    fake = SimpleUploadedFile(
        "scan.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf"
    )
    response = login(clerk).post(FORM, form_data(bodies, files=[fake]))

    assert "“scan.pdf” is not a file type we accept" in error(response, "files")
    assert not Letter.objects.exists()


def test_an_empty_file_is_refused(login, clerk, bodies):
    empty = SimpleUploadedFile("page.png", b"", content_type="image/png")
    response = login(clerk).post(FORM, form_data(bodies, files=[empty]))
    assert error(response, "files")
    assert not Letter.objects.exists()


def test_published_with_written_consent_through_the_form(login, clerk, bodies):
    login(clerk).post(
        FORM,
        form_data(bodies, publication=Publication.PUBLIC_NAMED, written_consent="on"),
    )
    letter = Letter.objects.get()
    assert letter.publication == Publication.PUBLIC_NAMED
    assert letter.consent_version == WRITTEN_CONSENT_VERSION
