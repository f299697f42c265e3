"""The index holds what is public, follows every change of it, and can be rebuilt from scratch."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from emanager.core import freshness
from emanager.fulltext.indexing import index_rebuild, letter_reindex
from emanager.fulltext.models import DocType, SearchDocument
from emanager.fulltext.search import search
from emanager.letters.choices import Publication
from emanager.letters.models import Letter
from emanager.letters.services import letter_withdraw
from emanager.proactive import services as proactive_services
from emanager.publication import services

pytestmark = pytest.mark.django_db


def count(query: str, municipality, **filters) -> int:
    return search(query, municipality=municipality, **filters).count()


def shown(query: str, municipality) -> list:
    return search(query, municipality=municipality)[0:50]


# --- Nothing private ---------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "01024012345",  # personal number, in the original text
        "599 12 34 56",  # phone, in the original text
        "nino.private@example.ge",  # the author's e-mail
        "+995 577 11 22 33",  # the author's phone
        "ნინო",  # the author's name (the letter is anonymous)
        "ბერიძე",
        "№12",
    ],
)
def test_private_data_of_a_published_letter_is_never_found(published, municipality, query):
    published()
    assert count("გზის", municipality) == 1
    assert count(query, municipality) == 0


def test_only_the_reviewed_public_version_is_indexed(public_letter, staff, committed, municipality):
    with committed():
        letter = public_letter(subject="Original subject", body="Original secretword text.")
        services.letter_publish(
            letter=letter, actor=staff["head"], subject="Road repair", text="Public text only."
        )
    assert count("secretword", municipality) == 0
    assert count("original", municipality) == 0
    assert count("road", municipality) == 1
    entry = SearchDocument.objects.get()
    assert (entry.title, entry.text) == ("Road repair", "Public text only.")


def test_letters_not_published_are_not_indexed(public_letter, write_letter, committed):
    with committed():
        public_letter()  # allows publication, not reviewed yet
        write_letter(publication=Publication.PRIVATE)
    assert not SearchDocument.objects.exists()


# --- The index follows the changes -----------------------------------------------


def test_an_unpublished_letter_leaves_the_index_with_its_answers(
    published, published_answer, staff, committed, municipality
):
    letter = published()
    published_answer(letter, "გზა შეკეთდა.")
    assert SearchDocument.objects.filter(letter=letter).count() == 2
    with committed():
        services.letter_unpublish(letter=letter, actor=staff["head"], reason="Personal data")
    assert count("გზის", municipality) == 0
    assert not SearchDocument.objects.exists()


def test_withdrawn_consent_removes_the_letter_from_the_index(
    published, published_answer, committed, municipality
):
    letter = published()
    published_answer(letter, "გზა შეკეთდა.")
    with committed():
        services.letter_consent_withdraw(letter=letter)
    assert count("გზის", municipality) == 0
    assert not SearchDocument.objects.exists()


def test_a_letter_withdrawn_by_its_author_leaves_the_index(published, committed, municipality):
    letter = published()
    with committed():
        letter_withdraw(letter=letter)
    assert count("გზის", municipality) == 0


def test_an_unpublished_answer_leaves_the_index_its_letter_stays(
    published, published_answer, staff, committed, municipality
):
    letter = published()
    message = published_answer(letter, "ბოძები შეცვლილია.")
    with committed():
        services.answer_unpublish(message=message, actor=staff["head"], reason="Names")
    assert count("ბოძები", municipality) == 0
    assert count("გზის", municipality) == 1


def test_a_new_public_version_replaces_the_old_one(published, staff, committed, municipality):
    letter = published()
    with committed():
        services.letter_publish(
            letter=letter, actor=staff["head"], subject="ტროტუარი", text="ტროტუარის შეკეთება."
        )
    assert count("გზის", municipality) == 0
    assert count("ტროტუარი", municipality) == 1
    assert SearchDocument.objects.count() == 1


def test_a_withdrawn_document_is_not_found(document, committed, municipality):
    found = document("ბიუჯეტის შესრულების ანგარიში")
    assert count("ბიუჯეტი", municipality) == 1
    with committed():
        proactive_services.document_withdraw(document=found, actor=None, reason="Wrong file")
    # The withdrawal sends no signal: the search itself leaves the document out.
    assert count("ბიუჯეტი", municipality) == 0
    assert shown("ბიუჯეტი", municipality) == []


def test_a_corrected_document_title_is_found(document, committed, municipality):
    found = document("ბიუჯეტის ანგარიში")
    with committed():
        proactive_services.document_update(
            document=found,
            title="აუდიტის ანგარიში",
            published_on=found.published_on,
            url=found.url,
        )
    assert count("ბიუჯეტი", municipality) == 0
    assert count("აუდიტი", municipality) == 1


def test_a_letter_hidden_behind_the_indexes_back_is_not_shown(published, municipality):
    hidden = published()
    kept = published(subject="გზის შეკეთება, მეორე")
    # A change no signal reports: the entry is still in the index...
    Letter.objects.filter(pk=hidden.pk).update(publication=Publication.PRIVATE)
    assert SearchDocument.objects.filter(letter=hidden).exists()
    # ...but the letter is read again through the published path before it is shown.
    assert [hit.letter.uuid for hit in shown("გზის", municipality)] == [kept.uuid]


# --- Reindexing and rebuilding -----------------------------------------------------


def test_reindexing_a_letter_reads_the_published_path(published, municipality):
    letter = published()
    Letter.objects.filter(pk=letter.pk).update(publication=Publication.PRIVATE)
    assert letter_reindex(letter.pk) == 0
    assert not SearchDocument.objects.filter(letter=letter).exists()


def test_the_command_rebuilds_the_index_from_scratch(
    published, published_answer, document, municipality
):
    letter = published()
    published_answer(letter, "გზა შეკეთდა.")
    hidden = published(subject="სხვა გზის შეკეთება")
    document("გზის შეკეთების გეგმა")
    Letter.objects.filter(pk=hidden.pk).update(publication=Publication.PRIVATE)
    SearchDocument.objects.filter(doc_type=DocType.LETTER, letter=letter).delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "3 entries" in out.getvalue()
    assert sorted(SearchDocument.objects.values_list("doc_type", flat=True)) == [
        DocType.ANSWER,
        DocType.DOCUMENT,
        DocType.LETTER,
    ]
    assert not SearchDocument.objects.filter(letter=hidden).exists()
    assert count("გზის", municipality) == 3


def test_rebuilding_twice_gives_the_same_index(published, document):
    published()
    document("ბიუჯეტი")
    first = index_rebuild()
    assert index_rebuild() == first == SearchDocument.objects.count() == 2


def test_rebuilding_in_small_batches_indexes_every_letter_once(published):
    letters = [published() for _ in range(5)]
    assert index_rebuild(batch_size=2) == 5
    indexed = SearchDocument.objects.filter(doc_type=DocType.LETTER)
    assert sorted(indexed.values_list("letter_id", flat=True)) == sorted(
        letter.pk for letter in letters
    )


def _index_rows() -> list[tuple]:
    """Every column of every entry but its key and the time it was written."""
    names = [
        field.attname
        for field in SearchDocument._meta.concrete_fields
        if not field.primary_key and field.attname != "indexed_at"
    ]
    return sorted(SearchDocument.objects.values_list(*names), key=repr)


def test_the_rebuild_writes_the_rows_the_changes_wrote(
    published, published_answer, document, municipality
):
    letter = published()
    published_answer(letter, "გზა შეკეთდა.")
    published_answer(letter, "Second answer: the pavement was repaired too.")
    published(subject="Street lighting", body="The lights are off on the main road.")
    published(subject="Вывоз мусора", body="Мусор вывозится нерегулярно.")
    document("ბიუჯეტის შესრულება")
    followed = _index_rows()
    assert len(followed) == 6
    assert {row[0] for row in followed} == {municipality.pk}
    languages = set(SearchDocument.objects.values_list("language", flat=True))
    assert languages == {"ka", "en", "ru"}
    assert index_rebuild(batch_size=2) == 6
    assert _index_rows() == followed


# --- The public pages' data version -----------------------------------------


def test_reindexing_a_letter_outside_the_index_changes_no_version(public_letter, municipality):
    letter = public_letter(subject="Never published")
    before = freshness.version(municipality.pk)
    assert letter_reindex(letter.pk) == 0
    assert freshness.version(municipality.pk) == before


def test_reindexing_a_letter_that_leaves_the_index_changes_the_version(published, municipality):
    letter = published()
    assert SearchDocument.objects.filter(letter=letter).exists()
    Letter.objects.filter(pk=letter.pk).update(publication=Publication.PRIVATE)
    before = freshness.version(municipality.pk)
    assert letter_reindex(letter.pk) == 0
    assert not SearchDocument.objects.filter(letter=letter).exists()
    assert freshness.version(municipality.pk) != before
