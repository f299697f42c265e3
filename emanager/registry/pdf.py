"""Printable documents: a Django template rendered to PDF by WeasyPrint.

The documents use the app's own fonts (Noto Sans Georgian and Noto Sans,
shipped in ``emanager/core/static/emanager/fonts``), declared here with
``file://`` addresses, so that Georgian is shaped the same on every server.
WeasyPrint never fetches anything from the network: its URL fetcher here
serves only ``data:`` addresses and files inside the fonts folder; anything
else (``http``, ``https``, ``ftp``, any other file) is refused and left out of
the document.

Importing WeasyPrint takes a second: views import this module when they
first print, not at start-up.
"""

from __future__ import annotations

import base64
import threading
from functools import cache
from pathlib import Path
from urllib.request import url2pathname

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

__all__ = ["LocalOnlyFetcher", "data_uri", "page_counter", "render_pdf"]

FONT_DIR = "emanager/fonts"

# (CSS family, file stem, unicode-range). One family per file: WeasyPrint
# mixes up the glyphs of two files declared under the same family name.
_FONTS = (
    (
        "EM Georgian",
        "noto-sans-georgian-georgian",
        "U+0589, U+10A0-10FF, U+1C90-1CBA, U+1CBD-1CBF, U+205A, U+2D00-2D2F, U+2E31",
    ),
    (
        "EM Latin",
        "noto-sans-latin",
        "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, "
        "U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, "
        "U+FEFF, U+FFFD",
    ),
    (
        "EM Latin Ext",
        "noto-sans-latin-ext",
        "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, "
        "U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, "
        "U+2113, U+2C60-2C7F, U+A720-A7FF",
    ),
    ("EM Cyrillic", "noto-sans-cyrillic", "U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116"),
    (
        "EM Cyrillic Ext",
        "noto-sans-cyrillic-ext",
        "U+0460-052F, U+1C80-1C8A, U+20B4, U+2DE0-2DFF, U+A640-A69F, U+FE2E-FE2F",
    ),
)

#: The ``font-family`` of the documents: the app's fonts, then the system's.
FONT_FAMILY = ", ".join(f'"{family}"' for family, _stem, _range in _FONTS) + ", sans-serif"


def _font_dir() -> Path:
    found = finders.find(f"{FONT_DIR}/noto-sans-georgian-georgian-400-normal.woff2")
    if not found:
        raise RuntimeError(f"The app's fonts are missing from the static files ({FONT_DIR}).")
    return Path(found).resolve().parent


@cache
def _font_css() -> str:
    folder = _font_dir()
    rules = []
    for family, stem, unicode_range in _FONTS:
        for weight in (400, 700):
            path = folder / f"{stem}-{weight}-normal.woff2"
            rules.append(
                f'@font-face {{ font-family: "{family}"; font-style: normal; '
                f'font-weight: {weight}; src: url("{path.as_uri()}") format("woff2"); '
                f"unicode-range: {unicode_range}; }}"
            )
    rules.append(f"html {{ font-family: {FONT_FAMILY}; }}")
    return "\n".join(rules)


class LocalOnlyFetcher(URLFetcher):
    """Serves ``data:`` addresses and the files of ``allowed_dirs`` (by default the
    app's fonts), nothing else: never the network."""

    def __init__(self, allowed_dirs: list[Path] | None = None, **kwargs):
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False, **kwargs)
        folders = allowed_dirs if allowed_dirs is not None else [_font_dir()]
        self.allowed_dirs = [folder.resolve() for folder in folders]

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "file":
            path = Path(url2pathname(url.removeprefix("file:").split("?")[0])).resolve()
            if not any(path.is_relative_to(folder) for folder in self.allowed_dirs):
                raise ValueError(f"A printed document may not read {url}")
        elif scheme != "data":
            raise ValueError(f"A printed document may not fetch {url}")
        return super().fetch(url, headers)


def data_uri(content: bytes, content_type: str) -> str:
    """Embed a small file (an emblem) in the document itself."""
    return f"data:{content_type};base64,{base64.b64encode(content).decode('ascii')}"


def page_counter() -> str:
    """The CSS ``content`` value that prints "Page 2 of 5" in the active language."""
    text = _("Page %(page)s of %(pages)s")
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    marker_page, marker_pages = "\x00page\x00", "\x00pages\x00"
    escaped = escaped % {"page": marker_page, "pages": marker_pages}
    return (
        '"'
        + escaped.replace(marker_page, '" counter(page) "').replace(
            marker_pages, '" counter(pages) "'
        )
        + '"'
    )


_loaded = threading.local()


def _fonts() -> tuple[FontConfiguration, CSS]:
    """The font configuration with the app's fonts loaded, once per thread.

    Loading the ten woff2 faces takes over a second; a loaded configuration
    renders the next document in milliseconds. WeasyPrint's font state is not
    shared between threads.
    """
    if not hasattr(_loaded, "fonts"):
        config = FontConfiguration()
        stylesheet = CSS(string=_font_css(), font_config=config, url_fetcher=LocalOnlyFetcher())
        _loaded.fonts = (config, stylesheet)
    return _loaded.fonts


def render_pdf(template_name: str, context: dict | None = None, *, request=None) -> bytes:
    """Render a template to the bytes of a tagged PDF, in the active language.

    The template gets ``page_counter`` (see :func:`page_counter`) besides its
    context; the app's fonts are added to its own styles.
    """
    html = render_to_string(
        template_name, {**(context or {}), "page_counter": page_counter()}, request=request
    )
    fonts, stylesheet = _fonts()
    document = HTML(string=html, url_fetcher=LocalOnlyFetcher())
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts, pdf_tags=True)
