"""The sender's own words: quoted messages and signatures off, in Georgian, Russian, English."""

import pytest

from emanager.mailin.reading import html_to_text
from emanager.mailin.replies import reply_text

ANSWER = "ნათურები შეიცვალა."


@pytest.mark.parametrize(
    "header",
    [
        "On Mon, 3 Nov 2026 at 10:15, Lanchkhuti <reply+x@mail.example.ge> wrote:",
        "ორშ, 3 ნოე. 2026, 10:15 ლანჩხუთი <reply+x@mail.example.ge> წერს:",
        "2026-11-03 10:15 GMT+04:00 ლანჩხუთი <reply+x@mail.example.ge>:",
        "пн, 3 нояб. 2026 г. в 10:15, Ланчхути <reply+x@mail.example.ge>:",
        "03.11.2026 10:15, Ланчхути пишет:",
        "ლანჩხუთის მუნიციპალიტეტი წერდა:",
        "-----Original Message-----",
        "-------- Исходное сообщение --------",
        "---------- Forwarded message ---------",
    ],
)
def test_the_quote_under_a_header_is_removed(header):
    text = f"{ANSWER}\n\n{header}\n> წერილი LAN-2026-000042\n> ქუჩის განათება\n"

    assert reply_text(text) == ANSWER


@pytest.mark.parametrize(
    "headers",
    [
        "From: Lanchkhuti <noreply@example.ge>\nSent: Monday, 3 November 2026\n"
        "To: Eka\nSubject: Letter",
        "От: Ланчхути <noreply@example.ge>\nОтправлено: 3 ноября 2026 г.\nКому: Эка\nТема: Письмо",
        "ვისგან: ლანჩხუთი <noreply@example.ge>\nგაგზავნილია: 3 ნოემბერი 2026\n"
        "ვის: ეკა\nთემა: წერილი",
    ],
)
def test_outlooks_header_block_starts_the_quote(headers):
    text = f"{ANSWER}\n\n________________________________\n{headers}\n\nწერილი\n"

    assert reply_text(text) == ANSWER


@pytest.mark.parametrize(
    "footer",
    [
        "Sent from my iPhone",
        "Get Outlook for Android",
        "Отправлено с iPhone",
        "Отправлено из мобильной Почты Mail.ru",
        "გაგზავნილია ჩემი iPhone-დან",
    ],
)
def test_a_phones_footer_is_removed(footer):
    assert reply_text(f"{ANSWER}\n\n{footer}\n") == ANSWER


def test_a_signature_after_the_standard_delimiter_is_removed():
    text = f"{ANSWER}\n\n-- \nეკა კვირიკაშვილი\n+995 494 22 14 05\nwww.lanchkhuti.example.ge\n"

    assert reply_text(text) == ANSWER


def test_closing_words_and_lists_are_the_answers_own():
    text = (
        "Thank you for your letter.\n"
        "Thanks, the work is planned:\n"
        "- the road in Nigoiti;\n"
        "- the bridge in Atsana.\n\n"
        "Best regards,\nEka Kvirikashvili\n"
    )

    assert reply_text(text) == text.strip()


def test_a_reply_below_the_quote_is_kept():
    text = (
        "On Mon, 3 Nov 2026, Lanchkhuti <a@b.ge> wrote:\n> the letter\n> more\n\n"
        "მე ვპასუხობ ქვემოთ.\n"
    )

    assert reply_text(text) == "მე ვპასუხობ ქვემოთ."


def test_quoted_lines_without_a_header_are_removed():
    assert reply_text(f"{ANSWER}\n\n> the letter\n> more\n") == ANSWER


def test_html_becomes_readable_text_without_markdown_escapes():
    html = (
        "<p>1. პირველი<br>2. მეორე</p><ul><li>ერთი</li></ul>"
        "<p>ფასი: 1 200 - 1 500 ლარი</p><hr><p><a href='https://a.ge/x'>ბმული</a></p>"
    )

    assert html_to_text(html) == (
        "1. პირველი\n2. მეორე\n\n  - ერთი\n\nფასი: 1 200 - 1 500 ლარი\n\n* * *\n\n"
        "[ბმული](https://a.ge/x)"
    )
