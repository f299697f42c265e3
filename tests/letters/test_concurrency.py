"""Registration numbers under load: many letters registered from parallel connections."""

import threading
import uuid

import pytest
from django.db import connection, connections

from emanager.letters.models import Letter
from emanager.letters.services import letter_confirm, letter_submit
from tests.letters.conftest import make_draft

LETTERS = 200
CONNECTIONS = 8


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_get_numbers_exactly_one_to_n(municipality, finance):
    if connection.vendor != "postgresql":
        pytest.skip("parallel connections need PostgreSQL (SQLite serialises every writer)")
    letters = [
        letter_submit(
            municipality=municipality, draft=make_draft(finance), submission_key=uuid.uuid4()
        )[0]
        for _ in range(LETTERS)
    ]
    # Every letter is confirmed twice, from two connections, as by a double click.
    work = [letter for letter in letters for _ in range(2)]
    start = threading.Barrier(CONNECTIONS)
    errors: list[BaseException] = []

    def register(chunk):
        try:
            start.wait()
            for letter in chunk:
                letter_confirm(letter=letter)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=register, args=(work[i::CONNECTIONS],)) for i in range(CONNECTIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    sequences = sorted(Letter.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, LETTERS + 1))  # no duplicate, no gap
    numbers = Letter.objects.values_list("number", flat=True)
    assert len(set(numbers)) == LETTERS
