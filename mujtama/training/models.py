"""Courses run by member organizations, their cohorts, the young people who apply
and take part, attendance, certificates and what graduates do afterwards."""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mujtama.core.models import TimeStampedModel, WorkflowModel, bilingual


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("In person and online")


class Course(TimeStampedModel):
    provider = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    co_provider = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("co-provider"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="co_provided_courses",
        help_text=_("For example the university that co-teaches it."),
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_ar = models.TextField(_("description (Arabic)"))
    description_en = models.TextField(_("description (English)"))
    skills = models.CharField(_("skills taught"), max_length=300)
    level = models.CharField(_("level"), max_length=15, choices=Level.choices)
    hours = models.PositiveSmallIntegerField(
        _("hours of training"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title_ar", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self.title_ar, self.title_en)

    @property
    def description(self) -> str:
        return bilingual(self.description_ar, self.description_en)


class CohortStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("cohort status", "Published")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class Cohort(WorkflowModel, TimeStampedModel):
    """One run of a course: when, where, for how many and for whom, and how the
    applicants are ranked."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="cohorts")
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    online = models.BooleanField(_("online"), default=False)
    governorate = models.ForeignKey(
        "geo.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    locality = models.ForeignKey(
        "geo.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    applications_open_on = models.DateField(_("applications open on"))
    applications_close_on = models.DateField(_("applications close on"))
    confirmation_days = models.PositiveSmallIntegerField(
        _("days to confirm a place"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("An accepted applicant who does not confirm in time loses the place."),
    )
    # Eligibility
    min_age = models.PositiveSmallIntegerField(_("youngest age"), default=15)
    max_age = models.PositiveSmallIntegerField(_("oldest age"), default=29)
    eligible_governorates = models.ManyToManyField(
        "geo.Governorate",
        verbose_name=_("who may apply: governorates"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every governorate."),
    )
    prerequisites = models.CharField(_("prerequisites"), max_length=300, blank=True)
    # Priority weights (points)
    remote_points = models.PositiveSmallIntegerField(
        _("points for living in a remote area"), default=30, validators=[MaxValueValidator(100)]
    )
    vulnerable_points = models.PositiveSmallIntegerField(
        _("points for a vulnerable family"), default=30, validators=[MaxValueValidator(100)]
    )
    gender_balance = models.BooleanField(
        _("balance women and men"),
        default=False,
        help_text=_("At most half of the places, rounded up, go to either sex while both apply."),
    )
    # Completion
    attendance_share = models.PositiveSmallIntegerField(
        _("attendance needed to complete (%)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    assessment = models.BooleanField(_("a passed assessment is needed"), default=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CohortStatus.choices,
        default=CohortStatus.DRAFT,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="training_cohort_dates_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(applications_close_on__gte=models.F("applications_open_on")),
                name="training_cohort_window_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(max_age__gte=models.F("min_age")),
                name="training_cohort_ages_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(online=True) | models.Q(governorate__isnull=False),
                name="training_cohort_has_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.name}"

    @property
    def name(self) -> str:
        return bilingual(self.name_ar, self.name_en)


class EnrollmentStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    ACCEPTED = "accepted", _("Accepted, to confirm")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not selected")
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Did not complete")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LAPSED = "lapsed", _("Place not confirmed in time")
    CANCELLED = "cancelled", _("Cohort cancelled")


class NameShown(models.TextChoices):
    FULL = "full", _("My full name")
    INITIALS = "initials", _("My initials only")


class Enrollment(WorkflowModel, TimeStampedModel):
    """A young person's application to a cohort and everything after: selection,
    confirmation, attendance, completion. The score and its factors are computed when
    the applicant applies, from what they declared with consent, and each applicant
    sees their own."""

    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrollments")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrollments"
    )
    motivation = models.TextField(_("why you want to take part"), max_length=1000)
    name_shown = models.CharField(
        _("name on the public verification page"),
        max_length=10,
        choices=NameShown.choices,
        default=NameShown.FULL,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.APPLIED,
        db_index=True,
    )
    # The applicant as judged at application time.
    governorate = models.ForeignKey(
        "geo.Governorate", on_delete=models.PROTECT, related_name="+", null=True
    )
    birth_year = models.PositiveSmallIntegerField(null=True)
    sex = models.CharField(max_length=1, blank=True)
    remote = models.BooleanField(default=False)
    vulnerable = models.BooleanField(default=False)
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    factors = models.JSONField(_("score factors"), default=list)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    confirm_by = models.DateTimeField(_("confirm by"), null=True, blank=True)
    assessment_passed = models.BooleanField(_("assessment passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["cohort", "rank", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "applicant"], name="training_one_application_per_cohort"
            )
        ]
        indexes = [models.Index(fields=["status", "confirm_by"])]

    def __str__(self) -> str:
        return f"{self.applicant} · {self.cohort}"


class Session(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["held_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "held_on"], name="training_one_session_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.held_on}"


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="training_one_mark_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.session.held_on}: {self.present}"


class Certificate(models.Model):
    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.PROTECT, related_name="certificate"
    )
    document = models.OneToOneField(
        "core.VerifiableDocument", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.document.code


class Outcome(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed or freelance")
    INTERNSHIP = "internship", _("In an internship")
    STUDYING = "studying", _("Studying")
    LOOKING = "looking", _("Looking for work")


class WorkSector(models.TextChoices):
    TECHNOLOGY = "technology", _("Technology and software")
    GOVERNMENT = "government", _("Government")
    NGO = "ngo", _("Civil society and NGOs")
    TRADE = "trade", _("Trade and services")
    EDUCATION = "education", _("Education")
    AGRICULTURE = "agriculture", _("Agriculture")
    INDUSTRY = "industry", _("Industry and crafts")
    OTHER = "other", _("Other")


class Helped(models.TextChoices):
    YES = "yes", _("Yes, a lot")
    SOMEWHAT = "somewhat", _("Somewhat")
    NO = "no", _("No")


class FollowUp(models.Model):
    """A short survey sent to a graduate 3, 6 and 12 months after completion, by a
    link that works once, for that person only, until it expires."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="followups")
    months = models.PositiveSmallIntegerField(_("months after completion"))
    due_on = models.DateField(_("due on"), db_index=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("link expires at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(
        _("what you do now"), max_length=15, choices=Outcome.choices, blank=True
    )
    sector = models.CharField(_("sector"), max_length=15, choices=WorkSector.choices, blank=True)
    helped = models.CharField(
        _("did the training help?"), max_length=10, choices=Helped.choices, blank=True
    )

    class Meta:
        verbose_name = _("follow-up survey")
        verbose_name_plural = _("follow-up surveys")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "months"], name="training_one_followup")
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.months}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    def summary(self) -> dict[str, Any]:
        return {"months": self.months, "outcome": self.outcome}
