"""The registry: organizations, their people, invitations, requests to join, documents."""

import re
import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.models import BilingualNameMixin, TimeStampedModel
from mujtama.core.workflows import WorkflowModel


class OrganizationKind(models.TextChoices):
    TECH_NGO = "tech_ngo", _("Technology association or NGO")
    YOUTH_INITIATIVE = "youth_initiative", _("Youth initiative")
    UNIVERSITY = "university", _("University")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    COMPANY = "company", _("Company")
    GOVERNMENT_BODY = "government_body", _("Government body")


class Scope(models.TextChoices):
    DOMESTIC = "domestic", _("Inside Syria")
    INTERNATIONAL = "international", _("Outside Syria")


class LegalStatus(models.TextChoices):
    UNLICENSED = "unlicensed", _("Not licensed")
    LICENSE_IN_PROGRESS = "license_in_progress", _("License in progress")
    LICENSED = "licensed", _("Licensed")
    NOT_APPLICABLE = "not_applicable", _("Not applicable (public or foreign body)")


class ExpertiseArea(BilingualNameMixin, models.Model):
    """The staff-managed taxonomy of what organizations are good at."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    is_active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        ordering = ["order", "id"]


def registration_key(number: str) -> str:
    """The form of a registration number used to spot duplicates: digits in ASCII,
    no spaces, dashes or slashes, upper case."""
    folded = normalize_ar(number).upper()
    return re.sub(r"[\s\-/_.]", "", folded)


def _logo_path(instance: Any, filename: str) -> str:
    return f"logos/{uuid.uuid4().hex}.png"


class Organization(BilingualNameMixin, TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    scope = models.CharField(
        _("based"), max_length=20, choices=Scope.choices, default=Scope.DOMESTIC
    )
    legal_status = models.CharField(_("legal status"), max_length=30, choices=LegalStatus.choices)
    registration_number = models.CharField(
        _("license or registration number"), max_length=60, blank=True
    )
    founding_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ar = models.TextField(_("description (Arabic)"), blank=True, max_length=4000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=4000)
    governorates = models.ManyToManyField(
        "geo.Governorate", verbose_name=_("governorates it works in"), blank=True
    )
    expertise_areas = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("areas of expertise"), blank=True
    )
    members_count = models.PositiveIntegerField(_("number of members"), default=0)
    volunteers_count = models.PositiveIntegerField(_("number of volunteers"), default=0)
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public email"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=20, blank=True)
    # Re-encoded PNG written by the upload check; served by a view, never directly.
    logo = models.FileField(_("logo"), upload_to=_logo_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Derived, for duplicate detection and search (kept by save()).
    name_ar_key = models.CharField(max_length=220, editable=False)
    name_en_key = models.CharField(max_length=220, editable=False)
    registration_key = models.CharField(max_length=60, editable=False, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name_ar_key"]
        constraints = [
            models.UniqueConstraint(fields=["name_ar_key"], name="org_unique_arabic_name"),
            models.UniqueConstraint(fields=["name_en_key"], name="org_unique_english_name"),
            models.UniqueConstraint(
                fields=["registration_key"],
                condition=~models.Q(registration_key=""),
                name="org_unique_registration_number",
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_ar_key = normalize_ar(self.name_ar)
        self.name_en_key = normalize_ar(self.name_en)
        self.registration_key = registration_key(self.registration_number)
        self.search_text = normalize_ar(
            " ".join([self.name_ar, self.name_en, self.description_ar, self.description_en])
        )
        super().save(*args, **kwargs)

    @property
    def description(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "ar").startswith("en"):
            return self.description_en or self.description_ar
        return self.description_ar or self.description_en


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class OrganizationMember(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships_of_people"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organization_roles"
    )
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("person in an organization")
        verbose_name_plural = _("people in organizations")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="org_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organization} · {self.get_role_display()}"


class Invitation(models.Model):
    """An owner's invitation by email. Only a hash of the token is stored; the link
    works once, before it expires."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MembershipRequest(WorkflowModel):
    """Someone asks to join an organization that is already registered (the way in
    offered when a registration turns out to be a duplicate)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organization_requests"
    )
    message = models.TextField(_("message to the owners"), blank=True, max_length=1000)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request to join an organization")
        verbose_name_plural = _("requests to join organizations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=models.Q(status="pending"),
                name="org_one_pending_request_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization}"


class DocumentKind(models.TextChoices):
    STATUTES = "statutes", _("Statutes (bylaws)")
    LICENSE = "license", _("License or registration certificate")
    BOARD_LIST = "board_list", _("Board members list")
    ACTIVITY_REPORT = "activity_report", _("Activity report")
    FOUNDING_MEMBERS = "founding_members", _("Founding members list")
    OTHER = "other", _("Other document")


def _document_path(instance: Any, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    return f"documents/{instance.organization_id}/{uuid.uuid4().hex}{suffix}"


class OrganizationDocument(models.Model):
    """A PDF or image, checked by its content; stored under MEDIA_ROOT (outside the web
    root) and downloaded only through a view that checks who asks."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(upload_to=_document_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"
