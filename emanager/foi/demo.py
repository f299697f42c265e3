"""Public-information requests in the Lanchkhuti demo: a year of them, every outcome.

Two parts, for the timeline's sake (events are appended in time order, see
:func:`emanager.letters.timeline.event_append`):

* :func:`foi_demo_steps` plans about forty requests over the last year, from
  citizens and from organisations (NGOs, a newspaper), with every outcome:
  granted (some in paper copies, with the fee; some after the 10 days were
  used), partly granted, refused on each ground of the law with the written
  explanation, not held, forwarded inside and outside the municipality,
  clarification requested, withdrawn, deemed refused (the daily job records
  it the morning after the missed deadline), answered late; and administrative
  complaints with each outcome (one still waiting). Each step goes through the
  real services with ``now=``; each is a ``(when, run)`` pair, to be merged
  into the letters demo's chronological replay, like
  :func:`emanager.letters.demo_intake.intake_demo_steps`.
* :func:`load_foi_demo` runs after the other demos, at the present time. It
  runs the steps not made yet when they still fit the timeline (on a
  municipality without letters; otherwise it warns: merge the steps into the
  replay), records as data, without new events, the facts of the demo's other
  public-information letters (those of the letters demo and of the imported
  register: granted, partly granted, refused, withdrawn, ... as their letters
  were closed), and runs the day's deemed-refusal job.

The e-mails the services queue for the demo (to invented addresses at
example.ge) are deleted in the transaction that queued them. Running either
part again adds nothing.
"""

from __future__ import annotations

import datetime
import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from emanager.directory.demo import transliterate_en
from emanager.directory.models import Body, Municipality
from emanager.foi.choices import (
    ComplaintOutcome,
    ExtensionReason,
    FoiOutcome,
    PreferredForm,
    RefusalGround,
    RequesterType,
)
from emanager.foi.models import Complaint, FoiRequest
from emanager.foi.refusal import refusal_text
from emanager.foi.rules import local_date
from emanager.letters.choices import Channel, EventKind, LetterKind, LetterStatus, Outcome
from emanager.letters.models import Event, Letter
from emanager.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

__all__ = ["FoiStep", "foi_demo_steps", "load_foi_demo"]

_KEYS = uuid.UUID("6d1f3c1e-5a49-4c0b-9f0e-4f6f9a5b2e10")
SEED = 49
CITIZEN_DOMAIN = "example.ge"
PERSON = ""  # a private person, not an organisation

# Who handles the requests of each top-level body, and who decides complaints.
HANDLERS = {"city-hall": "pio", "sakrebulo": "official.nino-buadze"}
HANDLER_ELSEWHERE = "admin"
COMPLAINT_DECIDER = "admin"
CLERKS = {"city-hall": "clerk", "sakrebulo": "clerk.sakrebulo"}

ORGANISATIONS = {
    "voice": "ა(ა)იპ „სამოქალაქო ხმა გურიაში“",
    "idfi": "ა(ა)იპ „ინფორმაციის თავისუფლების განვითარების ინსტიტუტი“ (IDFI)",
    "gyla": "საქართველოს ახალგაზრდა იურისტთა ასოციაცია",
    "ti": "„საერთაშორისო გამჭვირვალობა — საქართველო“",
    "newspaper": "გაზეთი „გურიის მოამბე“",
    "youth": "ა(ა)იპ „გურიის ახალგაზრდული რესურს-ცენტრი“",
}
PEOPLE = (
    ("ნათია", "ჩხარტიშვილი"),
    ("ლევან", "ტაკიძე"),
    ("მარიამ", "ბერაძე"),
    ("დავით", "ჯაყელი"),
    ("ხათუნა", "მიქაძე"),
    ("ზურაბ", "კუპრაძე"),
    ("ეკატერინე", "წულაძე"),
    ("ირაკლი", "ცხადაძე"),
    ("მაკა", "ლაბაძე"),
    ("ბექა", "გუჯაბიძე"),
    ("ნანა", "სურმანიძე"),
    ("თეიმურაზ", "ფუტკარაძე"),
)
STREETS = ("რუსთაველის", "ჟორდანიას", "აღმაშენებლის", "ჭავჭავაძის", "თამარ მეფის")
VILLAGES = ("ნიგოითი", "შუხუთი", "აცანა", "ჩიბათი", "ლესა", "მამათი", "აკეთი", "გვიმბალაური")

# The written decisions on complaints, and what each complaint says.
COMPLAINT_TEXTS = {
    "state_secret": (
        "სამოქალაქო თავდაცვის გეგმის ზოგადი ნაწილი სახელმწიფო საიდუმლოებას არ შეიცავს. "
        "ვითხოვთ უარის გაუქმებას და ინფორმაციის გაცემას იმ ნაწილში, რომელიც არ არის "
        "საიდუმლოდ მიჩნეული."
    ),
    "partly": (
        "ხელფასებისა და პრემიების ჯამური თანხები თანამდებობების მიხედვით პერსონალურ "
        "მონაცემს არ წარმოადგენს. ვითხოვთ დაფარული ნაწილის გაცემას."
    ),
    "deemed": (
        "კანონით დადგენილ 10-დღიან ვადაში პასუხი არ მიგვიღია. ვითხოვთ, დაავალოთ "
        "სამსახურს ინფორმაციის დაუყოვნებლივ გაცემა."
    ),
    "privilege": (
        "ბიუჯეტის პროექტი საკრებულოში უკვე წარდგენილია, ამიტომ იგი აღარ არის "
        "შიდა მოსამზადებელი დოკუმენტი. ვითხოვთ მის გაცემას."
    ),
}
COMPLAINT_DECISIONS = {
    ComplaintOutcome.REJECTED: (
        "საჩივარი არ დაკმაყოფილდა: გეგმა საიდუმლოების გრიფით არის აღნიშნული "
        "„სახელმწიფო საიდუმლოების შესახებ“ კანონის შესაბამისად. გადაწყვეტილება "
        "შეგიძლიათ გაასაჩივროთ სასამართლოში ერთი თვის ვადაში."
    ),
    ComplaintOutcome.PARTLY_UPHELD: (
        "საჩივარი ნაწილობრივ დაკმაყოფილდა: სამსახურს დაევალა ხელფასებისა და პრემიების "
        "ჯამური თანხების გაცემა თანამდებობების მიხედვით, პირადი ნომრებისა და ანგარიშების "
        "გარეშე, 10 დღის ვადაში."
    ),
    ComplaintOutcome.UPHELD: (
        "საჩივარი დაკმაყოფილდა: სამსახურს დაევალა მოთხოვნილი ინფორმაციის გაცემა "
        "დაუყოვნებლივ. ვადის დარღვევის გამო სამსახურის უფროსს მიეცა შენიშვნა."
    ),
}


@dataclass(frozen=True)
class _Complaint:
    key: str  # of COMPLAINT_TEXTS
    after: int  # days after the decision (or the missed deadline)
    outcome: str = ""  # ComplaintOutcome; "" while undecided
    decide_after: int = 20  # days after the complaint


@dataclass(frozen=True)
class _Request:
    days_ago: int
    to: str  # a body's slug
    subject: str
    body: str
    fate: str
    who: str = PERSON  # a key of ORGANISATIONS, or PERSON
    form: str = PreferredForm.EMAIL_COPY
    paper: bool = False  # brought on paper, registered by the clerk
    ten_days: str = ""  # an ExtensionReason
    decide_after: int = 1  # days after registration
    ground: str = ""
    explanation: str = ""
    message: str = ""
    forward: str = ""  # "body:<slug>" or the name of a body outside
    pages: int = 0
    fee_paid: bool = True
    explain_after: int | None = 1  # days after the refusal; None: not sent yet
    complaint: _Complaint | None = None


R = _Request
REQUESTS: tuple[_Request, ...] = (
    R(350, "service-finance", "ბიუჯეტის შესრულების წლიური ანგარიში",
      "გთხოვთ, მოგვაწოდოთ მუნიციპალიტეტის ბიუჯეტის შესრულების წლიური ანგარიში "
      "პროგრამებისა და ქვეპროგრამების მიხედვით.", "granted", who="voice", decide_after=2),
    R(338, "division-procurement",
      "წლის განმავლობაში გაფორმებული სახელმწიფო შესყიდვების ხელშეკრულებები",
      "გთხოვთ, მომაწოდოთ ჩამონათვალი ყველა ხელშეკრულებისა, რომელიც მერიამ გააფორმა წლის "
      "განმავლობაში: მიმწოდებელი, საგანი, ღირებულება, ვადა.",
      "granted", who="ti", ten_days=ExtensionReason.VOLUMINOUS, decide_after=8),
    R(330, "service-military-registration", "სამოქალაქო თავდაცვისა და მობილიზაციის გეგმა",
      "გთხოვთ, მომაწოდოთ მუნიციპალიტეტის სამოქალაქო თავდაცვისა და მობილიზაციის გეგმა.",
      "refused", who="newspaper", decide_after=2, ground=RefusalGround.STATE_SECRET,
      explanation="გეგმა მიჩნეულია სახელმწიფო საიდუმლოებად და აქვს შესაბამისი გრიფი.",
      complaint=_Complaint("state_secret", 9, ComplaintOutcome.REJECTED, 18)),
    R(321, "service-infrastructure", "ნიგოითის გზის რეაბილიტაციის ხარჯთაღრიცხვა",
      "გთხოვთ, მომაწოდოთ ნიგოითის ცენტრალური გზის რეაბილიტაციის ხარჯთაღრიცხვა და "
      "მიღება-ჩაბარების აქტები ქაღალდზე.", "granted", form=PreferredForm.PAPER_COPY,
      paper=True, pages=46, decide_after=3),
    R(312, "service-economic-development", "კერძო კომპანიის სატენდერო წინადადების კალკულაცია",
      "გთხოვთ, მომაწოდოთ ნაგავსაყრელის მომსახურების ტენდერში გამარჯვებული კომპანიის "
      "წინადადების დეტალური კალკულაცია.", "refused", decide_after=3,
      ground=RefusalGround.COMMERCIAL_SECRET,
      explanation="კალკულაცია კომპანიამ კომერციულ საიდუმლოებად მონიშნა; ხელშეკრულების "
      "ჯამური ღირებულება გამოქვეყნებულია სახელმწიფო შესყიდვების სისტემაში."),
    R(305, "service-administrative", "მერიის თანამშრომლების ხელფასები და პრემიები",
      "გთხოვთ, მოგვაწოდოთ მერიის თანამშრომლებზე გაცემული ხელფასებისა და პრემიების "
      "ოდენობა თანამდებობების მიხედვით წლის განმავლობაში.", "partly", who="idfi",
      decide_after=5, ten_days=ExtensionReason.OTHER_UNITS, ground=RefusalGround.PERSONAL_DATA,
      explanation="გაიცა თანამდებობრივი სარგოები; დაიფარა ცალკეული თანამშრომლების "
      "პრემიები, რადგან ისინი პირის იდენტიფიცირების საშუალებას იძლევა.",
      complaint=_Complaint("partly", 12, ComplaintOutcome.PARTLY_UPHELD, 21)),
    R(296, "service-social", "სოციალური დახმარების მიმღებთა სია",
      "გთხოვთ, მომაწოდოთ ჩვენს სოფელში სოციალური დახმარების მიმღებთა სია სახელებითა და "
      "მისამართებით.", "refused", decide_after=1, ground=RefusalGround.PERSONAL_DATA,
      explanation="სია შეიცავს ფიზიკური პირების პერსონალურ მონაცემებს, მათ შორის "
      "ჯანმრთელობისა და სოციალური მდგომარეობის შესახებ. შეგვიძლია გაგიგზავნოთ "
      "მიმღებთა რაოდენობა სოფლების მიხედვით."),
    R(288, "kindergartens", "ბაღებში ჩარიცხული ბავშვების რაოდენობა",
      "გთხოვთ, მომაწოდოთ თითოეულ საბავშვო ბაღში ჩარიცხული ბავშვებისა და რიგში მყოფთა "
      "რაოდენობა.", "granted", decide_after=0),
    R(279, "sakrebulo-apparatus", "საკრებულოს სხდომების ოქმები",
      "გთხოვთ, მომაწოდოთ საკრებულოს ბოლო სამი სხდომის ოქმები და კენჭისყრის შედეგები.",
      "granted", who="youth", decide_after=1),
    R(270, "service-legal", "იურიდიული სამსახურის დასკვნა სასამართლო დავაზე",
      "გთხოვთ, მომაწოდოთ იურიდიული სამსახურის დასკვნა მერიასა და სამშენებლო კომპანიას "
      "შორის მიმდინარე სასამართლო დავაზე.", "refused", who="gyla", decide_after=4,
      ground=RefusalGround.PROFESSIONAL_SECRET,
      explanation="დასკვნა მომზადებულია მერიის წარმომადგენლობისთვის მიმდინარე დავაში და "
      "წარმოადგენს პროფესიულ საიდუმლოებას.", explain_after=5),
    R(262, "service-economic-development", "ტურისტების რაოდენობა მუნიციპალიტეტში",
      "გთხოვთ, მომაწოდოთ მუნიციპალიტეტში ჩამოსული ტურისტების რაოდენობა თვეების მიხედვით.",
      "not_held", decide_after=2,
      message="მერია ტურისტების აღრიცხვას არ აწარმოებს; ასეთი სტატისტიკა შეიძლება ჰქონდეს "
      "საქართველოს ტურიზმის ეროვნულ ადმინისტრაციას."),
    R(254, "city-hall", "რეგიონული განვითარების ფონდიდან მიღებული თანხები",
      "გთხოვთ, მომაწოდოთ ინფორმაცია რეგიონებში განსახორციელებელი პროექტების ფონდიდან "
      "მუნიციპალიტეტისთვის გამოყოფილ თანხებზე.", "forwarded_out", who="voice", decide_after=1,
      forward="საქართველოს რეგიონული განვითარებისა და ინფრასტრუქტურის სამინისტრო",
      message="ფონდის განკარგვის შესახებ ინფორმაცია სამინისტროს აქვს; მოთხოვნა მას გადაეგზავნა."),
    R(243, "service-finance", "მერიის სამსახურებრივი ავტომობილების საწვავის ხარჯი",
      "გთხოვთ, მომაწოდოთ სამსახურებრივი ავტომობილების სია და მათზე დახარჯული საწვავის "
      "ოდენობა და ღირებულება კვარტლების მიხედვით.", "late", who="newspaper"),
    R(231, "service-culture", "კულტურული ღონისძიებების დაფინანსება",
      "გთხოვთ, მომაწოდოთ წლის განმავლობაში დაფინანსებული კულტურული ღონისძიებების სია და "
      "თითოეულის ხარჯი.", "granted", form=PreferredForm.INSPECTION, decide_after=2),
    R(219, "city-hall", "საკრებულოს ბიუჯეტის კომისიის დასკვნა",
      "გთხოვთ, მომაწოდოთ საკრებულოს საფინანსო-საბიუჯეტო კომისიის დასკვნა ბიუჯეტის "
      "ცვლილების პროექტზე.", "forwarded_in", decide_after=1,
      forward="body:sakrebulo-apparatus",
      message="კომისიის დასკვნას საკრებულოს აპარატი ინახავს; მოთხოვნა მას გადაეგზავნა."),
    R(205, "service-supervision", "უკანონო მშენებლობებზე გაცემული მითითებები",
      "გთხოვთ, მომაწოდოთ ინფორმაცია.", "clarify", decide_after=1,
      message="გთხოვთ, დააზუსტოთ, რომელი პერიოდისა და რომელი ტერიტორიული ერთეულის "
      "ინფორმაცია გაინტერესებთ."),
    R(194, "division-property", "პრივატიზებული მუნიციპალური ქონების სია",
      "გთხოვთ, მომაწოდოთ ბოლო ორ წელიწადში პრივატიზებული მუნიციპალური ქონების სია: "
      "ობიექტი, მყიდველი, ფასი.", "granted", who="ti", decide_after=6,
      ten_days=ExtensionReason.CONSULTATION),
    R(183, "service-infrastructure", "გარე განათების მოვლის ხელშეკრულება",
      "გთხოვთ, მომაწოდოთ გარე განათების მოვლის ხელშეკრულება და მისი დანართები.",
      "withdrawn_citizen", decide_after=2),
    R(171, "service-finance", "მუნიციპალიტეტის სესხები და ვალდებულებები",
      "გთხოვთ, მომაწოდოთ ინფორმაცია მუნიციპალიტეტის ნასესხები თანხებისა და დაუფარავი "
      "ვალდებულებების შესახებ.", "deemed",
      complaint=_Complaint("deemed", 6, ComplaintOutcome.UPHELD, 16)),
    R(160, "sakrebulo-apparatus", "საკრებულოს წევრების მივლინების ხარჯები",
      "გთხოვთ, მომაწოდოთ საკრებულოს წევრების მივლინებების სია და ხარჯები წლის "
      "განმავლობაში.", "granted", who="idfi", decide_after=3, form=PreferredForm.PAPER_COPY,
      pages=12),
    R(148, "service-social", "ჯანდაცვის პროგრამის ბენეფიციართა რაოდენობა",
      "გთხოვთ, მომაწოდოთ ჯანმრთელობის მუნიციპალური პროგრამის ბენეფიციართა რაოდენობა "
      "და დახარჯული თანხა.", "granted", decide_after=1),
    R(139, "service-architecture", "მშენებლობის ნებართვის დოკუმენტაცია",
      "გთხოვთ, მომაწოდოთ ჩემი მეზობლის სახლის მშენებლობის ნებართვის სრული დოკუმენტაცია, "
      "მათ შორის პროექტი.", "partly", decide_after=4, ground=RefusalGround.PERSONAL_DATA,
      explanation="გაიცა ნებართვა და მისი პირობები; დაიფარა მესაკუთრის პირადი მონაცემები "
      "და საცხოვრებელი სახლის შიდა გეგმარება."),
    R(127, "service-economic-development", "ინვესტორის ბიზნეს-გეგმა",
      "გთხოვთ, მომაწოდოთ სასტუმროს მშენებლობისთვის ქონების მიმღები ინვესტორის "
      "ბიზნეს-გეგმა.", "partly", who="voice", decide_after=3,
      ground=RefusalGround.COMMERCIAL_SECRET,
      explanation="გაიცა საინვესტიციო ვალდებულებები და ვადები; ბიზნეს-გეგმის ფინანსური "
      "ნაწილი კომერციული საიდუმლოებაა."),
    R(118, "service-internal-audit", "შიდა აუდიტის ანგარიში",
      "გთხოვთ, მომაწოდოთ შიდა აუდიტის სამსახურის ბოლო ანგარიში.", "not_held", decide_after=3,
      message="მოთხოვნილ პერიოდში შიდა აუდიტი არ ჩატარებულა; წლიური გეგმა ერთვის."),
    R(104, "service-infrastructure", "სკოლის სარემონტო სამუშაოები",
      "გთხოვთ, მომაწოდოთ ინფორმაცია აცანის სკოლის შენობის რემონტის შესახებ.",
      "forwarded_out", decide_after=1,
      forward="სსიპ საგანმანათლებლო და სამეცნიერო ინფრასტრუქტურის განვითარების სააგენტო",
      message="სკოლების რემონტს სააგენტო ახორციელებს; მოთხოვნა მას გადაეგზავნა."),
    R(92, "division-human-resources", "საშტატო ნუსხა სქესის მიხედვით",
      "გთხოვთ, მოგვაწოდოთ მერიის საშტატო ნუსხა და დასაქმებულთა რაოდენობა სქესისა და "
      "კატეგორიის მიხედვით.", "granted", who="gyla", decide_after=0),
    R(81, "service-finance", "მიმდინარე წლის ბიუჯეტის პროექტი",
      "გთხოვთ, მომაწოდოთ მომავალი წლის ბიუჯეტის პროექტი, რომელიც მერიამ მოამზადა.",
      "refused", who="voice", decide_after=2, ground=RefusalGround.EXECUTIVE_PRIVILEGE,
      explanation="პროექტი ჯერ მომზადების პროცესშია და საკრებულოში არ არის წარდგენილი; "
      "წარდგენისთანავე გამოქვეყნდება.",
      complaint=_Complaint("privilege", 7)),
    R(70, "service-culture", "სპორტული სკოლის დაფინანსება",
      "გთხოვთ, მომაწოდოთ სპორტული სკოლის ბიუჯეტი და ხარჯები.", "withdrawn_officer",
      decide_after=1, message="განმცხადებელმა ტელეფონით მოგვმართა და მოთხოვნა გაიხმო."),
    R(58, "service-administrative", "მერიის ოფიციალური მიმოწერა კომპანიასთან",
      "გთხოვთ, მომაწოდოთ მერიისა და სამშენებლო კომპანიის მიმოწერა ქალაქის ცენტრის "
      "რეკონსტრუქციაზე.", "late", who="newspaper", form=PreferredForm.PAPER_COPY, pages=28,
      fee_paid=False),
    R(44, "service-infrastructure", "ქუჩების დაგების გეგმა",
      "გთხოვთ, მომაწოდოთ მომავალი წლის ქუჩების ასფალტირების გეგმა.", "clarify_replied",
      decide_after=1,
      message="გთხოვთ, დააზუსტოთ: გაინტერესებთ ქალაქის თუ სოფლების გზების გეგმა?"),
    R(35, "service-social", "უსახლკარო ოჯახების დროებითი საცხოვრებელი",
      "გთხოვთ, მომაწოდოთ ინფორმაცია უსახლკარო ოჯახების დროებითი საცხოვრებლით "
      "უზრუნველყოფის პროგრამის შესახებ.", "deemed"),
    R(27, "division-procurement", "კონსოლიდირებული ტენდერების შედეგები",
      "გთხოვთ, მომაწოდოთ საწვავის შესყიდვის ტენდერის შედეგები.", "granted", who="ti",
      decide_after=1),
    R(19, "service-architecture", "ქალაქის გენერალური გეგმის პროექტი",
      "გთხოვთ, მომაწოდოთ ქალაქის განაშენიანების გენერალური გეგმის სამუშაო ვერსია.",
      "refused", who="youth", decide_after=3, ground=RefusalGround.EXECUTIVE_PRIVILEGE,
      explanation="გეგმის სამუშაო ვერსია შიდა მოსამზადებელი დოკუმენტია; საჯარო განხილვის "
      "ეტაპზე იგი გამოქვეყნდება.", explain_after=2),
    R(12, "service-finance", "მერის სარეზერვო ფონდის ხარჯვა",
      "გთხოვთ, მომაწოდოთ მერის სარეზერვო ფონდიდან გაცემული თანხების სია.",
      "granted", who="idfi", decide_after=2, paper=True, form=PreferredForm.PAPER_COPY,
      pages=9),
    R(6, "service-social", "სოციალური აგენტის დასკვნა ჩემს ოჯახზე",
      "გთხოვთ, მომაწოდოთ ჩემი მეზობლის ოჯახის შესახებ სოციალური აგენტის დასკვნა.",
      "pending_explanation", decide_after=3, ground=RefusalGround.PERSONAL_DATA,
      explanation="დასკვნა შეიცავს სხვა ოჯახის პერსონალურ მონაცემებს."),
    R(4, "service-economic-development", "სასოფლო-სამეურნეო გრანტების მიმღებები",
      "გთხოვთ, მომაწოდოთ სასოფლო-სამეურნეო თანადაფინანსების პროგრამის მიმღებთა "
      "რაოდენობა სოფლების მიხედვით.", "open", who="voice",
      ten_days=ExtensionReason.OTHER_UNITS),
    R(2, "sakrebulo-apparatus", "საკრებულოს კომისიების სხდომების დასწრება",
      "გთხოვთ, მომაწოდოთ ინფორმაცია კომისიების სხდომებზე საკრებულოს წევრების "
      "დასწრების შესახებ.", "open"),
    R(1, "division-roads", "გზების მოვლის ხელშეკრულებები",
      "გთხოვთ, მომაწოდოთ სოფლის გზების მოვლის ხელშეკრულებები.", "open",
      form=PreferredForm.INSPECTION),
)  # fmt: skip
del R


@dataclass(frozen=True)
class FoiStep:
    """One dated action of the demo; ``run()`` performs it."""

    when: datetime.datetime
    run: Callable[[], object]


@dataclass
class _Plan:
    index: int
    spec: _Request
    steps: list[FoiStep] = field(default_factory=list)
    letter: Letter | None = None


def _key(municipality: Municipality, index: int, what: str = "request") -> uuid.UUID:
    return uuid.uuid5(_KEYS, f"{municipality.slug}:{what}:{index}")


def _quietly(run: Callable[[], object]) -> Callable[[], object]:
    """Run a step and delete the e-mails it queued: nobody should receive the demo's."""

    def quiet():
        before = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
        with translation.override("ka"):
            result = run()
        OutboxMessage.objects.filter(pk__gt=before).delete()
        return result

    return quiet


class _Planner:
    def __init__(self, municipality: Municipality, now: datetime.datetime) -> None:
        from emanager.deadlines.selectors import calendar_for

        self.municipality = municipality
        self.zone = timezone.get_default_timezone()
        self.horizon = now - datetime.timedelta(minutes=1)
        self.today = local_date(self.horizon)
        self.calendar = calendar_for(municipality)
        self.rng = random.Random(SEED)  # noqa: S311  (the same demo every time)
        self.bodies = {body.slug: body for body in Body.objects.filter(municipality=municipality)}
        self.users = {
            user.username: user
            for user in get_user_model().objects.filter(
                username__in=[*HANDLERS.values(), HANDLER_ELSEWHERE, *CLERKS.values()]
            )
        }

    # When.

    def at(self, day: datetime.date, after: datetime.datetime | None = None) -> datetime.datetime:
        """A time in office hours on the first working day from ``day``, after ``after``."""
        while True:
            if self.calendar.is_working_day(day):
                minutes = self.rng.randint(9 * 60 + 30, 17 * 60)
                when = datetime.datetime.combine(
                    day, datetime.time(minutes // 60, minutes % 60), self.zone
                )
                if after is None or when > after:
                    return when
            day += datetime.timedelta(days=1)

    def morning(self, day: datetime.date) -> datetime.datetime:
        """When the daily jobs run: early in the morning."""
        return datetime.datetime.combine(day, datetime.time(7, 5), self.zone)

    def days(self, start: datetime.datetime, count: int) -> datetime.date:
        return local_date(start) + datetime.timedelta(days=count)

    # Who.

    def top(self, body: Body) -> Body:
        while body.parent_id is not None:
            body = self.bodies_by_pk[body.parent_id]
        return body

    @property
    def bodies_by_pk(self) -> dict[int, Body]:
        return {body.pk: body for body in self.bodies.values()}

    def handler(self, body: Body):
        return self.users[HANDLERS.get(self.top(body).slug, HANDLER_ELSEWHERE)]

    def clerk(self, body: Body):
        return self.users[CLERKS.get(self.top(body).slug, "clerk")]


def _requester(index: int, spec: _Request) -> dict[str, str]:
    first, last = PEOPLE[index % len(PEOPLE)]
    local = f"{transliterate_en(first)}.{transliterate_en(last)}".lower()
    if index % 3:
        address = f"ქ. ლანჩხუთი, {STREETS[index % len(STREETS)]} ქ. №{3 + index * 7 % 60}"
    else:
        address = f"სოფ. {VILLAGES[index % len(VILLAGES)]}"
    return {
        "author_name": f"{first} {last}",
        "author_email": f"{local}@{CITIZEN_DOMAIN}",
        "author_address": address,
    }


def _register(planner: _Planner, plan: _Plan, submitted, registered) -> Letter:
    from emanager.foi.services import foi_request_for
    from emanager.letters.intake import IntakeDraft, letter_register_on_behalf
    from emanager.letters.services import LetterDraft, letter_confirm, letter_submit

    spec, municipality = plan.spec, planner.municipality
    body = planner.bodies[spec.to]
    person = _requester(plan.index, spec)
    key = _key(municipality, plan.index)
    if spec.paper:
        letter = letter_register_on_behalf(
            municipality=municipality,
            actor=planner.clerk(body),
            draft=IntakeDraft(
                kind=LetterKind.PUBLIC_INFORMATION,
                subject=spec.subject,
                body=spec.body,
                addressee_body=body,
                author_name=person["author_name"],
                author_address=person["author_address"],
                language="ka",
            ),
            channel=Channel.PAPER,
            files=[],
            submission_key=key,
            now=registered,
        )
    else:
        draft = LetterDraft(
            kind=LetterKind.PUBLIC_INFORMATION,
            subject=spec.subject,
            body=spec.body,
            addressee_body=body,
            publication="private",
            language="ka",
            **person,
        )
        letter, _created = letter_submit(
            municipality=municipality, draft=draft, submission_key=key, now=submitted
        )
        letter = letter_confirm(letter=letter, now=registered)
    organisation = ORGANISATIONS.get(spec.who, "")
    foi_request_for(
        letter=letter,
        requester_type=RequesterType.ORGANISATION if organisation else RequesterType.PERSON,
        organisation=organisation,
        preferred_form=spec.form,
    )
    plan.letter = letter
    return letter


def _letter(plan: _Plan) -> Letter:
    return Letter.objects.get(pk=plan.letter.pk)


# Where the requester's own subject speaks of themselves, the officer writes
# the register's summary in neutral words.
OFFICER_SUMMARIES = {
    "სოციალური აგენტის დასკვნა ჩემს ოჯახზე": (
        "სოციალური აგენტის დასკვნა კონკრეტულ ოჯახზე (პერსონალური მონაცემები)"
    ),
}


def _plan_steps(planner: _Planner, plan: _Plan) -> list[FoiStep]:
    """The dated steps of one request, from its registration to its complaint's decision."""
    from emanager.deadlines.selectors import deadline_for
    from emanager.foi import complaints, services
    from emanager.letters import services as letter_services

    spec = plan.spec
    steps: list[FoiStep] = []

    def add(when: datetime.datetime, act: Callable[[datetime.datetime], object]):
        """A step at ``when`` that calls ``act(when)``."""
        steps.append(FoiStep(when, _quietly(lambda: act(when))))
        return when

    day = planner.today - datetime.timedelta(days=spec.days_ago)
    submitted = planner.at(day)
    registered = submitted + datetime.timedelta(minutes=planner.rng.randint(3, 50))
    add(registered, lambda at: _register(planner, plan, submitted, at))
    body = planner.bodies[spec.to]
    handler = planner.handler(body)
    deadline = deadline_for(
        municipality=planner.municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        registered_at=registered,
    )
    last = registered
    if plan.index % 6 != 5:
        # Most officers write the register's summary of what was asked; some forget.
        summary = OFFICER_SUMMARIES.get(spec.subject, spec.subject)
        add(
            registered + datetime.timedelta(minutes=20),
            lambda at: services.foi_summary_save(
                letter=_letter(plan), actor=handler, summary=summary, now=at
            ),
        )
    if spec.ten_days:
        last = add(
            registered + datetime.timedelta(hours=2),
            lambda at: services.foi_ten_days_use(
                letter=_letter(plan), actor=handler, reason=spec.ten_days, now=at
            ),
        )

    def decide(when, decision, by=handler):
        return add(
            when,
            lambda at: services.foi_decide(
                letter=_letter(plan), actor=by, decision=decision, now=at
            ),
        )

    fate = spec.fate
    decided = None
    if fate in ("deemed", "late"):
        missed = deadline + datetime.timedelta(days=1)
        last = add(
            planner.morning(missed),
            lambda at: services.foi_deemed_refusals_record(today=missed, now=at),
        )
        if fate == "late":
            late_day = deadline + datetime.timedelta(days=planner.rng.randint(3, 9))
            decided = last = decide(
                planner.at(late_day, last),
                services.FoiDecision(
                    outcome=FoiOutcome.GRANTED, issued_form=spec.form, pages=spec.pages
                ),
            )
    elif fate == "withdrawn_citizen":
        last = add(
            planner.at(planner.days(registered, spec.decide_after), last),
            lambda at: letter_services.letter_withdraw(letter=_letter(plan), now=at),
        )
    elif fate != "open":
        outcome = {
            "granted": FoiOutcome.GRANTED,
            "partly": FoiOutcome.PARTLY_GRANTED,
            "refused": FoiOutcome.REFUSED,
            "pending_explanation": FoiOutcome.REFUSED,
            "not_held": FoiOutcome.NOT_HELD,
            "forwarded_out": FoiOutcome.FORWARDED,
            "forwarded_in": FoiOutcome.FORWARDED,
            "clarify": FoiOutcome.CLARIFICATION_REQUESTED,
            "clarify_replied": FoiOutcome.CLARIFICATION_REQUESTED,
            "withdrawn_officer": FoiOutcome.WITHDRAWN,
        }[fate]
        inside = spec.forward.startswith("body:")
        decision = services.FoiDecision(
            outcome=outcome,
            refusal_ground=spec.ground,
            refusal_explanation=spec.explanation,
            forward_body=planner.bodies[spec.forward[5:]] if inside else None,
            forward_outside="" if inside else spec.forward,
            message=spec.message,
            issued_form=spec.form,
            pages=spec.pages,
        )
        decided = last = decide(
            planner.at(planner.days(registered, spec.decide_after), last), decision
        )
        if fate == "forwarded_in":
            target = planner.bodies[spec.forward[5:]]
            decided = last = decide(
                planner.at(planner.days(last, 3), last),
                services.FoiDecision(outcome=FoiOutcome.GRANTED),
                by=planner.handler(target),
            )
        if fate == "clarify_replied":
            last = add(
                planner.at(planner.days(last, 2), last),
                lambda at: letter_services.letter_reply(
                    letter=_letter(plan),
                    body="მაინტერესებს ქალაქის ქუჩების გეგმა მომავალი წლისთვის.",
                    files=[],
                    now=at,
                ),
            )
            decided = last = decide(
                planner.at(planner.days(last, 2), last),
                services.FoiDecision(outcome=FoiOutcome.GRANTED),
            )
    if fate in ("refused", "partly") and spec.explain_after is not None:
        add(
            planner.at(planner.days(decided, spec.explain_after), decided),
            lambda at: services.foi_refusal_letter_send(
                letter=_letter(plan), actor=handler, now=at
            ),
        )
    if spec.pages and spec.fee_paid and decided is not None:
        add(
            planner.at(planner.days(decided, planner.rng.randint(0, 4)), decided),
            lambda at: services.foi_fee_paid(
                letter=_letter(plan), actor=handler, paid_on=local_date(at), now=at
            ),
        )
    if spec.complaint is not None:
        complaint = spec.complaint
        start = decided or last
        key = _key(planner.municipality, plan.index, "complaint")
        filed = add(
            planner.at(planner.days(start, complaint.after), start),
            lambda at: complaints.complaint_file(
                request_letter=_letter(plan),
                text=COMPLAINT_TEXTS[complaint.key],
                submission_key=key,
                now=at,
            ),
        )
        if complaint.outcome:
            add(
                planner.at(planner.days(filed, complaint.decide_after), filed),
                lambda at: complaints.complaint_decide(
                    complaint_letter=Complaint.objects.get(letter__submission_key=key).letter,
                    actor=planner.users[COMPLAINT_DECIDER],
                    outcome=complaint.outcome,
                    text=COMPLAINT_DECISIONS[ComplaintOutcome(complaint.outcome)],
                    now=at,
                ),
            )
    return steps


def foi_demo_steps(*, municipality: Municipality, now: datetime.datetime) -> list[FoiStep]:
    """The dated steps of the year of requests not made yet, in time order, up to ``now``.

    The demo staff users must exist (:func:`emanager.letters.demo.load_demo_staff`).
    A step that would fall after ``now`` is left out with the rest of its request's
    later steps (the request stays where it is).
    """
    planner = _Planner(municipality, now)
    made = set(
        Letter.objects.filter(
            submission_key__in=[_key(municipality, i) for i in range(len(REQUESTS))]
        ).values_list("submission_key", flat=True)
    )
    steps: list[FoiStep] = []
    for index, spec in enumerate(REQUESTS):
        plan = _Plan(index, spec)
        planned = _plan_steps(planner, plan)
        if _key(municipality, index) in made:
            continue
        for step in planned:
            if step.when > planner.horizon:
                break
            steps.append(step)
    return sorted(steps, key=lambda step: step.when)


# --- After the replay: the facts of the other requests, the day's job ---------------------

# The private person of Lanchkhuti's imported register, in the words it used.
_PRIVATE_PERSON = ("ფიზიკური პირი", "физическое лицо", "private person")
# The grounds given to the letters demo's refusals and partial grants, in turn.
_GROUNDS = (
    RefusalGround.PERSONAL_DATA,
    RefusalGround.COMMERCIAL_SECRET,
    RefusalGround.EXECUTIVE_PRIVILEGE,
)
_EXPLANATION = (
    "მოთხოვნილი დოკუმენტის ნაწილი შეიცავს ინფორმაციას, რომლის გაცემაც კანონით "
    "შეზღუდულია; გაიცა ის ნაწილი, რომელიც ამ შეზღუდვას არ ექვემდებარება."
)


def _closer(letter: Letter) -> tuple[object, str]:
    """Who closed the letter (a user, or None) and their name."""
    event = (
        Event.objects.filter(letter=letter, kind=EventKind.CLOSED)
        .select_related("actor")
        .order_by("-seq")
        .first()
    )
    if event is None:
        return None, ""
    return event.actor, event.actor_label


def _facts_as_data(municipality: Municipality) -> int:
    """The facts of the public-information letters the demo's steps did not make.

    Written as data, without new events: each letter's timeline already tells
    what happened to it (closed as answered, partly granted, refused, ...).
    """
    from emanager.foi.services import foi_requests_sync

    foi_requests_sync(municipality=municipality)
    ours = {_key(municipality, index) for index in range(len(REQUESTS))}
    requests = (
        FoiRequest.objects.filter(letter__municipality=municipality)
        .exclude(letter__submission_key__in=ours)
        .select_related("letter__addressee_body")
        .order_by("letter__registered_at", "pk")
    )
    changed = 0
    turn = 0
    for request in requests:
        letter = request.letter
        if (
            letter.channel == Channel.IMPORT
            and request.requester_type == RequesterType.PERSON
            and letter.author_name.strip().lower() not in _PRIVATE_PERSON
        ):
            # The imported register names organisations; persons it leaves unnamed.
            request.requester_type = RequesterType.ORGANISATION
            request.organisation = letter.author_name[:250]
            request.save(update_fields=["requester_type", "organisation"])
            changed += 1
        if letter.status != LetterStatus.CLOSED:
            continue
        if request.outcome not in ("", FoiOutcome.DEEMED_REFUSED):
            continue
        actor, name = _closer(letter)
        when = letter.closed_at
        outcome = {
            Outcome.ANSWERED: FoiOutcome.GRANTED,
            Outcome.PARTLY_GRANTED: FoiOutcome.PARTLY_GRANTED,
            Outcome.REFUSED: FoiOutcome.REFUSED,
            Outcome.LEFT_WITHOUT_CONSIDERATION: FoiOutcome.CLARIFICATION_REQUESTED,
            Outcome.WITHDRAWN: FoiOutcome.WITHDRAWN,
        }.get(letter.outcome)
        if outcome is None or when is None:
            continue
        request.outcome = outcome
        request.decided_at = when
        request.decided_by = actor
        if outcome in (FoiOutcome.GRANTED, FoiOutcome.PARTLY_GRANTED):
            issued = letter.answered_at or when
            request.issued_on = local_date(issued)
            request.supplied_by = request.supplied_by or letter.addressee_body.name
            request.responsible = request.responsible or name
        if outcome in (FoiOutcome.PARTLY_GRANTED, FoiOutcome.REFUSED):
            request.refusal_ground = _GROUNDS[turn % len(_GROUNDS)]
            request.refusal_explanation = _EXPLANATION
            turn += 1
            with translation.override(letter.language):
                request.refusal_letter = refusal_text(request)
            request.refusal_letter_sent_at = when + datetime.timedelta(days=1)
        request.save()
        changed += 1
    return changed


def _newest_event(municipality: Municipality) -> datetime.datetime | None:
    return Event.objects.filter(municipality=municipality).aggregate(last=Max("created_at"))["last"]


def foi_demo_counts(municipality: Municipality) -> dict[str, int]:
    requests = FoiRequest.objects.filter(letter__municipality=municipality)
    return {
        "foi_requests": requests.count(),
        "foi_refused": requests.filter(outcome=FoiOutcome.REFUSED).count(),
        "foi_deemed_refused": requests.filter(outcome=FoiOutcome.DEEMED_REFUSED).count(),
        "foi_complaints": Complaint.objects.filter(request__in=requests).count(),
    }


def _summaries(municipality: Municipality) -> int:
    """The officers' register summaries of the other demo requests (some forgotten)."""
    from emanager.foi.services import foi_summary_save, summary_personal_data
    from emanager.staff.models import Membership, StaffRole

    officer = (
        Membership.objects.filter(municipality=municipality, role=StaffRole.PIO)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    written = 0
    requests = (
        FoiRequest.objects.filter(letter__municipality=municipality, public_summary="")
        .exclude(letter__status=LetterStatus.UNCONFIRMED)
        .select_related("letter")
        .order_by("pk")
    )
    for position, request in enumerate(requests):
        subject = request.letter.subject
        if position % 5 == 4 or summary_personal_data(request.letter, subject):
            continue
        foi_summary_save(
            letter=request.letter,
            actor=officer.user if officer else None,
            summary=subject,
            now=request.letter.registered_at + datetime.timedelta(hours=1),
        )
        written += 1
    return written


def load_foi_demo(
    municipality: Municipality, now: datetime.datetime | None = None
) -> dict[str, int]:
    """The public-information part of the demo (once); return what there is of it.

    ``now`` (default: the present, never later) is the end of the demo's day.
    """
    from emanager.foi.services import foi_deemed_refusals_record
    from emanager.letters.demo import load_demo_staff

    now = min(now or timezone.now(), timezone.now())
    load_demo_staff(municipality=municipality)
    with transaction.atomic():
        steps = foi_demo_steps(municipality=municipality, now=now)
        newest = _newest_event(municipality)
        if steps and newest is not None and newest > steps[0].when:
            logger.warning(
                "The year of public-information requests is dated before events already in "
                "the timeline of %s and was left out; merge foi_demo_steps() into the demo's "
                "replay to have it.",
                municipality,
            )
            steps = []
        for step in steps:
            step.run()
        _facts_as_data(municipality)
        _summaries(municipality)
        # The day's calendar job, after everything else in the timeline.
        newest = _newest_event(municipality)
        at = max(now, newest) if newest else now
        _quietly(lambda: foi_deemed_refusals_record(now=at))()
    return foi_demo_counts(municipality)
