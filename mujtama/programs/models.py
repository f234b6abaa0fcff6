"""Programs, their calls, applications (with consortium partners), reviews and awards."""

import uuid
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mujtama.core.models import TimeStampedModel
from mujtama.core.workflows import WorkflowModel


def _pick(ar: str, en: str) -> str:
    if (get_language() or "ar").startswith("en"):
        return en or ar
    return ar or en


class ProgramKind(models.TextChoices):
    TRAINING = "training", _("Training")
    PARTNERSHIP = "partnership", _("Partnership")
    DIGITAL_TRANSFORMATION = (
        "digital_transformation",
        _("Government digital transformation initiative"),
    )
    JOINT_RESEARCH = "joint_research", _("Joint research")


class Ministry(models.TextChoices):
    MOCT = "moct", _("Ministry of Communications and Information Technology")
    MOSAL = "mosal", _("Ministry of Social Affairs and Labour")


class TargetGroup(models.TextChoices):
    YOUTH = "youth", _("Young people")
    REMOTE_AREAS = "remote_areas", _("People in remote areas")
    VULNERABLE_FAMILIES = "vulnerable_families", _("Vulnerable families")


class Program(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=30, choices=ProgramKind.choices)
    ministry = models.CharField(_("owning ministry"), max_length=10, choices=Ministry.choices)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ar = models.TextField(_("description (Arabic)"))
    description_en = models.TextField(_("description (English)"))
    co_hosts = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("co-hosts"),
        blank=True,
        related_name="co_hosted_programs",
    )
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _pick(self.name_ar, self.name_en)

    @property
    def description(self) -> str:
        return _pick(self.description_ar, self.description_en)

    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels[g]) for g in self.target_groups if g in labels]


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published, opening soon")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    REVIEWING = "reviewing", _("Under review")
    RESULTS_PUBLISHED = "results_published", _("Results published")


class Call(WorkflowModel):
    """A call for applications within a program. Its window is in Damascus time;
    submissions are checked against the clock, not only against the state (which
    the periodic task moves when the window opens and shuts)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="calls")
    status = models.CharField(
        _("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    text_ar = models.TextField(_("text (Arabic)"))
    text_en = models.TextField(_("text (English)"))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    budget = models.DecimalField(
        _("budget (SYP)"), max_digits=16, decimal_places=0, default=Decimal(0)
    )
    max_award = models.DecimalField(
        _("maximum award (SYP)"), max_digits=16, decimal_places=0, default=Decimal(0)
    )
    # [{"type": "kind_in", "values": [...]}, ...] — see mujtama.programs.rules
    eligibility_rules = models.JSONField(default=list, blank=True)
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    results_published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "-pk"]
        indexes = [models.Index(fields=["status", "closes_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__lt=models.F("closes_at")),
                name="call_window_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _pick(self.title_ar, self.title_en)

    @property
    def text(self) -> str:
        return _pick(self.text_ar, self.text_en)

    def accepts_submissions(self, at: Any = None) -> bool:
        """Open by the clock: published or open, and inside its window."""
        at = at or timezone.now()
        return (
            self.status in (CallStatus.PUBLISHED, CallStatus.OPEN)
            and self.opens_at <= at < self.closes_at
        )


class CallVersion(models.Model):
    """What a call said at one version: kept when an open call is amended."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()
    changes = models.JSONField(default=list, blank=True)  # names of what changed
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["call", "version"]
        constraints = [
            models.UniqueConstraint(fields=["call", "version"], name="call_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.call} v{self.version}"


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("Choice")
    FILE = "file", _("File")


class CallQuestion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind of answer"), max_length=12, choices=QuestionKind.choices)
    label_ar = models.CharField(_("question (Arabic)"), max_length=300)
    label_en = models.CharField(_("question (English)"), max_length=300)
    help_ar = models.CharField(_("help (Arabic)"), max_length=500, blank=True)
    help_en = models.CharField(_("help (English)"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=True)
    # For choice questions: [{"value": "a", "label_ar": "...", "label_en": "..."}]
    choices = models.JSONField(default=list, blank=True)
    max_length = models.PositiveIntegerField(_("maximum length"), null=True, blank=True)
    min_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    # A question removed from a published call is retired, not deleted: applications
    # submitted under an earlier version keep their answers to it.
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["call", "order", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _pick(self.label_ar, self.label_en)

    @property
    def help(self) -> str:
        return _pick(self.help_ar, self.help_en)

    def choice_pairs(self) -> list[tuple[str, str]]:
        return [(c["value"], _pick(c["label_ar"], c["label_en"])) for c in self.choices]


class RubricCriterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rubric")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_ar = models.CharField(_("criterion (Arabic)"), max_length=200)
    name_en = models.CharField(_("criterion (English)"), max_length=200)
    description_ar = models.CharField(_("guidance (Arabic)"), max_length=500, blank=True)
    description_en = models.CharField(_("guidance (English)"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["call", "order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _pick(self.name_ar, self.name_en)

    @property
    def description(self) -> str:
        return _pick(self.description_ar, self.description_en)


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SCREENING = "screening", _("Screening")
    MORE_INFO = "more_info", _("More information requested")
    UNDER_REVIEW = "under_review", _("Under review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    AWARDED = "awarded", _("Awarded")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECIDED_STATES = [ApplicationStatus.AWARDED, ApplicationStatus.NOT_SELECTED]
CLOSED_STATES = [*DECIDED_STATES, ApplicationStatus.WITHDRAWN]


class Application(WorkflowModel):
    """An organization's application to a call, as lead of an optional consortium."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    lead = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="call_applications"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    title = models.CharField(_("project title"), max_length=200)
    requested_amount = models.DecimalField(
        _("requested amount (SYP)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    # What the application was judged against when submitted.
    call_version = models.PositiveIntegerField(null=True, blank=True)
    eligibility_results = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    info_request = models.TextField(_("information requested"), blank=True)

    class Meta:
        verbose_name = _("application to a call")
        verbose_name_plural = _("applications to calls")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "lead"],
                condition=~models.Q(status="withdrawn"),
                name="one_application_per_lead_and_call",
            )
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return f"{self.title} · {self.lead}"


class PartnerStatus(models.TextChoices):
    INVITED = "invited", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class ApplicationPartner(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=PartnerStatus.choices, default=PartnerStatus.INVITED
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consortium partner")
        verbose_name_plural = _("consortium partners")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "organization"], name="partner_once_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.get_status_display()}"


def _answer_path(instance: Any, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    return f"applications/{instance.application_id}/{uuid.uuid4().hex}{suffix}"


class Answer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(CallQuestion, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True)
    number = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    file = models.FileField(upload_to=_answer_path, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}/{self.question_id}"

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.number is not None or self.file)


class ReviewStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned, conflict of interest not yet declared")
    ACCEPTED = "accepted", _("No conflict declared; reviewing")
    CONFLICTED = "conflicted", _("Conflict of interest declared")
    SUBMITTED = "submitted", _("Review submitted")


class Review(WorkflowModel):
    """One reviewer's work on one application. The application's content opens only
    after the reviewer declares no conflict of interest."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="program_reviews"
    )
    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.ASSIGNED
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    declared_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("overall comment"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"],
                condition=~models.Q(status="conflicted"),
                name="one_active_review_per_reviewer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(RubricCriterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_once"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=5), name="score_between_0_and_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Award(models.Model):
    """What an awarded application gets; a funded initiative attaches to it later."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="award")
    amount = models.DecimalField(_("amount (SYP)"), max_digits=16, decimal_places=0)
    terms_ar = models.TextField(_("terms (Arabic)"), blank=True)
    terms_en = models.TextField(_("terms (English)"), blank=True)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    awarded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.application} · {self.amount}"

    @property
    def terms(self) -> str:
        return _pick(self.terms_ar, self.terms_en)
