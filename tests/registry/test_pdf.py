"""Rendering to PDF: the app's own fonts, and never the network."""

from __future__ import annotations

import io
import socket

import pypdf
import pytest

from emanager.registry import pdf
from tests.registry.conftest import pdf_text


@pytest.fixture
def template(tmp_path, settings):
    """A template from a string, rendered by render_pdf."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}
    ]

    def template_(html: str) -> str:
        (tmp_path / "doc.html").write_text(html, encoding="utf-8")
        return "doc.html"

    return template_


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def connect(self, address):
        attempts.append(address)
        raise AssertionError(f"WeasyPrint tried to reach {address}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", lambda *args, **kwargs: connect(None, args))
    return attempts


@pytest.mark.parametrize(
    "url",
    ["http://example.com/logo.png", "https://example.com/font.woff2", "ftp://example.com/x"],
)
def test_the_fetcher_refuses_the_network(url):
    with pytest.raises(ValueError, match="may not fetch"):
        pdf.LocalOnlyFetcher().fetch(url)


def test_the_fetcher_refuses_files_outside_the_fonts(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("private")

    with pytest.raises(ValueError, match="may not read"):
        pdf.LocalOnlyFetcher().fetch(secret.as_uri())
    with pytest.raises(ValueError, match="may not read"):
        pdf.LocalOnlyFetcher().fetch("file:///etc/passwd")


def test_the_fetcher_serves_the_fonts_and_data_addresses():
    font = pdf._font_dir() / "noto-sans-georgian-georgian-400-normal.woff2"

    assert pdf.LocalOnlyFetcher().fetch(font.as_uri()).read(4) == b"wOF2"
    assert pdf.LocalOnlyFetcher().fetch("data:text/plain;base64,b2s=").read() == b"ok"


def test_a_document_that_asks_for_remote_files_is_rendered_without_them(template, no_network):
    name = template(
        '<html><head><link rel="stylesheet" href="https://example.com/style.css">'
        "<style>@import url(http://example.com/more.css);</style></head>"
        '<body><img src="http://example.com/logo.png" alt=""><p>მუნიციპალიტეტი</p></body></html>'
    )

    content = pdf.render_pdf(name)

    assert no_network == []
    assert "მუნიციპალიტეტი" in pdf_text(content)


def test_georgian_is_set_in_the_apps_own_font(template):
    content = pdf.render_pdf(template("<html><body><p>ქართული <b>ტექსტი</b> and Latin</p>"))

    fonts = {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in pypdf.PdfReader(io.BytesIO(content)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"EM-Georgian", "EM-Georgian-Bold", "EM-Latin"} <= fonts


def test_russian_text_keeps_its_letters(template):
    # Two font files under one family name once swapped Cyrillic letters for Latin ones.
    content = pdf.render_pdf(template("<html><body><p>Привет, рука — Hello</p></body></html>"))

    assert "Привет, рука — Hello" in pdf_text(content)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", '"Page " counter(page) " of " counter(pages) ""')],
)
def test_the_page_counter_is_a_css_content_value(language, expected):
    from django.utils import translation

    with translation.override(language):
        assert pdf.page_counter() == expected


def test_the_page_counter_escapes_quotes(monkeypatch):
    monkeypatch.setattr(pdf, "_", lambda text: 'Seite "%(page)s" von %(pages)s')

    assert pdf.page_counter() == '"Seite \\"" counter(page) "\\" von " counter(pages) ""'


def test_the_pdf_is_tagged_for_screen_readers(template):
    content = pdf.render_pdf(template('<html lang="ka"><body><h1>სათაური</h1></body></html>'))

    catalog = pypdf.PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "ka"
