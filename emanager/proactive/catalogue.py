"""The standard catalogue: the items of the Government Ordinance No. 219 annex.

Ordinance No. 219 of 26 August 2013 ("On the electronic request and proactive
publication of public information") lists what a public institution publishes
on its own initiative; a municipality adopts its own list from it, typically
about fifty items. This is that list for a municipality, with each item's
section, update rule and name in Georgian, English and Russian. The key of an
item is its address on the site and what :func:`emanager.proactive.services.catalogue_seed`
recognises it by: never change a key once a catalogue is seeded.
"""

from __future__ import annotations

from typing import NamedTuple

from emanager.proactive.choices import Section, UpdateRule

__all__ = ["STANDARD_ITEMS", "StandardItem"]

S = Section
R = UpdateRule


class StandardItem(NamedTuple):
    key: str
    section: Section
    rule: UpdateRule
    name: tuple[str, str, str]  # ka, en, ru


STANDARD_ITEMS: tuple[StandardItem, ...] = (
    # --- General information ---------------------------------------------------
    StandardItem(
        "structure",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "ორგანიზაციული სტრუქტურა",
            "Organisational structure",
            "Организационная структура",
        ),
    ),
    StandardItem(
        "functions",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "ორგანოებისა და სტრუქტურული ერთეულების ფუნქციები და უფლებამოსილებები",
            "Functions and powers of the bodies and structural units",
            "Функции и полномочия органов и структурных подразделений",
        ),
    ),
    StandardItem(
        "regulations",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "ორგანოების დებულებები და საქმიანობის მარეგულირებელი სამართლებრივი აქტები",
            "Regulations of the bodies and the legal acts governing their work",
            "Положения органов и правовые акты, регулирующие их деятельность",
        ),
    ),
    StandardItem(
        "strategies",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "სტრატეგიები, სამოქმედო გეგმები და პროგრამები",
            "Strategies, action plans and programmes",
            "Стратегии, планы действий и программы",
        ),
    ),
    StandardItem(
        "heads",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "ხელმძღვანელი პირები: სახელი, გვარი, თანამდებობა, ბიოგრაფია",
            "Heads: names, positions and biographies",
            "Руководители: имена, должности и биографии",
        ),
    ),
    StandardItem(
        "unit-heads",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "სტრუქტურული ერთეულების ხელმძღვანელები და მათი საკონტაქტო ინფორმაცია",
            "Heads of the structural units and their contacts",
            "Руководители структурных подразделений и их контакты",
        ),
    ),
    StandardItem(
        "contacts",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "საკონტაქტო ინფორმაცია: მისამართი, ტელეფონი, ელფოსტა, მიღების საათები",
            "Contacts: address, phone, e-mail, reception hours",
            "Контакты: адрес, телефон, электронная почта, часы приёма",
        ),
    ),
    StandardItem(
        "services",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "მოქალაქეებისთვის გაწეული მომსახურებები და მათი მიღების წესი",
            "Services to citizens and how to obtain them",
            "Услуги гражданам и порядок их получения",
        ),
    ),
    StandardItem(
        "mayor-report",
        S.GENERAL,
        R.YEARLY,
        (
            "მერის წლიური ანგარიში გაწეული საქმიანობის შესახებ",
            "Mayor's annual report on the work done",
            "Годовой отчёт мэра о проделанной работе",
        ),
    ),
    StandardItem(
        "sakrebulo-report",
        S.GENERAL,
        R.YEARLY,
        (
            "საკრებულოსა და მისი წევრების წლიური ანგარიში ამომრჩევლების წინაშე",
            "Annual report of the Sakrebulo and its members to the voters",
            "Годовой отчёт Сакребуло и его членов перед избирателями",
        ),
    ),
    StandardItem(
        "agreements",
        S.GENERAL,
        R.ON_CHANGE,
        (
            "გაფორმებული მემორანდუმები და საერთაშორისო ხელშეკრულებები",
            "Memoranda and international agreements signed",
            "Подписанные меморандумы и международные соглашения",
        ),
    ),
    # --- The public-information page -----------------------------------------------
    StandardItem(
        "information-officer",
        S.PUBLIC_INFORMATION,
        R.ON_CHANGE,
        (
            "საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი და მისი საკონტაქტო ინფორმაცია",
            "Officer responsible for public information and their contacts",
            "Лицо, ответственное за выдачу публичной информации, и его контакты",
        ),
    ),
    StandardItem(
        "information-acts",
        S.PUBLIC_INFORMATION,
        R.ON_CHANGE,
        (
            "საჯარო ინფორმაციის ხელმისაწვდომობის მარეგულირებელი სამართლებრივი აქტები",
            "Legal acts on access to public information",
            "Правовые акты о доступе к публичной информации",
        ),
    ),
    StandardItem(
        "information-request",
        S.PUBLIC_INFORMATION,
        R.ON_CHANGE,
        (
            "საჯარო ინფორმაციის მოთხოვნის წესი და განცხადების ფორმა",
            "How to request public information, and the request form",
            "Порядок запроса публичной информации и форма заявления",
        ),
    ),
    StandardItem(
        "complaint-form",
        S.PUBLIC_INFORMATION,
        R.ON_CHANGE,
        (
            "ადმინისტრაციული საჩივრის ფორმა და გასაჩივრების წესი",
            "Administrative complaint form and how to appeal",
            "Форма административной жалобы и порядок обжалования",
        ),
    ),
    StandardItem(
        "article-49-report",
        S.PUBLIC_INFORMATION,
        R.YEARLY,
        (
            "საჯარო ინფორმაციის შესახებ წლიური ანგარიში (ზაკ-ის 49-ე მუხლი)",
            "Annual report on public information (Article 49 of the GAC)",
            "Годовой отчёт о публичной информации (статья 49 ОАК)",
        ),
    ),
    StandardItem(
        "request-statistics",
        S.PUBLIC_INFORMATION,
        R.QUARTERLY,
        (
            "საჯარო ინფორმაციის მოთხოვნების სტატისტიკა",
            "Statistics of public-information requests",
            "Статистика запросов публичной информации",
        ),
    ),
    StandardItem(
        "proactive-list",
        S.PUBLIC_INFORMATION,
        R.ON_CHANGE,
        (
            "პროაქტიულად გამოსაქვეყნებელი ინფორმაციის ნუსხა",
            "List of the information published proactively",
            "Перечень проактивно публикуемой информации",
        ),
    ),
    # --- Staff ---------------------------------------------------------------------
    StandardItem(
        "vacancies",
        S.STAFFING,
        R.ON_CHANGE,
        (
            "ვაკანსიები და კონკურსები: განცხადებები და შედეგები",
            "Vacancies and competitions: notices and results",
            "Вакансии и конкурсы: объявления и результаты",
        ),
    ),
    StandardItem(
        "headcount",
        S.STAFFING,
        R.QUARTERLY,
        (
            "დასაქმებულთა რაოდენობა კატეგორიებისა და სქესის მიხედვით",
            "Headcount by category of employment and gender",
            "Численность работников по категориям и полу",
        ),
    ),
    StandardItem(
        "staff-list",
        S.STAFFING,
        R.YEARLY,
        (
            "საშტატო ნუსხა და თანამდებობრივი სარგოები",
            "Staff list and salaries by position",
            "Штатное расписание и должностные оклады",
        ),
    ),
    StandardItem(
        "internships",
        S.STAFFING,
        R.ON_CHANGE,
        (
            "სტაჟირების პროგრამები",
            "Internship programmes",
            "Программы стажировок",
        ),
    ),
    # --- Procurement -----------------------------------------------------------------
    StandardItem(
        "procurement-plan",
        S.PROCUREMENT,
        R.ON_CHANGE,
        (
            "სახელმწიფო შესყიდვების წლიური გეგმა და მისი ცვლილებები",
            "Annual procurement plan and its amendments",
            "Годовой план государственных закупок и его изменения",
        ),
    ),
    StandardItem(
        "procurement-report",
        S.PROCUREMENT,
        R.QUARTERLY,
        (
            "ინფორმაცია განხორციელებული სახელმწიფო შესყიდვების შესახებ",
            "Public procurement carried out",
            "Информация о проведённых государственных закупках",
        ),
    ),
    StandardItem(
        "simplified-procurement",
        S.PROCUREMENT,
        R.QUARTERLY,
        (
            "გამარტივებული შესყიდვები და მათი დასაბუთება",
            "Simplified procurement and its justification",
            "Упрощённые закупки и их обоснование",
        ),
    ),
    StandardItem(
        "contracts",
        S.PROCUREMENT,
        R.QUARTERLY,
        (
            "გაფორმებული ხელშეკრულებები და მათი ღირებულება",
            "Contracts concluded and their value",
            "Заключённые договоры и их стоимость",
        ),
    ),
    # --- Finance and budget --------------------------------------------------------------
    StandardItem(
        "budget",
        S.FINANCE,
        R.ON_CHANGE,
        (
            "მუნიციპალიტეტის დამტკიცებული ბიუჯეტი",
            "Approved budget of the municipality",
            "Утверждённый бюджет муниципалитета",
        ),
    ),
    StandardItem(
        "budget-amendments",
        S.FINANCE,
        R.ON_CHANGE,
        (
            "ბიუჯეტში შეტანილი ცვლილებები",
            "Amendments to the budget",
            "Изменения бюджета",
        ),
    ),
    StandardItem(
        "budget-execution",
        S.FINANCE,
        R.QUARTERLY,
        (
            "ბიუჯეტის შესრულების კვარტალური ანგარიში",
            "Quarterly report on the execution of the budget",
            "Квартальный отчёт об исполнении бюджета",
        ),
    ),
    StandardItem(
        "budget-execution-annual",
        S.FINANCE,
        R.YEARLY,
        (
            "ბიუჯეტის შესრულების წლიური ანგარიში",
            "Annual report on the execution of the budget",
            "Годовой отчёт об исполнении бюджета",
        ),
    ),
    StandardItem(
        "salaries",
        S.FINANCE,
        R.QUARTERLY,
        (
            "ხელფასის ფონდი: გაცემული თანამდებობრივი სარგოები",
            "Payroll: salaries paid by position",
            "Фонд оплаты труда: выплаченные оклады по должностям",
        ),
    ),
    StandardItem(
        "bonuses",
        S.FINANCE,
        R.QUARTERLY,
        (
            "პრემიები და სახელფასო დანამატები",
            "Bonuses and salary supplements",
            "Премии и надбавки к заработной плате",
        ),
    ),
    StandardItem(
        "business-trips",
        S.FINANCE,
        R.QUARTERLY,
        (
            "მივლინების ხარჯები ქვეყნის შიგნით და საზღვარგარეთ",
            "Business trips: costs in Georgia and abroad",
            "Расходы на командировки в стране и за рубежом",
        ),
    ),
    StandardItem(
        "representation",
        S.FINANCE,
        R.QUARTERLY,
        (
            "წარმომადგენლობითი ხარჯები",
            "Representation costs",
            "Представительские расходы",
        ),
    ),
    StandardItem(
        "vehicles",
        S.FINANCE,
        R.YEARLY,
        (
            "ბალანსზე არსებული და სარგებლობაში მყოფი ავტოსატრანსპორტო საშუალებები",
            "Vehicles owned or used",
            "Автотранспортные средства на балансе и в пользовании",
        ),
    ),
    StandardItem(
        "fuel",
        S.FINANCE,
        R.QUARTERLY,
        (
            "საწვავის ხარჯები",
            "Fuel costs",
            "Расходы на топливо",
        ),
    ),
    StandardItem(
        "vehicle-maintenance",
        S.FINANCE,
        R.QUARTERLY,
        (
            "ავტომობილების მოვლა-შენახვის ხარჯები",
            "Vehicle maintenance costs",
            "Расходы на содержание автомобилей",
        ),
    ),
    StandardItem(
        "real-estate",
        S.FINANCE,
        R.YEARLY,
        (
            "საკუთრებაში და სარგებლობაში არსებული უძრავი ქონება",
            "Real estate owned or used",
            "Недвижимое имущество в собственности и пользовании",
        ),
    ),
    StandardItem(
        "property-disposal",
        S.FINANCE,
        R.QUARTERLY,
        (
            "მუნიციპალური ქონების პრივატიზება და სარგებლობაში გადაცემა",
            "Privatisation and lease of municipal property",
            "Приватизация и передача в пользование муниципального имущества",
        ),
    ),
    StandardItem(
        "telephone",
        S.FINANCE,
        R.QUARTERLY,
        (
            "სატელეფონო და მობილური კავშირის ხარჯები",
            "Telephone and mobile costs",
            "Расходы на телефонную и мобильную связь",
        ),
    ),
    StandardItem(
        "grants-received",
        S.FINANCE,
        R.YEARLY,
        (
            "მიღებული გრანტები: დონორი, თანხა, მიზანი",
            "Grants received: donor, amount, purpose",
            "Полученные гранты: донор, сумма, цель",
        ),
    ),
    StandardItem(
        "grants-given",
        S.FINANCE,
        R.QUARTERLY,
        (
            "გაცემული გრანტები, სუბსიდიები და დახმარებები",
            "Grants, subsidies and assistance given",
            "Выданные гранты, субсидии и помощь",
        ),
    ),
    StandardItem(
        "reserve-fund",
        S.FINANCE,
        R.QUARTERLY,
        (
            "სარეზერვო ფონდიდან გაწეული ხარჯები",
            "Spending from the reserve fund",
            "Расходы из резервного фонда",
        ),
    ),
    StandardItem(
        "social-programmes",
        S.FINANCE,
        R.QUARTERLY,
        (
            "სოციალური პროგრამები და მათი ბენეფიციარების რაოდენობა",
            "Social programmes and the number of their beneficiaries",
            "Социальные программы и число их получателей",
        ),
    ),
    StandardItem(
        "audit-reports",
        S.FINANCE,
        R.ON_CHANGE,
        (
            "აუდიტის ანგარიშები (სახელმწიფო აუდიტის სამსახური, შიდა აუდიტი)",
            "Audit reports (State Audit Office, internal audit)",
            "Аудиторские отчёты (Государственная аудиторская служба, внутренний аудит)",
        ),
    ),
    # --- Legal acts ------------------------------------------------------------------------
    StandardItem(
        "sakrebulo-normative-acts",
        S.LEGAL_ACTS,
        R.LEGAL_ACTS,
        (
            "საკრებულოს ნორმატიული აქტები (დადგენილებები)",
            "Normative acts of the Sakrebulo (resolutions)",
            "Нормативные акты Сакребуло (постановления)",
        ),
    ),
    StandardItem(
        "sakrebulo-individual-acts",
        S.LEGAL_ACTS,
        R.LEGAL_ACTS,
        (
            "საკრებულოს ინდივიდუალური სამართლებრივი აქტები (განკარგულებები)",
            "Individual acts of the Sakrebulo (ordinances)",
            "Индивидуальные акты Сакребуло (распоряжения)",
        ),
    ),
    StandardItem(
        "mayor-normative-acts",
        S.LEGAL_ACTS,
        R.LEGAL_ACTS,
        (
            "მერის ნორმატიული აქტები (ბრძანებები)",
            "Normative acts of the Mayor (orders)",
            "Нормативные акты мэра (приказы)",
        ),
    ),
    StandardItem(
        "mayor-individual-acts",
        S.LEGAL_ACTS,
        R.LEGAL_ACTS,
        (
            "მერის ინდივიდუალური სამართლებრივი აქტები საჯარო ინტერესის საკითხებზე",
            "Individual acts of the Mayor on matters of public interest",
            "Индивидуальные акты мэра по вопросам общественного интереса",
        ),
    ),
    StandardItem(
        "draft-acts",
        S.LEGAL_ACTS,
        R.ON_CHANGE,
        (
            "საჯარო განხილვისთვის გამოქვეყნებული ნორმატიული აქტების პროექტები",
            "Draft normative acts published for public discussion",
            "Проекты нормативных актов для общественного обсуждения",
        ),
    ),
    # --- Other ---------------------------------------------------------------------------------
    StandardItem(
        "sittings",
        S.OTHER,
        R.ON_CHANGE,
        (
            "საკრებულოს სხდომების დღის წესრიგი და ოქმები",
            "Agendas and minutes of the Sakrebulo's sittings",
            "Повестки и протоколы заседаний Сакребуло",
        ),
    ),
    StandardItem(
        "participation",
        S.OTHER,
        R.ON_CHANGE,
        (
            "მოქალაქეთა მონაწილეობა: პეტიციები, დასახლების საერთო კრებები, "
            "სამოქალაქო მრჩეველთა საბჭო",
            "Citizens' participation: petitions, settlement assemblies, council of civil advisors",
            "Участие граждан: петиции, общие собрания поселений, совет гражданских советников",
        ),
    ),
    StandardItem(
        "integrity-plan",
        S.OTHER,
        R.YEARLY,
        (
            "კეთილსინდისიერებისა და გამჭვირვალობის (ანტიკორუფციული) სამოქმედო გეგმა და "
            "მისი შესრულება",
            "Integrity and transparency (anti-corruption) action plan and its implementation",
            "План действий по добросовестности и прозрачности (антикоррупционный) и его исполнение",
        ),
    ),
    StandardItem(
        "asset-declarations",
        S.OTHER,
        R.YEARLY,
        (
            "თანამდებობის პირთა ქონებრივი დეკლარაციები (ბმულები)",
            "Asset declarations of officials (links)",
            "Имущественные декларации должностных лиц (ссылки)",
        ),
    ),
)
