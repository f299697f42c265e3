from __future__ import annotations

from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command

from emanager.accountability.models import MonthlyFigures
from emanager.accountability.services import figures_rebuild
from emanager.directory.models import Municipality
from emanager.foi.choices import FoiOutcome
from emanager.foi.models import Complaint, FoiRequest
from emanager.fulltext.indexing import letter_reindex
from emanager.fulltext.models import DocType, SearchDocument
from emanager.fulltext.search import search
from emanager.letters.choices import LetterKind, LetterStatus, Outcome, Publication
from emanager.letters.models import Event, Letter, Message, RegisterCounter
from emanager.letters.timeline import chain_verify
from emanager.publication.models import PublicLetter
from emanager.publication.selectors import published_letters
from emanager.surveys.models import Survey, SurveyResponse
from tests.loadgen.conftest import LETTERS

pytestmark = pytest.mark.django_db


def test_it_writes_the_letters_asked_for_and_their_rows(dataset):
    assert Letter.objects.count() == LETTERS
    assert Municipality.objects.count() == 2
    assert Event.objects.count() > 3 * LETTERS
    assert Message.objects.filter(is_answer=True).exists()
    for label in ("letters.Attachment", "foi.FoiRequest", "surveys.Survey", "staff.Membership"):
        assert dataset.counts[label] > 0, label
    assert dataset.counts["letters.Letter"] == LETTERS


def test_every_kind_status_and_outcome_occurs(dataset):
    assert set(Letter.objects.values_list("kind", flat=True)) == set(LetterKind.values)
    assert set(Letter.objects.values_list("status", flat=True)) == set(LetterStatus.values)
    outcomes = set(Letter.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert outcomes == set(Outcome.values)
    assert set(FoiRequest.objects.exclude(outcome="").values_list("outcome", flat=True)) == set(
        FoiOutcome.values
    )
    assert Complaint.objects.exists()
    assert set(Survey.objects.exclude(response="").values_list("response", flat=True)) == set(
        SurveyResponse.values
    )


def test_numbers_have_no_gaps_and_counters_hold_the_last(dataset):
    sequences = defaultdict(list)
    for register, year, sequence in Letter.objects.exclude(sequence=None).values_list(
        "register", "year", "sequence"
    ):
        sequences[register, year].append(sequence)
    for register, year, sequence in Message.objects.exclude(out_sequence=None).values_list(
        "out_register", "out_year", "out_sequence"
    ):
        sequences[register, year].append(sequence)
    counters = {(c.register_id, c.year): c.last_number for c in RegisterCounter.objects.all()}
    assert set(counters) == set(sequences)
    for key, numbers in sequences.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), key
        assert counters[key] == len(numbers)


def test_the_timeline_chains_verify(dataset):
    for municipality in Municipality.objects.all():
        assert chain_verify(municipality) is None


def test_only_consenting_letters_that_were_not_withdrawn_are_published(dataset):
    published = {letter.uuid for letter in published_letters()}
    assert published
    letters = Letter.objects.filter(uuid__in=published)
    assert not letters.filter(publication=Publication.PRIVATE).exists()
    assert not letters.filter(outcome=Outcome.WITHDRAWN).exists()
    # Some published versions are hidden by the filter: consent withdrawn afterwards.
    assert PublicLetter.objects.filter(letter__publication=Publication.PRIVATE).exists()


def test_the_figures_equal_a_fresh_rebuild(dataset):
    generated = sorted(MonthlyFigures.objects.values_list(*_figure_fields()))
    figures_rebuild()
    assert sorted(MonthlyFigures.objects.values_list(*_figure_fields())) == generated
    assert generated


def _figure_fields() -> list[str]:
    # Every column but the key and the time the row was computed.
    return [
        f.attname
        for f in MonthlyFigures._meta.concrete_fields
        if f.attname != "id" and not getattr(f, "auto_now", False)
    ]


def test_search_finds_a_generated_public_subject(dataset):
    public = (
        PublicLetter.objects.filter(
            letter__in=Letter.objects.filter(
                uuid__in=[letter.uuid for letter in published_letters()]
            )
        )
        .select_related("letter__municipality")
        .first()
    )
    word = public.public_subject.split()[0]
    assert search(word, municipality=public.letter.municipality).count() > 0


def test_the_command_refuses_a_database_with_letters(dataset):
    with pytest.raises(CommandError, match="empty"):
        call_command("generate_load_data", letters=10)


def test_the_rebuilt_index_holds_what_reindexing_each_letter_writes(dataset):
    names = [
        f.attname
        for f in SearchDocument._meta.concrete_fields
        if not f.primary_key and f.attname != "indexed_at"
    ]
    answered = SearchDocument.objects.filter(doc_type=DocType.ANSWER)
    ids = sorted(set(answered.values_list("letter_id", flat=True)))[:25]
    entries = SearchDocument.objects.filter(letter_id__in=ids)
    rebuilt = sorted(entries.values_list(*names), key=repr)
    assert len(rebuilt) > len(ids)
    for letter_id in ids:
        letter_reindex(letter_id)
    assert sorted(entries.values_list(*names), key=repr) == rebuilt
