"""Certificates of completion: verifiable documents (``core.verification``) with a PDF
in Arabic and English and a QR code to the public page."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from mujtama.core import verification
from mujtama.core.models import DocumentKind, VerifiableDocument
from mujtama.core.pdf import document_pdf
from mujtama.core.permissions import Decision, deny
from mujtama.core.services import audit_record
from mujtama.initiatives.permissions import owns
from mujtama.initiatives.services.volunteers import initials
from mujtama.training.models import Certificate, Enrollment, NameShown


def _issuer(enrollment: Enrollment, language: str) -> str:
    course = enrollment.cohort.course
    names = [course.provider, course.co_provider] if course.co_provider else [course.provider]
    if language == "ar":
        return " و".join(org.name_ar for org in names if org)
    return " and ".join((org.name_en or org.name_ar) for org in names if org)


def certificate_issue(*, enrollment: Enrollment, actor: Any) -> Certificate:
    """The certificate of a completed enrollment (issued once)."""
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    cohort = enrollment.cohort
    course = cohort.course
    name = enrollment.applicant.full_name
    shown = name if enrollment.name_shown == NameShown.FULL else initials(name)
    summaries = {}
    for language in ("ar", "en"):
        with override(language):
            summaries[language] = _(
                "Completed the course “%(course)s” (%(hours)s hours), %(first)s to %(last)s."
            ) % {
                "course": course.title_ar if language == "ar" else course.title_en,
                "hours": course.hours,
                "first": cohort.starts_on,
                "last": cohort.ends_on,
            }
    with transaction.atomic():
        document = verification.document_issue(
            actor=actor,
            kind=DocumentKind.TRAINING_CERTIFICATE,
            holder_name=shown,
            title_ar="شهادة إتمام تدريب",
            title_en="Certificate of completion",
            issuer_ar=_issuer(enrollment, "ar"),
            issuer_en=_issuer(enrollment, "en"),
            summary_ar=summaries["ar"],
            summary_en=summaries["en"],
            issued_on=cohort.ends_on,
            source=enrollment,
        )
        certificate = Certificate.objects.create(enrollment=enrollment, document=document)
        audit_record(
            actor=actor,
            verb="training.certificate_issued",
            target=enrollment,
            changes={"code": document.code},
        )
    return certificate


def _certificate_revoker(actor: Any, document: VerifiableDocument) -> Decision:
    """Owners of the course's provider (and platform administrators, as for every
    document)."""
    provider_id = (
        Certificate.objects.filter(document=document)
        .values_list("enrollment__cohort__course__provider_id", flat=True)
        .first()
    )
    if provider_id is None:
        return deny(
            _("Only the issuer of this document or a platform administrator may revoke it.")
        )
    return owns(actor, provider_id)


verification.REVOKERS[DocumentKind.TRAINING_CERTIFICATE] = _certificate_revoker


def certificate_pdf(certificate: Certificate) -> bytes:
    enrollment = certificate.enrollment
    cohort = enrollment.cohort
    course = cohort.course
    document = certificate.document
    return document_pdf(
        document,
        holder_full_name=enrollment.applicant.full_name,
        verify_absolute_url=settings.SITE_URL.rstrip("/")
        + verification.verify_url(document, language="ar"),
        # The course and the provider are in the summary and the issuer, in each
        # language; these are the same on both sides.
        details=[
            ("عدد ساعات التدريب", "Hours of training", str(course.hours)),
            ("من", "From", cohort.starts_on.isoformat()),
            ("إلى", "Until", cohort.ends_on.isoformat()),
        ],
    )
