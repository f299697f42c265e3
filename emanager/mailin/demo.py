"""Demonstration of answers by e-mail in Lanchkhuti.

Three members of the Sakrebulo who do not log in get letters by e-mail:

- Two answer by replying: one from Gmail (Georgian, with the quoted letter),
  one from a phone with a photographed document. Their replies become the
  answers (or wait for the head, where the body wants approval).
- The third one's mailbox no longer exists: the e-mail bounces, the address
  is marked as bouncing and the clerks are told.

Two e-mails wait in the moderation queue: a deputy's answer from his own
Gmail address (an unknown sender) and a reply to a made-up reply address.

Every e-mail is a real RFC 822 message built with the standard library and
handed to :func:`emanager.mailin.services.mail_receive`, and every letter
goes through the letters' services, so numbers, deadlines and timelines are
genuine. The e-mails the demo queues (to invented addresses) are deleted in
its transaction. The actions are dated between the newest event of the
municipality's timeline and ``now``, in order, as the timeline requires.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from emanager.directory.models import BodyKind, Municipality, Official
from emanager.letters.choices import LetterKind, Publication
from emanager.letters.models import Event, Letter
from emanager.letters.services import LetterDraft, letter_confirm, letter_submit
from emanager.mailin import selectors
from emanager.mailin.models import Dispatch, InboundMail
from emanager.mailin.services import letter_email_official, mail_receive
from emanager.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

__all__ = ["DEMO_REPLY_DOMAIN", "load_mail_demo"]

# The reply domain of the demo when MAIL_REPLY_DOMAIN is not set.
DEMO_REPLY_DOMAIN = "mail.lanchkhuti.example.ge"
_KEYS = uuid.UUID("0b7e3a52-54d1-4c1e-9a0e-6d2f8a4e1c37")
_MARK = "demo.mailin.lanchkhuti"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

LETTERS = (
    {
        "subject": "სოფელ ნიგოითში გზის შეკეთება",
        "body": (
            "ბატონო დეპუტატო,\n\nნიგოითში, სკოლისკენ მიმავალი გზა ორმოებითაა სავსე; "
            "წვიმის შემდეგ ბავშვები ვეღარ გადიან. გთხოვთ, შეიტანოთ გზის შეკეთება "
            "მომავალი წლის ბიუჯეტში.\n\nპატივისცემით,\nნანა ჩხაიძე"
        ),
        "author_name": "ნანა ჩხაიძე",
        "author_address": "სოფ. ნიგოითი, სკოლის ქ. 4",
    },
    {
        "subject": "ხიდი მდინარე სუფსაზე, აცანა",
        "body": (
            "აცანაში მდინარე სუფსაზე ფეხით მოსიარულეთა ხიდს მოაჯირი ჩამოშლილი აქვს. "
            "გთხოვთ, გვაცნობოთ, როდის შეკეთდება."
        ),
        "author_name": "ლევან ბოლქვაძე",
        "author_address": "სოფ. აცანა",
    },
    {
        "subject": "ქუჩის განათება ჩიბათში",
        "body": "ჩიბათის ცენტრალურ ქუჩაზე სამი თვეა სანათები არ ანთია.",
        "author_name": "მარიამ ღლონტი",
        "author_address": "სოფ. ჩიბათი",
    },
    {
        "subject": "ნაგვის ურნები შუხუთში",
        "body": "შუხუთის ბაზართან ნაგვის ურნები არ არის. გთხოვთ, დადგათ.",
        "author_name": "გურამ ნაკაშიძე",
        "author_address": "სოფ. შუხუთი",
    },
)


def _officials(municipality: Municipality) -> list[Official]:
    """Members of the Sakrebulo with an e-mail address who do not log in."""
    today = timezone.localdate()
    members = (
        Official.objects.filter(
            municipality=municipality,
            mandates__position__body__kind=BodyKind.SAKREBULO,
            mandates__start__lte=today,
        )
        .exclude(email="")
        .exclude(memberships__user__is_active=True)
        .distinct()
        .order_by("last_name_ka", "first_name_ka", "pk")
    )
    return [official for official in members if official.email_bounced_at is None][:3]


def _times(municipality: Municipality, now: datetime.datetime, count: int):
    """``count`` moments after the newest event of the timeline and before ``now``."""
    newest = Event.objects.filter(municipality=municipality).aggregate(last=Max("created_at"))
    start = max(
        newest["last"] or now - datetime.timedelta(hours=8), now - datetime.timedelta(hours=8)
    )
    step = (now - start) / (count + 1)
    return [start + step * (index + 1) for index in range(count)]


def _message(
    *,
    sender: tuple[str, str],
    to: str,
    subject: str,
    text: str,
    when: datetime.datetime,
    files: tuple[tuple[str, bytes, str], ...] = (),
    headers: dict[str, str] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = formataddr(sender)
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain=_MARK)
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text, cte="quoted-printable")
    for name, data, content_type in files:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def _quote(letter: Letter, when: datetime.datetime, reply: str) -> str:
    lines = "\n".join(f"> {line}" for line in letter.body.splitlines())
    day = when.strftime("%a, %d %b %Y at %H:%M")
    return f"On {day}, {letter.municipality.name} <{reply}> wrote:\n\n{lines}\n"


def _dsn(*, bounce: str, official: Official, when: datetime.datetime) -> bytes:
    return (
        f"Return-Path: <>\nDelivered-To: {bounce}\n"
        f"Date: {format_datetime(when)}\n"
        "From: MAILER-DAEMON@mail.lanchkhuti.example.ge (Mail Delivery System)\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        f"To: {bounce}\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
        f"Message-ID: {make_msgid(domain=_MARK)}\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"\n\n'
        "--dsn\nContent-Type: text/plain; charset=us-ascii\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients.\n\n"
        f"<{official.email}>: host mx.lanchkhuti.example.ge said: 550 5.1.1\n"
        "    Mailbox does not exist\n\n"
        "--dsn\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mail.lanchkhuti.example.ge\n\n"
        f"Final-Recipient: rfc822; {official.email}\nAction: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 5.1.1 Mailbox does not exist\n\n--dsn--\n"
    ).encode()


def _register(municipality, official, values: dict, when, index: int, domain: str) -> Dispatch:
    draft = LetterDraft(
        kind=LetterKind.APPLICATION,
        addressee_body=official.mandates.select_related("position__body")
        .filter(position__body__kind=BodyKind.SAKREBULO)
        .first()
        .position.body,
        addressee_official=official,
        author_email=f"demo.mail.{index}@example.ge",
        publication=Publication.PRIVATE,
        language="ka",
        **values,
    )
    letter, _ = letter_submit(
        municipality=municipality,
        draft=draft,
        submission_key=uuid.uuid5(_KEYS, str(index)),
        now=when,
    )
    letter = letter_confirm(letter=letter, now=when)
    dispatch = Dispatch.objects.filter(letter=letter).first()
    if dispatch is None:
        # MAIL_REPLY_DOMAIN is not set: send it as if it were, for the demo.
        dispatch = letter_email_official(letter=letter, now=when, domain=domain)
    return dispatch


def load_mail_demo(municipality: Municipality, now: datetime.datetime | None = None) -> int:
    """Add the e-mail demo to the municipality (once); return how many e-mails it received."""
    if InboundMail.objects.filter(message_id__endswith=f"@{_MARK}>").exists():
        return 0
    officials = _officials(municipality)
    if len(officials) < 3:
        logger.warning("The e-mail demo needs three Sakrebulo members who answer by e-mail.")
        return 0
    now = now or timezone.now()
    domain = selectors.reply_domain() or DEMO_REPLY_DOMAIN
    times = iter(_times(municipality, now, 10))
    first, second, third = officials
    with transaction.atomic():
        last_outbox = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
        received = 0

        # 1. A letter about a road; the member answers from Gmail, quoting it.
        when = next(times)
        road = _register(municipality, first, LETTERS[0], when, 1, domain)
        when = next(times)
        mail_receive(
            _message(
                sender=(first.full_name, first.email),
                to=road.reply_address,
                subject=f"Re: წერილი {road.letter.number} პასუხისთვის",
                text=(
                    "ქალბატონო ნანა,\n\n"
                    "ნიგოითის სკოლისკენ მიმავალი გზის შეკეთება შევიდა 2027 წლის "
                    "ბიუჯეტის პროექტში; საკრებულო მას დეკემბრის სესიაზე განიხილავს.\n\n"
                    f"პატივისცემით,\n{first.full_name}\n\n"
                    + _quote(road.letter, when, road.reply_address)
                ),
                when=when,
            ),
            now=when,
        )
        received += 1

        # 2. A letter about a bridge; the answer comes from a phone, with a photo of a document.
        when = next(times)
        bridge = _register(municipality, second, LETTERS[1], when, 2, domain)
        when = next(times)
        mail_receive(
            _message(
                sender=(second.full_name, second.email),
                to=bridge.reply_address,
                subject=f"Re: წერილი {bridge.letter.number} პასუხისთვის",
                text=(
                    "ბატონო ლევან,\n\nხიდის მოაჯირის შეკეთება დაიწყება 10 დეკემბერს; "
                    "ხელშეკრულება თან ერთვის.\n\nSent from my iPhone\n\n"
                    + _quote(bridge.letter, when, bridge.reply_address)
                ),
                when=when,
                files=(("ხელშეკრულება.pdf", PDF, "application/pdf"),),
            ),
            now=when,
        )
        received += 1

        # 3. A letter whose e-mail bounces: the member's mailbox no longer exists.
        when = next(times)
        light = _register(municipality, third, LETTERS[2], when, 3, domain)
        when = next(times)
        mail_receive(_dsn(bounce=light.envelope_sender, official=third, when=when), now=when)
        received += 1

        # 4. A deputy answers from his own address: held, as an unknown sender.
        when = next(times)
        bins = _register(municipality, second, LETTERS[3], when, 4, domain)
        when = next(times)
        mail_receive(
            _message(
                sender=("გიორგი თავართქილაძე", "g.tavartkiladze.lanchkhuti@gmail.example"),
                to=bins.reply_address,
                subject=f"Re: წერილი {bins.letter.number} პასუხისთვის",
                text=(
                    "გამარჯობა,\n\nმე ვარ დეპუტატის თანაშემწე. ურნები შუხუთის ბაზართან "
                    "დაიდგმება მომავალ კვირას.\n\nგიორგი\n\n"
                    + _quote(bins.letter, when, bins.reply_address)
                ),
                when=when,
            ),
            now=when,
        )
        received += 1

        # 5. A reply to a made-up address: held, the address is invalid.
        when = next(times)
        mail_receive(
            _message(
                sender=("Zurab", "zurab.m@example.ge"),
                to=f"reply+1-1-1-0123456789abcdef0123@{domain}",
                subject="Re: წერილი",
                text="ეს პასუხი ვის ეკუთვნის? ვწერ მუნიციპალიტეტის ძველ მისამართზე.",
                when=when,
            ),
            now=when,
        )
        received += 1

        # Nobody receives the demo's e-mails.
        OutboxMessage.objects.filter(pk__gt=last_outbox).delete()
    logger.info("E-mail demo: %s e-mails received.", received)
    return received
