"""Factories and small helpers for organization tests (shared by every test module)."""

import io
from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from mujtama.accounts.tests.factories import UserFactory
from mujtama.geo.models import Governorate
from mujtama.organizations.models import (
    DocumentKind,
    ExpertiseArea,
    JoiningApplication,
    JoiningCriteria,
    LegalStatus,
    MemberRole,
    Membership,
    Organization,
    OrganizationDocument,
    OrganizationKind,
    OrganizationMember,
)

# The smallest valid PDF: one empty page.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def png_bytes(size: tuple[int, int] = (32, 32), color: str = "green") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    kind = OrganizationKind.TECH_NGO
    legal_status = LegalStatus.LICENSED
    registration_number = factory.Sequence(lambda n: f"REG-{1000 + n}")
    founding_year = 2018
    name_ar = factory.Sequence(lambda n: f"جمعية التقانة رقم {n}")
    name_en = factory.Sequence(lambda n: f"Technology Association {n}")
    description_ar = "جمعية تعمل على نشر المهارات الرقمية بين الشباب."
    description_en = "An association that spreads digital skills among young people."
    members_count = 25
    volunteers_count = 40
    public_email = factory.Sequence(lambda n: f"info{n}@org.example.sy")
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def owner(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            OrganizationMember.objects.create(
                organization=self, user=extracted or self.created_by, role=MemberRole.OWNER
            )

    @factory.post_generation
    def places(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.governorates.set(
                Governorate.objects.filter(pcode__in=extracted or ["SY01", "SY09"])
            )
            self.expertise_areas.set(
                ExpertiseArea.objects.filter(code__in=["digital_skills", "software"])
            )


def make_member(organization: Organization, status: str = "active") -> Membership:
    """Make the organization a member of the framework, as the approval of its
    application would (without going through the services)."""
    now = timezone.now()
    application = JoiningApplication.objects.create(
        organization=organization, created_by=organization.created_by, status="approved"
    )
    return Membership.objects.create(
        organization=organization,
        status=status,
        application=application,
        started_at=now,
        expires_at=now + timedelta(days=300),
        provisional_until=now + timedelta(days=200) if status == "provisional" else None,
    )


def add_member(organization: Organization, user: Any, role: str = MemberRole.EDITOR) -> Any:
    OrganizationMember.objects.create(organization=organization, user=user, role=role)
    return user


def add_document(
    organization: Organization, kind: str = DocumentKind.STATUTES
) -> OrganizationDocument:
    from django.core.files.base import ContentFile

    document = OrganizationDocument(
        organization=organization,
        kind=kind,
        original_name=f"{kind}.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        sha256="0" * 64,
        uploaded_by=organization.created_by,
    )
    document.file.save("document.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


STANDARD_CHECKS = [
    {"type": "profile_complete"},
    {"type": "documents", "kinds": ["statutes", "board_list"]},
    {"type": "min_members", "value": 5},
    {"type": "legal_status_in", "values": ["licensed", "license_in_progress", "not_applicable"]},
    {"type": "min_expertise_areas", "value": 1},
]
STANDARD_MANUAL = [
    {
        "code": "board_verified",
        "label_ar": "التحقق من أعضاء مجلس الإدارة",
        "label_en": "Board members verified",
    },
    {
        "code": "activity_real",
        "label_ar": "التحقق من نشاط فعلي",
        "label_en": "Real activity verified",
    },
]


def criteria_in_force(actor: Any, **changes: Any) -> JoiningCriteria:
    """Publish a criteria version directly (bypassing the service, for set-up)."""
    from django.db.models import Max

    latest = JoiningCriteria.objects.aggregate(version=Max("version"))["version"] or 0
    JoiningCriteria.objects.filter(status="published").update(status="superseded")
    values = {
        "number": 1,
        "version": latest + 1,
        "status": "published",
        "title_ar": "معايير الانضمام إلى الإطار الوطني",
        "title_en": "Criteria for joining the national framework",
        "mechanisms_ar": "تقدّم الجهة طلب الانضمام عبر المنصة.",
        "mechanisms_en": "The organization applies on the platform.",
        "body_ar": "أن تعمل الجهة في مجال التقانة.",
        "body_en": "The organization works in technology.",
        "automatic_checks": STANDARD_CHECKS,
        "manual_checks": STANDARD_MANUAL,
        "created_by": actor,
        "published_at": timezone.now(),
    }
    values.update(changes)
    return JoiningCriteria.objects.create(**values)


def ready_to_apply(organization: Organization) -> Organization:
    """Upload what the standard criteria ask for."""
    add_document(organization, DocumentKind.STATUTES)
    add_document(organization, DocumentKind.BOARD_LIST)
    return organization
