from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """A municipality's data version: changes whenever its public data may have changed.

    Cached computations (:mod:`emanager.core.freshness`) put the version in
    their cache keys, so a change makes every cached result of the
    municipality unreachable at once, in every process, whatever the cache.
    """

    municipality = models.OneToOneField(
        "directory.Municipality",
        on_delete=models.CASCADE,
        related_name="data_version",
        verbose_name=_("municipality"),
    )
    version = models.BigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.version}"
