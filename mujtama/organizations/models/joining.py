"""Joining the national framework: criteria, applications, memberships."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import WorkflowModel
from mujtama.organizations.models.registry import Organization


class JoiningSettings(models.Model):
    """The single row of joining parameters staff can change (id is always 1)."""

    membership_months = models.PositiveSmallIntegerField(
        _("membership lasts (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    provisional_months = models.PositiveSmallIntegerField(
        _("provisional membership lapses without a license after (months)"),
        default=9,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
    )
    reminder_days = models.CharField(
        _("send reminders this many days before expiry"),
        max_length=40,
        default="30,7",
        help_text=_("Numbers separated by commas, e.g. 30,7"),
    )
    review_service_days = models.PositiveSmallIntegerField(
        _("applications are overdue after (days)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )
    licensing_service_days = models.PositiveSmallIntegerField(
        _("licensing files are overdue after (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    class Meta:
        verbose_name = _("joining settings")
        verbose_name_plural = _("joining settings")

    def __str__(self) -> str:
        return str(_("Joining settings"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            days = self.reminder_day_list
        except ValueError:
            days = []
        if not days:
            raise ValidationError(
                {"reminder_days": _("Write whole numbers of days separated by commas.")}
            )

    @classmethod
    def current(cls) -> "JoiningSettings":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def reminder_day_list(self) -> list[int]:
        days = [int(part) for part in self.reminder_days.split(",") if part.strip()]
        if any(day <= 0 or day > 365 for day in days):
            raise ValueError("reminder days out of range")
        return sorted(set(days), reverse=True)


class CriteriaStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("In force")
    SUPERSEDED = "superseded", _("Superseded")


class JoiningCriteria(WorkflowModel):
    """One version of the published joining criteria. A published version is never
    edited: changing the criteria means publishing a new version, and every
    application keeps the version it was judged against."""

    number = models.PositiveSmallIntegerField(_("document number"), default=1)
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        max_length=12, choices=CriteriaStatus.choices, default=CriteriaStatus.DRAFT
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    mechanisms_ar = models.TextField(_("how to join (Arabic)"))
    mechanisms_en = models.TextField(_("how to join (English)"))
    body_ar = models.TextField(_("criteria (Arabic)"))
    body_en = models.TextField(_("criteria (English)"))
    # [{"type": "min_members", "value": 5}, ...] — see mujtama.organizations.rules
    automatic_checks = models.JSONField(default=list, blank=True)
    # [{"code": "m1", "label_ar": "...", "label_en": "..."}, ...] ticked by the officer
    manual_checks = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("joining criteria")
        verbose_name_plural = _("joining criteria")
        ordering = ["-number", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["number", "version"], name="criteria_version_once"),
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="criteria_one_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number}/{self.version})"

    def _pick(self, ar: str, en: str) -> str:
        return en if (get_language() or "ar").startswith("en") and en else ar

    @property
    def title(self) -> str:
        return self._pick(self.title_ar, self.title_en)

    @property
    def mechanisms(self) -> str:
        return self._pick(self.mechanisms_ar, self.mechanisms_en)

    @property
    def body(self) -> str:
        return self._pick(self.body_ar, self.body_en)

    @property
    def reference(self) -> str:
        return f"{self.number}/{self.version}"

    def manual_check_labels(self) -> list[tuple[str, str]]:
        english = (get_language() or "ar").startswith("en")
        return [
            (check["code"], check["label_en"] if english else check["label_ar"])
            for check in self.manual_checks
        ]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


OPEN_APPLICATION_STATES = [
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.CHANGES_REQUESTED,
]


class JoiningApplication(WorkflowModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="joining_applications"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    # The criteria version the application was last judged against, and the result.
    criteria = models.ForeignKey(
        JoiningCriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    check_results = models.JSONField(default=list, blank=True)
    # What the officer saw: {document id: sha256} at submission.
    documents_snapshot = models.JSONField(default=dict, blank=True)
    manual_checks = models.JSONField(default=dict, blank=True)  # {code: true/false}
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note to the ministry"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        verbose_name = _("joining application")
        verbose_name_plural = _("joining applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(status__in=OPEN_APPLICATION_STATES),
                name="org_one_open_application",
            )
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.organization} · {self.get_status_display()}"


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Member")
    PROVISIONAL = "provisional", _("Provisional member (license in progress)")
    SUSPENDED = "suspended", _("Suspended")
    EXPIRED = "expired", _("Expired")
    LAPSED = "lapsed", _("Lapsed (no license in time)")


CURRENT_MEMBERSHIP_STATES = [MembershipStatus.ACTIVE, MembershipStatus.PROVISIONAL]


class Membership(WorkflowModel):
    """An organization's place in the national framework, once its application is
    approved. Listed in the public directory while active or provisional."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="membership"
    )
    status = models.CharField(_("membership"), max_length=12, choices=MembershipStatus.choices)
    application = models.ForeignKey(JoiningApplication, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(_("member since"))
    expires_at = models.DateTimeField(_("expires"))
    provisional_until = models.DateTimeField(_("provisional until"), null=True, blank=True)
    renewed_at = models.DateTimeField(_("last renewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.organization} · {self.get_status_display()}"

    @property
    def is_current(self) -> bool:
        return self.status in CURRENT_MEMBERSHIP_STATES
