from functools import cached_property
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.accounts.roles import STAFF_ROLES
from mujtama.accounts.timezones import DEFAULT_TIME_ZONE, TIME_ZONES


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Signs in by email; never by a username."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="ar"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TIME_ZONES, default=DEFAULT_TIME_ZONE
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Only whether the person may open the Django admin (platform administrators);
    # ministry roles are groups, see `roles`.
    is_staff = models.BooleanField(_("admin site access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @cached_property
    def roles(self) -> frozenset[str]:
        """The ministry roles this person holds (group names), read once per request."""
        if not self.pk or not self.is_active:
            return frozenset()
        names = self.groups.filter(name__in=STAFF_ROLES).values_list("name", flat=True)
        return frozenset(names)

    @property
    def is_ministry_staff(self) -> bool:
        return bool(self.roles)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


phone_validator = RegexValidator(
    r"^\+?[0-9]{8,15}$",
    _("Enter a phone number of 8 to 15 digits, optionally starting with +."),
)


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    governorate = models.ForeignKey(
        "geo.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True, validators=[phone_validator])
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def age(self) -> int | None:
        if not self.birth_year:
            return None
        return timezone.localdate().year - self.birth_year


class ConsentPurpose(models.TextChoices):
    TARGET_GROUPS = "target_groups", _("Target-group self-declaration")


class ConsentRecord(models.Model):
    """A dated, explicit consent for one purpose, under one version of its wording.

    Withdrawing sets ``withdrawn_at``; the data held under the consent is deleted in
    the same transaction by the service that withdraws it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    wording_version = models.CharField(_("wording version"), max_length=20)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="accounts_one_active_consent_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class TargetGroupDeclaration(models.Model):
    """What a person says about themselves to get priority (remote area, vulnerable
    family). Exists only while its consent is active."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="target_group_declaration"
    )
    consent = models.OneToOneField(ConsentRecord, on_delete=models.PROTECT, related_name="+")
    lives_in_remote_area = models.BooleanField(_("I live in a remote area"), default=False)
    vulnerability_criteria = models.ManyToManyField(
        "impact.VulnerabilityCriterion",
        verbose_name=_("my family's situation"),
        blank=True,
    )
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        verbose_name = _("target-group declaration")
        verbose_name_plural = _("target-group declarations")

    def __str__(self) -> str:
        return str(self.user)
