"""The municipality's directory: who is who and which body is which.

Translated text fields (``name``, ``title``, ...) get one column per language
through modeltranslation (see ``translation.py``): ``name_ka``, ``name_en``,
``name_ru``; reading ``name`` returns the active language, falling back to
Georgian.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

hostname_validator = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Enter a host name in lower case, such as lanchkhuti.example.ge, without a scheme or port."),
)


def validate_not_reserved(value: str) -> None:
    if value in settings.RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the site itself; choose another address."),
            params={"slug": value},
            code="reserved",
        )


class Municipality(models.Model):
    """A municipality served by this installation.

    Its public address is either its own host name (``domain``) or, on a
    shared host, the path prefix ``/<slug>/``. When the installation serves a
    single municipality, the site's root simply is that municipality.
    """

    slug = models.SlugField(
        _("address"),
        max_length=50,
        unique=True,
        validators=[validate_not_reserved],
        help_text=_("Used in the address on a shared host: /lanchkhuti/."),
    )
    domain = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        null=True,
        blank=True,
        validators=[hostname_validator],
        help_text=_("Optional own host name, such as emanager.lanchkhuti.gov.ge."),
    )
    name = models.CharField(_("name"), max_length=200)
    region = models.CharField(_("region"), max_length=200, blank=True)
    about = models.TextField(_("about"), blank=True)
    address = models.CharField(_("address of the City Hall"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    emblem = models.FileField(
        _("emblem"),
        upload_to="emblems/",
        blank=True,
        validators=[FileExtensionValidator(["svg", "png", "jpg", "jpeg", "webp"])],
        help_text=_("SVG or an image at least 128 pixels high."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    # Settings a municipality chooses for itself.
    accessibility_contact = models.EmailField(
        _("e-mail for accessibility problems"),
        blank=True,
        help_text=_("Shown on the accessibility statement; the general e-mail is used if empty."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Marks demonstration data that does not describe the real municipality."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.domain == "":
            self.domain = None
        super().save(*args, **kwargs)

    @property
    def feedback_email(self) -> str:
        return self.accessibility_contact or self.email


class BodyKind(models.TextChoices):
    SAKREBULO = "sakrebulo", _("Municipal council (Sakrebulo)")
    COMMISSION = "commission", _("Commission of the Sakrebulo")
    FACTION = "faction", _("Faction of the Sakrebulo")
    APPARATUS = "apparatus", _("Apparatus of the Sakrebulo")
    CITY_HALL = "city_hall", _("City Hall")
    SERVICE = "service", _("Service")
    DIVISION = "division", _("Division")
    LEGAL_ENTITY = "legal_entity", _("Municipal legal entity")
    OTHER = "other", _("Other body")


class Body(models.Model):
    """A body or a unit of the municipality, placed in a tree."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="bodies",
        verbose_name=_("municipality"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    slug = models.SlugField(_("address"), max_length=80)
    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    functions = models.TextField(_("functions"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    answers_need_approval = models.BooleanField(
        _("answers need the head's approval"),
        default=False,
        help_text=_("Answers written in this body are sent only after its head approves them."),
    )

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="body_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:body", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("The parent body belongs to another municipality.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A body cannot be placed inside itself.")})
            ancestor = ancestor.parent


class TerritorialUnit(models.Model):
    """An administrative unit of the municipality (a town or a community of villages)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="territorial_units",
        verbose_name=_("municipality"),
    )
    slug = models.SlugField(_("address"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    settlements = models.TextField(
        _("settlements"), blank=True, help_text=_("The villages of the unit, separated by commas.")
    )
    center = models.CharField(_("centre"), max_length=200, blank=True)
    address = models.CharField(_("office address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Marks an invented unit in demonstration data."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("territorial unit")
        verbose_name_plural = _("territorial units")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unit_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:unit", kwargs={"slug": self.slug})

    @property
    def settlement_list(self) -> list[str]:
        return [name.strip() for name in self.settlements.split(",") if name.strip()]


class PositionKind(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    FIRST_DEPUTY_MAYOR = "first_deputy_mayor", _("First deputy mayor")
    DEPUTY_MAYOR = "deputy_mayor", _("Deputy mayor")
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    COUNCIL_MEMBER = "council_member", _("Member of the Sakrebulo")
    HEAD = "head", _("Head")
    DEPUTY_HEAD = "deputy_head", _("Deputy head")
    MEMBER = "member", _("Member")
    REPRESENTATIVE = "representative", _("Mayor's representative")
    PUBLIC_INFORMATION_OFFICER = "pio", _("Public-information officer")
    STAFF = "staff", _("Staff")


class Position(models.Model):
    """A post in a body: the Mayor, the head of a service, a council member..."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="positions", verbose_name=_("body")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PositionKind.choices)
    title = models.CharField(_("title"), max_length=250)
    territorial_unit = models.ForeignKey(
        TerritorialUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("territorial unit"),
        help_text=_("For the Mayor's representative: the unit they represent."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if (
            self.territorial_unit_id
            and self.body_id
            and self.territorial_unit.municipality_id != self.body.municipality_id
        ):
            raise ValidationError(
                {"territorial_unit": _("The unit belongs to another municipality.")}
            )


class Official(models.Model):
    """A person holding one or more positions, with their public contacts."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="officials",
        verbose_name=_("municipality"),
    )
    slug = models.SlugField(_("address"), max_length=120)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    photo = models.ImageField(_("photo"), upload_to="officials/", blank=True)
    biography = models.TextField(_("biography"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=50, blank=True)
    reception_hours = models.CharField(_("reception hours"), max_length=200, blank=True)
    email_bounced_at = models.DateTimeField(
        _("e-mail bouncing since"),
        null=True,
        blank=True,
        help_text=_("Set when mail to the address bounces; clear it once the address is fixed."),
    )
    email_bounce_reason = models.CharField(_("bounce reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="official_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("directory:official", kwargs={"slug": self.slug})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def initials(self) -> str:
        return f"{self.first_name[:1]}{self.last_name[:1]}"


class MandateQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> MandateQuerySet:
        day = on or timezone.localdate()
        return self.filter(Q(start__isnull=True) | Q(start__lte=day)).filter(
            Q(end__isnull=True) | Q(end__gte=day)
        )


class Mandate(models.Model):
    """An official holding a position for a term of office."""

    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("official")
    )
    position = models.ForeignKey(
        Position, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("position")
    )
    start = models.DateField(_("term starts"), null=True, blank=True)
    end = models.DateField(_("term ends"), null=True, blank=True)

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["position__order", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True)
                | Q(end__isnull=True)
                | Q(end__gte=models.F("start")),
                name="mandate_end_after_start",
                violation_error_message=_("The term cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.official} — {self.position}"

    def clean(self) -> None:
        if (
            self.official_id
            and self.position_id
            and self.official.municipality_id != self.position.body.municipality_id
        ):
            raise ValidationError(
                _("The official and the position belong to different municipalities.")
            )

    def is_current(self, on: datetime.date | None = None) -> bool:
        day = on or timezone.localdate()
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)
