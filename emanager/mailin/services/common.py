"""What the writes of answers by e-mail share."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from emanager.letters.attachments import CheckedFile, check_files
from emanager.mailin.reading import MailFile

# The staff's e-mails are in Georgian (as letters.staff_services).
STAFF_LANGUAGE = "ka"


class MailRefused(ValueError):
    """The e-mail action does not apply (the message says why, for the clerk)."""


def checked_files(files: list[MailFile]) -> tuple[list[CheckedFile], list[str]]:
    """The files that pass the checks of citizens' files, and the problems of the others."""
    checked: list[CheckedFile] = []
    problems: list[str] = []
    for item in files:
        upload = SimpleUploadedFile(item.name, item.data, content_type=item.content_type)
        try:
            checked.extend(check_files([upload]))
        except ValidationError as error:
            problems.extend(error.messages)
    if checked:
        try:
            check_files([item.upload for item in checked])
        except ValidationError as error:
            problems.extend(error.messages)
            checked = []
    return checked, problems
