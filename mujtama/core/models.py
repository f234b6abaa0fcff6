from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit event."""


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def bilingual(arabic: str, english: str) -> str:
    """The text of the active language, or the other one if it is empty."""
    if (get_language() or "ar").startswith("en"):
        return english or arabic
    return arabic or english


class BilingualNameMixin:
    """Registry data carries explicit ``name_ar`` and ``name_en``; ``name`` picks the
    one of the active language and falls back to the other."""

    name_ar: str
    name_en: str

    @property
    def name(self) -> str:
        return bilingual(self.name_ar, self.name_en)

    def __str__(self) -> str:
        return self.name


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events cannot be changed.")

    def for_object(self, obj: models.Model) -> "AuditEventQuerySet":
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


class AuditEvent(models.Model):
    """One thing that happened: who did what to which object, and why.

    Append-only: the model refuses updates and deletes, and on PostgreSQL a trigger
    refuses them too. Written by services (``mujtama.core.audit.audit_record``),
    never by signals, so every event is a deliberate act of a named service.
    """

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verb = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    ip_hash = models.CharField(_("hashed address"), max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "created_at"]),
            models.Index(fields=["actor", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.verb} {self.object_type}#{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted.")


# Imported here, after AuditEvent: core.workflows needs core.services, which needs it.
from mujtama.core.workflows import WorkflowModel  # noqa: E402


class DocumentKind(models.TextChoices):
    VOLUNTEER_HOURS = "volunteer_hours", _("Volunteer hours statement")
    TRAINING_CERTIFICATE = "training_certificate", _("Training certificate")


class VerifiableDocument(WorkflowModel):
    """A document the platform issued that anyone can check at ``/<lang>/verify/<code>/``
    (volunteer hours statements, training certificates): what it says, as issued, and
    whether it still stands. The issuing app keeps its own record (``source``); this one
    holds only what the public page shows. States: valid → revoked (with a reason)."""

    code = models.CharField(_("verification code"), max_length=12, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    status = models.CharField(_("status"), max_length=10, default="valid", db_index=True)
    holder_name = models.CharField(_("holder's name, as they chose to show it"), max_length=200)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    issuer_ar = models.CharField(_("issued by (Arabic)"), max_length=300)
    issuer_en = models.CharField(_("issued by (English)"), max_length=300)
    summary_ar = models.TextField(_("what it attests (Arabic)"), blank=True)
    summary_en = models.TextField(_("what it attests (English)"), blank=True)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_type = models.CharField(_("issued for (type)"), max_length=100, blank=True)
    source_id = models.CharField(_("issued for (id)"), max_length=64, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("verifiable document")
        verbose_name_plural = _("verifiable documents")
        indexes = [models.Index(fields=["source_type", "source_id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code}"

    @property
    def title(self) -> str:
        return bilingual(self.title_ar, self.title_en)

    @property
    def issuer(self) -> str:
        return bilingual(self.issuer_ar, self.issuer_en)

    @property
    def summary(self) -> str:
        return bilingual(self.summary_ar, self.summary_en)
