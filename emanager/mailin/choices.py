"""States of the e-mails that come in, and why one is held for a clerk."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InboundStatus(models.TextChoices):
    # An official's reply, sent on as the letter's answer.
    ACCEPTED = "accepted", _("Accepted as the answer")
    # Waiting for a clerk in the moderation queue.
    HELD = "held", _("Held for moderation")
    # Held, then attached to a letter as its answer by a clerk.
    ATTACHED = "attached", _("Attached as an answer by a clerk")
    # Held, then discarded by a clerk.
    DISCARDED = "discarded", _("Discarded by a clerk")
    BOUNCE = "bounce", _("Delivery failure (bounce)")
    AUTO_REPLY = "auto_reply", _("Automatic reply, ignored")
    DUPLICATE = "duplicate", _("Received before, ignored")


class HoldReason(models.TextChoices):
    NO_REPLY_ADDRESS = "no_reply_address", _("Not sent to the reply address of a letter")
    INVALID_ADDRESS = "invalid_address", _("The reply address is not valid")
    EXPIRED_ADDRESS = "expired_address", _("The reply address has expired")
    UNKNOWN_SENDER = "unknown_sender", _("The sender is not an official of the directory")
    OFFICIAL_MISMATCH = (
        "official_mismatch",
        _("The sender is not the official the letter was sent to"),
    )
    LETTER_CLOSED = "letter_closed", _("The letter is closed")
    ALREADY_ANSWERED = "already_answered", _("The letter has been answered already")
    NO_TEXT = "no_text", _("No text of its own once the quoted message is removed")
    FILE_REFUSED = "file_refused", _("An attached file was refused")
    NOT_AUTHENTIC = "not_authentic", _("The sender's domain failed the authenticity check")
    ANSWER_REFUSED = "answer_refused", _("The letter did not take the answer")
    UNREADABLE = "unreadable", _("The message could not be read")
