"""Initiatives run by member organizations, their indicators and activities, and the
volunteers who give their time to them.

Who may see what: an initiative's publication level (public, summary only, private)
decides what the public pages show; anything about vulnerable families is never
shown publicly below governorate level (``concerns_vulnerable``)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mujtama.core.models import TimeStampedModel, WorkflowModel, bilingual


class Origin(models.TextChoices):
    AWARD = "award", _("An award from a call")
    CHALLENGE = "challenge", _("A solution to a challenge")
    OWN = "own", _("The organization's own initiative")


class Publication(models.TextChoices):
    PUBLIC = "public", _("Public")
    SUMMARY = "summary", _("Summary only")
    PRIVATE = "private", _("Private")


class Sector(models.TextChoices):
    """The sector of the 4W table (``#sector``)."""

    DIGITAL_SKILLS = "digital_skills", _("Digital skills and training")
    EGOVERNMENT = "egovernment", _("Government digital services")
    LIVELIHOODS = "livelihoods", _("Digital work and livelihoods")
    CONNECTIVITY = "connectivity", _("Connectivity and access")
    INCLUSION = "inclusion", _("Digital inclusion of vulnerable families")
    EDUCATION = "education", _("Education technology")
    RESEARCH = "research", _("Research and innovation")


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Initiative(WorkflowModel, TimeStampedModel):
    lead = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("lead organization"),
        on_delete=models.PROTECT,
        related_name="led_initiatives",
    )
    partners = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("partner organizations"),
        blank=True,
        related_name="partner_initiatives",
    )
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    award = models.ForeignKey(
        "programs.Award",
        verbose_name=_("award"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_ar = models.TextField(_("description (Arabic)"))
    description_en = models.TextField(_("description (English)"))
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    governorates = models.ManyToManyField(
        "geo.Governorate", verbose_name=_("governorates"), related_name="+"
    )
    localities = models.ManyToManyField(
        "geo.Locality", verbose_name=_("localities"), blank=True, related_name="+"
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    budget = models.DecimalField(
        _("budget (SYP)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.PLANNED,
        db_index=True,
    )
    publication = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.PUBLIC
    )
    concerns_vulnerable = models.BooleanField(
        _("concerns vulnerable families"),
        default=False,
        help_text=_("If so, nothing below governorate level is ever shown publicly."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="initiatives_dates_ordered",
            ),
            models.CheckConstraint(
                condition=~models.Q(origin="award") | models.Q(award__isnull=False),
                name="initiatives_award_origin_has_award",
            ),
        ]
        indexes = [models.Index(fields=["publication", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self.title_ar, self.title_en)

    @property
    def description(self) -> str:
        return bilingual(self.description_ar, self.description_en)

    @property
    def shows_places(self) -> bool:
        """Whether public pages may name places below the governorate."""
        return not self.concerns_vulnerable


class Indicator(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="indicators")
    name_ar = models.CharField(_("indicator (Arabic)"), max_length=200)
    name_en = models.CharField(_("indicator (English)"), max_length=200)
    unit_ar = models.CharField(_("unit (Arabic)"), max_length=50)
    unit_en = models.CharField(_("unit (English)"), max_length=50)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return bilingual(self.name_ar, self.name_en)

    @property
    def unit(self) -> str:
        return bilingual(self.unit_ar, self.unit_en)

    @property
    def progress(self) -> int | None:
        """Percent of the way from baseline to target (may pass 100)."""
        span = self.target - self.baseline
        if span <= 0:
            return None
        return max(0, round(100 * (self.actual - self.baseline) / span))


class IndicatorUpdate(models.Model):
    """One reading of an indicator: the history behind ``Indicator.actual``."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="updates")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    measured_on = models.DateField(_("measured on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator update")
        verbose_name_plural = _("indicator updates")
        ordering = ["-measured_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.indicator} = {self.value} ({self.measured_on})"


class ActivityType(models.TextChoices):
    TRAINING = "training", _("Training session")
    WORKSHOP = "workshop", _("Workshop")
    HACKATHON = "hackathon", _("Hackathon")
    HELP_DESK = "help_desk", _("Digital-service help desk")
    AWARENESS = "awareness", _("Awareness session")
    MENTORING = "mentoring", _("Mentoring")
    OTHER = "other", _("Other")


class Activity(models.Model):
    """Something an initiative did on a day, somewhere or online. The people it
    reached are in the reach ledger (``mujtama.impact``), with this activity as source."""

    initiative = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("type"), max_length=12, choices=ActivityType.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"), db_index=True)
    governorate = models.ForeignKey(
        "geo.Governorate", verbose_name=_("governorate"), on_delete=models.PROTECT, related_name="+"
    )
    locality = models.ForeignKey(
        "geo.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online = models.BooleanField(_("online"), default=False)
    facilitators = models.CharField(_("facilitators"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"


class OpportunityStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class VolunteerOpportunity(WorkflowModel, TimeStampedModel):
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="volunteer_opportunities",
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_ar = models.TextField(_("description (Arabic)"))
    description_en = models.TextField(_("description (English)"))
    skills = models.CharField(_("skills sought"), max_length=300)
    governorate = models.ForeignKey(
        "geo.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    remote = models.BooleanField(_("can be done remotely"), default=False)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OpportunityStatus.choices,
        default=OpportunityStatus.OPEN,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="initiatives_opportunity_dates_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(remote=True) | models.Q(governorate__isnull=False),
                name="initiatives_opportunity_has_place",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self.title_ar, self.title_en)

    @property
    def description(self) -> str:
        return bilingual(self.description_ar, self.description_en)


class VolunteeringStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ENDED = "ended", _("Ended")


class Volunteering(WorkflowModel, TimeStampedModel):
    """A person's application to an opportunity and, once accepted, their place in it."""

    opportunity = models.ForeignKey(
        VolunteerOpportunity, on_delete=models.PROTECT, related_name="volunteerings"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="volunteerings"
    )
    motivation = models.TextField(_("why you want to volunteer"), max_length=1000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=VolunteeringStatus.choices,
        default=VolunteeringStatus.APPLIED,
        db_index=True,
    )

    class Meta:
        verbose_name = _("volunteering")
        verbose_name_plural = _("volunteerings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "volunteer"], name="initiatives_one_application_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.opportunity}"


class HoursStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class HoursEntry(WorkflowModel):
    """Hours a volunteer says they gave on a day; they count once an editor of the
    organization approves them."""

    volunteering = models.ForeignKey(Volunteering, on_delete=models.PROTECT, related_name="hours")
    worked_on = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal(16))],
    )
    description = models.CharField(_("what you did"), max_length=500)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=HoursStatus.choices,
        default=HoursStatus.SUBMITTED,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rejection_reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hours entry")
        verbose_name_plural = _("hours entries")
        ordering = ["-worked_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=16),
                name="initiatives_hours_in_a_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.hours} h · {self.worked_on}"


class HoursStatement(models.Model):
    """An hours statement issued to a volunteer for the hours an organization approved:
    the platform's record behind a verifiable document."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hours_statements"
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+"
    )
    document = models.OneToOneField(
        "core.VerifiableDocument", on_delete=models.PROTECT, related_name="+"
    )
    hours = models.DecimalField(_("approved hours"), max_digits=8, decimal_places=2)
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hours statement")
        verbose_name_plural = _("hours statements")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.document.code} · {self.hours} h"
