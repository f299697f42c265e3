"""Checks on attached files: the type is read from the content, never from the name."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import magic
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TOTAL_SIZE = 25 * 1024 * 1024
MAX_FILES = 10

# What citizens send: scans and photos (phones take HEIC), PDF, office documents.
ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
    "image/webp": "WebP",
    "image/heic": "HEIC",
    "image/heif": "HEIF",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.oasis.opendocument.text": "OpenDocument",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument",
    "application/rtf": "RTF",
    "text/rtf": "RTF",
    "text/plain": "text",
}
ALLOWED_DESCRIPTION = "PDF, JPEG, PNG, TIFF, WebP, HEIC, Word, Excel, OpenDocument, RTF, text"


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    content_type: str
    size: int
    sha256: str


def detect_type(upload: UploadedFile) -> str:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    return magic.from_buffer(head, mime=True)


def check_files(uploads: list[UploadedFile]) -> list[CheckedFile]:
    """Every file, checked; a ValidationError naming each problem otherwise."""
    errors: list[ValidationError] = []
    if len(uploads) > MAX_FILES:
        errors.append(
            ValidationError(
                _("Attach at most %(count)d files."), params={"count": MAX_FILES}, code="too_many"
            )
        )
    checked: list[CheckedFile] = []
    total = 0
    for upload in uploads:
        name = upload.name
        if upload.size == 0:
            errors.append(ValidationError(_("“%(name)s” is empty."), params={"name": name}))
            continue
        if upload.size > MAX_FILE_SIZE:
            errors.append(
                ValidationError(
                    _("“%(name)s” is larger than %(limit)s."),
                    params={"name": name, "limit": filesizeformat(MAX_FILE_SIZE)},
                )
            )
            continue
        content_type = detect_type(upload)
        if content_type not in ALLOWED_TYPES:
            errors.append(
                ValidationError(
                    _(
                        "“%(name)s” is not a file type we accept (its content is %(type)s). "
                        "Accepted: %(allowed)s."
                    ),
                    params={"name": name, "type": content_type, "allowed": ALLOWED_DESCRIPTION},
                    code="type",
                )
            )
            continue
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        total += upload.size
        checked.append(CheckedFile(upload, content_type, upload.size, digest.hexdigest()))
    if total > MAX_TOTAL_SIZE:
        errors.append(
            ValidationError(
                _("The files together are larger than %(limit)s."),
                params={"limit": filesizeformat(MAX_TOTAL_SIZE)},
            )
        )
    if errors:
        raise ValidationError(errors)
    return checked


def attachment_response(attachment) -> FileResponse:
    """The stored file as a private download, with its original name and checked type."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from the storage.") from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name)
    response["Content-Type"] = attachment.content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
