"""The shipped translation catalogs are complete, current and compiled."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

PACKAGE = Path(settings.BASE_DIR) / "emanager"
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def catalog(lang: str, ext: str = "po") -> Path:
    return PACKAGE / "locale" / lang / "LC_MESSAGES" / f"django.{ext}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_no_empty_entry(lang):
    po = polib.pofile(str(catalog(lang)))
    assert [e.msgid for e in po.untranslated_entries()] == []
    empty_plurals = [e.msgid for e in po if e.msgid_plural and not all(e.msgstr_plural.values())]
    assert empty_plurals == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_no_fuzzy_entry(lang):
    po = polib.pofile(str(catalog(lang)))
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalog_matches_its_source(lang):
    po = polib.pofile(str(catalog(lang)))
    mo = polib.mofile(str(catalog(lang, "mo")))
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in po.translated_entries()
    }
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in mo if e.msgid}
    assert compiled == source, "a .mo file is stale: run make compilemessages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    import re

    pattern = re.compile(r"%\(\w+\)s")
    for entry in polib.pofile(str(catalog(lang))).translated_entries():
        translations = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for text in translations:
            assert set(pattern.findall(text)) <= set(
                pattern.findall(entry.msgid + entry.msgid_plural)
            ), entry.msgid
            assert set(pattern.findall(text)) >= set(pattern.findall(entry.msgid)) - {"%(counter)s"}


def test_catalogs_contain_every_string_of_the_code(tmp_path, settings):
    """makemessages on a copy of the code finds nothing the catalog lacks."""
    copy = tmp_path / "emanager"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__"))
    (copy / "locale" / "ka" / "LC_MESSAGES").mkdir(parents=True)
    settings.LOCALE_PATHS = []
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        call_command("makemessages", locale=["ka"], ignore_patterns=["migrations"], verbosity=0)
    finally:
        os.chdir(cwd)
    extracted = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/ka/LC_MESSAGES/django.po"))
    }
    shipped = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalog("ka")))}
    assert extracted - shipped == set(), "run make messages and translate the new strings"
    assert shipped - extracted == set(), "the catalog has strings the code no longer uses"
