"""The publication review of the Lanchkhuti demo."""

from __future__ import annotations

import pytest
from django.utils import timezone

from emanager.directory.demo import load_demo
from emanager.directory.models import Municipality
from emanager.letters.demo import load_demo_letters
from emanager.letters.models import Letter
from emanager.letters.timeline import chain_verify
from emanager.publication.demo import load_publication_demo
from emanager.publication.models import PublicLetter, ReviewState
from emanager.publication.review import review_draft
from emanager.publication.selectors import published_letters
from emanager.publication.services import PUBLIC_CHOICES

pytestmark = pytest.mark.django_db


@pytest.fixture
def lanchkhuti():
    load_demo()
    municipality = Municipality.objects.get(slug="lanchkhuti")
    load_demo_letters(municipality=municipality, count=40)
    return municipality


def test_the_demo_publishes_most_letters_leaves_some_waiting_and_declines_one(lanchkhuti):
    consenting = Letter.objects.filter(municipality=lanchkhuti, publication__in=PUBLIC_CHOICES)
    assert consenting.count() >= 3, "the demo letters should include some that allow publication"
    counts = load_publication_demo(lanchkhuti, timezone.now())
    assert counts["declined"] == 1
    assert counts["waiting"] >= 1
    assert counts["published"] >= 1
    assert counts["published"] == PublicLetter.objects.filter(state=ReviewState.PUBLISHED).count()
    assert published_letters(lanchkhuti).count() == counts["published"]
    assert chain_verify(lanchkhuti) is None
    # The review screen has something to show: a letter published with its
    # personal data removed, and one waiting with words of special categories.
    redacted = [p for p in PublicLetter.objects.all() if p.redactions]
    assert redacted and "599 48 21 07" not in redacted[0].public_text
    waiting = Letter.objects.get(subject="დახმარება ოპერაციის დასაფინანსებლად")
    assert not PublicLetter.objects.filter(letter=waiting).exists()
    assert review_draft(letter=waiting).flags
    for item in published_letters(lanchkhuti):
        letter = Letter.objects.get(uuid=item.uuid)
        for private in (letter.author_email, letter.author_phone):
            if private:
                assert private not in item.text
        if not item.name:
            assert letter.author_name not in item.text


def test_loading_the_demo_again_changes_nothing(lanchkhuti):
    load_publication_demo(lanchkhuti)
    before = PublicLetter.objects.count()
    assert load_publication_demo(lanchkhuti)["published"] == 0
    assert PublicLetter.objects.count() == before
