"""Proactive publication in the Lanchkhuti demo.

``load_proactive_demo(municipality, now)`` seeds the catalogue from the
Ordinance No. 219 list, gives its items their responsible services, and
publishes a year and more of documents as the municipality would have: small
PDF files for a few (rendered by WeasyPrint), links to the municipality's site
and to matsne.gov.ge for the rest. Most items are current; a few are late (a
missing quarter, a missing year, an act published two weeks after it entered
into force, vacancies not updated for over a year), three were never published
and two do not apply. Everything is dated relative to ``now``, so the states
hold whatever day the demo is loaded. It does nothing (but seed missing items)
if the municipality has published documents already.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from emanager.directory.models import Body, Municipality
from emanager.letters.attachments import check_files
from emanager.proactive import rules, services
from emanager.proactive.choices import UpdateRule
from emanager.proactive.models import CatalogueItem, Document

__all__ = ["load_proactive_demo"]

SITE = "https://lanchkhuti.gov.ge"
MATSNE = "https://matsne.gov.ge/ka/document/view"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Item key -> slug of the demo body responsible for it.
RESPONSIBLE = {
    "structure": "service-administrative",
    "functions": "service-administrative",
    "regulations": "service-legal",
    "strategies": "service-economic-development",
    "heads": "division-human-resources",
    "unit-heads": "division-human-resources",
    "contacts": "division-public-relations",
    "services": "division-public-relations",
    "mayor-report": "service-administrative",
    "sakrebulo-report": "sakrebulo-apparatus",
    "agreements": "service-legal",
    "information-officer": "service-administrative",
    "information-acts": "service-administrative",
    "information-request": "service-administrative",
    "complaint-form": "service-administrative",
    "article-49-report": "service-administrative",
    "request-statistics": "service-administrative",
    "proactive-list": "service-administrative",
    "vacancies": "division-human-resources",
    "headcount": "division-human-resources",
    "staff-list": "division-human-resources",
    "internships": "division-human-resources",
    "procurement-plan": "division-procurement",
    "procurement-report": "division-procurement",
    "simplified-procurement": "division-procurement",
    "contracts": "division-procurement",
    "budget": "division-budget-planning",
    "budget-amendments": "division-budget-planning",
    "budget-execution": "division-budget-planning",
    "budget-execution-annual": "division-budget-planning",
    "salaries": "division-accounting",
    "bonuses": "division-accounting",
    "business-trips": "division-accounting",
    "representation": "division-accounting",
    "vehicles": "division-property",
    "fuel": "division-accounting",
    "vehicle-maintenance": "division-accounting",
    "real-estate": "division-property",
    "property-disposal": "division-property",
    "telephone": "division-accounting",
    "grants-received": "service-finance",
    "grants-given": "service-finance",
    "reserve-fund": "division-budget-planning",
    "social-programmes": "service-social",
    "audit-reports": "service-internal-audit",
    "sakrebulo-normative-acts": "sakrebulo-apparatus",
    "sakrebulo-individual-acts": "sakrebulo-apparatus",
    "mayor-normative-acts": "service-legal",
    "mayor-individual-acts": "service-legal",
    "draft-acts": "service-legal",
    "sittings": "sakrebulo-apparatus",
    "participation": "division-public-relations",
    "integrity-plan": "service-administrative",
    "asset-declarations": "division-human-resources",
}

NOT_APPLICABLE = {
    "internships": "მერია სტაჟირების პროგრამას არ ახორციელებს; ვაკანსიები ქვეყნდება პუნქტში "
    "„ვაკანსიები და კონკურსები“.",
    "agreements": "მუნიციპალიტეტს საერთაშორისო ხელშეკრულებები არ გაუფორმებია.",
}
# Never published: the catalogue shows them missing.
MISSING = frozenset({"representation", "vehicle-maintenance", "asset-declarations"})
# Quarterly or yearly items whose latest due periods were not published
# (key -> how many of the most recent due periods are missing).
LATE_PERIODS = {"bonuses": 1, "business-trips": 2, "sakrebulo-report": 1}
# An on-change item not updated for over a year.
STALE = frozenset({"vacancies"})
# Checked and confirmed a month ago, though its document is older than a year.
CONFIRMED = frozenset({"contacts"})
# Published as small PDF files; the others as links.
AS_FILES = frozenset({"structure", "article-49-report", "budget-execution", "mayor-report"})

TITLES = {
    "structure": "ლანჩხუთის მუნიციპალიტეტის მერიის ორგანიზაციული სტრუქტურა",
    "functions": "მერიის სტრუქტურული ერთეულების დებულებები და ფუნქციები",
    "regulations": "ლანჩხუთის მუნიციპალიტეტის მერიის დებულება",
    "strategies": "ლანჩხუთის მუნიციპალიტეტის განვითარების სტრატეგია 2024–2030",
    "heads": "მერიის ხელმძღვანელი პირები და მათი ბიოგრაფიები",
    "unit-heads": "სტრუქტურული ერთეულების ხელმძღვანელების საკონტაქტო ინფორმაცია",
    "contacts": "მერიის საკონტაქტო ინფორმაცია და მოქალაქეთა მიღების განრიგი",
    "services": "მერიის მიერ გაწეული მომსახურებების ჩამონათვალი და მიღების წესი",
    "mayor-report": (
        "ლანჩხუთის მუნიციპალიტეტის მერის ანგარიში {year} წელს გაწეული საქმიანობის შესახებ"
    ),
    "sakrebulo-report": "ლანჩხუთის მუნიციპალიტეტის საკრებულოს {year} წლის საქმიანობის ანგარიში",
    "information-officer": (
        "საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი და საკონტაქტო ინფორმაცია"
    ),
    "information-acts": "საჯარო ინფორმაციის ხელმისაწვდომობის მარეგულირებელი აქტები "
    "(ზაკ-ის III თავი, მთავრობის დადგენილება №219)",
    "information-request": "საჯარო ინფორმაციის მოთხოვნის განცხადების ფორმა",
    "complaint-form": "ადმინისტრაციული საჩივრის ფორმა და გასაჩივრების წესი",
    "article-49-report": "ანგარიში საჯარო ინფორმაციის შესახებ, {year} წელი",
    "proactive-list": "პროაქტიულად გამოსაქვეყნებელი საჯარო ინფორმაციის ნუსხა (მერის ბრძანება)",
    "vacancies": "ღია კონკურსი მერიის ვაკანტური თანამდებობების დასაკავებლად",
    "staff-list": "მერიის საშტატო ნუსხა და თანამდებობრივი სარგოები, {year}",
    "procurement-plan": "{year} წლის სახელმწიფო შესყიდვების გეგმა",
    "budget": "ლანჩხუთის მუნიციპალიტეტის {year} წლის ბიუჯეტი",
    "budget-amendments": "ცვლილებები ლანჩხუთის მუნიციპალიტეტის {year} წლის ბიუჯეტში",
    "budget-execution-annual": "ლანჩხუთის მუნიციპალიტეტის {year} წლის ბიუჯეტის შესრულების ანგარიში",
    "audit-reports": "შიდა აუდიტის სამსახურის {year} წლის საქმიანობის ანგარიში",
    "draft-acts": (
        "კეთილსინდისიერებისა და გამჭვირვალობის სამოქმედო გეგმის პროექტი — საჯარო განხილვა"
    ),
    "sittings": "საკრებულოს რიგითი სხდომის დღის წესრიგი და ოქმი",
    "participation": "სამოქალაქო მრჩეველთა საბჭოს სხდომის ოქმი",
    "integrity-plan": "კეთილსინდისიერებისა და გამჭვირვალობის სამოქმედო გეგმის შესრულება, {year}",
    "grants-received": "{year} წელს მიღებული გრანტები",
    "vehicles": "მერიის ბალანსზე არსებული ავტოსატრანსპორტო საშუალებები, {year}",
    "real-estate": "მუნიციპალიტეტის საკუთრებაში არსებული უძრავი ქონება, {year}",
}

# Legal acts: (item key, title, days before `now` it entered into force,
# days after that it was published).
ACTS = (
    (
        "sakrebulo-normative-acts",
        "საკრებულოს დადგენილება №4 „ადგილობრივი მოსაკრებლების შესახებ“",
        320,
        3,
    ),
    (
        "sakrebulo-normative-acts",
        "საკრებულოს დადგენილება №11 „გარე ვაჭრობის წესის დამტკიცების შესახებ“",
        210,
        2,
    ),
    (
        "sakrebulo-normative-acts",
        "საკრებულოს დადგენილება №17 „სოციალური დახმარების პროგრამის ცვლილების შესახებ“",
        95,
        4,
    ),
    (
        "sakrebulo-normative-acts",
        "საკრებულოს დადგენილება №23 „მუნიციპალური ქონების პრივატიზების წესის შესახებ“",
        25,
        1,
    ),
    (
        "sakrebulo-individual-acts",
        "საკრებულოს განკარგულება №38 „ქონების სარგებლობაში გადაცემაზე თანხმობის შესახებ“",
        150,
        5,
    ),
    (
        "sakrebulo-individual-acts",
        "საკრებულოს განკარგულება №52 „სოფელ ნიგოითში მიწის ნაკვეთის პრივატიზებაზე "
        "თანხმობის შესახებ“",
        40,
        6,
    ),
    (
        "mayor-normative-acts",
        "მერის ბრძანება №12 „მერიის საქმისწარმოების წესის დამტკიცების შესახებ“",
        280,
        4,
    ),
    (
        "mayor-normative-acts",
        "მერის ბრძანება №31 „ინფრასტრუქტურული პროექტების შერჩევის წესის შესახებ“",
        60,
        16,
    ),
    (
        "mayor-individual-acts",
        "მერის ბრძანება №214 „სოფელ ჩიბათში საავტომობილო გზის რეაბილიტაციის შესახებ“",
        130,
        2,
    ),
    (
        "mayor-individual-acts",
        "მერის ბრძანება №305 „ლანჩხუთის ცენტრალური პარკის განახლების შესახებ“",
        20,
        3,
    ),
)


def _period_title(name: str, period: rules.ReportingPeriod) -> str:
    if period.is_year:
        return f"{name}, {period.year} წელი"
    return f"{name} — {period.year} წლის {ROMAN[period.quarter]} კვარტალი"


def _pdf(
    title: str, municipality: Municipality, period: str, day: datetime.date
) -> SimpleUploadedFile:
    """A one-page PDF of the document, made by WeasyPrint."""
    from emanager.registry.pdf import render_pdf

    rows = [
        ("მომზადების თარიღი", day.strftime("%d.%m.%Y")),
        ("პასუხისმგებელი ერთეული", "ლანჩხუთის მუნიციპალიტეტის მერია"),
        ("სტატუსი", "დამტკიცებულია"),
    ]
    content = render_pdf(
        "proactive/pdf/demo_document.html",
        {"title": title, "municipality": municipality.name_ka, "period": period, "rows": rows},
    )
    return SimpleUploadedFile("document.pdf", content, content_type="application/pdf")


class _Publisher:
    def __init__(self, municipality: Municipality, actor, today: datetime.date) -> None:
        self.municipality = municipality
        self.actor = actor
        self.today = today
        self.count = 0

    def publish(
        self,
        item: CatalogueItem,
        *,
        title: str,
        published_on: datetime.date,
        period: rules.ReportingPeriod | None = None,
        entry_into_force: datetime.date | None = None,
        url: str = "",
    ) -> Document | None:
        if published_on > self.today:
            return None
        file = None
        if not url:
            period_text = f"{period.start:%d.%m.%Y} – {period.end:%d.%m.%Y}" if period else ""
            file = check_files([_pdf(title, self.municipality, period_text, published_on)])[0]
        document = services.document_publish(
            item=item,
            actor=self.actor,
            title=title,
            published_on=published_on,
            file=file,
            url=url,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            entry_into_force=entry_into_force,
        )
        # Entered on the day it was published, as if the site had been used all along.
        entered = timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(11)))
        Document.objects.filter(pk=document.pk).update(created_at=entered, updated_at=entered)
        self.count += 1
        return document


def _link(item: CatalogueItem, serial: int) -> str:
    return f"{SITE}/ka/proactive/{item.slug}/{serial}"


def _due_periods(
    item: CatalogueItem, today: datetime.date, count: int
) -> tuple[list[rules.ReportingPeriod], rules.ReportingPeriod | None]:
    """The item's last ``count`` periods whose due date has passed, the newest first,
    and the period after them if it has ended already."""
    period = rules.period_containing(today, item.rule)
    found = []
    upcoming = None
    while len(found) < count:
        if rules.due_date(period) < today:
            found.append(period)
        elif period.end < today:
            upcoming = period
        period = period.previous()
    return found, upcoming


def _publish_scheduled(
    publisher: _Publisher, item: CatalogueItem, key: str, files: bool, serial: int
) -> None:
    count = 5 if item.rule == UpdateRule.QUARTERLY else 2
    periods, upcoming = _due_periods(item, publisher.today, count)
    skip = LATE_PERIODS.get(key, 0)
    # The most recent `skip` due periods are missing for a late item.
    chosen = periods[skip:]
    if upcoming is not None and not skip:
        chosen = [upcoming, *chosen]
    for index, period in enumerate(sorted(chosen)):
        template = TITLES.get(key)
        title = (
            template.format(year=period.year)
            if template and "{year}" in template
            else _period_title(item.name_ka, period)
        )
        delay = 40 if period.is_year else 18
        published_on = period.end + datetime.timedelta(days=delay)
        is_latest = index == len(chosen) - 1
        publisher.publish(
            item,
            title=title,
            published_on=published_on,
            period=period,
            url="" if files and is_latest else _link(item, serial * 100 + index),
        )


def _publish_on_change(
    publisher: _Publisher, item: CatalogueItem, key: str, files: bool, serial: int
) -> None:
    today = publisher.today
    template = TITLES.get(key, item.name_ka)
    if key in STALE:
        dates = [today - datetime.timedelta(days=430)]
    elif key in CONFIRMED:
        dates = [today - datetime.timedelta(days=400)]
    else:
        dates = [today - datetime.timedelta(days=300 + serial % 40)]
        if serial % 3 == 0:
            dates.append(today - datetime.timedelta(days=60 + serial % 50))
    for index, day in enumerate(dates):
        is_latest = index == len(dates) - 1
        publisher.publish(
            item,
            title=template.format(year=day.year),
            published_on=day,
            url="" if files and is_latest else _link(item, serial * 100 + index),
        )
    if key in CONFIRMED:
        services.item_confirm_current(
            item=item, actor=publisher.actor, on=today - datetime.timedelta(days=30)
        )


def _publish_acts(publisher: _Publisher, items: dict[str, CatalogueItem]) -> None:
    today = publisher.today
    for serial, (key, title, days_ago, delay) in enumerate(ACTS, start=1):
        item = items.get(key)
        if item is None or not item.is_applicable:
            continue
        in_force = today - datetime.timedelta(days=days_ago)
        publisher.publish(
            item,
            title=title,
            published_on=in_force + datetime.timedelta(days=delay),
            entry_into_force=in_force,
            url=f"{MATSNE}/{6_100_000 + serial * 3_917}",
        )


def _actor():
    users = get_user_model().objects
    return users.filter(username="pio").first() or users.filter(username="admin").first()


def load_proactive_demo(
    municipality: Municipality, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Seed and fill the municipality's catalogue (once); return how many items and documents."""
    today = timezone.localdate(now or timezone.now())
    with transaction.atomic():
        services.catalogue_seed(municipality=municipality)
        items = {
            item.standard_key: item
            for item in CatalogueItem.objects.filter(municipality=municipality).exclude(
                standard_key=""
            )
        }
        counts = {"proactive_items": len(items), "proactive_documents": 0}
        if Document.objects.filter(item__municipality=municipality).exists():
            return counts
        bodies = {body.slug: body for body in Body.objects.filter(municipality=municipality)}
        for key, item in items.items():
            reason = NOT_APPLICABLE.get(key, "")
            services.item_settings_set(
                item=item,
                responsible_body=bodies.get(RESPONSIBLE.get(key, "")),
                is_applicable=not reason,
                not_applicable_reason=reason,
            )
        publisher = _Publisher(municipality, _actor(), today)
        for serial, (key, item) in enumerate(items.items(), start=1):
            if key in MISSING or key in NOT_APPLICABLE:
                continue
            files = key in AS_FILES
            if item.rule in rules.SCHEDULED:
                _publish_scheduled(publisher, item, key, files, serial)
            elif item.rule == UpdateRule.ON_CHANGE:
                _publish_on_change(publisher, item, key, files, serial)
        _publish_acts(publisher, items)
        counts["proactive_documents"] = publisher.count
    return counts
