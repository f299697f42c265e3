"""Demonstration data for Lanchkhuti municipality (Guria), used by ``demo.load_demo``.

The bodies follow the usual structure of a Georgian municipality. The people are
invented; their Latin and Cyrillic names are derived from the Georgian ones by
``demo.transliterate_en`` / ``demo.transliterate_ru`` (with the Russian forms of a
few first names listed below). A person is identified by their Georgian full name:
the same name in two tables is the same person.

The nine territorial units in ``CONFIRMED_UNITS`` are real units of the
municipality; the six in ``SAMPLE_UNITS`` are villages of the area used as
stand-ins for the units whose names we have not confirmed. Populations, phone
numbers and e-mail addresses are invented (phone numbers use the 494 area code of
Lanchkhuti, e-mail addresses the reserved domain example.ge).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from emanager.directory.models import PositionKind

# (Georgian, English, Russian)
type Text = tuple[str, str, str]
# (Georgian full name, date the mandate starts)
type Holder = tuple[str, datetime.date]

D = datetime.date
EMAIL_DOMAIN = "lanchkhuti.example.ge"

# --- Municipality -------------------------------------------------------------

MUNICIPALITY_SLUG = "lanchkhuti"
MUNICIPALITY = {
    "name": ("ლანჩხუთის მუნიციპალიტეტი", "Lanchkhuti Municipality", "Ланчхутский муниципалитет"),
    "region": ("გურია", "Guria", "Гурия"),
    "about": (
        "ლანჩხუთის მუნიციპალიტეტი მდებარეობს გურიის მხარის ჩრდილო-დასავლეთით, შავი ზღვის "
        "სანაპიროზე; მასში 15 ადმინისტრაციული ერთეულია. ეს სადემონსტრაციო მონაცემებია: "
        "პირები, ტელეფონები და ელფოსტის მისამართები გამოგონილია.",
        "Lanchkhuti Municipality lies in the north-west of Guria, on the Black Sea coast, and "
        "has 15 administrative units. This is demonstration data: the people, phone numbers "
        "and e-mail addresses are invented.",
        "Ланчхутский муниципалитет расположен на северо-западе Гурии, на побережье Чёрного "
        "моря, и включает 15 административных единиц. Это демонстрационные данные: люди, "
        "телефоны и адреса электронной почты вымышлены.",
    ),
    "address": (
        "ლანჩხუთი, ნ. ჟორდანიას ქ. №12",
        "12 N. Zhordania St., Lanchkhuti",
        "Ланчхути, ул. Н. Жордания, 12",
    ),
    "phone": "+995 494 22 12 00",
    "email": f"info@{EMAIL_DOMAIN}",
    "website": f"https://{EMAIL_DOMAIN}/",
    "population": 30800,
}

# --- Words shared by many rows ------------------------------------------------

COUNCIL_TERM_START = D(2025, 11, 10)
FACTIONS_FORMED = D(2025, 11, 10)
COMMISSIONS_FORMED = D(2025, 11, 24)

TITLE: dict[str, Text] = {
    "council_chair": ("საკრებულოს თავმჯდომარე", "Chair of the Sakrebulo", "Председатель Сакребуло"),
    "council_first_deputy": (
        "საკრებულოს თავმჯდომარის პირველი მოადგილე",
        "First Deputy Chair of the Sakrebulo",
        "Первый заместитель председателя Сакребуло",
    ),
    "council_deputy": (
        "საკრებულოს თავმჯდომარის მოადგილე",
        "Deputy Chair of the Sakrebulo",
        "Заместитель председателя Сакребуло",
    ),
    "council_member": ("საკრებულოს წევრი", "Member of the Sakrebulo", "Член Сакребуло"),
    "faction_chair": ("ფრაქციის თავმჯდომარე", "Chair of the Faction", "Председатель фракции"),
    "faction_member": ("ფრაქციის წევრი", "Member of the Faction", "Член фракции"),
    "commission_chair": (
        "კომისიის თავმჯდომარე",
        "Chair of the Commission",
        "Председатель комиссии",
    ),
    "commission_member": ("კომისიის წევრი", "Member of the Commission", "Член комиссии"),
    "apparatus_head": ("აპარატის უფროსი", "Head of the Apparatus", "Руководитель аппарата"),
    "pio": (
        "საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი",
        "Public Information Officer",
        "Ответственный за выдачу публичной информации",
    ),
    "mayor": ("მერი", "Mayor", "Мэр"),
    "first_deputy_mayor": (
        "მერის პირველი მოადგილე",
        "First Deputy Mayor",
        "Первый заместитель мэра",
    ),
    "deputy_mayor": ("მერის მოადგილე", "Deputy Mayor", "Заместитель мэра"),
    "service_head": ("სამსახურის უფროსი", "Head of the Service", "Начальник службы"),
    "service_deputy": (
        "სამსახურის უფროსის მოადგილე",
        "Deputy Head of the Service",
        "Заместитель начальника службы",
    ),
    "division_head": ("განყოფილების უფროსი", "Head of the Division", "Начальник отдела"),
    "director": ("დირექტორი", "Director", "Директор"),
}

# Reception hours of council members and officials.
HOURS: dict[str, Text] = {
    "mon": ("ორშაბათი, 10:00–12:00", "Monday, 10:00–12:00", "понедельник, 10:00–12:00"),
    "tue": ("სამშაბათი, 11:00–13:00", "Tuesday, 11:00–13:00", "вторник, 11:00–13:00"),
    "wed": ("ოთხშაბათი, 15:00–17:00", "Wednesday, 15:00–17:00", "среда, 15:00–17:00"),
    "thu": ("ხუთშაბათი, 10:00–12:00", "Thursday, 10:00–12:00", "четверг, 10:00–12:00"),
    "fri": ("პარასკევი, 14:00–16:00", "Friday, 14:00–16:00", "пятница, 14:00–16:00"),
}

# --- Sakrebulo ----------------------------------------------------------------

SAKREBULO = {
    "slug": "sakrebulo",
    "name": (
        "ლანჩხუთის მუნიციპალიტეტის საკრებულო",
        "Sakrebulo of Lanchkhuti Municipality",
        "Сакребуло Ланчхутского муниципалитета",
    ),
    "short_name": ("საკრებულო", "Sakrebulo", "Сакребуло"),
    "functions": (
        "საკრებულო მუნიციპალიტეტის წარმომადგენლობითი ორგანოა: ამტკიცებს ბიუჯეტს, იღებს "
        "ნორმატიულ აქტებს და ზედამხედველობას უწევს მერისა და მერიის საქმიანობას. "
        "საკრებულოს 27 წევრი ჰყავს.",
        "The Sakrebulo is the representative body of the municipality: it approves the budget, "
        "adopts normative acts and oversees the Mayor and the City Hall. It has 27 members.",
        "Сакребуло — представительный орган муниципалитета: утверждает бюджет, принимает "
        "нормативные акты и контролирует деятельность мэра и мэрии. В нём 27 членов.",
    ),
    "address": (
        "ლანჩხუთი, ნ. ჟორდანიას ქ. №14",
        "14 N. Zhordania St., Lanchkhuti",
        "Ланчхути, ул. Н. Жордания, 14",
    ),
    "phone": "+995 494 22 14 00",
    "email": f"sakrebulo@{EMAIL_DOMAIN}",
}

# The 27 members elected in October 2025, in the order of the list; the chair and
# the deputies come first. Each holds "Member of the Sakrebulo" from COUNCIL_TERM_START.
COUNCIL_MEMBERS = (
    "ნიკოლოზ გოგუაძე",
    "მაია ქათამაძე",
    "ვახტანგ ინასარიძე",
    "ზურაბ მახარაძე",
    "თამაზ ნაკაშიძე",
    "ნინო თავართქილაძე",
    "დავით ლომინაძე",
    "გელა ბოლქვაძე",
    "ქეთევან სიხარულიძე",
    "ლევან გორდელაძე",
    "ხათუნა ნიჟარაძე",
    "ირაკლი დუმბაძე",
    "მამუკა ურუშაძე",
    "ლალი მგელაძე",
    "შოთა სალუქვაძე",
    "ემზარ ტალაკვაძე",
    "ბესიკ ცინცაძე",
    "ლაშა ჟღენტი",
    "ნათია ღლონტი",
    "ბექა ჭანტურია",
    "ეკა ხომერიკი",
    "ოთარ ჩავლეიშვილი",
    "სოფიო გვარამაძე",
    "კახაბერ ბაქრაძე",
    "გიორგი ტუღუში",
    "ირმა ჩიქოვანი",
    "პაატა კალანდაძე",  # independent: in no faction
)

# (title key, position kind, holder)
COUNCIL_OFFICES = (
    ("council_chair", PositionKind.CHAIR, "ნიკოლოზ გოგუაძე"),
    ("council_first_deputy", PositionKind.DEPUTY_CHAIR, "მაია ქათამაძე"),
    ("council_deputy", PositionKind.DEPUTY_CHAIR, "ვახტანგ ინასარიძე"),
)


class Group(NamedTuple):
    """A faction or a commission of the Sakrebulo."""

    slug: str
    name: Text
    chair: str
    members: tuple[str, ...]
    functions: Text | None = None


# Party names are used only as faction names; every person is invented.
FACTIONS = (
    Group(
        "faction-georgian-dream",
        (
            "ფრაქცია „ქართული ოცნება“",
            "Faction “Georgian Dream”",
            "Фракция «Грузинская мечта»",
        ),
        chair="ზურაბ მახარაძე",
        members=(
            "ნიკოლოზ გოგუაძე",
            "მაია ქათამაძე",
            "ვახტანგ ინასარიძე",
            "თამაზ ნაკაშიძე",
            "ნინო თავართქილაძე",
            "დავით ლომინაძე",
            "გელა ბოლქვაძე",
            "ქეთევან სიხარულიძე",
            "ლევან გორდელაძე",
            "ხათუნა ნიჟარაძე",
            "ირაკლი დუმბაძე",
            "მამუკა ურუშაძე",
            "ლალი მგელაძე",
            "შოთა სალუქვაძე",
            "ემზარ ტალაკვაძე",
            "ბესიკ ცინცაძე",
        ),
    ),
    Group(
        "faction-lelo",
        ("ფრაქცია „ლელო“", "Faction “Lelo”", "Фракция «Лело»"),
        chair="ლაშა ჟღენტი",
        members=("ნათია ღლონტი", "ბექა ჭანტურია", "ეკა ხომერიკი"),
    ),
    Group(
        "faction-for-georgia",
        ("ფრაქცია „საქართველოსთვის“", "Faction “For Georgia”", "Фракция «За Грузию»"),
        chair="ოთარ ჩავლეიშვილი",
        members=("სოფიო გვარამაძე", "კახაბერ ბაქრაძე"),
    ),
    Group(
        "faction-strategy-aghmashenebeli",
        (
            "ფრაქცია „სტრატეგია აღმაშენებელი“",
            "Faction “Strategy Aghmashenebeli”",
            "Фракция «Стратегия Агмашенебели»",
        ),
        chair="გიორგი ტუღუში",
        members=("ირმა ჩიქოვანი",),
    ),
)

COMMISSIONS = (
    Group(
        "commission-budget",
        (
            "საფინანსო-საბიუჯეტო კომისია",
            "Finance and Budget Commission",
            "Финансово-бюджетная комиссия",
        ),
        chair="თამაზ ნაკაშიძე",
        members=(
            "ზურაბ მახარაძე",
            "ხათუნა ნიჟარაძე",
            "შოთა სალუქვაძე",
            "ოთარ ჩავლეიშვილი",
            "ბექა ჭანტურია",
        ),
        functions=(
            "განიხილავს ბიუჯეტის პროექტს, მის ცვლილებებს და ბიუჯეტის შესრულების ანგარიშებს.",
            "Reviews the draft budget, its amendments and the reports on its execution.",
            "Рассматривает проект бюджета, изменения в нём и отчёты об его исполнении.",
        ),
    ),
    Group(
        "commission-legal",
        (
            "იურიდიულ საკითხთა კომისია",
            "Legal Affairs Commission",
            "Комиссия по юридическим вопросам",
        ),
        chair="ნინო თავართქილაძე",
        members=("მაია ქათამაძე", "ირაკლი დუმბაძე", "ნათია ღლონტი", "პაატა კალანდაძე"),
    ),
    Group(
        "commission-economy",
        (
            "ეკონომიკისა და ქონების მართვის კომისია",
            "Commission on Economy and Property Management",
            "Комиссия по экономике и управлению имуществом",
        ),
        chair="დავით ლომინაძე",
        members=(
            "მამუკა ურუშაძე",
            "ემზარ ტალაკვაძე",
            "სოფიო გვარამაძე",
            "გიორგი ტუღუში",
            "ხათუნა ნიჟარაძე",
        ),
    ),
    Group(
        "commission-infrastructure",
        (
            "ინფრასტრუქტურისა და სივრცითი მოწყობის კომისია",
            "Commission on Infrastructure and Spatial Planning",
            "Комиссия по инфраструктуре и пространственному обустройству",
        ),
        chair="გელა ბოლქვაძე",
        members=(
            "ლევან გორდელაძე",
            "ვახტანგ ინასარიძე",
            "მამუკა ურუშაძე",
            "ბესიკ ცინცაძე",
            "ლაშა ჟღენტი",
            "კახაბერ ბაქრაძე",
        ),
    ),
    Group(
        "commission-social",
        (
            "სოციალურ საკითხთა, განათლების, კულტურისა და სპორტის კომისია",
            "Commission on Social Affairs, Education, Culture and Sport",
            "Комиссия по социальным вопросам, образованию, культуре и спорту",
        ),
        chair="ქეთევან სიხარულიძე",
        members=(
            "ლალი მგელაძე",
            "ეკა ხომერიკი",
            "ირმა ჩიქოვანი",
            "ლევან გორდელაძე",
            "ემზარ ტალაკვაძე",
        ),
    ),
    Group(
        "commission-mandates",
        (
            "მანდატების, საპროცედურო საკითხებისა და ეთიკის კომისია",
            "Commission on Mandates, Procedure and Ethics",
            "Комиссия по мандатам, процедурным вопросам и этике",
        ),
        chair="ნათია ღლონტი",
        members=("ირაკლი დუმბაძე", "ლალი მგელაძე", "შოთა სალუქვაძე", "ზურაბ მახარაძე"),
    ),
)

APPARATUS = {
    "slug": "sakrebulo-apparatus",
    "name": ("საკრებულოს აპარატი", "Apparatus of the Sakrebulo", "Аппарат Сакребуло"),
    "functions": (
        "უზრუნველყოფს საკრებულოს, მისი კომისიებისა და ფრაქციების ორგანიზაციულ, "
        "სამართლებრივ და ტექნიკურ მომსახურებას.",
        "Provides organisational, legal and technical support to the Sakrebulo, its "
        "commissions and factions.",
        "Обеспечивает организационное, правовое и техническое обслуживание Сакребуло, его "
        "комиссий и фракций.",
    ),
    "email": f"aparati@{EMAIL_DOMAIN}",
    "head": ("მაკა ნაკაშიძე", D(2022, 3, 1)),
    "pio": ("ნინო ბუაძე", D(2023, 9, 4)),
}

# --- City Hall ----------------------------------------------------------------

CITY_HALL = {
    "slug": "city-hall",
    "name": (
        "ლანჩხუთის მუნიციპალიტეტის მერია",
        "City Hall of Lanchkhuti Municipality",
        "Мэрия Ланчхутского муниципалитета",
    ),
    "short_name": ("მერია", "City Hall", "Мэрия"),
    "functions": (
        "მერია მუნიციპალიტეტის აღმასრულებელი ორგანოა, რომელსაც მერი ხელმძღვანელობს. "
        "ასრულებს ბიუჯეტს, მართავს მუნიციპალურ ქონებას და მოსახლეობას საჯარო მომსახურებას "
        "უწევს.",
        "The City Hall is the executive body of the municipality, led by the Mayor. It "
        "executes the budget, manages municipal property and provides public services to "
        "residents.",
        "Мэрия — исполнительный орган муниципалитета во главе с мэром. Она исполняет бюджет, "
        "управляет муниципальным имуществом и оказывает жителям публичные услуги.",
    ),
    "address": MUNICIPALITY["address"],
    "phone": "+995 494 22 12 00",
    "email": f"meria@{EMAIL_DOMAIN}",
}

# (title key, position kind, holders)
CITY_HALL_OFFICES = (
    ("mayor", PositionKind.MAYOR, (("ბადრი ჯინჭარაძე", D(2025, 11, 10)),)),
    (
        "first_deputy_mayor",
        PositionKind.FIRST_DEPUTY_MAYOR,
        (("ავთანდილ მეგრელიძე", D(2025, 11, 17)),),
    ),
    (
        "deputy_mayor",
        PositionKind.DEPUTY_MAYOR,
        (("თინათინ ჩხაიძე", D(2025, 11, 17)), ("ზაზა ქურიძე", D(2025, 11, 17))),
    ),
)


class Division(NamedTuple):
    slug: str
    name: Text
    head: Holder
    email: str = ""


class Service(NamedTuple):
    slug: str
    name: Text
    functions: Text
    head: Holder
    deputy: Holder | None = None
    pio: Holder | None = None
    divisions: tuple[Division, ...] = ()
    email: str = ""


SERVICES = (
    Service(
        "service-administrative",
        ("ადმინისტრაციული სამსახური", "Administrative Service", "Административная служба"),
        (
            "უზრუნველყოფს მერიის საქმისწარმოებას, მოქალაქეების მიღებას, საჯარო ინფორმაციის "
            "გაცემას, ადამიანური რესურსების მართვასა და საზოგადოებასთან ურთიერთობას.",
            "Runs the City Hall's records and correspondence, receives citizens, issues public "
            "information, manages human resources and public relations.",
            "Обеспечивает делопроизводство мэрии, приём граждан, выдачу публичной информации, "
            "управление человеческими ресурсами и связи с общественностью.",
        ),
        head=("ნანა ბერიძე", D(2019, 4, 1)),
        deputy=("ლია ანთაძე", D(2021, 2, 15)),
        pio=("ნატო კილაძე", D(2020, 6, 1)),
        email=f"administracia@{EMAIL_DOMAIN}",
        divisions=(
            Division(
                "division-chancellery",
                (
                    "საქმისწარმოების განყოფილება (კანცელარია)",
                    "Records Management Division (Chancellery)",
                    "Отдел делопроизводства (канцелярия)",
                ),
                head=("მარინე გელაძე", D(2018, 9, 3)),
                email=f"kancelaria@{EMAIL_DOMAIN}",
            ),
            Division(
                "division-public-relations",
                (
                    "საზოგადოებასთან ურთიერთობის განყოფილება",
                    "Public Relations Division",
                    "Отдел по связям с общественностью",
                ),
                head=("სალომე ებრალიძე", D(2022, 1, 10)),
            ),
            Division(
                "division-human-resources",
                (
                    "ადამიანური რესურსების მართვის განყოფილება",
                    "Human Resources Management Division",
                    "Отдел управления человеческими ресурсами",
                ),
                head=("რუსუდან ბუაძე", D(2020, 3, 2)),
            ),
            Division(
                "division-procurement",
                (
                    "სახელმწიფო შესყიდვების განყოფილება",
                    "Public Procurement Division",
                    "Отдел государственных закупок",
                ),
                head=("გოჩა ჩიტაძე", D(2021, 7, 1)),
            ),
        ),
    ),
    Service(
        "service-finance",
        (
            "საფინანსო-საბიუჯეტო სამსახური",
            "Finance and Budget Service",
            "Финансово-бюджетная служба",
        ),
        (
            "ადგენს მუნიციპალიტეტის ბიუჯეტის პროექტს, ასრულებს ბიუჯეტს და ამზადებს ფინანსურ "
            "ანგარიშგებას.",
            "Drafts the municipal budget, executes it and prepares the financial statements.",
            "Составляет проект бюджета муниципалитета, исполняет бюджет и готовит финансовую "
            "отчётность.",
        ),
        head=("მერაბ გოგიტიძე", D(2018, 2, 1)),
        deputy=("ირინე ქარცივაძე", D(2022, 5, 16)),
        divisions=(
            Division(
                "division-budget-planning",
                (
                    "ბიუჯეტის დაგეგმვის განყოფილება",
                    "Budget Planning Division",
                    "Отдел бюджетного планирования",
                ),
                head=("თეა მამალაძე", D(2019, 10, 1)),
            ),
            Division(
                "division-accounting",
                (
                    "ბუღალტრული აღრიცხვისა და ანგარიშგების განყოფილება",
                    "Accounting and Reporting Division",
                    "Отдел бухгалтерского учёта и отчётности",
                ),
                head=("დალი სხირტლაძე", D(2017, 12, 1)),
            ),
        ),
    ),
    Service(
        "service-economic-development",
        (
            "ეკონომიკური განვითარების სამსახური",
            "Economic Development Service",
            "Служба экономического развития",
        ),
        (
            "ხელს უწყობს მეწარმეობას, ტურიზმსა და სოფლის მეურნეობას, მართავს მუნიციპალურ ქონებას.",
            "Supports business, tourism and agriculture and manages municipal property.",
            "Содействует предпринимательству, туризму и сельскому хозяйству, управляет "
            "муниципальным имуществом.",
        ),
        head=("კობა ნინიძე", D(2021, 1, 11)),
        divisions=(
            Division(
                "division-property",
                (
                    "ქონების მართვის განყოფილება",
                    "Property Management Division",
                    "Отдел управления имуществом",
                ),
                head=("ლუკა ჯიბლაძე", D(2023, 2, 1)),
            ),
            Division(
                "division-agriculture-tourism",
                (
                    "სოფლის მეურნეობისა და ტურიზმის განყოფილება",
                    "Agriculture and Tourism Division",
                    "Отдел сельского хозяйства и туризма",
                ),
                head=("ნესტან შარაშიძე", D(2020, 4, 15)),
            ),
        ),
    ),
    Service(
        "service-infrastructure",
        ("ინფრასტრუქტურის სამსახური", "Infrastructure Service", "Служба инфраструктуры"),
        (
            "გეგმავს გზების, წყალმომარაგებისა და გარე განათების პროექტებს და აკონტროლებს მათ "
            "შესრულებას.",
            "Plans road, water-supply and street-lighting projects and monitors their execution.",
            "Планирует проекты дорог, водоснабжения и уличного освещения и контролирует их "
            "выполнение.",
        ),
        head=("თენგიზ ფხაკაძე", D(2023, 7, 3)),
        deputy=("ვაჟა ხუციძე", D(2020, 9, 1)),
        divisions=(
            Division(
                "division-roads",
                (
                    "საგზაო ინფრასტრუქტურის განყოფილება",
                    "Roads Division",
                    "Отдел дорожной инфраструктуры",
                ),
                head=("ჯემალ ბარამიძე", D(2019, 5, 6)),
            ),
            Division(
                "division-amenities",
                ("კეთილმოწყობის განყოფილება", "Public Amenities Division", "Отдел благоустройства"),
                head=("ომარ ორაგველიძე", D(2022, 8, 1)),
            ),
        ),
    ),
    Service(
        "service-architecture",
        (
            "სივრცითი მოწყობისა და ქალაქთმშენებლობის სამსახური",
            "Spatial Planning and Urban Development Service",
            "Служба пространственного обустройства и градостроительства",
        ),
        (
            "გასცემს მშენებლობის ნებართვებს და ამზადებს სივრცითი მოწყობის გეგმებს.",
            "Issues building permits and prepares spatial plans.",
            "Выдаёт разрешения на строительство и готовит планы пространственного обустройства.",
        ),
        head=("ნუგზარ ჩანტლაძე", D(2018, 6, 1)),
    ),
    Service(
        "service-social",
        (
            "ჯანმრთელობისა და სოციალური დაცვის სამსახური",
            "Health and Social Protection Service",
            "Служба здравоохранения и социальной защиты",
        ),
        (
            "ახორციელებს ჯანმრთელობისა და სოციალური დაცვის მუნიციპალურ პროგრამებს.",
            "Runs the municipal health and social protection programmes.",
            "Реализует муниципальные программы здравоохранения и социальной защиты.",
        ),
        head=("მანანა ჯანელიძე", D(2019, 1, 14)),
        divisions=(
            Division(
                "division-social-programmes",
                (
                    "სოციალური პროგრამების განყოფილება",
                    "Social Programmes Division",
                    "Отдел социальных программ",
                ),
                head=("ეთერ ღოღობერიძე", D(2021, 3, 1)),
            ),
        ),
    ),
    Service(
        "service-legal",
        ("იურიდიული სამსახური", "Legal Service", "Юридическая служба"),
        (
            "ამზადებს და ამოწმებს სამართლებრივ აქტებს და იცავს მერიის ინტერესებს სასამართლოში.",
            "Drafts and reviews legal acts and represents the City Hall in court.",
            "Готовит и проверяет правовые акты и представляет мэрию в суде.",
        ),
        head=("სანდრო მიქაბერიძე", D(2022, 4, 1)),
    ),
    Service(
        "service-internal-audit",
        ("შიდა აუდიტის სამსახური", "Internal Audit Service", "Служба внутреннего аудита"),
        (
            "ამოწმებს მერიისა და მუნიციპალური ორგანიზაციების ფინანსურ საქმიანობას.",
            "Audits the finances of the City Hall and of municipal organisations.",
            "Проверяет финансовую деятельность мэрии и муниципальных организаций.",
        ),
        head=("ინგა ცეცხლაძე", D(2020, 11, 2)),
    ),
    Service(
        "service-supervision",
        ("ზედამხედველობის სამსახური", "Supervision Service", "Служба надзора"),
        (
            "აკონტროლებს მშენებლობის, ვაჭრობისა და დასუფთავების წესების დაცვას.",
            "Checks compliance with the rules on construction, trade and cleanliness.",
            "Контролирует соблюдение правил строительства, торговли и санитарии.",
        ),
        head=("ტარიელ ხინთიბიძე", D(2021, 6, 14)),
    ),
    Service(
        "service-culture",
        (
            "კულტურის, განათლების, სპორტისა და ახალგაზრდულ საქმეთა სამსახური",
            "Culture, Education, Sport and Youth Affairs Service",
            "Служба по делам культуры, образования, спорта и молодёжи",
        ),
        (
            "მხარს უჭერს სკოლამდელ განათლებას, კულტურას, სპორტსა და ახალგაზრდულ ინიციატივებს.",
            "Supports preschool education, culture, sport and youth initiatives.",
            "Поддерживает дошкольное образование, культуру, спорт и молодёжные инициативы.",
        ),
        head=("ნანული კაპანაძე", D(2020, 2, 3)),
        divisions=(
            Division(
                "division-sport-youth",
                (
                    "სპორტისა და ახალგაზრდულ საქმეთა განყოფილება",
                    "Sport and Youth Affairs Division",
                    "Отдел по делам спорта и молодёжи",
                ),
                head=("ნიკა ხვიჩია", D(2024, 3, 1)),
            ),
        ),
    ),
    Service(
        "service-military-registration",
        (
            "სამხედრო აღრიცხვისა და მობილიზაციის სამსახური",
            "Military Registration and Mobilisation Service",
            "Служба воинского учёта и мобилизации",
        ),
        (
            "აწარმოებს წვევამდელთა და სამხედრო ვალდებულთა აღრიცხვას.",
            "Keeps the register of conscripts and reservists.",
            "Ведёт учёт призывников и военнообязанных.",
        ),
        head=("მალხაზ აბაშიძე", D(2017, 4, 3)),
    ),
)

# --- Municipal legal entities -------------------------------------------------


class LegalEntity(NamedTuple):
    slug: str
    name: Text
    functions: Text
    address: Text
    director: Holder
    phone: str = ""


LEGAL_ENTITIES = (
    LegalEntity(
        "kindergartens",
        (
            "ა(ა)იპ ლანჩხუთის მუნიციპალიტეტის სკოლამდელი აღზრდის დაწესებულებათა გაერთიანება",
            "Union of Preschool Institutions of Lanchkhuti Municipality",
            "Объединение дошкольных учреждений Ланчхутского муниципалитета",
        ),
        (
            "აერთიანებს და მართავს მუნიციპალიტეტის საბავშვო ბაღებს.",
            "Runs the municipality's kindergartens.",
            "Объединяет детские сады муниципалитета и управляет ими.",
        ),
        (
            "ლანჩხუთი, ე. ნინოშვილის ქ. №5",
            "5 E. Ninoshvili St., Lanchkhuti",
            "Ланчхути, ул. Э. Ниношвили, 5",
        ),
        director=("მზია ჩოხელი", D(2021, 9, 1)),
        phone="+995 494 22 31 05",
    ),
    LegalEntity(
        "culture-centre",
        (
            "ა(ა)იპ ლანჩხუთის კულტურის ცენტრი",
            "Lanchkhuti Culture Centre",
            "Ланчхутский центр культуры",
        ),
        (
            "აწყობს კონცერტებს, ფესტივალებს და ხელოვნების წრეებს.",
            "Organises concerts, festivals and art clubs.",
            "Организует концерты, фестивали и художественные кружки.",
        ),
        (
            "ლანჩხუთი, შ. რუსთაველის ქ. №3",
            "3 Sh. Rustaveli St., Lanchkhuti",
            "Ланчхути, ул. Ш. Руставели, 3",
        ),
        director=("ლიკა გურული", D(2022, 2, 1)),
    ),
    LegalEntity(
        "sports-school",
        (
            "ა(ა)იპ ლანჩხუთის სპორტული სკოლა",
            "Lanchkhuti Sports School",
            "Ланчхутская спортивная школа",
        ),
        (
            "ამზადებს ახალგაზრდა სპორტსმენებს რაგბში, ჭიდაობასა და ფეხბურთში.",
            "Trains young athletes in rugby, wrestling and football.",
            "Готовит юных спортсменов по регби, борьбе и футболу.",
        ),
        (
            "ლანჩხუთი, დ. აღმაშენებლის ქ. №21",
            "21 D. Aghmashenebeli St., Lanchkhuti",
            "Ланчхути, ул. Д. Агмашенебели, 21",
        ),
        director=("გიორგი ქიქავა", D(2019, 8, 15)),
    ),
    LegalEntity(
        "cleaning-service",
        (
            "ა(ა)იპ ლანჩხუთის დასუფთავების სამსახური",
            "Lanchkhuti Cleaning Service",
            "Служба очистки Ланчхути",
        ),
        (
            "უზრუნველყოფს ქუჩების დასუფთავებას და ნარჩენების შეგროვებას.",
            "Cleans the streets and collects waste.",
            "Обеспечивает уборку улиц и вывоз отходов.",
        ),
        (
            "ლანჩხუთი, გურიის ქ. №40",
            "40 Guria St., Lanchkhuti",
            "Ланчхути, ул. Гурийская, 40",
        ),
        director=("დავით ფალავანდიშვილი", D(2023, 1, 9)),
        phone="+995 494 22 40 40",
    ),
    LegalEntity(
        "utility-service",
        (
            "ა(ა)იპ ლანჩხუთის კომუნალური სამსახური",
            "Lanchkhuti Municipal Utility Service",
            "Коммунальная служба Ланчхути",
        ),
        (
            "უზრუნველყოფს სოფლების წყალმომარაგებას და გარე განათებას.",
            "Runs the village water supply and street lighting.",
            "Обеспечивает водоснабжение сёл и уличное освещение.",
        ),
        (
            "ლანჩხუთი, გურიის ქ. №42",
            "42 Guria St., Lanchkhuti",
            "Ланчхути, ул. Гурийская, 42",
        ),
        director=("კახაბერ შენგელია", D(2020, 5, 4)),
    ),
    LegalEntity(
        "museum",
        (
            "ა(ა)იპ ლანჩხუთის მხარეთმცოდნეობის მუზეუმი",
            "Lanchkhuti Museum of Local History",
            "Ланчхутский краеведческий музей",
        ),
        (
            "ინახავს და აჩვენებს გურიის ისტორიისა და ეთნოგრაფიის კოლექციებს.",
            "Keeps and shows collections on the history and ethnography of Guria.",
            "Хранит и показывает коллекции по истории и этнографии Гурии.",
        ),
        (
            "ლანჩხუთი, ნ. ჟორდანიას ქ. №30",
            "30 N. Zhordania St., Lanchkhuti",
            "Ланчхути, ул. Н. Жордания, 30",
        ),
        director=("ია მამულაძე", D(2018, 10, 1)),
    ),
)

# --- Territorial units --------------------------------------------------------


class Unit(NamedTuple):
    """A territorial unit; names of villages are Georgian (transliterated in code)."""

    slug: str
    center: str
    # The unit's name in the genitive, for "the Mayor's representative in ...".
    genitive: str
    settlements: tuple[str, ...]
    population: int
    representative: Holder
    phone: str = ""


# The town is named differently from the villages.
TOWN_UNIT_NAME: Text = ("ქალაქი ლანჩხუთი", "Lanchkhuti town", "город Ланчхути")
TOWN_REPRESENTATIVE_TITLE: Text = (
    "მერის წარმომადგენელი ქალაქ ლანჩხუთში",
    "Mayor's Representative in Lanchkhuti Town",
    "Представитель мэра в городе Ланчхути",
)
REPRESENTATIVE_TITLE: Text = (
    "მერის წარმომადგენელი {genitive} ადმინისტრაციულ ერთეულში",
    "Mayor's Representative in the {name} Administrative Unit",
    "Представитель мэра в административной единице {name}",
)

CONFIRMED_UNITS = (
    Unit(
        "lanchkhuti-town",
        "ლანჩხუთი",
        "ლანჩხუთის",
        ("ლანჩხუთი",),
        6400,
        ("გიგა დარჩია", D(2025, 12, 1)),
        phone="+995 494 22 12 10",
    ),
    Unit(
        "nigoiti",
        "ნიგოითი",
        "ნიგოითის",
        ("ნიგოითი", "ქვიანი", "ჭყონაგორა", "ჩოლობარგი"),
        3900,
        ("ზვიად ლომჯარია", D(2025, 12, 1)),
        phone="+995 494 25 21 10",
    ),
    Unit(
        "gvimbalauri",
        "გვიმბალაური",
        "გვიმბალაურის",
        ("გვიმბალაური", "ამაღლება"),
        1500,
        ("რევაზ ჩიკვაიძე", D(2025, 12, 1)),
    ),
    Unit(
        "shukhuti",
        "შუხუთი",
        "შუხუთის",
        ("შუხუთი", "ცხემლისხიდი"),
        2600,
        ("ელგუჯა კვირკველია", D(2023, 7, 3)),
        phone="+995 494 25 41 10",
    ),
    Unit("atsana", "აცანა", "აცანის", ("აცანა",), 1700, ("თემურ ჟორჟოლიანი", D(2025, 12, 1))),
    Unit("chibati", "ჩიბათი", "ჩიბათის", ("ჩიბათი",), 1800, ("მარიამ ქობალია", D(2024, 2, 12))),
    Unit(
        "lesa",
        "ლესა",
        "ლესის",
        ("ლესა", "არჩეული"),
        1300,
        ("ვლადიმერ გიორგაძე", D(2025, 12, 1)),
    ),
    Unit("mamati", "მამათი", "მამათის", ("მამათი",), 1100, ("ნონა ხუხუნაიშვილი", D(2022, 4, 4))),
    Unit("aketi", "აკეთი", "აკეთის", ("აკეთი",), 1200, ("დიმიტრი სვანიძე", D(2025, 12, 1))),
)

SAMPLE_UNITS = (
    Unit(
        "supsa",
        "სუფსა",
        "სუფსის",
        ("სუფსა", "გრიგოლეთი"),
        2100,
        ("თორნიკე კუკავა", D(2025, 12, 1)),
        phone="+995 494 25 61 10",
    ),
    Unit(
        "juruqveti",
        "ჯურუყვეთი",
        "ჯურუყვეთის",
        ("ჯურუყვეთი",),
        1600,
        ("ილია ჯანაშია", D(2025, 12, 1)),
    ),
    Unit(
        "nigvziani",
        "ნიგვზიანი",
        "ნიგვზიანის",
        ("ნიგვზიანი",),
        1400,
        ("შორენა თოდუა", D(2025, 12, 1)),
    ),
    Unit(
        "chochkhati",
        "ჩოჩხათი",
        "ჩოჩხათის",
        ("ჩოჩხათი",),
        1300,
        ("გიორგი ბერიძე", D(2025, 12, 1)),
    ),
    Unit(
        "ghrmaghele",
        "ღრმაღელე",
        "ღრმაღელის",
        ("ღრმაღელე",),
        1000,
        ("ციალა ლორია", D(2025, 12, 1)),
    ),
    Unit(
        "ninoshvili",
        "ნინოშვილი",
        "ნინოშვილის",
        ("ნინოშვილი",),
        1900,
        ("ელენე მჭედლიშვილი", D(2025, 12, 1)),
    ),
)

# --- Past mandates ------------------------------------------------------------


class PastMandate(NamedTuple):
    """A finished term. ``position`` names a position created from the tables above:
    a title key of the Sakrebulo or City Hall offices, or "representative:<unit slug>"."""

    holder: str
    position: str
    start: datetime.date
    end: datetime.date


PAST_MANDATES = (
    PastMandate("ნოდარ ლორთქიფანიძე", "mayor", D(2021, 11, 15), D(2025, 11, 9)),
    PastMandate("შოთა სალუქვაძე", "council_deputy", D(2021, 11, 15), D(2025, 11, 9)),
    PastMandate("თენგიზ ფხაკაძე", "representative:shukhuti", D(2019, 3, 1), D(2023, 6, 30)),
)

# --- People: contacts and biographies -----------------------------------------


class Contact(NamedTuple):
    email: bool = True  # an address derived from the name: g.beridze@lanchkhuti.example.ge
    phone: str = ""
    hours: str = ""  # a key of HOURS


CONTACTS: dict[str, Contact] = {
    # Sakrebulo
    "ნიკოლოზ გოგუაძე": Contact(phone="+995 494 22 14 01", hours="mon"),
    "მაია ქათამაძე": Contact(phone="+995 494 22 14 02", hours="tue"),
    "ვახტანგ ინასარიძე": Contact(phone="+995 494 22 14 03", hours="thu"),
    "ზურაბ მახარაძე": Contact(hours="wed"),
    "თამაზ ნაკაშიძე": Contact(hours="fri"),
    "ნინო თავართქილაძე": Contact(hours="tue"),
    "დავით ლომინაძე": Contact(),
    "გელა ბოლქვაძე": Contact(hours="thu"),
    "ქეთევან სიხარულიძე": Contact(hours="mon"),
    "ხათუნა ნიჟარაძე": Contact(),
    "ლალი მგელაძე": Contact(hours="wed"),
    "ლაშა ჟღენტი": Contact(hours="fri"),
    "ნათია ღლონტი": Contact(hours="wed"),
    "ოთარ ჩავლეიშვილი": Contact(hours="thu"),
    "გიორგი ტუღუში": Contact(),
    "პაატა კალანდაძე": Contact(hours="mon"),
    "მაკა ნაკაშიძე": Contact(phone="+995 494 22 14 10"),
    "ნინო ბუაძე": Contact(phone="+995 494 22 14 11"),
    # City Hall
    "ბადრი ჯინჭარაძე": Contact(phone="+995 494 22 12 01", hours="thu"),
    "ავთანდილ მეგრელიძე": Contact(phone="+995 494 22 12 02"),
    "თინათინ ჩხაიძე": Contact(phone="+995 494 22 12 03"),
    "ზაზა ქურიძე": Contact(phone="+995 494 22 12 04"),
    "ნანა ბერიძე": Contact(phone="+995 494 22 12 20"),
    "ნატო კილაძე": Contact(phone="+995 494 22 12 25"),
    "მარინე გელაძე": Contact(phone="+995 494 22 12 21"),
    "მერაბ გოგიტიძე": Contact(),
    "კობა ნინიძე": Contact(),
    "თენგიზ ფხაკაძე": Contact(),
    "ნუგზარ ჩანტლაძე": Contact(),
    "მანანა ჯანელიძე": Contact(phone="+995 494 22 12 60"),
    "სანდრო მიქაბერიძე": Contact(),
    "ინგა ცეცხლაძე": Contact(),
    "ტარიელ ხინთიბიძე": Contact(),
    "ნანული კაპანაძე": Contact(),
    # Mayor's representatives
    "გიგა დარჩია": Contact(),
    "ზვიად ლომჯარია": Contact(),
    "ელგუჯა კვირკველია": Contact(),
    "თორნიკე კუკავა": Contact(),
    "გიორგი ბერიძე": Contact(),
}

BIOGRAPHIES: dict[str, Text] = {
    "ბადრი ჯინჭარაძე": (
        "დაიბადა 1979 წელს ლანჩხუთში. ეკონომისტია; 2014 წლიდან მუშაობდა მერიის "
        "ეკონომიკური განვითარების სამსახურში. მერად აირჩიეს 2025 წლის ოქტომბერში.",
        "Born in Lanchkhuti in 1979. An economist, he worked in the City Hall's Economic "
        "Development Service from 2014. Elected Mayor in October 2025.",
        "Родился в 1979 году в Ланчхути. Экономист; с 2014 года работал в службе "
        "экономического развития мэрии. Избран мэром в октябре 2025 года.",
    ),
    "ნიკოლოზ გოგუაძე": (
        "დაიბადა 1975 წელს სოფელ შუხუთში. პედაგოგია, 15 წელი ასწავლიდა ისტორიას. "
        "საკრებულოს თავმჯდომარედ აირჩიეს 2025 წლის ნოემბერში.",
        "Born in the village of Shukhuti in 1975. A teacher, he taught history for 15 years. "
        "Elected Chair of the Sakrebulo in November 2025.",
        "Родился в 1975 году в селе Шухути. Педагог, 15 лет преподавал историю. Избран "
        "председателем Сакребуло в ноябре 2025 года.",
    ),
}

# Russian forms of first names that a letter-by-letter transliteration gets wrong.
FIRST_NAMES_RU = {
    "დავით": "Давид",
    "ირაკლი": "Ираклий",
    "ალექსანდრე": "Александр",
    "ილია": "Илья",
    "მაია": "Майя",
    "სოფიო": "Софио",
}
