# ruff: noqa: E501  (texts and tables read better unwrapped)
"""Texts the load generator draws from: places, offices and the subjects of letters.

The public texts (``PUBLIC_TOPICS``) describe a municipal matter in general
terms and carry no name, address, phone or e-mail: they stand for the
reviewed public versions. Names and streets only ever go into the private
fields of a letter (its author).
"""

from __future__ import annotations

# (slug, Georgian name, English name, region): the municipalities of Georgia.
MUNICIPALITIES = (
    ("tbilisi", "თბილისი", "Tbilisi", "Tbilisi"),
    ("batumi", "ბათუმი", "Batumi", "Adjara"),
    ("kutaisi", "ქუთაისი", "Kutaisi", "Imereti"),
    ("rustavi", "რუსთავი", "Rustavi", "Kvemo Kartli"),
    ("zugdidi", "ზუგდიდი", "Zugdidi", "Samegrelo-Zemo Svaneti"),
    ("gori", "გორი", "Gori", "Shida Kartli"),
    ("poti", "ფოთი", "Poti", "Samegrelo-Zemo Svaneti"),
    ("telavi", "თელავი", "Telavi", "Kakheti"),
    ("marneuli", "მარნეული", "Marneuli", "Kvemo Kartli"),
    ("zestaponi", "ზესტაფონი", "Zestaponi", "Imereti"),
    ("samtredia", "სამტრედია", "Samtredia", "Imereti"),
    ("khashuri", "ხაშური", "Khashuri", "Shida Kartli"),
    ("senaki", "სენაკი", "Senaki", "Samegrelo-Zemo Svaneti"),
    ("ozurgeti", "ოზურგეთი", "Ozurgeti", "Guria"),
    ("kaspi", "კასპი", "Kaspi", "Shida Kartli"),
    ("chiatura", "ჭიათურა", "Chiatura", "Imereti"),
    ("sagarejo", "საგარეჯო", "Sagarejo", "Kakheti"),
    ("akhaltsikhe", "ახალციხე", "Akhaltsikhe", "Samtskhe-Javakheti"),
    ("gardabani", "გარდაბანი", "Gardabani", "Kvemo Kartli"),
    ("gurjaani", "გურჯაანი", "Gurjaani", "Kakheti"),
    ("mtskheta", "მცხეთა", "Mtskheta", "Mtskheta-Mtianeti"),
    ("borjomi", "ბორჯომი", "Borjomi", "Samtskhe-Javakheti"),
    ("akhalkalaki", "ახალქალაქი", "Akhalkalaki", "Samtskhe-Javakheti"),
    ("tkibuli", "ტყიბული", "Tkibuli", "Imereti"),
    ("kobuleti", "ქობულეთი", "Kobuleti", "Adjara"),
    ("khelvachauri", "ხელვაჩაური", "Khelvachauri", "Adjara"),
    ("lanchkhuti", "ლანჩხუთი", "Lanchkhuti", "Guria"),
    ("chokhatauri", "ჩოხატაური", "Chokhatauri", "Guria"),
    ("martvili", "მარტვილი", "Martvili", "Samegrelo-Zemo Svaneti"),
    ("abasha", "აბაშა", "Abasha", "Samegrelo-Zemo Svaneti"),
    ("khobi", "ხობი", "Khobi", "Samegrelo-Zemo Svaneti"),
    ("tsalenjikha", "წალენჯიხა", "Tsalenjikha", "Samegrelo-Zemo Svaneti"),
    ("chkhorotsku", "ჩხოროწყუ", "Chkhorotsku", "Samegrelo-Zemo Svaneti"),
    ("mestia", "მესტია", "Mestia", "Samegrelo-Zemo Svaneti"),
    ("sachkhere", "საჩხერე", "Sachkhere", "Imereti"),
    ("terjola", "თერჯოლა", "Terjola", "Imereti"),
    ("tskaltubo", "წყალტუბო", "Tskaltubo", "Imereti"),
    ("vani", "ვანი", "Vani", "Imereti"),
    ("bagdati", "ბაღდათი", "Bagdati", "Imereti"),
    ("kharagauli", "ხარაგაული", "Kharagauli", "Imereti"),
    ("khoni", "ხონი", "Khoni", "Imereti"),
    ("ambrolauri", "ამბროლაური", "Ambrolauri", "Racha-Lechkhumi"),
    ("oni", "ონი", "Oni", "Racha-Lechkhumi"),
    ("tsageri", "ცაგერი", "Tsageri", "Racha-Lechkhumi"),
    ("lentekhi", "ლენტეხი", "Lentekhi", "Racha-Lechkhumi"),
    ("kareli", "ქარელი", "Kareli", "Shida Kartli"),
    ("dusheti", "დუშეთი", "Dusheti", "Mtskheta-Mtianeti"),
    ("tianeti", "თიანეთი", "Tianeti", "Mtskheta-Mtianeti"),
    ("kazbegi", "ყაზბეგი", "Kazbegi", "Mtskheta-Mtianeti"),
    ("signagi", "სიღნაღი", "Signagi", "Kakheti"),
    ("dedoplistskaro", "დედოფლისწყარო", "Dedoplistskaro", "Kakheti"),
    ("lagodekhi", "ლაგოდეხი", "Lagodekhi", "Kakheti"),
    ("kvareli", "ყვარელი", "Kvareli", "Kakheti"),
    ("akhmeta", "ახმეტა", "Akhmeta", "Kakheti"),
    ("bolnisi", "ბოლნისი", "Bolnisi", "Kvemo Kartli"),
    ("dmanisi", "დმანისი", "Dmanisi", "Kvemo Kartli"),
    ("tetritskaro", "თეთრიწყარო", "Tetritskaro", "Kvemo Kartli"),
    ("tsalka", "წალკა", "Tsalka", "Kvemo Kartli"),
    ("adigeni", "ადიგენი", "Adigeni", "Samtskhe-Javakheti"),
    ("aspindza", "ასპინძა", "Aspindza", "Samtskhe-Javakheti"),
    ("ninotsminda", "ნინოწმინდა", "Ninotsminda", "Samtskhe-Javakheti"),
    ("keda", "ქედა", "Keda", "Adjara"),
    ("shuakhevi", "შუახევი", "Shuakhevi", "Adjara"),
    ("khulo", "ხულო", "Khulo", "Adjara"),
)

# (slug, Georgian, English) services of the City Hall; divisions follow each.
SERVICES = (
    ("finance", "საფინანსო სამსახური", "Finance Service"),
    ("infrastructure", "ინფრასტრუქტურის სამსახური", "Infrastructure Service"),
    ("economy", "ეკონომიკური განვითარების სამსახური", "Economic Development Service"),
    ("social", "სოციალური სამსახური", "Social Service"),
    ("urban", "ურბანული დაგეგმარების სამსახური", "Urban Planning Service"),
    ("property", "ქონების მართვის სამსახური", "Property Management Service"),
    ("supervision", "ზედამხედველობის სამსახური", "Supervision Service"),
    ("legal", "იურიდიული სამსახური", "Legal Service"),
)
DIVISIONS = (
    ("roads", "გზების განყოფილება", "Roads Division"),
    ("water", "წყალმომარაგების განყოფილება", "Water Supply Division"),
    ("programmes", "პროგრამების განყოფილება", "Programmes Division"),
)
COMMISSIONS = (
    ("budget", "საფინანსო-საბიუჯეტო კომისია", "Finance and Budget Commission"),
    ("infrastructure-commission", "ინფრასტრუქტურის კომისია", "Infrastructure Commission"),
    ("social-commission", "სოციალურ საკითხთა კომისია", "Social Affairs Commission"),
)
FACTIONS = (
    ("faction-a", "ფრაქცია „ერთობა“", "Faction “Unity”"),
    ("faction-b", "ფრაქცია „განვითარება“", "Faction “Development”"),
)
UNIT_NAMES = (
    "ზემო", "ქვემო", "ახალი", "ძველი", "დიდი", "პატარა", "შუა", "მთის", "ველის", "ტყის",
    "წყაროს", "ხევის", "ბაღის", "ვაზის", "ჭალის", "სერის", "გორის", "ნაპირის",
)  # fmt: skip
UNIT_NAMES_EN = (
    "Zemo", "Kvemo", "Akhali", "Dzveli", "Didi", "Patara", "Shua", "Mtis", "Velis", "Tkis",
    "Tskaros", "Khevis", "Baghis", "Vazis", "Chalis", "Seris", "Goris", "Napiris",
)  # fmt: skip

FIRST_NAMES = (
    "ნინო", "გიორგი", "მარიამ", "დავით", "ლევან", "ნათია", "თამარ", "ირაკლი", "ეკატერინე",
    "ზურაბ", "ხათუნა", "ლაშა", "მაკა", "ბექა", "ნანა", "ვახტანგ", "მზია", "თეიმურაზ", "ლია",
    "შალვა", "ქეთევან", "ალექსანდრე", "ნუგზარ", "ელისო", "რამაზ", "მანანა", "ანა", "ლუკა",
)  # fmt: skip
LAST_NAMES = (
    "ტაკიძე", "ჩხარტიშვილი", "მჟავანაძე", "ჭეიშვილი", "თოდრია", "ქავთარაძე", "ჯაყელი",
    "ბერაძე", "მიქაძე", "კუპრაძე", "წულაძე", "ცხადაძე", "ლაბაძე", "ცერცვაძე", "გუჯაბიძე",
    "გოგოლაძე", "სურმანიძე", "ხარაბაძე", "კობალაძე", "ნემსაძე", "ლომთაძე", "დოლიძე",
)  # fmt: skip
STREETS = (
    "რუსთაველის", "ჭავჭავაძის", "თავისუფლების", "აღმაშენებლის", "კოსტავას", "ერისთავის",
    "მშვიდობის", "გამსახურდიას", "წერეთლის", "ნინოშვილის",
)  # fmt: skip

# (language, subject, public text, answer): matters people write to a municipality
# about, in general words with no personal data.
PUBLIC_TOPICS = (
    (
        "ka",
        "ქუჩის განათების აღდგენა",
        "გთხოვთ, აღადგინოთ ქუჩის განათება, რომელიც ერთი თვეა არ მუშაობს; საღამოობით ქუჩა ბნელია და სახიფათოა.",
        "განათების შეკეთება შესულია ინფრასტრუქტურის სამსახურის გეგმაში და შესრულდება ორი კვირის ვადაში.",
    ),
    (
        "ka",
        "გზის ორმოების შეკეთება",
        "სოფლის მთავარ გზაზე ღრმა ორმოებია, წვიმის შემდეგ გადაადგილება ჭირს. გთხოვთ, შეაკეთოთ საფარი.",
        "გზის მონაკვეთის ორმოული შეკეთება დაგეგმილია მიმდინარე სეზონზე.",
    ),
    (
        "ka",
        "სასმელი წყლის მიწოდების შეფერხება",
        "უბანში სასმელი წყალი მხოლოდ დილით მოდის. გთხოვთ, გამოიკვლიოთ მიზეზი და აღადგინოთ მიწოდება.",
        "დაზიანებული მილი შეიცვალა, მიწოდება აღდგენილია სრული გრაფიკით.",
    ),
    (
        "ka",
        "ნაგვის კონტეინერის დამატება",
        "ეზოსთან არსებული კონტეინერი არ კმარა და ნაგავი გროვდება. გთხოვთ, დაამატოთ კონტეინერი.",
        "კონტეინერი დაემატება დასუფთავების სამსახურის მომდევნო მიწოდებისას.",
    ),
    (
        "ka",
        "საბავშვო მოედნის მოწყობა",
        "უბანში არ არის საბავშვო მოედანი. გთხოვთ, გაითვალისწინოთ მისი მოწყობა მომავალი წლის ბიუჯეტში.",
        "წინადადება გადაეცა ბიუჯეტის პროექტზე მომუშავე ჯგუფს.",
    ),
    (
        "ka",
        "ბიუჯეტის შესრულების ინფორმაცია",
        "გთხოვთ, მომაწოდოთ ინფორმაცია მიმდინარე წლის ბიუჯეტის შესრულების შესახებ კვარტლების მიხედვით.",
        "მოთხოვნილი ინფორმაცია თანდართულია ელექტრონული ასლის სახით.",
    ),
    (
        "ka",
        "სოციალური დახმარების პროგრამა",
        "გთხოვთ, განმიმარტოთ მრავალშვილიანი ოჯახების დახმარების პროგრამის პირობები.",
        "პროგრამის პირობები და საჭირო დოკუმენტები განმარტებულია პასუხში.",
    ),
    (
        "ka",
        "მიწის ნაკვეთის რეგისტრაცია",
        "გთხოვთ, განმიმარტოთ, რა დოკუმენტებია საჭირო მიწის ნაკვეთის საკუთრების აღიარებისთვის.",
        "ჩამონათვალი და მიმართვის წესი მოცემულია პასუხში.",
    ),
    (
        "en",
        "Street lighting on the main road",
        "The street lights on the main road have been off for weeks. Please repair them before winter.",
        "The repair is scheduled and will be completed within two weeks.",
    ),
    (
        "en",
        "Public transport timetable",
        "Please publish the timetable of the municipal buses and add an evening service.",
        "The timetable is published on the website; an evening service is under review.",
    ),
    (
        "en",
        "Spending on road repairs",
        "Please provide the amounts spent on road repairs in the last year, by contract.",
        "The list of contracts and amounts is attached.",
    ),
    (
        "en",
        "Stray dogs near the school",
        "Stray dogs gather near the school in the mornings. Please take measures.",
        "The animal control service has been instructed to act this week.",
    ),
    (
        "ru",
        "Ремонт крыши многоквартирного дома",
        "Просим включить ремонт крыши нашего дома в программу софинансирования.",
        "Дом включён в список программы софинансирования на следующий год.",
    ),
    (
        "ru",
        "Вывоз мусора",
        "Мусор в районе вывозится нерегулярно. Просим установить график.",
        "График вывоза утверждён и опубликован на сайте мэрии.",
    ),
    (
        "ru",
        "Информация о закупках",
        "Просим предоставить сведения о закупках мэрии за прошлый год.",
        "Запрошенные сведения прилагаются в электронном виде.",
    ),
)

PRIVATE_TEMPLATE = "{text} მისამართი: {street} ქ. {house}. ტელ.: 5{phone}."

ATTACHMENT_NAMES = (
    ("photo.jpg", "image/jpeg"),
    ("statement.pdf", "application/pdf"),
    ("plan.png", "image/png"),
    ("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
)

CATALOGUE = (
    ("budget", "finance", "yearly", "მუნიციპალიტეტის ბიუჯეტი", "Municipal budget"),
    ("budget-execution", "finance", "quarterly", "ბიუჯეტის შესრულება", "Budget execution"),
    ("procurement-plan", "procurement", "yearly", "შესყიდვების გეგმა", "Procurement plan"),
    ("staff-list", "staffing", "on_change", "საშტატო განრიგი", "Staff list"),
    ("legal-acts", "legal_acts", "legal_acts", "სამართლებრივი აქტები", "Legal acts"),
    ("foi-report", "public_information", "yearly", "საჯარო ინფორმაციის ანგარიში", "Public information report"),
)  # fmt: skip
