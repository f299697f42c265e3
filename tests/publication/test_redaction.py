"""Suggested redactions and special-category flags, on real-life Georgian, Russian, English mail."""

from __future__ import annotations

import itertools

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from emanager.publication.redaction import (
    Category,
    Span,
    SpanKind,
    apply,
    flags,
    placeholder,
    suggest,
)


def found(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(span.kind, span.text) for span in suggest(text, **kwargs)]


def texts(text: str, kind: str, **kwargs) -> list[str]:
    return [span.text for span in suggest(text, **kwargs) if span.kind == kind]


# --- Personal numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ჩემი პირადი ნომერია 01024012345.",
        "პ/ნ: 01024012345",
        "პირადი №01024012345, მცხოვრები ქ. ლანჩხუთში",
        "Личный номер 01024012345, паспорт",
        "Personal ID 01024012345",
    ],
)
def test_an_eleven_digit_personal_number_is_found(text):
    assert texts(text, SpanKind.PERSONAL_NUMBER) == ["01024012345"]


@pytest.mark.parametrize(
    "text",
    [
        "წერილი LAN-2026-000123 რეგისტრირებულია",
        "IBAN GE29NB0000000101904917",
        "ანგარიში 010240123456 (12 ციფრი)",
        "ნომერი 0102401234 (10 ციფრი)",
        "ხელშეკრულების ღირებულება 12345678901 ლარი",
        "კოდი A01024012345",
    ],
)
def test_what_is_no_personal_number_is_left(text):
    assert texts(text, SpanKind.PERSONAL_NUMBER) == []


# --- Phones ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "599 12 34 56",
        "599-12-34-56",
        "599123456",
        "599 123 456",
        "(599) 12-34-56",
        "+995 599 12 34 56",
        "+995599123456",
        "995 599 12 34 56",
        "00995 577 11 22 33",
        "+995 (599) 12-34-56",
    ],
)
def test_a_georgian_mobile_number_in_any_form_is_found(number):
    assert texts(f"დამიკავშირდით ნომერზე {number}, გმადლობთ.", SpanKind.PHONE) == [number]


@pytest.mark.parametrize(
    "number",
    [
        "(0494) 25 12 34",
        "(0494) 22-12-34",
        "0494 22-11-33",
        "0494 221133",
        "(494) 22 11 33",
        "032 2 12 34 56",
        "(032) 212-34-56",
        "+995 32 212 34 56",
        "+995 494 22 11 33",
    ],
)
def test_a_landline_with_its_area_code_is_found(number):
    assert texts(f"სამსახურის ტელეფონი: {number}.", SpanKind.PHONE) == [number]


def test_a_short_local_number_counts_only_after_a_word_for_phone():
    assert texts("ტელ. 22 12 34", SpanKind.PHONE) == ["22 12 34"]
    assert texts("Tel.: 27 45 11", SpanKind.PHONE) == ["27 45 11"]
    assert texts("тел. 2-12-34", SpanKind.PHONE) == ["2-12-34"]
    assert texts("სახლში 22 12 34 ძირი ხე დარგეს", SpanKind.PHONE) == []
    assert texts("ტელეფონით დავრეკე 12-03-2026", SpanKind.PHONE) == []


@pytest.mark.parametrize(
    "text",
    [
        "წერილი LAN-2026-000123 მიღებულია",
        "პასუხი LAN-OUT-2026-000045",
        "თარიღი: 12.03.2026",
        "თარიღი: 2026-03-12",
        "დავრეკე ტელეფონით 12-03-2026",
        "2024-2026 წლებში",
        "საღამოს რეისი 18:30 საათზე",
        "ხელშეკრულების ღირებულება 486 250 ლარი",
        "ბიუჯეტი 500 000 000 ლარი",
        "ბიუჯეტი შეადგენდა 38,4 მლნ ლარს",
        "Сумма 599 000 000 руб.",
        "Budget: 515 000 000 GEL",
        "საკადასტრო კოდი 29.03.41.123",
        "საკადასტრო კოდი 43.18.35.079",
        "ს/კ 404851255",
        "შპს-ს საიდენტიფიკაციო კოდი 204566978",
        "IBAN GE29TB7194336080100003",
        "hotel 12345 on the corner",
    ],
)
def test_dates_codes_and_sums_are_no_phone_numbers(text):
    assert texts(text, SpanKind.PHONE) == []


# --- E-mail ---------------------------------------------------------------------------


def test_e_mail_addresses_are_found():
    text = "მომწერეთ: nino.beridze@example.ge ან N.Beridze+city@gmail.com; Пишите: ivan@mail.ru."
    assert texts(text, SpanKind.EMAIL) == [
        "nino.beridze@example.ge",
        "N.Beridze+city@gmail.com",
        "ivan@mail.ru",
    ]


def test_an_e_mail_address_wins_over_a_name_inside_it():
    spans = suggest("წერეთ nino.beridze@example.ge", names=["Nino Beridze"])
    assert [(s.kind, s.text) for s in spans] == [(SpanKind.EMAIL, "nino.beridze@example.ge")]


def test_a_web_address_or_an_at_sign_alone_is_no_e_mail():
    assert texts("იხ. www.lanchkhuti.gov.ge და @lanchkhuti", SpanKind.EMAIL) == []


# --- Street addresses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ვცხოვრობ ქ. ლანჩხუთი, ჟორდანიას ქ. №12, ბინა 5.", "ჟორდანიას ქ. №12, ბინა 5"),
        ("მისამართი: რუსთაველის ქუჩა 7ა", "რუსთაველის ქუჩა 7ა"),
        ("ჭავჭავაძის გამზ. 45/2-ში", "ჭავჭავაძის გამზ. 45/2"),
        ("რუსთაველის გამზირი 10, ბ. 3", "რუსთაველის გამზირი 10, ბ. 3"),
        ("მე-3 შესახვევი 4", "მე-3 შესახვევი 4"),
        ("გოგებაშვილის ჩიხი N 2", "გოგებაშვილის ჩიხი N 2"),
        ("ნინოშვილის ქუჩის №15-ში ვცხოვრობ", "ნინოშვილის ქუჩის №15"),
        ("I live at 12 Rustaveli Avenue, apt 4.", "12 Rustaveli Avenue, apt 4"),
        ("Address: Zhordania St. 5", "Zhordania St. 5"),
        ("Nigoiti, Rustaveli st. 5", "Rustaveli st. 5"),
        ("Проживаю: ул. Жордания, д. 12, кв. 5.", "ул. Жордания, д. 12, кв. 5"),
        ("пр. Руставели 45", "пр. Руставели 45"),
        ("улица Церетели, дом 3", "улица Церетели, дом 3"),
    ],
)
def test_a_street_address_with_a_house_number_is_found(text, address):
    assert texts(text, SpanKind.ADDRESS) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "ჟორდანიას ქუჩაზე გარე განათება არ მუშაობს.",
        "ჟორდანიას ქუჩაზე 3 ბოძი არ ანათებს.",
        "რუსთაველის ქუჩის 200 მეტრი დაზიანებულია.",
        "ჟორდანიას ქ. 2026 წელს შეკეთდა.",
        "ქ. ლანჩხუთი, სოფ. ნიგოითი",
        "The street lights on Rustaveli street have not worked since October.",
        "Rustaveli Avenue 300 metres were repaired.",
        "На улице Жордания 3 фонаря не горят.",
    ],
)
def test_a_street_named_for_the_matter_of_the_letter_stays(text):
    assert texts(text, SpanKind.ADDRESS) == []


# --- Names ----------------------------------------------------------------------------


def test_a_georgian_name_is_found_in_every_case_form():
    text = (
        "მე, ნინო ბერიძე, ვითხოვ... ნინო ბერიძის განცხადება; ბერიძემ დარეკა; ბერიძესთან "
        "შეხვედრა; ნინოს წერილი; ბერიძეების ოჯახი; ბერიძისთვის."
    )
    assert texts(text, SpanKind.NAME, names=["ნინო ბერიძე"]) == [
        "ნინო ბერიძე",
        "ნინო ბერიძის",
        "ბერიძემ",
        "ბერიძესთან",
        "ნინოს",
        "ბერიძეების",
        "ბერიძისთვის",
    ]


def test_a_name_ending_in_i_loses_it_in_declension():
    text = "გიორგიმ და ჩხარტიშვილმა დაწერეს; გიორგის; ჩხარტიშვილისთვის."
    assert texts(text, SpanKind.NAME, names=["გიორგი ჩხარტიშვილი"]) == [
        "გიორგიმ",
        "ჩხარტიშვილმა",
        "გიორგის",
        "ჩხარტიშვილისთვის",
    ]


def test_a_name_is_no_prefix_of_another_word():
    text = "ანა ითხოვს ანაზღაურებას; ნინა და ნინოშვილი სხვა ხალხია."
    assert texts(text, SpanKind.NAME, names=["ანა", "ნინო"]) == ["ანა"]


def test_a_georgian_name_is_found_in_latin_and_cyrillic_letters():
    text = "Nino Beridze wrote; Нино Беридзе писала; Beridze's neighbour."
    assert texts(text, SpanKind.NAME, names=["ნინო ბერიძე"]) == [
        "Nino Beridze",
        "Нино Беридзе",
        "Beridze's",
    ]


def test_a_name_typed_in_latin_letters_is_found_in_georgian():
    text = "ნინო ბერიძის განცხადება; თამარ ტაკიძემ"
    assert texts(text, SpanKind.NAME, names=["Nino Beridze", "Tamar Takidze"]) == [
        "ნინო ბერიძის",
        "თამარ ტაკიძემ",
    ]


def test_a_russian_name_is_found_declined():
    assert texts("Ивана Петрова и Петровым", SpanKind.NAME, names=["Иван Петров"]) == [
        "Ивана Петрова",
        "Петровым",
    ]


def test_names_separated_by_a_comma_stay_apart():
    spans = suggest("ნინო, ბერიძე", names=["ნინო ბერიძე"])
    assert [s.text for s in spans] == ["ნინო", "ბერიძე"]


# --- The author's own contacts --------------------------------------------------------------


def test_the_authors_phone_is_found_whatever_its_spacing():
    spans = suggest("ჩემი ნომერი 577112233 და +995 577 11 22 33", contacts=["+995 577 11 22 33"])
    assert [(s.kind, s.text) for s in spans] == [
        (SpanKind.PHONE, "577112233"),
        (SpanKind.PHONE, "+995 577 11 22 33"),
    ]


def test_the_authors_address_is_found_as_written():
    spans = suggest("მისამართი: ნიგოითი, ცენტრალური 5", contacts=["ნიგოითი, ცენტრალური 5"])
    assert [(s.kind, s.text) for s in spans] == [(SpanKind.ADDRESS, "ნიგოითი, ცენტრალური 5")]


def test_a_village_alone_is_not_taken_for_the_authors_address():
    assert suggest("სოფ. ნიგოითში გზა დაზიანებულია", contacts=["სოფ. ნიგოითი"]) == []


# --- Together ---------------------------------------------------------------------------------


def test_a_letter_with_everything_gets_every_suggestion_in_order():
    text = (
        "პატივცემულო ბატონო მერო,\n"
        "მე, ნინო ბერიძე (პ/ნ 01024012345), მცხოვრები ქ. ლანჩხუთი, ჟორდანიას ქ. №12, "
        "გთხოვთ... ტელ: 599 12 34 56, ელფოსტა nino.beridze@example.ge.\n"
        "წერილი LAN-2026-000123-ის გაგრძელებაა, 12.03.2026."
    )
    assert found(text, names=["ნინო ბერიძე"]) == [
        (SpanKind.NAME, "ნინო ბერიძე"),
        (SpanKind.PERSONAL_NUMBER, "01024012345"),
        (SpanKind.ADDRESS, "ჟორდანიას ქ. №12"),
        (SpanKind.PHONE, "599 12 34 56"),
        (SpanKind.EMAIL, "nino.beridze@example.ge"),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "ნინო ბერიძე",
                " ",
                "599 12 34 56",
                "01024012345",
                "ჟორდანიას ქ. 12",
                "nino@example.ge",
                ", ",
                "ბერიძის",
                "ტელ.",
                "-",
                "5",
                "ул. Жордания, д. 1",
            ]
        ),
        max_size=12,
    )
)
def test_suggestions_never_overlap_and_match_the_text(parts):
    text = "".join(parts)
    spans = suggest(text, names=["ნინო ბერიძე"], contacts=["nino@example.ge"])
    for span in spans:
        assert text[span.start : span.end] == span.text
    for first, second in itertools.pairwise(spans):
        assert first.end <= second.start
    apply(text, spans, language="en")


# --- Applying ---------------------------------------------------------------------------------


def test_applied_spans_become_placeholders_in_the_letters_language():
    text = "ტელ: 599 12 34 56, პ/ნ 01024012345"
    assert apply(text, suggest(text), language="en") == (
        "ტელ: [phone number removed], პ/ნ [personal number removed]"
    )
    with translation.override("ka"):
        expected = placeholder(SpanKind.PHONE, "ka")
    assert apply("599 12 34 56", suggest("599 12 34 56"), language="ka") == expected


def test_only_the_accepted_spans_are_applied():
    text = "ტელ: 599 12 34 56, პ/ნ 01024012345"
    phone, personal = suggest(text)
    assert (
        apply(text, [personal], language="en") == "ტელ: 599 12 34 56, პ/ნ [personal number removed]"
    )
    assert phone.kind == SpanKind.PHONE


def test_overlapping_or_stale_spans_are_refused():
    text = "ტელ: 599 12 34 56"
    with pytest.raises(ValueError, match="overlaps"):
        apply(
            text,
            [Span(5, 17, SpanKind.PHONE, text[5:17]), Span(6, 9, SpanKind.PHONE, text[6:9])],
            language="en",
        )
    with pytest.raises(ValueError, match="does not match"):
        apply(text, [Span(0, 3, SpanKind.NAME, "ნინო")], language="en")


# --- Flags ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "word"),
    [
        ("მაქვს დიაბეტი და მჭირდება მედიკამენტები.", Category.HEALTH, "დიაბეტი"),
        ("ვარ შშმ პირი.", Category.HEALTH, "შშმ"),
        ("ჩემი შვილი დაავადებულია.", Category.HEALTH, "დაავადებულია"),
        ("I am disabled and need a ramp.", Category.HEALTH, "disabled"),
        ("Я инвалид второй группы.", Category.HEALTH, "инвалид"),
        ("ვარ მართლმადიდებელი.", Category.RELIGION, "მართლმადიდებელი"),
        ("მუსლიმი თემის წარმომადგენელი.", Category.RELIGION, "მუსლიმი"),
        ("We are Jehovah's Witnesses.", Category.RELIGION, "Jehovah"),
        ("Мы православные.", Category.RELIGION, "православные"),
        ("ჩემი ძმა ნასამართლევია.", Category.CRIMINAL, "ნასამართლევია"),
        ("He was convicted in 2019.", Category.CRIMINAL, "convicted"),
        ("Мой сын был судим.", Category.CRIMINAL, "судим"),
        ("ჩვენი ოჯახი აზერბაიჯანელია.", Category.ETHNICITY, "აზერბაიჯანელია"),
        ("ეთნიკური უმცირესობის წარმომადგენელი.", Category.ETHNICITY, "ეთნიკური"),
        ("ეზიდი ოჯახი.", Category.ETHNICITY, "ეზიდი"),
        ("We are a Roma family.", Category.ETHNICITY, "Roma"),
        ("Армянская семья.", Category.ETHNICITY, "Армянская"),
        ("ვარ ოპოზიციური პარტიის წევრი.", Category.POLITICS, "ოპოზიციური"),
        ("I am a party member of the opposition.", Category.POLITICS, "party member"),
        ("Участвовал в митинге.", Category.POLITICS, "митинге"),
        ("თითის ანაბეჭდი აიღეს.", Category.BIOMETRICS, "თითის ანაბეჭდი"),
    ],
)
def test_words_of_special_categories_are_flagged_with_their_category(text, category, word):
    assert (category, word) in [(flag.category, flag.text) for flag in flags(text)]


@pytest.mark.parametrize(
    "text",
    [
        "სექტემბერში გზა შეკეთდა.",
        "ეკლესიისკენ მიმავალ გზაზე განათება არ მუშაობს.",
        "The wastewater treatment plant smells.",
        "ბიუჯეტის პროექტზე წინადადება.",
        "ჟორდანიას ქუჩაზე ორმოებია.",
        "ნაგავი ხელით ეზიდება კონტეინერამდე.",
        "ზამთრის ქურთუკები სკოლას გადაეცა.",
    ],
)
def test_ordinary_municipal_words_are_not_flagged(text):
    assert flags(text) == []


def test_flags_are_not_suggestions():
    text = "მაქვს დიაბეტი."
    assert suggest(text) == []
    assert flags(text)[0].label == str(Category.HEALTH.label)
