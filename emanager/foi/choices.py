"""The vocabulary of public-information requests (General Administrative Code, chapter III)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FoiOutcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REFUSED = "refused", _("Refused")
    NOT_HELD = "not_held", _("Information not held")
    FORWARDED = "forwarded", _("Forwarded to the competent body")
    CLARIFICATION_REQUESTED = "clarification_requested", _("Clarification requested")
    WITHDRAWN = "withdrawn", _("Withdrawn by the requester")
    DEEMED_REFUSED = "deemed_refused", _("Deemed refused (deadline missed)")


class RefusalGround(models.TextChoices):
    STATE_SECRET = "state_secret", _("State secret")
    COMMERCIAL_SECRET = "commercial_secret", _("Commercial secret")
    PROFESSIONAL_SECRET = "professional_secret", _("Professional secret")
    PERSONAL_DATA = "personal_data", _("Personal data")
    EXECUTIVE_PRIVILEGE = "executive_privilege", _("Executive privilege (preparatory documents)")


class ExtensionReason(models.TextChoices):
    """Why the 10 days are used instead of issuing at once (GAC Art. 40)."""

    OTHER_UNITS = "other_units", _("It must be gathered from other units or bodies")
    VOLUMINOUS = "voluminous", _("It is voluminous")
    CONSULTATION = "consultation", _("It needs consultation with another body")


class PreferredForm(models.TextChoices):
    EMAIL_COPY = "email_copy", _("Electronic copy by e-mail")
    PAPER_COPY = "paper_copy", _("Paper copy")
    INSPECTION = "inspection", _("Inspection on site")


class RequesterType(models.TextChoices):
    PERSON = "person", _("Private person")
    ORGANISATION = "organisation", _("Organisation")


class ComplaintOutcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    REJECTED = "rejected", _("Rejected")
