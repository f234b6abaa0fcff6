"""Syria's administrative geography, keyed by OCHA P-codes.

Governorates (admin1) are built in; districts (admin2), subdistricts (admin3) and
localities (admin4, "communities") come from the official administrative-boundary
table through ``import_admin_boundaries``. Staff flag subdistricts and localities as
remote; a locality is remote if it or its subdistrict is flagged."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.models import BilingualNameMixin


class Place(BilingualNameMixin, models.Model):
    pcode = models.CharField(_("P-code"), max_length=20, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    # normalize_ar of both names, for search that forgives hamza, ta marbuta, etc.
    search_text = models.CharField(max_length=420, blank=True, editable=False, db_index=True)

    class Meta:
        abstract = True
        ordering = ["pcode"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = normalize_ar(f"{self.name_ar} {self.name_en}")
        super().save(*args, **kwargs)


class Governorate(Place):
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)

    class Meta(Place.Meta):
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")


class District(Place):
    governorate = models.ForeignKey(Governorate, on_delete=models.PROTECT, related_name="districts")

    class Meta(Place.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Subdistrict(Place):
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="subdistricts")
    remote = models.BooleanField(_("remote area"), default=False)

    class Meta(Place.Meta):
        verbose_name = _("subdistrict")
        verbose_name_plural = _("subdistricts")


class Locality(Place):
    subdistrict = models.ForeignKey(
        Subdistrict, on_delete=models.PROTECT, related_name="localities"
    )
    remote = models.BooleanField(_("remote area"), default=False)

    class Meta(Place.Meta):
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    @property
    def is_remote(self) -> bool:
        return self.remote or self.subdistrict.remote
