"""Lanchkhuti's catalogue with the named staff of tests/staff, and helpers to publish into it.

Uploaded files go to a temporary MEDIA_ROOT: the public storage of the test.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from emanager.letters.attachments import check_files
from emanager.proactive import services
from emanager.proactive.models import CatalogueItem, Document
from tests.staff.conftest import (  # noqa: F401  (fixtures)
    PASSWORD,
    bodies,
    login,
    make_user,
    people,
    staff,
)

# The smallest file libmagic reads as a PDF.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def public_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def catalogue(municipality) -> dict[str, CatalogueItem]:
    """The Ordinance No. 219 catalogue of Lanchkhuti, by key."""
    services.catalogue_seed(municipality=municipality)
    return {
        item.standard_key: item for item in CatalogueItem.objects.filter(municipality=municipality)
    }


def pdf_upload(name: str = "report.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def publish():
    """Publish into an item: a link unless ``file=True``; any field of the service."""

    def publish_(item: CatalogueItem, *, file: bool = False, **fields) -> Document:
        values = {
            "title": "ანგარიში",
            "published_on": timezone.localdate(),
            "actor": None,
            **fields,
        }
        period = values.pop("period", None)
        if period is not None:
            values.update(period_start=period.start, period_end=period.end)
        if file:
            values["file"] = check_files([pdf_upload()])[0]
        else:
            values.setdefault("url", "https://lanchkhuti.gov.ge/ka/page/1")
        return services.document_publish(item=item, **values)

    return publish_
