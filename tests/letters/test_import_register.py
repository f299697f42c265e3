"""manage.py import_register: historical registers become letters that keep their numbers."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone, translation

from emanager.deadlines.selectors import deadline_for
from emanager.directory.models import BodyKind
from emanager.letters.choices import (
    Channel,
    EventKind,
    LetterKind,
    LetterStatus,
    MessageStatus,
    Outcome,
    Publication,
)
from emanager.letters.importer import ImportFailed, parse_date, parse_number, register_import
from emanager.letters.models import Event, Letter, Message, Register, RegisterCounter
from emanager.letters.numbering import number_take, register_for
from emanager.letters.timeline import chain_verify
from tests.factories import BodyFactory

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "lanchkhuti_foi_register.csv"
HEADERS = [
    "რეგისტრაციის ნომერი",
    "შემოსვლის თარიღი",
    "განმცხადებელი",
    "მოთხოვნის შინაარსი",
    "გაცემის თარიღი",
    "ვინ გასცა",
    "პასუხისმგებელი პირი",
]
ROWS = [
    [
        "FOI12/23-249",
        "12.12.2023",
        "გაზეთი „ლანჩხუთის ექო“",
        "ქალაქის დღის ღონისძიებების ხარჯები, მომწოდებლების მიხედვით",
        "15.12.2023",
        "კულტურის სამსახური",
        "მარინა გოგიტიძე",
    ],
    [
        "FOI12/23-250",
        "27.12.2023",
        "ფიზიკური პირი",
        "ბაგა-ბაღების გაერთიანებაში დასაქმებულთა რაოდენობა",
        "",
        "",
        "მარინა გოგიტიძე",
    ],
]


@pytest.fixture
def city_hall(municipality):
    return BodyFactory(
        municipality=municipality, kind=BodyKind.CITY_HALL, slug="city-hall", name_ka="მერია"
    )


def write_csv(path: Path, rows, *, header=HEADERS, encoding="utf-8", delimiter=",", above=()):
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerows(above)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows, *, header=HEADERS, above=(), sheet="რეესტრი"):
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in above:
        worksheet.append(list(row))
    worksheet.append(header)
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    return path


def run(path, *args, body="city-hall"):
    out, err = io.StringIO(), io.StringIO()
    extra = ["--body", body] if body else []
    call_command("import_register", str(path), *extra, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(path, *args, body="city-hall"):
    err = io.StringIO()
    extra = ["--body", body] if body else []
    with pytest.raises(CommandError) as raised:
        call_command("import_register", str(path), *extra, *args, stdout=io.StringIO(), stderr=err)
    return raised.value, err.getvalue()


# --- The sample and the default Lanchkhuti mapping -----------------------------------


def test_the_sample_lanchkhuti_register_imports(municipality, city_hall):
    out, _ = run(SAMPLE)

    letters = Letter.objects.filter(channel=Channel.IMPORT)
    assert letters.count() == 15
    assert "Imported 15 letter(s)" in out
    first = letters.get(number="FOI12/23-241")
    assert first.author_name == "ა(ა)იპ „სამოქალაქო ხმა გურიაში“"
    assert first.body.startswith("2023 წლის ბიუჯეტის შესრულება")
    assert (first.year, first.sequence) == (2023, 241)


def test_the_sample_reports_its_header_line_below_the_title(municipality, city_hall):
    out, _ = run(SAMPLE)

    assert "header on line 3" in out


def test_no_progress_bar_is_drawn_when_stderr_is_no_terminal(municipality, city_hall, capsys):
    run(SAMPLE)

    assert capsys.readouterr().err == ""


def test_a_row_becomes_a_closed_answered_letter_with_its_dates(municipality, city_hall, tmp_path):
    run(write_csv(tmp_path / "r.csv", ROWS))

    letter = Letter.objects.get(number="FOI12/23-249")
    local = timezone.localtime(letter.registered_at, timezone.get_default_timezone())
    assert (local.date(), local.hour) == (datetime.date(2023, 12, 12), 12)
    assert letter.created_at == letter.registered_at
    assert letter.status == LetterStatus.CLOSED
    assert letter.outcome == Outcome.ANSWERED
    assert timezone.localdate(letter.answered_at) == datetime.date(2023, 12, 15)
    assert letter.closed_at == letter.answered_at
    assert letter.kind == LetterKind.PUBLIC_INFORMATION
    assert letter.addressee_body == city_hall
    assert letter.channel == Channel.IMPORT


def test_the_deadline_is_the_legal_one_from_the_date_received(municipality, city_hall, tmp_path):
    run(write_csv(tmp_path / "r.csv", ROWS))

    letter = Letter.objects.get(number="FOI12/23-249")
    assert letter.deadline == deadline_for(
        municipality=municipality,
        kind=LetterKind.PUBLIC_INFORMATION,
        registered_at=letter.registered_at,
    )


def test_an_issued_row_has_a_sent_answer_by_who_supplied_it(municipality, city_hall, tmp_path):
    run(write_csv(tmp_path / "r.csv", ROWS))

    answer = Message.objects.get(letter__number="FOI12/23-249")
    assert answer.is_answer
    assert answer.status == MessageStatus.SENT
    assert answer.source == Channel.IMPORT
    assert answer.author_label == "კულტურის სამსახური"
    assert timezone.localdate(answer.sent_at) == datetime.date(2023, 12, 15)
    assert answer.created_at == answer.sent_at
    with translation.override("ka"):
        assert answer.body == translation.gettext("Information issued (imported record).")


def test_a_row_without_date_issued_stays_open_without_an_answer(municipality, city_hall, tmp_path):
    out, _ = run(write_csv(tmp_path / "r.csv", ROWS))

    letter = Letter.objects.get(number="FOI12/23-250")
    assert letter.status == LetterStatus.OPEN
    assert letter.outcome == ""
    assert letter.answered_at is None
    assert not letter.messages.exists()
    assert "1 closed as answered, 1 left open" in out


def test_imported_letters_are_private(municipality, city_hall, tmp_path):
    run(write_csv(tmp_path / "r.csv", ROWS))

    for letter in Letter.objects.filter(channel=Channel.IMPORT):
        assert letter.publication == Publication.PRIVATE
        assert letter.consent_at is None
        assert letter.consent_text == ""


def test_each_letter_gets_one_imported_event_with_the_historical_data(
    municipality, city_hall, tmp_path
):
    before = timezone.now()
    run(write_csv(tmp_path / "register.csv", ROWS))

    event = Event.objects.get(letter__number="FOI12/23-249")
    assert event.kind == EventKind.IMPORTED
    assert event.created_at >= before
    assert event.data["source"] == "register.csv"
    assert event.data["line"] == 2
    assert event.data["received"] == "2023-12-12"
    assert event.data["issued"] == "2023-12-15"
    assert event.data["responsible"] == "მარინა გოგიტიძე"
    assert event.data["row"]["ვინ გასცა"] == "კულტურის სამსახური"


def test_the_timeline_chain_stays_intact(municipality, city_hall, registered, tmp_path):
    registered()
    run(SAMPLE)

    assert chain_verify(municipality) is None


def test_the_user_given_is_recorded_as_registering(municipality, city_hall, tmp_path):
    from django.contrib.auth import get_user_model

    clerk = get_user_model().objects.create_user("clerk", password="x" * 12)
    run(write_csv(tmp_path / "r.csv", ROWS), "--user", "clerk")

    letter = Letter.objects.get(number="FOI12/23-249")
    assert letter.registered_by == clerk
    assert letter.events.get().actor == clerk


def test_a_body_column_addresses_each_letter(municipality, city_hall, finance, tmp_path):
    rows = [[*row, body] for row, body in zip(ROWS, ["მერია", "finance"], strict=True)]
    run(write_csv(tmp_path / "r.csv", rows, header=[*HEADERS, "ადრესატი"]), body=None)

    assert Letter.objects.get(number="FOI12/23-249").addressee_body == city_hall
    assert Letter.objects.get(number="FOI12/23-250").addressee_body == finance


def test_an_unknown_body_in_the_column_is_a_row_error(municipality, city_hall, tmp_path):
    rows = [[*ROWS[0], "მთვარის სამსახური"]]
    _, err = run_failing(
        write_csv(tmp_path / "r.csv", rows, header=[*HEADERS, "ადრესატი"]), body=None
    )

    assert "line 2, column 8 “ადრესატი”" in err
    assert "მთვარის სამსახური" in err


# --- Numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "received", "expected"),
    [
        ("FOI12/23-250", datetime.date(2023, 12, 27), (2023, 250)),
        ("FOI12/23-250", datetime.date(2024, 1, 3), (2023, 250)),
        ("LAN-2024-000123", datetime.date(2024, 5, 2), (2024, 123)),
        ("250", datetime.date(2023, 5, 2), (2023, 250)),
        # 12 is no year near 2023: the date received gives the year.
        ("12/250", datetime.date(2023, 5, 2), (2023, 250)),
        ("98-17", datetime.date(1998, 5, 2), (1998, 17)),
    ],
)
def test_year_and_sequence_are_read_from_the_number(number, received, expected):
    assert parse_number(number, received=received) == expected


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("№ FOI12/23-250", "FOI12/23-250"),
        ("№FOI12/23-250", "FOI12/23-250"),
        ("No. 17", "17"),
        ("N 17", "17"),
        ("NIG-2023-5", "NIG-2023-5"),
        ("  FOI12/23-250 \n", "FOI12/23-250"),
    ],
)
def test_a_number_label_is_dropped_and_the_rest_kept(written, kept):
    from emanager.letters.importer.values import clean_number

    assert clean_number(written) == kept


def test_a_number_without_digits_is_refused():
    with pytest.raises(ValueError, match="no digits"):
        parse_number("FOI", received=datetime.date(2023, 1, 1))


def test_numbers_are_kept_as_written(municipality, city_hall, tmp_path):
    rows = [
        ["№ FOI12/23-7", "03.02.2023", "შპს „სუფსა-ბილდი“", "ტენდერების სია", "", "", ""],
        ["LAN-2024-000123", "02.05.2024", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""],
    ]
    run(write_csv(tmp_path / "r.csv", rows))

    numbers = set(Letter.objects.values_list("number", "year", "sequence"))
    assert numbers == {("FOI12/23-7", 2023, 7), ("LAN-2024-000123", 2024, 123)}


def test_the_next_web_letter_of_the_year_continues_after_the_imported_numbers(
    municipality, city_hall, registered, tmp_path
):
    today = timezone.localdate(timezone.now(), timezone.get_default_timezone())
    row = [f"LAN-{today.year}-000040", today.strftime("%d.%m.%Y"), "ფიზიკური პირი", "ბიუჯეტი"]
    run(write_csv(tmp_path / "r.csv", [[*row, "", "", ""]]))

    letter = registered(kind=LetterKind.PUBLIC_INFORMATION)

    assert letter.register == Letter.objects.get(channel=Channel.IMPORT).register
    assert letter.sequence == 41


def test_the_series_of_a_past_year_continues_after_the_maximum(municipality, city_hall):
    run(SAMPLE)

    register = register_for(municipality=municipality, kind=LetterKind.PUBLIC_INFORMATION)
    with transaction.atomic():
        assert number_take(register=register, year=2023) == 251
        assert number_take(register=register, year=2024) == 6


def test_the_summary_shows_each_year_and_its_new_counter(municipality, city_hall):
    out, _ = run(SAMPLE)

    assert "2023: 10 letter(s); the counter goes from 0 to 250." in out
    assert "2024: 5 letter(s); the counter goes from 0 to 5." in out


def test_a_counter_is_never_lowered(municipality, city_hall, tmp_path):
    register = register_for(municipality=municipality, kind=LetterKind.PUBLIC_INFORMATION)
    RegisterCounter.objects.create(register=register, year=2023, last_number=300)

    run(write_csv(tmp_path / "r.csv", ROWS))

    assert RegisterCounter.objects.get(register=register, year=2023).last_number == 300


def test_a_new_register_reads_numbers_by_its_format(municipality, city_hall):
    run(SAMPLE, "--register", "FOI12/", "--number-format", "{prefix}{yy}-{number}")

    register = Register.objects.get(prefix="FOI12/")
    assert register.kind == LetterKind.PUBLIC_INFORMATION
    assert Letter.objects.filter(register=register).count() == 15
    with transaction.atomic():
        sequence = number_take(register=register, year=2023)
    assert register.format_number(year=2023, number=sequence) == "FOI12/23-251"


def test_a_second_register_for_a_kind_that_has_one_is_refused(municipality, city_hall):
    Register.objects.create(
        municipality=municipality, kind=LetterKind.PUBLIC_INFORMATION, name="FOI", prefix="SI"
    )

    error, _ = run_failing(SAMPLE, "--register", "FOI12/")

    assert "--register SI" in str(error)
    assert not Letter.objects.exists()


def test_a_number_in_a_year_far_from_its_date_is_a_row_error(municipality, city_hall, tmp_path):
    rows = [["FOI12/19-5", "03.02.2023", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]
    args = ["--register", "FOI12/", "--number-format", "{prefix}{yy}-{number}"]

    _, err = run_failing(write_csv(tmp_path / "r.csv", rows), *args)

    assert "line 2, column 1 “რეგისტრაციის ნომერი”" in err
    assert "2019" in err


def test_a_cell_with_number_and_date_is_split(municipality, city_hall, tmp_path):
    header = ["რეგისტრაციის ნომერი და თარიღი", *HEADERS[2:]]
    rows = [["FOI12/23-250, 27.12.2023", *ROWS[1][2:]], ["FOI12/24-1 08.01.2024წ.", *ROWS[1][2:]]]
    run(write_csv(tmp_path / "r.csv", rows, header=header))

    letter = Letter.objects.get(number="FOI12/23-250")
    assert timezone.localdate(letter.registered_at) == datetime.date(2023, 12, 27)
    assert Letter.objects.get(number="FOI12/24-1").sequence == 1


# --- Row errors: all or nothing -------------------------------------------------------


def test_a_bad_date_is_reported_with_line_and_column_and_nothing_is_imported(
    municipality, city_hall, tmp_path
):
    rows = [ROWS[0], ["FOI12/23-251", "31.02.2023", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]

    error, err = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert "line 3, column 2 “შემოსვლის თარიღი”" in err
    assert "31.02.2023" in err
    assert "1 row error(s): nothing was imported." in str(error)
    assert not Letter.objects.exists()
    assert not Event.objects.exists()
    assert not RegisterCounter.objects.exists()


def test_a_missing_number_is_a_row_error(municipality, city_hall, tmp_path):
    rows = [ROWS[0], ["", "13.12.2023", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]

    _, err = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert "line 3, column 1 “რეგისტრაციის ნომერი”: the registration number is empty." in err
    assert not Letter.objects.exists()


def test_a_number_repeated_in_the_file_names_both_lines(municipality, city_hall, tmp_path):
    rows = [ROWS[0], ROWS[1], [*ROWS[1][:1], "28.12.2023", *ROWS[1][2:]]]

    _, err = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert "line 4, column 1" in err
    assert "repeats the number of line 3" in err
    assert not Letter.objects.exists()


def test_a_number_already_in_the_register_is_a_row_error(
    municipality, city_hall, registered, tmp_path
):
    existing = registered(kind=LetterKind.PUBLIC_INFORMATION)
    today = timezone.localdate(timezone.now(), timezone.get_default_timezone())
    row = [existing.number, today.strftime("%d.%m.%Y"), "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]

    _, err = run_failing(write_csv(tmp_path / "r.csv", [ROWS[0], row]))

    assert "line 3, column 1" in err
    assert "already in the register" in err
    assert Letter.objects.count() == 1


def test_every_row_error_is_reported_not_only_the_first(municipality, city_hall, tmp_path):
    rows = [
        ["FOI12/23-1", "xx", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""],
        *[[f"FOI12/23-{n}", "01.03.2023", "ფიზიკური პირი", "ა", "", "", ""] for n in range(2, 700)],
        ["FOI12/23-700", "01.03.2023", "", "ბიუჯეტი", "01.02.2023", "", ""],
    ]

    error, err = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert "line 2, column 2" in err
    assert "line 701, column 3 “განმცხადებელი”: the requester is empty." in err
    assert "line 701, column 5 “გაცემის თარიღი”" in err
    assert "3 row error(s)" in str(error)
    assert not Letter.objects.exists()
    assert not Event.objects.exists()


def test_a_date_issued_before_the_date_received_is_a_row_error(municipality, city_hall, tmp_path):
    rows = [["FOI12/23-1", "05.03.2023", "ფიზიკური პირი", "ბიუჯეტი", "01.03.2023", "", ""]]

    _, err = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert "is before the date received" in err


def test_a_date_in_the_future_is_a_row_error(municipality, city_hall, tmp_path):
    future = timezone.localdate() + datetime.timedelta(days=3)
    rows = [["X-1", future.strftime("%d.%m.%Y"), "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]

    _, err = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert "is in the future" in err


def test_a_file_without_the_headers_is_refused(municipality, city_hall, tmp_path):
    error, _ = run_failing(write_csv(tmp_path / "r.csv", ROWS, header=["a", "b", "c"]))

    assert "No header row found" in str(error)
    assert "რეგისტრაციის ნომერი" in str(error)


def test_a_missing_body_is_refused_before_reading(municipality, city_hall, tmp_path):
    error, _ = run_failing(write_csv(tmp_path / "r.csv", ROWS), body=None)

    assert "--body" in str(error)


def test_a_failed_import_returns_a_non_zero_exit_code(municipality, city_hall, tmp_path):
    rows = [["FOI12/23-1", "xx", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]

    error, _ = run_failing(write_csv(tmp_path / "r.csv", rows))

    assert error.returncode == 1


def test_the_command_line_exits_with_status_1_and_prints_the_errors(
    municipality, city_hall, tmp_path, monkeypatch, capsys
):
    from django.core.management import base

    from emanager.letters.management.commands.import_register import Command

    # run_from_argv closes the connections at the end; the test's transaction needs them.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)
    path = write_csv(tmp_path / "r.csv", [["", "01.03.2023", "ფიზიკური პირი", "ა", "", "", ""]])

    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "import_register", str(path), "--body", "city-hall"])

    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "line 2, column 1" in err
    assert "nothing was imported" in err


def test_the_service_raises_with_every_error_in_its_report(municipality, city_hall, tmp_path):
    rows = [["FOI12/23-1", "xx", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]

    with pytest.raises(ImportFailed) as failed:
        register_import(
            path=write_csv(tmp_path / "r.csv", rows), municipality=municipality, body=city_hall
        )

    assert [(e.line, e.column) for e in failed.value.report.errors] == [(2, "2 “შემოსვლის თარიღი”")]


# --- Dry run --------------------------------------------------------------------------


def test_a_dry_run_counts_and_changes_nothing(municipality, city_hall, registered):
    registered()
    before = (
        Letter.objects.count(),
        Event.objects.count(),
        Message.objects.count(),
        list(RegisterCounter.objects.values_list("year", "last_number")),
        Register.objects.count(),
    )

    out, _ = run(SAMPLE, "--dry-run", "--register", "FOI12/")

    after = (
        Letter.objects.count(),
        Event.objects.count(),
        Message.objects.count(),
        list(RegisterCounter.objects.values_list("year", "last_number")),
        Register.objects.count(),
    )
    assert after == before
    assert "Would import 15 letter(s)" in out
    assert "Dry run: nothing was saved." in out
    assert "the counter goes from 0 to 250" in out


def test_a_dry_run_reports_row_errors_too(municipality, city_hall, tmp_path):
    rows = [["FOI12/23-1", "xx", "ფიზიკური პირი", "ბიუჯეტი", "", "", ""]]

    _, err = run_failing(write_csv(tmp_path / "r.csv", rows), "--dry-run")

    assert "line 2, column 2" in err


# --- Formats: encodings, delimiters, XLSX ---------------------------------------------


def test_a_csv_with_bom_and_semicolons_imports(municipality, city_hall, tmp_path):
    path = write_csv(tmp_path / "r.csv", ROWS, encoding="utf-8-sig", delimiter=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    run(path)

    assert Letter.objects.get(number="FOI12/23-249").author_name == "გაზეთი „ლანჩხუთის ექო“"


def test_a_utf16_tab_separated_file_imports(municipality, city_hall, tmp_path):
    # What Excel writes as "Unicode text".
    run(write_csv(tmp_path / "r.txt", ROWS, encoding="utf-16", delimiter="\t"))

    assert Letter.objects.count() == 2


def test_a_utf16_file_without_bom_imports(municipality, city_hall, tmp_path):
    path = write_csv(tmp_path / "r.csv", ROWS, encoding="utf-16-le")
    assert not path.read_bytes().startswith(b"\xff\xfe")

    run(path)

    assert Letter.objects.get(number="FOI12/23-249").author_name == "გაზეთი „ლანჩხუთის ექო“"


def test_a_cp1251_russian_register_imports(municipality, city_hall, tmp_path):
    header = ["Номер", "Дата поступления", "Заявитель", "Содержание запроса", "Дата выдачи"]
    rows = [["ЗИ-2023/17", "03.04.2023", "ООО «Гурия»", "Бюджет на 2023 год", "10.04.2023"]]

    run(write_csv(tmp_path / "r.csv", rows, header=header, encoding="cp1251", delimiter=";"))

    letter = Letter.objects.get()
    assert (letter.number, letter.year, letter.sequence) == ("ЗИ-2023/17", 2023, 17)


def test_the_delimiter_can_be_given(municipality, city_hall, tmp_path):
    run(write_csv(tmp_path / "r.csv", ROWS, delimiter=";"), "--delimiter", ";")

    assert Letter.objects.count() == 2


def test_an_xlsx_register_with_date_cells_imports(municipality, city_hall, tmp_path):
    rows = [
        ["FOI12/23-249", datetime.datetime(2023, 12, 12), "გაზეთი „ლანჩხუთის ექო“", "ხარჯები"],
        ["FOI12/23-250", datetime.date(2023, 12, 27), "ფიზიკური პირი", "ვაკანსიები"],
    ]
    rows[0] += [datetime.datetime(2023, 12, 15), "კულტურის სამსახური", "მარინა გოგიტიძე"]
    rows[1] += [None, None, None]
    path = write_xlsx(tmp_path / "r.xlsx", rows, above=[["რეესტრი 2023"], []])

    out, _ = run(path)

    assert "header on line 3" in out
    letter = Letter.objects.get(number="FOI12/23-249")
    assert timezone.localdate(letter.answered_at) == datetime.date(2023, 12, 15)
    assert Letter.objects.get(number="FOI12/23-250").status == LetterStatus.OPEN


def test_an_xlsx_number_cell_and_excel_serial_date_are_read(municipality, city_hall, tmp_path):
    # 45272 is 12 December 2023 in Excel's day numbers.
    rows = [[249, 45272, "ფიზიკური პირი", "ხარჯები", None, None, None]]

    run(write_xlsx(tmp_path / "r.xlsx", rows))

    letter = Letter.objects.get()
    assert (letter.number, letter.year, letter.sequence) == ("249", 2023, 249)
    assert timezone.localdate(letter.registered_at) == datetime.date(2023, 12, 12)


def test_an_xlsx_error_names_the_row_and_the_column_letter(municipality, city_hall, tmp_path):
    rows = [["FOI12/23-1", "გუშინ", "ფიზიკური პირი", "ხარჯები", None, None, None]]

    _, err = run_failing(write_xlsx(tmp_path / "r.xlsx", rows, above=[["სათაური"]]))

    assert "line 3, column B “შემოსვლის თარიღი”" in err


def test_an_xlsx_sheet_is_chosen_by_name(municipality, city_hall, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["სხვა ცხრილი"])
    other = workbook.create_sheet("2023")
    other.append(HEADERS)
    other.append(ROWS[0])
    workbook.save(tmp_path / "r.xlsx")

    run(tmp_path / "r.xlsx", "--sheet", "2023")

    assert Letter.objects.get().number == "FOI12/23-249"


def test_an_unknown_sheet_is_refused(municipality, city_hall, tmp_path):
    error, _ = run_failing(write_xlsx(tmp_path / "r.xlsx", ROWS), "--sheet", "2031")

    assert "2031" in str(error)
    assert "რეესტრი" in str(error)


# --- Custom mappings ------------------------------------------------------------------

OTHER_HEADERS = ["Ref.", "Date in", "From", "What was asked", "Answered on", "Officer"]
OTHER_ROWS = [
    ["SI-2023/14", "06.03.2023", "ა(ა)იპ „გამჭვირვალე მუნიციპალიტეტი“", "გრანტები", "2023-03-10"],
]


def test_a_mapping_file_maps_another_registers_headers(municipality, city_hall, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "_comment": "Headers of the Chokhatauri register",
                "number": "Ref.",
                "received": ["Received on", "Date in"],
                "requester": "From",
                "summary": "What was asked",
                "issued": "Answered on",
                "responsible": "Officer",
            }
        ),
        encoding="utf-8",
    )

    run(write_csv(tmp_path / "r.csv", OTHER_ROWS, header=OTHER_HEADERS), "--mapping", str(mapping))

    letter = Letter.objects.get()
    assert (letter.number, letter.year, letter.sequence) == ("SI-2023/14", 2023, 14)
    assert letter.status == LetterStatus.CLOSED


def test_map_options_map_headers_one_by_one(municipality, city_hall, tmp_path):
    args = [
        "--map=number=Ref.",
        "--map=received=Date in",
        "--map=requester=From",
        "--map=summary=What was asked",
        "--map=issued=Answered on",
    ]

    run(write_csv(tmp_path / "r.csv", OTHER_ROWS, header=OTHER_HEADERS), *args)

    assert Letter.objects.get().number == "SI-2023/14"


def test_an_unknown_field_in_a_mapping_is_refused(municipality, city_hall, tmp_path):
    error, _ = run_failing(SAMPLE, "--map", "colour=Colour")

    assert "colour" in str(error)


def test_english_headers_are_recognised_by_default(municipality, city_hall, tmp_path):
    header = ["Registration number", "Date received", "Requester", "Summary", "Date issued"]

    run(write_csv(tmp_path / "r.csv", [ROWS[0][:5]], header=header))

    assert Letter.objects.get().number == "FOI12/23-249"


# --- Dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "12.03.2023",
        "12/03/2023",
        "2023-03-12",
        "12.03.23",
        "12.03.2023წ.",
        "12.03.2023 14:05",
        "2023-03-12 00:00:00",
        44997,
        datetime.datetime(2023, 3, 12, 9, 30),
    ],
)
def test_accepted_date_formats(value):
    assert parse_date(value) == datetime.date(2023, 3, 12)


def test_a_two_digit_year_after_the_present_one_is_of_the_last_century():
    assert parse_date("12.03.98") == datetime.date(1998, 3, 12)


@pytest.mark.parametrize("value", ["03/12/2023 x", "12 March 2023", "2023", "1.2", 12])
def test_other_date_forms_are_refused(value):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(value)


# --- Size -----------------------------------------------------------------------------


def test_a_large_file_imports_in_batches(municipality, city_hall, tmp_path):
    rows = [
        [f"FOI12/23-{n}", "01.03.2023", "ფიზიკური პირი", "ბიუჯეტი", "05.03.2023", "", ""]
        for n in range(1, 1201)
    ]

    out, _ = run(write_csv(tmp_path / "r.csv", rows), "--no-progress")

    assert Letter.objects.filter(channel=Channel.IMPORT).count() == 1200
    assert Event.objects.filter(kind=EventKind.IMPORTED).count() == 1200
    assert "the counter goes from 0 to 1200" in out


# --- What follows an import -------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_statistics_count_the_imported_letters(municipality, city_hall):
    """The rows are written in bulk, which no signal follows: the import rebuilds the
    accountability figures once it is committed."""
    from emanager.accountability.models import MonthlyFigures, Scope

    report = register_import(path=SAMPLE, municipality=municipality, body=city_hall)
    received = sum(
        MonthlyFigures.objects.filter(scope=Scope.BODY, object_id=city_hall.pk).values_list(
            "received", flat=True
        )
    )
    assert report.imported > 0
    assert received == Letter.objects.filter(addressee_body=city_hall).count() == report.imported
