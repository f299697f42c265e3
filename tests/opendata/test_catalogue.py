"""The catalogue is the one source of the files and of their documentation."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from emanager.opendata import catalogue

pytestmark = pytest.mark.django_db


def test_slugs_and_column_keys_are_unique_and_documented():
    slugs = [dataset.slug for dataset in catalogue.DATASETS]
    assert len(slugs) == len(set(slugs))
    for dataset in catalogue.DATASETS:
        keys = [column.key for column in dataset.columns]
        assert len(keys) == len(set(keys)), dataset.slug
        for column in dataset.columns:
            assert str(column.title) and str(column.description), (dataset.slug, column.key)
        assert dataset.is_external or dataset.rows is not None


def test_the_register_of_public_information_is_linked_not_copied(client, municipality):
    register = next(d for d in catalogue.DATASETS if d.slug == "public-information-register")
    with_language = dict(register.downloads())
    assert with_language == {
        "csv": reverse("foi:register_csv"),
        "xlsx": reverse("foi:register_xlsx"),
        "json": reverse("foi:register_json"),
    }
    assert register.documentation_url() == reverse("foi:register_columns")


def test_every_column_of_a_file_is_on_its_page_in_the_same_order(client, municipality):
    for dataset in catalogue.DATASETS:
        if dataset.is_external:
            continue
        page = client.get(f"/en/open-data/{dataset.slug}/").content.decode()
        positions = [page.index(f"<code>{column.key}</code>") for column in dataset.columns]
        assert positions == sorted(positions), dataset.slug
        response = client.get(f"/en/open-data/{dataset.slug}.csv")
        header = next(csv.reader(io.StringIO(b"".join(response).decode("utf-8-sig"))))
        assert header == [column.key for column in dataset.columns]


def test_the_catalogue_page_offers_every_dataset_and_the_feeds(client, municipality):
    page = client.get("/en/open-data/").content.decode()
    for dataset in catalogue.DATASETS:
        assert str(dataset.title) in page
        assert dataset.documentation_url() in page
        for _fmt, url in dataset.downloads():
            assert f'href="{url}"' in page
    assert 'href="/en/open-data/feeds/letters.atom"' in page
    assert 'href="/en/open-data/feeds/"' in page


def test_the_columns_page_is_in_the_users_language(client, municipality):
    page = client.get("/ka/open-data/letters/")
    assert page.status_code == 200
    assert '<html lang="ka">' in page.content.decode()
    assert "<code>letter_number</code>" in page.content.decode()


def test_choosing_a_year_and_a_body_on_the_page_gives_filtered_downloads(client, bodies):
    page = client.get("/en/open-data/letters/?year=2026&body=finance").content.decode()
    assert 'href="/en/open-data/letters.csv?year=2026&amp;body=finance"' in page


def test_every_page_links_the_open_data_and_the_municipality_feed(client, municipality):
    page = client.get("/en/").content.decode()
    assert 'href="/en/open-data/"' in page
    assert 'type="application/atom+xml" href="/en/open-data/feeds/letters.atom"' in page


def test_a_body_and_an_official_link_their_feeds(client, bodies, people):
    assert 'href="/en/open-data/feeds/bodies/finance.atom"' in (
        client.get("/en/bodies/finance/").content.decode()
    )
    assert 'href="/en/open-data/feeds/officials/beridze.atom"' in (
        client.get("/en/officials/beridze/").content.decode()
    )


def test_the_feeds_page_lists_a_feed_for_every_body_and_official(client, bodies, people):
    page = client.get("/en/open-data/feeds/").content.decode()
    for body in bodies.values():
        assert f'href="/en/open-data/feeds/bodies/{body.slug}.atom"' in page
    for official in people.values():
        assert f'href="/en/open-data/feeds/officials/{official.slug}.atom"' in page
