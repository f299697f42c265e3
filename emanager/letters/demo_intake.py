"""Demonstration of the registry desk: letters the clerk registered on the citizens' behalf.

A day of mixed correspondence at Lanchkhuti's City Hall (a letter by post
with its scanned page, a visitor at the desk, a phone call, an ordinary
e-mail), and the same kinds of letters over the last three weeks, some of
them already routed to the service that answers. Every letter goes through
:func:`emanager.letters.intake.letter_register_on_behalf` with ``now=``, so
its number, deadline and timeline are genuine; the e-mails the registration
queues (to invented addresses) are deleted in the same transaction.

The timeline of a municipality must be appended in time order (see
:func:`emanager.letters.timeline.event_append`). On a municipality that has
no letters yet, :func:`load_intake_demo` does it all. Next to the demo's
year of web letters, merge :func:`intake_demo_steps` into that demo's
chronological replay instead: each step is a ``(when, run)`` pair.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.html import escape

from emanager.directory.models import Municipality
from emanager.letters import addressees, staff_services
from emanager.letters.attachments import check_files
from emanager.letters.choices import Channel, LetterKind, Publication
from emanager.letters.intake import IntakeDraft, letter_register_on_behalf
from emanager.letters.models import Event, Letter
from emanager.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

__all__ = ["IntakeStep", "intake_demo_steps", "load_intake_demo"]

CITIZEN_DOMAIN = "example.ge"
_KEYS = uuid.UUID("6f1c2b1e-8a52-4d55-9a55-1c1ad0c0e2a4")


@dataclass(frozen=True)
class _Entry:
    """One letter at the desk: when, how, to whom, from whom, what."""

    days_ago: int
    at: datetime.time
    channel: Channel
    kind: LetterKind
    # "body:<slug>", "official:<slug>" or "unit:<slug>", as in the web demo.
    to: str
    subject: str
    body: str
    name: str
    address: str
    unit: str = ""
    email: str = ""
    phone: str = ""
    publication: Publication = Publication.PRIVATE
    scan: bool = False
    clerk: str = "clerk"
    # Who the clerk routes it to, an hour later (letters of earlier days only).
    assign_to: str = ""


ENTRIES: tuple[_Entry, ...] = (
    # --- Today ---
    _Entry(
        0,
        datetime.time(9, 40),
        Channel.PAPER,
        LetterKind.APPLICATION,
        "body:division-roads",
        "ჩიბათი–ლესის დამაკავშირებელი გზის შეკეთება",
        "ბატონო ჯემალ,\n\nოქტომბრის ძლიერი წვიმების შემდეგ ჩიბათი–ლესის დამაკავშირებელ გზაზე, "
        "სკოლის მიმდებარედ, ორი ადგილი ჩაირეცხა. მანქანა ვეღარ გადის, სასწრაფო დახმარებაც "
        "ვერ შემოვიდა ჩვენს უბანში გასულ კვირას.\n\nგთხოვთ, დაგეგმოთ გზის შეკეთება, ან "
        "დროებით მაინც მოაყაროთ ხრეში.\n\nპატივისცემით, სოფლის მცხოვრებლები.",
        "ელგუჯა კობალაძე",
        "სოფ. ჩიბათი",
        unit="chibati",
        phone="+995 591 24 36 18",
        scan=True,
    ),
    _Entry(
        0,
        datetime.time(10, 15),
        Channel.IN_PERSON,
        LetterKind.APPLICATION,
        "body:service-social",
        "ერთჯერადი მატერიალური დახმარება მკურნალობისთვის",
        "გთხოვთ, გამოყოთ ერთჯერადი მატერიალური დახმარება ჩემი მეუღლის ოპერაციისთვის. "
        "განცხადებას ვურთავ სამედიცინო ცნობას და ოჯახის სოციალურ-ეკონომიკური მდგომარეობის "
        "ამონაწერს.\n\n(განცხადება მოქალაქემ პირადად მოიტანა მისაღებში, ორ გვერდზე.)",
        "ციური ნემსაძე",
        "სოფ. ნიგოითი",
        unit="nigoiti",
        phone="+995 599 71 40 22",
        scan=True,
    ),
    _Entry(
        0,
        datetime.time(11, 5),
        Channel.PHONE,
        LetterKind.COMPLAINT,
        "body:division-amenities",
        "ჟორდანიას ქუჩაზე სამი დღეა არ ანათებს გარე განათება",
        "მოქალაქემ დარეკა ცხელ ხაზზე: ჟორდანიას ქუჩაზე, №30-დან №46-მდე, სამი დღეა გარე "
        "განათება არ მუშაობს; საღამოს ბავშვები სკოლიდან ბნელში ბრუნდებიან. ითხოვს "
        "ნათურების შეცვლას და პასუხს ტელეფონით.\n\n(მოსაუბრის სიტყვები ჩაიწერა კანცელარიის "
        "თანამშრომელმა.)",
        "რამაზ ჩხარტიშვილი",
        "ქ. ლანჩხუთი, ჟორდანიას ქ. №38",
        unit="lanchkhuti-town",
        phone="+995 577 18 52 64",
    ),
    _Entry(
        0,
        datetime.time(12, 30),
        Channel.EMAIL,
        LetterKind.PUBLIC_INFORMATION,
        "body:service-finance",
        "სოფლის მხარდაჭერის პროგრამით 2025 წელს დაფინანსებული პროექტები",
        "გამარჯობათ,\n\nსაქართველოს ზოგადი ადმინისტრაციული კოდექსის მე-40 მუხლის "
        "საფუძველზე გთხოვთ, მომაწოდოთ 2025 წელს სოფლის მხარდაჭერის პროგრამით "
        "დაფინანსებული პროექტების სია: სოფელი, პროექტის დასახელება, ღირებულება და "
        "შემსრულებელი. ინფორმაცია მსურს ელექტრონული ფორმით.\n\nწერილი და პასუხი შეგიძლიათ "
        "გამოაქვეყნოთ ჩემი სახელით.\n\nპატივისცემით,\nნათია გუჯაბიძე",
        "ნათია გუჯაბიძე",
        "ქ. ლანჩხუთი, ჭავჭავაძის ქ. №7",
        unit="lanchkhuti-town",
        email=f"natia.gujabidze@{CITIZEN_DOMAIN}",
        publication=Publication.PUBLIC_NAMED,
    ),
    _Entry(
        0,
        datetime.time(14, 50),
        Channel.PAPER,
        LetterKind.PROPOSAL,
        "unit:supsa",
        "სუფსის სკოლასთან გადასასვლელის მოწყობა",
        "სუფსის საჯარო სკოლის მშობლების სახელით გთხოვთ, სკოლის წინ, ცენტრალურ გზაზე, "
        "მოეწყოს ქვეითთა გადასასვლელი და სიჩქარის შემზღუდავი ბარიერი. დილით ბავშვები "
        "გზას მანქანების ნაკადში კვეთენ.\n\nხელმოწერილი ცალკე ფურცელზე 34 მშობლის მიერ.",
        "ლია ცერცვაძე",
        "სოფ. სუფსა",
        unit="supsa",
        email=f"lia.tsertsvadze@{CITIZEN_DOMAIN}",
        publication=Publication.PUBLIC_ANONYMOUS,
        scan=True,
    ),
    # --- The last weeks ---
    _Entry(
        2,
        datetime.time(10, 20),
        Channel.PAPER,
        LetterKind.COMPLAINT,
        "body:division-amenities",
        "ნაგავი არ გაიტანეს შუხუთის ცენტრში",
        "უკვე ორი კვირაა, შუხუთის ცენტრში, ბაზრის მიმდებარე კონტეინერებიდან ნაგავი არ "
        "გაუტანიათ. სუნი დგას, ძაღლები ნაგავს აფანტავენ. გთხოვთ, მიიღოთ ზომები.",
        "თეიმურაზ ცხადაძე",
        "სოფ. შუხუთი",
        unit="shukhuti",
        scan=True,
        assign_to="official.omar-oragvelidze",
    ),
    _Entry(
        4,
        datetime.time(15, 10),
        Channel.IN_PERSON,
        LetterKind.PUBLIC_INFORMATION,
        "body:service-administrative",
        "მერიის 2025 წლის საშტატო განრიგის ასლი",
        "გთხოვთ, გადმომცეთ ლანჩხუთის მუნიციპალიტეტის მერიის 2025 წლის საშტატო განრიგის "
        "ასლი, თანამდებობრივი სარგოების მითითებით. ასლს თავად მოვიტან მისაღებიდან.",
        "ლევან ფუტკარაძე",
        "ქ. ლანჩხუთი, თავისუფლების ქ. №12",
        unit="lanchkhuti-town",
        phone="+995 555 30 14 71",
        scan=True,
        assign_to="pio",
    ),
    _Entry(
        6,
        datetime.time(11, 45),
        Channel.PAPER,
        LetterKind.PROPOSAL,
        "official:nikoloz-goguadze",
        "ავტობუსის რეისი ლანჩხუთი–სუფსა–გრიგოლეთი",
        "ბატონო ნიკოლოზ,\n\nგრიგოლეთიდან და სუფსიდან ლანჩხუთამდე საზოგადოებრივი "
        "ტრანსპორტი დღეში მხოლოდ ორჯერ დადის. გთავაზობთ, საკრებულომ განიხილოს "
        "მუნიციპალური ავტობუსის დილის და საღამოს დამატებითი რეისი, განსაკუთრებით "
        "სტუდენტებისა და ხანდაზმულებისთვის.\n\nთანახმა ვარ, წერილი გამოქვეყნდეს ჩემი "
        "სახელის გარეშე.",
        "შალვა ლაბაძე",
        "სოფ. გრიგოლეთი",
        unit="supsa",
        publication=Publication.PUBLIC_ANONYMOUS,
        scan=True,
        clerk="clerk.sakrebulo",
    ),
    _Entry(
        9,
        datetime.time(9, 55),
        Channel.EMAIL,
        LetterKind.APPLICATION,
        "body:service-architecture",
        "ინდივიდუალური საცხოვრებელი სახლის მშენებლობის ნებართვა",
        "გამარჯობათ,\n\nვაპირებ ორსართულიანი საცხოვრებელი სახლის აშენებას ჩემს მიწის "
        "ნაკვეთზე სოფელ აცანაში. მაინტერესებს, რა დოკუმენტები უნდა წარმოვადგინო "
        "მშენებლობის ნებართვისთვის და რა ვადაში განიხილება განცხადება. ნაკვეთის ამონაწერს "
        "ვურთავ.\n\nმადლობა,\nდავით სურმანიძე",
        "დავით სურმანიძე",
        "სოფ. აცანა",
        unit="atsana",
        email=f"davit.surmanidze@{CITIZEN_DOMAIN}",
        phone="+995 568 42 19 03",
    ),
    _Entry(
        13,
        datetime.time(16, 20),
        Channel.PHONE,
        LetterKind.COMPLAINT,
        "unit:shukhuti",
        "ცხემლისხიდში სასმელი წყალი ერთი კვირაა არ მოდის",
        "მოქალაქემ დარეკა: ცხემლისხიდში ერთი კვირაა ონკანებიდან წყალი არ მოდის, მოსახლეობა "
        "წყალს წყაროდან ეზიდება. ითხოვს, მერის წარმომადგენელმა გაარკვიოს მიზეზი და "
        "აცნობოს, როდის აღდგება წყალმომარაგება.",
        "მზია ქავთარაძე",
        "სოფ. ცხემლისხიდი",
        unit="shukhuti",
        phone="+995 593 66 07 28",
    ),
    _Entry(
        17,
        datetime.time(10, 5),
        Channel.PAPER,
        LetterKind.APPLICATION,
        "body:service-culture",
        "მამათის კულტურის სახლის სახურავის შეკეთება",
        "მამათის კულტურის სახლის სახურავი ჩამოდის, ზამთარში დარბაზში წვიმს და ქორეოგრაფიული "
        "ანსამბლის რეპეტიციები ვეღარ ტარდება. გთხოვთ, სახურავის შეკეთება შეიტანოთ "
        "მომავალი წლის ბიუჯეტში.",
        "ნანა კუპრაძე",
        "სოფ. მამათი",
        unit="mamati",
        scan=True,
        assign_to="head.culture",
    ),
    _Entry(
        20,
        datetime.time(12, 40),
        Channel.IN_PERSON,
        LetterKind.APPLICATION,
        "body:service-economic-development",
        "თხილის ბაღების შეწამვლის პროგრამაში ჩართვა",
        "ვარ ფერმერი აკეთიდან, მაქვს 1,2 ჰექტარი თხილის ბაღი. გთხოვთ, ჩამრთოთ ფაროსანას "
        "საწინააღმდეგო შეწამვლის მუნიციპალურ პროგრამაში. მიწის ამონაწერი თან ვიქონიე.",
        "ზურაბ ჯაყელი",
        "სოფ. აკეთი",
        unit="aketi",
        phone="+995 551 09 83 45",
        email=f"zurab.jakeli@{CITIZEN_DOMAIN}",
        assign_to="head.economy",
    ),
)


@dataclass(frozen=True)
class IntakeStep:
    """One dated action of the intake demo; ``run()`` performs it."""

    when: datetime.datetime
    run: Callable[[], object]


def _key(municipality: Municipality, index: int) -> uuid.UUID:
    return uuid.uuid5(_KEYS, f"{municipality.slug}:{index}")


def _times(now: datetime.datetime) -> list[datetime.datetime]:
    """When each entry is registered: its working day and hour, before ``now``.

    Earlier days that fall on a weekend move back to Friday. Today's letters
    planned later than now are registered in the minutes before now.
    """
    zone = timezone.get_default_timezone()
    today = timezone.localdate(now, zone)
    horizon = now - datetime.timedelta(minutes=1)
    times = []
    for entry in ENTRIES:
        day = today - datetime.timedelta(days=entry.days_ago)
        while entry.days_ago and day.weekday() >= 5:
            day -= datetime.timedelta(days=1)
        times.append(datetime.datetime.combine(day, entry.at, zone))
    late = sorted((i for i, when in enumerate(times) if when > horizon), key=times.__getitem__)
    for position, index in enumerate(late):
        times[index] = horizon - datetime.timedelta(minutes=7 * (len(late) - position))
    return times


@cache
def _font_url() -> str:
    path = finders.find("emanager/fonts/noto-sans-georgian-georgian-400-normal.woff2")
    return f"url('file://{path}')" if path else "local('Noto Sans Georgian')"


def _scan(entry: _Entry, addressee: str, day: datetime.date, index: int) -> SimpleUploadedFile:
    """A scanned page: the citizen's letter as a one-page PDF, rendered with WeasyPrint."""
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{escape(part)}</p>" for part in entry.body.split("\n\n"))
    html = f"""<!DOCTYPE html><html lang="ka"><head><meta charset="utf-8"><style>
      @font-face {{ font-family: "Scan Georgian"; src: {_font_url()}; }}
      @page {{ size: A4; margin: 2.2cm 2cm; background: #fbfaf6; }}
      body {{ font-family: "Scan Georgian", "Noto Sans Georgian", serif; font-size: 12pt;
              line-height: 1.5; color: #222; }}
      .to {{ margin-left: 50%; margin-bottom: 2.5em; }}
      h1 {{ text-align: center; font-size: 14pt; letter-spacing: 0.1em; }}
      .sign {{ margin-top: 3em; }}
    </style></head><body>
      <p class="to">{escape(addressee)}<br>{escape(entry.name)}<br>{escape(entry.address)}</p>
      <h1>{"წინადადება" if entry.kind == LetterKind.PROPOSAL else "განცხადება"}</h1>
      {paragraphs}
      <p class="sign">{day:%d.%m.%Y}<br>ხელმოწერა: ____________ {escape(entry.name)}</p>
    </body></html>"""
    content = HTML(string=html).write_pdf()
    return SimpleUploadedFile(f"scan-{index + 1:02d}.pdf", content, content_type="application/pdf")


def _resolve(municipality: Municipality, to: str) -> addressees.Addressee:
    from emanager.directory.models import Body, Official, TerritorialUnit

    kind, _sep, slug = to.partition(":")
    model = {"body": Body, "official": Official, "unit": TerritorialUnit}[kind]
    obj = model.objects.get(municipality=municipality, slug=slug)
    target = addressees.resolve(municipality, addressees.encode(obj))
    if target is None:
        raise ValueError(f"The demo addressee {to!r} cannot receive letters.")
    return target


def _register(municipality: Municipality, index: int, when: datetime.datetime, users) -> Letter:
    entry = ENTRIES[index]
    target = _resolve(municipality, entry.to)
    unit = None
    if entry.unit:
        unit = municipality.territorial_units.filter(slug=entry.unit).first()
    addressee = target.official or target.unit or target.body
    files = [_scan(entry, str(addressee), timezone.localdate(when), index)] if entry.scan else []
    with translation.override("ka"):
        letter = letter_register_on_behalf(
            municipality=municipality,
            actor=users[entry.clerk],
            draft=IntakeDraft(
                kind=entry.kind,
                subject=entry.subject,
                body=entry.body,
                addressee_body=target.body,
                addressee_official=target.official,
                addressee_unit=target.unit,
                author_name=entry.name,
                author_address=entry.address,
                author_email=entry.email,
                author_phone=entry.phone,
                author_unit=unit,
                language="ka",
                publication=entry.publication,
            ),
            channel=entry.channel,
            files=check_files(files),
            submission_key=_key(municipality, index),
            now=when,
        )
    _drop_emails(letter)
    return letter


def _assign(municipality: Municipality, index: int, when: datetime.datetime, users) -> None:
    entry = ENTRIES[index]
    letter = Letter.objects.get(submission_key=_key(municipality, index))
    with translation.override("ka"):
        staff_services.letter_assign(
            letter=letter, actor=users[entry.clerk], assignee=users[entry.assign_to], now=when
        )
    _drop_emails(letter)


def _drop_emails(letter: Letter) -> None:
    """Nobody should receive the demo's e-mails: delete what the services queued."""
    OutboxMessage.objects.filter(key__startswith=f"letter:{letter.pk}:").delete()


def intake_demo_steps(*, municipality: Municipality, now: datetime.datetime) -> list[IntakeStep]:
    """The dated steps of the intake demo, in time order, for the letters not made yet.

    Each step registers a letter (or routes one registered earlier) when run.
    The demo staff users must exist (:func:`emanager.letters.demo.load_demo_staff`).
    """
    usernames = {entry.clerk for entry in ENTRIES} | {entry.assign_to for entry in ENTRIES}
    users = {
        user.username: user for user in get_user_model().objects.filter(username__in=usernames)
    }
    made = set(
        Letter.objects.filter(
            submission_key__in=[_key(municipality, i) for i in range(len(ENTRIES))]
        ).values_list("submission_key", flat=True)
    )
    steps = []
    for index, when in enumerate(_times(now)):
        if _key(municipality, index) in made:
            continue
        steps.append(IntakeStep(when, lambda i=index, w=when: _register(municipality, i, w, users)))
        if ENTRIES[index].assign_to and ENTRIES[index].days_ago:
            later = when + datetime.timedelta(hours=1)
            steps.append(
                IntakeStep(later, lambda i=index, w=later: _assign(municipality, i, w, users))
            )
    return sorted(steps, key=lambda step: step.when)


def load_intake_demo(municipality: Municipality, now: datetime.datetime | None = None) -> int:
    """Register the intake demo's letters (once); return how many were registered.

    ``now`` (default: the present) is the end of the demo's day. Running it
    again adds nothing.
    """
    from emanager.letters.demo import load_demo_staff

    now = now or timezone.now()
    load_demo_staff(municipality=municipality)
    with transaction.atomic():
        steps = intake_demo_steps(municipality=municipality, now=now)
        newest = Event.objects.filter(municipality=municipality).aggregate(last=Max("created_at"))
        if steps and newest["last"] and newest["last"] > steps[0].when:
            logger.warning(
                "The intake demo is dated before events already in the timeline of %s; merge "
                "intake_demo_steps() into the demo's replay to keep the timeline in time order.",
                municipality,
            )
        count = 0
        for step in steps:
            if isinstance(step.run(), Letter):
                count += 1
    return count
