"""Citizen feedback: the catalogue of government digital services and their
ministries' service levels, the feedback itself with the replies to the citizen, the
needs it is grouped into, the classifier's stored versions and the labels it learns
from beyond the shipped training set (staff corrections)."""

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import WorkflowModel


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

    @property
    def description(self) -> str:
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description_ar


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


class ServiceLevel(models.Model):
    """How fast a ministry promises to answer: hours to the first reply to the citizen
    and to resolution. Each item's due times are set from these when it arrives (and
    moved for open items when the levels change)."""

    ministry = models.OneToOneField(
        Ministry, verbose_name=_("ministry"), on_delete=models.CASCADE, related_name="service_level"
    )
    first_response_hours = models.PositiveIntegerField(
        _("hours to the first reply"),
        default=72,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 90)],
    )
    resolution_hours = models.PositiveIntegerField(
        _("hours to resolution"),
        default=24 * 21,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 365)],
    )

    class Meta:
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self) -> str:
        return str(self.ministry)


class FeedbackDesk(models.Model):
    """A staff member answering the feedback on a ministry's services. Officers see
    and act on the feedback of their desks' ministries only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.CASCADE,
        related_name="feedback_desks",
    )
    ministry = models.ForeignKey(
        Ministry, verbose_name=_("ministry"), on_delete=models.CASCADE, related_name="desks"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback desk")
        verbose_name_plural = _("feedback desks")
        constraints = [
            models.UniqueConstraint(fields=["user", "ministry"], name="feedback_one_desk_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.ministry}"


class Need(models.Model):
    """Feedback from several people about the same problem with the same service.
    Items join a need when they arrive (``needs.py``); staff merge and split them."""

    service = models.ForeignKey(
        DigitalService, verbose_name=_("service"), on_delete=models.PROTECT, related_name="needs"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Kept by needs.py whenever an item joins or leaves, so lists need no aggregation.
    size = models.PositiveIntegerField(_("items"), default=0)
    first_seen = models.DateTimeField(_("first seen"), null=True, blank=True)
    last_seen = models.DateTimeField(_("last seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-size", "-last_seen", "-pk"]
        indexes = [models.Index(fields=["service", "-last_seen"])]

    def __str__(self) -> str:
        return self.title or _("Need %(number)s") % {"number": self.pk}


class FeedbackChannel(models.TextChoices):
    WEB = "web", _("Web form")
    API = "api", _("API")
    SMS = "sms", _("SMS")


class FeedbackStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Triaged")
    IN_PROGRESS = "in_progress", _("In progress")
    NEEDS_INFO = "needs_info", _("Waiting for the citizen")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    MERGED = "merged", _("Merged")


OPEN_STATUSES = ("received", "triaged", "in_progress", "needs_info")


def _screenshot_path(instance: "Feedback", filename: str) -> str:
    # Never the citizen's file name: it may carry their name or the device's.
    return f"feedback/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.jpg"


class Feedback(WorkflowModel):
    """One citizen's feedback on a digital service, by web, API or SMS."""

    workflow: ClassVar[Any]

    tracking_code = models.CharField(_("tracking code"), max_length=9, unique=True)
    channel = models.CharField(_("channel"), max_length=4, choices=FeedbackChannel.choices)
    # Empty only for an SMS that named no service; an officer routes it.
    service = models.ForeignKey(
        DigitalService,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="feedback",
        null=True,
        blank=True,
    )
    text = models.TextField(_("what happened"), max_length=2000)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    governorate = models.ForeignKey(
        "geo.Governorate",
        verbose_name=_("governorate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    screenshot = models.FileField(_("screenshot"), upload_to=_screenshot_path, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=16, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    consent_contact = models.BooleanField(_("agrees to be contacted"), default=False)
    language = models.CharField(_("language"), max_length=8, default="ar")
    # A keyed hash of the sender's address that changes every day; never the address.
    client_hash = models.CharField(max_length=32, blank=True)
    idempotency_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    request_hash = models.CharField(max_length=64, blank=True)
    sms_message_id = models.CharField(max_length=200, null=True, blank=True, unique=True)

    status = models.CharField(
        _("status"),
        max_length=12,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.RECEIVED,
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    first_response_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    response_due_at = models.DateTimeField(_("first reply due"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True)
    response_escalated_at = models.DateTimeField(null=True, blank=True)
    resolution_escalated_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    # The citizen's answer to "was it solved?" after resolution.
    solved = models.BooleanField(_("solved, says the citizen"), null=True, blank=True)
    reopened = models.PositiveSmallIntegerField(_("times reopened"), default=0)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    sentiment = models.CharField(
        _("sentiment"), max_length=10, choices=Sentiment.choices, blank=True
    )
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    classified_at = models.DateTimeField(_("classified"), null=True, blank=True)
    classifier_version = models.PositiveIntegerField(null=True, blank=True)
    # True when a person must set kind and sentiment: the model was unsure.
    needs_manual_classification = models.BooleanField(default=False)
    classified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("classified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    need = models.ForeignKey(
        Need,
        verbose_name=_("need"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
    )

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["service", "received_at"]),
            models.Index(fields=["need"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="feedback_rating_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.tracking_code


class Reply(models.Model):
    """A message to the citizen from an officer, shown on the tracking page; or the
    citizen's own answer when asked for more information."""

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    from_citizen = models.BooleanField(default=False)
    text = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_by_sms = models.BooleanField(default=False)
    sent_by_email = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]
