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


class Sex(models.TextChoices):
    FEMALE = "f", _("Female")
    MALE = "m", _("Male")


class AgeBand(models.TextChoices):
    """Age bands of the reach ledger: fine enough to count youth (15 to 29 by default)
    and children apart."""

    UNDER_15 = "0-14", _("Under 15")
    FROM_15 = "15-17", _("15 to 17")
    FROM_18 = "18-24", _("18 to 24")
    FROM_25 = "25-29", _("25 to 29")
    FROM_30 = "30-59", _("30 to 59")
    FROM_60 = "60+", _("60 and over")

    @classmethod
    def of_age(cls, age: int) -> "AgeBand":
        for band, upper in (
            (cls.UNDER_15, 14),
            (cls.FROM_15, 17),
            (cls.FROM_18, 24),
            (cls.FROM_25, 29),
            (cls.FROM_30, 59),
        ):
            if age <= upper:
                return band
        return cls.FROM_60


class LedgerEntry(models.Model):
    """What every reach record shares: which organization reached people, through
    what (``source``: an activity, a training cohort, named by type and id), when and
    where, and who wrote it down."""

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_type = models.CharField(_("reached through (type)"), max_length=100)
    source_id = models.CharField(_("reached through (id)"), max_length=64)
    reached_on = models.DateField(_("date"))
    governorate = models.ForeignKey(
        "geo.Governorate", verbose_name=_("governorate"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        abstract = True


class AggregateReach(LedgerEntry):
    """A count of people reached, for one cell: sex, age band, remote area or not,
    vulnerable family or not."""

    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    remote = models.BooleanField(_("remote area"))
    vulnerable = models.BooleanField(_("vulnerable family"))
    count = models.PositiveIntegerField(_("people"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("aggregate reach record")
        verbose_name_plural = _("aggregate reach records")
        indexes = [models.Index(fields=["source_type", "source_id"])]


class Beneficiary(LedgerEntry):
    """One person reached, recorded by name. Seen only by the organization that
    recorded them, and by staff who give a reason (each such read is audited).
    ``person_key`` is a keyed hash (HMAC with ``HASHING_KEY``) of the normalized
    national ID, or else the normalized phone number: the same person recorded by two
    organizations gets the same key, so unique people are counted exactly while no
    organization sees another's records."""

    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    national_id = models.CharField(_("national ID number"), max_length=20, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    # Empty for people known only by governorate (trainees, from their profile).
    locality = models.ForeignKey(
        "geo.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    criteria = models.ManyToManyField(
        VulnerabilityCriterion, verbose_name=_("vulnerability criteria"), blank=True
    )
    remote = models.BooleanField(_("remote area"))
    person_key = models.CharField(_("person key"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        indexes = [models.Index(fields=["source_type", "source_id"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.reached_on})"

    @property
    def vulnerable(self) -> bool:
        return self.criteria.exists()
