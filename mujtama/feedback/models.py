"""Citizen feedback. So far: the catalogue of government digital services, the
classifier's stored versions and the labels it learns from beyond the shipped
training set (staff corrections)."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Ministry(models.Model):
    """A ministry (or public body) whose digital services citizens give feedback on."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("ministry")
        verbose_name_plural = _("ministries")
        ordering = ["name_ar"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name_ar


class Channel(models.TextChoices):
    WEBSITE = "website", _("Website")
    MOBILE_APP = "mobile_app", _("Mobile app")
    KIOSK = "kiosk", _("Kiosk")
    SMS = "sms", _("SMS")


class DigitalService(models.Model):
    """A government digital service. Its short code selects it in an SMS ("#12 ...")."""

    ministry = models.ForeignKey(
        Ministry, verbose_name=_("ministry"), on_delete=models.PROTECT, related_name="services"
    )
    name_ar = models.CharField(_("name in Arabic"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    description_ar = models.TextField(_("description in Arabic"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    url = models.URLField(_("link"), blank=True)
    short_code = models.PositiveSmallIntegerField(_("SMS short code"), unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("digital service")
        verbose_name_plural = _("digital services")
        ordering = ["ministry__name_ar", "name_ar"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name_ar


class Kind(models.TextChoices):
    OUTAGE_ERROR = "outage_error", _("Outage or error")
    USABILITY = "usability", _("Hard to use")
    ACCESS = "access", _("Access (device, connection, document, place, disability)")
    PAYMENT = "payment", _("Payment")
    DELAY = "delay", _("Delay")
    PRIVACY_SECURITY = "privacy_security", _("Privacy or security")
    INFORMATION = "information", _("Information missing, wrong or unclear")
    SUGGESTION = "suggestion", _("Suggestion")
    PRAISE = "praise", _("Praise")


class Sentiment(models.TextChoices):
    NEGATIVE = "negative", _("Negative")
    NEUTRAL = "neutral", _("Neutral")
    POSITIVE = "positive", _("Positive")


class ClassifierVersion(models.Model):
    """One trained classifier (kind and sentiment), its scores on the held-out split,
    and whether it is the one in service. Versions are never changed after training;
    at most one is active."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    created_at = models.DateTimeField(_("trained at"), auto_now_add=True)
    is_active = models.BooleanField(_("in service"), default=False)
    trained_on = models.PositiveIntegerField(_("training texts"))
    corrections = models.PositiveIntegerField(_("staff corrections among them"), default=0)
    library_version = models.CharField(_("scikit-learn version"), max_length=20)
    metrics = models.JSONField(_("scores on the held-out split"), default=dict)
    payload = models.BinaryField(_("model"))

    class Meta:
        verbose_name = _("classifier version")
        verbose_name_plural = _("classifier versions")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=models.Q(is_active=True),
                name="feedback_one_active_classifier",
            )
        ]

    def __str__(self) -> str:
        return f"v{self.version}"


class TrainingLabel(models.Model):
    """A text with its right kind and sentiment, given by a staff member who
    corrected the classifier. Retraining learns from these as well as from the
    shipped set; the held-out split stays as shipped."""

    text = models.TextField(_("text"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sentiment = models.CharField(_("sentiment"), max_length=10, choices=Sentiment.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("training label")
        verbose_name_plural = _("training labels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind}/{self.sentiment}: {self.text[:40]}"
