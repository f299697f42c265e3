"""Choices shared by the letters app and the apps that serve it (deadlines, notifications)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    APPLICATION = "application", _("Application")
    COMPLAINT = "complaint", _("Complaint")
    PROPOSAL = "proposal", _("Proposal")
    PUBLIC_INFORMATION = "public_information", _("Public-information request")


class LetterStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    OPEN = "open", _("Registered, being handled")
    CLARIFICATION = "clarification", _("Clarification asked from the citizen")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REFUSED = "refused", _("Refused")
    LEFT_WITHOUT_CONSIDERATION = "left_without_consideration", _("Left without consideration")
    WITHDRAWN = "withdrawn", _("Withdrawn by the citizen")
    DUPLICATE = "duplicate", _("Duplicate")
    FORWARDED_OUTSIDE = "forwarded_outside", _("Forwarded to an outside body")


class Publication(models.TextChoices):
    PUBLIC_NAMED = "public_named", _("Public, with my name")
    PUBLIC_ANONYMOUS = "public_anonymous", _("Public, without my name")
    PRIVATE = "private", _("Private")


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CONFIRMED = "confirmed", _("E-mail confirmed")
    REGISTERED = "registered", _("Registered")
    ASSIGNED = "assigned", _("Assigned")
    FORWARDED = "forwarded", _("Forwarded")
    DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
    DEADLINE_RECOMPUTED = "deadline_recomputed", _("Deadline recomputed")
    CLARIFICATION_REQUESTED = "clarification_requested", _("Clarification asked")
    CITIZEN_REPLIED = "citizen_replied", _("The citizen replied")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SATISFACTION = "satisfaction", _("The citizen rated the answer")
    ANSWER_PENDING = "answer_pending", _("Answer submitted for approval")
    ANSWER_APPROVED = "answer_approved", _("Answer approved")
    ANSWER_RETURNED = "answer_returned", _("Answer returned for changes")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Removed from public pages")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent to publication withdrawn")
    IMPORTED = "imported", _("Imported from an earlier register")
    FOI_TEN_DAYS = "foi_ten_days", _("The 10 days for public information are used")
    FOI_DECIDED = "foi_decided", _("Public-information request decided")
    REFUSAL_EXPLAINED = "refusal_explained", _("Written explanation of the refusal sent")
    DEEMED_REFUSED = "deemed_refused", _("Deadline missed: deemed a refusal")
    COMPLAINT_FILED = "complaint_filed", _("Administrative complaint filed")
    COMPLAINT_DECIDED = "complaint_decided", _("Complaint decided")


class Direction(models.TextChoices):
    INCOMING = "incoming", _("From the citizen")
    OUTGOING = "outgoing", _("From the municipality")


class Channel(models.TextChoices):
    """How a letter (or an answer) reached the register."""

    WEB = "web", _("Website")
    PAPER = "paper", _("Paper, by post")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    IMPORT = "import", _("Imported from an earlier register")


class MessageStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    PENDING_APPROVAL = "pending_approval", _("Waiting for the head's approval")
    RETURNED = "returned", _("Returned for changes")


class RegisterDirection(models.TextChoices):
    INCOMING = "incoming", _("Incoming letters")
    OUTGOING = "outgoing", _("Outgoing letters")
