"""The licensing track that guides youth associations to a license (run by MoSAL)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mujtama.core.models import BilingualNameMixin
from mujtama.core.workflows import WorkflowModel
from mujtama.organizations.models.registry import Organization, OrganizationDocument


class LicensingStep(BilingualNameMixin, models.Model):
    """One step of the staff-edited licensing checklist."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ar = models.TextField(_("guidance (Arabic)"), blank=True)
    description_en = models.TextField(_("guidance (English)"), blank=True)
    evidence_required = models.BooleanField(_("a document is required"), default=True)
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("licensing step")
        verbose_name_plural = _("licensing steps")
        ordering = ["order", "id"]

    @property
    def description(self) -> str:
        if (get_language() or "ar").startswith("en"):
            return self.description_en or self.description_ar
        return self.description_ar or self.description_en


class LicensingStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    PREPARING = "preparing", _("Preparing the file")
    SUBMITTED = "submitted_to_ministry", _("Submitted to the Ministry of Social Affairs")
    LICENSED = "licensed", _("Licensed")
    REFUSED = "refused", _("Refused")


class LicensingFile(WorkflowModel):
    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="licensing_file"
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=LicensingStatus.choices,
        default=LicensingStatus.NOT_STARTED,
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    license_number = models.CharField(_("license number"), max_length=60, blank=True)
    license_date = models.DateField(_("license date"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        verbose_name = _("licensing file")
        verbose_name_plural = _("licensing files")
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.organization} · {self.get_status_display()}"


class LicensingStepProgress(models.Model):
    file = models.ForeignKey(LicensingFile, on_delete=models.CASCADE, related_name="progress")
    step = models.ForeignKey(LicensingStep, on_delete=models.PROTECT, related_name="+")
    done = models.BooleanField(_("done"), default=False)
    evidence = models.ForeignKey(
        OrganizationDocument,
        verbose_name=_("evidence"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("licensing step progress")
        verbose_name_plural = _("licensing step progress")
        constraints = [models.UniqueConstraint(fields=["file", "step"], name="licensing_step_once")]

    def __str__(self) -> str:
        return f"{self.file} · {self.step}"
