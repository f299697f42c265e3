"""Published letters, answers and documents of Lanchkhuti to search, written through the services.

The index follows changes after their transaction commits; in a test the
transaction never commits, so each change is made inside ``committed()``,
which runs the after-commit callbacks (as a real commit would).
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from emanager.proactive import services as proactive_services
from emanager.proactive.choices import Section, UpdateRule
from emanager.proactive.models import CatalogueItem
from emanager.publication import services
from emanager.publication.review import review_draft
from tests.publication.conftest import (  # noqa: F401  (fixtures)
    PRIVATE_TEXT,
    answer,
    english,
    public_letter,
)
from tests.staff.conftest import (  # noqa: F401  (fixtures)
    bodies,
    login,
    make_user,
    people,
    staff,
    today,
    write_letter,
)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...``: what the block changes reaches the index, as after a commit."""

    def committed_():
        return django_capture_on_commit_callbacks(execute=True)

    return committed_


@pytest.fixture
def published(public_letter, staff, committed):  # noqa: F811  (fixtures)
    """Write a letter that allows publication and publish it as the review proposes."""

    def publish(**fields):
        with committed():
            letter = public_letter(**fields)
            draft = review_draft(letter=letter)
            services.letter_publish(
                letter=letter,
                actor=staff["head"],
                subject=draft.public_subject,
                text=draft.public_text,
            )
        return letter

    return publish


@pytest.fixture
def published_answer(answer, staff, committed):  # noqa: F811  (fixtures)
    """Answer the letter and publish the answer's text as given."""

    def publish(letter, text: str):
        with committed():
            message = answer(letter, body=text)
            services.answer_publish(message=message, actor=staff["head"], text=text)
        return message

    return publish


@pytest.fixture
def item(municipality, bodies):  # noqa: F811  (fixture)
    return CatalogueItem.objects.create(
        municipality=municipality,
        section=Section.GENERAL,
        slug="budget",
        name="ბიუჯეტი",
        rule=UpdateRule.ON_CHANGE,
        responsible_body=bodies["finance"],
    )


@pytest.fixture
def document(item, committed):
    """Publish a link into the catalogue item."""

    def publish(title: str, **fields):
        with committed():
            return proactive_services.document_publish(
                item=item,
                actor=None,
                title=title,
                published_on=fields.pop("published_on", timezone.localdate()),
                url="https://lanchkhuti.gov.ge/ka/page/1",
                **fields,
            )

    return publish
