"""Target groups, defined once by staff and used everywhere.

Youth is an age range; remote areas are the subdistricts and localities flagged
remote in ``mujtama.geo``; vulnerable families are the criteria of a checklist."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mujtama.core.models import BilingualNameMixin


class VulnerabilityCriterion(BilingualNameMixin, models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("vulnerability criterion")
        verbose_name_plural = _("vulnerability criteria")
        ordering = ["order", "id"]


class TargetGroupSettings(models.Model):
    """The single row of target-group parameters (id is always 1)."""

    youth_min_age = models.PositiveSmallIntegerField(
        _("youngest age counted as youth"),
        default=15,
        validators=[MinValueValidator(10), MaxValueValidator(40)],
    )
    youth_max_age = models.PositiveSmallIntegerField(
        _("oldest age counted as youth"),
        default=29,
        validators=[MinValueValidator(10), MaxValueValidator(40)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("target-group settings")
        verbose_name_plural = _("target-group settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(youth_min_age__lte=models.F("youth_max_age")),
                name="impact_youth_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return str(_("Target-group settings"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.youth_min_age > self.youth_max_age:
            raise ValidationError(
                {"youth_max_age": _("The oldest age must not be below the youngest age.")}
            )

    @classmethod
    def current(cls) -> "TargetGroupSettings":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj

    def is_youth(self, age: int | None) -> bool:
        return age is not None and self.youth_min_age <= age <= self.youth_max_age
