"""Verifiable documents: one mechanism for every document the platform issues and
anyone may check (volunteer hours statements, training certificates).

The issuing app calls ``document_issue`` with what the public page should show, and
prints the code (and a QR code of ``verify_url``) on its PDF. The public page
``/<lang>/verify/<code>/`` (``verification_views.verify``) says whether the code belongs to a
document the platform issued and whether it was revoked. Codes are eleven random
characters and a check character (``core.codes``): 30¹¹ ≈ 1.8 × 10¹⁶, so they cannot
be guessed or enumerated, a typo is caught by the check character, and lookups that
find nothing are rate-limited per client.

Revocation is the workflow ``core.document`` (valid → revoked, with a reason, audited).
Who may revoke a kind of document is for its issuing app to say (``REVOKERS``); by
default only platform administrators may."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from mujtama.core import codes
from mujtama.core.models import DocumentKind, VerifiableDocument
from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.services import audit_record, name_verbs
from mujtama.core.workflows import State, Step, Workflow, transition

RANDOM_LENGTH = 11
LENGTH = RANDOM_LENGTH + 1

# kind → who may revoke documents of that kind; the issuing apps register theirs.
REVOKERS: dict[str, Callable[[Any, VerifiableDocument], Decision]] = {}


def _platform_admin(actor: Any, document: VerifiableDocument) -> Decision:
    if actor is not None and "platform_admin" in getattr(actor, "roles", ()):
        return ALLOW
    return deny(_("Only the issuer of this document or a platform administrator may revoke it."))


def may_revoke(actor: Any, document: VerifiableDocument) -> Decision:
    if _platform_admin(actor, document).allowed:
        return ALLOW
    issuer_rule = REVOKERS.get(document.kind)
    if issuer_rule is not None:
        return issuer_rule(actor, document)
    return _platform_admin(actor, document)


DOCUMENT_WORKFLOW = Workflow(
    name="core.document",
    states={
        "valid": State(_("Valid"), _("Valid")),
        "revoked": State(_("Revoked"), _("Revoked")),
    },
    transitions={
        "valid": {
            "revoke": Step("revoked", _("Revoke the document"), may_revoke, requires_reason=True)
        },
    },
    terminal=frozenset({"revoked"}),
)
VerifiableDocument.workflow = DOCUMENT_WORKFLOW

name_verbs({"core.document_issued": _("Verifiable document issued")})


def normalize(typed: str) -> str | None:
    """The stored form of a typed verification code, or None if it cannot be one."""
    return codes.normalize(typed, LENGTH)


def verify_url(document: VerifiableDocument, *, language: str = "ar") -> str:
    """The path of the document's public verification page (the issuing app makes it
    absolute for its QR code)."""
    with override(language):
        return reverse("verification:document", kwargs={"code": document.code})


def document_issue(
    *,
    actor: Any,
    kind: str,
    holder_name: str,
    title_ar: str,
    title_en: str,
    issuer_ar: str,
    issuer_en: str,
    summary_ar: str = "",
    summary_en: str = "",
    issued_on: date | None = None,
    source: models.Model | None = None,
) -> VerifiableDocument:
    """Issue a document with a fresh code, audited."""
    if kind not in DocumentKind.values:
        raise ValueError(f"unknown document kind {kind!r}")
    fields = {
        "kind": kind,
        "holder_name": holder_name.strip(),
        "title_ar": title_ar,
        "title_en": title_en,
        "issuer_ar": issuer_ar,
        "issuer_en": issuer_en,
        "summary_ar": summary_ar,
        "summary_en": summary_en,
        "issued_on": issued_on or timezone.localdate(),
        "issued_by": actor,
        "source_type": source._meta.label_lower if source is not None else "",
        "source_id": str(source.pk) if source is not None else "",
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                document = VerifiableDocument.objects.create(
                    code=codes.new_code(RANDOM_LENGTH), **fields
                )
                audit_record(
                    actor=actor,
                    verb="core.document_issued",
                    target=document,
                    changes={
                        "kind": kind,
                        "source": f"{fields['source_type']}:{fields['source_id']}",
                    },
                )
                return document
        except IntegrityError:  # the one-in-10¹⁶ clash of codes: draw again
            continue
    raise RuntimeError("could not draw a free verification code")


def document_revoke(*, actor: Any, document: VerifiableDocument, reason: str) -> VerifiableDocument:
    """Revoke a valid document; the reason is required and audited."""

    def stamp(locked: VerifiableDocument) -> None:
        locked.revoked_at = timezone.now()
        locked.revocation_reason = reason.strip()

    result: VerifiableDocument = transition(
        obj=document, action="revoke", actor=actor, reason=reason, apply=stamp
    )
    return result
