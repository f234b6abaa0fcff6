"""Documents of an organization: uploaded after a content check, opened only by
those who may."""

from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.organizations.models import (
    ApplicationStatus,
    DocumentKind,
    Organization,
    OrganizationDocument,
)
from mujtama.organizations.permissions import can_edit, can_view_private, role_in
from mujtama.organizations.uploads import check_document

MAX_NAME = 200


def document_upload(
    *, actor: Any, organization: Organization, kind: str, upload: IO[bytes], filename: str
) -> OrganizationDocument:
    """Store a PDF or image after checking what it contains (not its name)."""
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose the kind of document.")})
    checked = check_document(upload)
    with transaction.atomic():
        document = OrganizationDocument(
            organization=organization,
            kind=kind,
            original_name=(filename or "document")[:MAX_NAME],
            content_type=checked.content_type,
            size=len(checked.data),
            sha256=checked.sha256,
            uploaded_by=actor,
        )
        document.file.save(f"document{checked.extension}", ContentFile(checked.data), save=False)
        document.save()
        audit_record(
            actor=actor,
            verb="organizations.document_uploaded",
            target=organization,
            changes={"document": document.pk, "kind": kind, "sha256": checked.sha256},
        )
    return document


def document_delete(*, actor: Any, document: OrganizationDocument) -> None:
    """Remove a document, unless the ministry is reviewing an application that
    relies on it."""
    organization = document.organization
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    under_review = organization.joining_applications.filter(
        status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW],
        documents_snapshot__has_key=str(document.pk),
    ).exists()
    if under_review:
        raise ValidationError(
            _(
                "This document is part of an application under review; it can be replaced after the decision."
            )
        )
    with transaction.atomic():
        storage, name = document.file.storage, document.file.name or ""
        pk = document.pk
        document.delete()
        audit_record(
            actor=actor,
            verb="organizations.document_deleted",
            target=organization,
            changes={"document": pk},
        )
        if name:
            transaction.on_commit(lambda: storage.delete(name))


def document_open(*, user: Any, document: OrganizationDocument) -> IO[bytes]:
    """Open a document for download. Reads by ministry staff (who are not the
    organization's people) are recorded in the audit log."""
    decision = can_view_private(user, document.organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    if not role_in(user, document.organization):
        audit_record(
            actor=user,
            verb="organizations.document_read",
            target=document.organization,
            changes={"document": document.pk, "kind": document.kind},
        )
    return document.file.open("rb")
