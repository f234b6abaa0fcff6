"""Verifiable documents: issuing, the public verification page, revocation."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mujtama.core import codes
from mujtama.core.models import AuditEvent, DocumentKind
from mujtama.core.permissions import ALLOW, deny
from mujtama.core.tests.workflow_checks import assert_moved, assert_refused, grid
from mujtama.core.verification import (
    DOCUMENT_WORKFLOW,
    LENGTH,
    REVOKERS,
    document_issue,
    document_revoke,
    normalize,
    verify_url,
)

pytestmark = pytest.mark.django_db


def issue(actor=None, **overrides):
    fields = {
        "kind": DocumentKind.TRAINING_CERTIFICATE,
        "holder_name": "ليلى حسن العلي",
        "title_ar": "أساسيات تطوير الويب",
        "title_en": "Web development basics",
        "issuer_ar": "جمعية الأمل للتقانة",
        "issuer_en": "Al-Amal Technology Association",
        "summary_ar": "أتمّت ٦٠ ساعة تدريبية",
        "summary_en": "Completed 60 training hours",
    }
    return document_issue(actor=actor, **(fields | overrides))


def test_an_issued_document_has_a_checked_code_and_an_audit_event(platform_admin):
    document = issue(platform_admin)
    assert len(document.code) == LENGTH == 12
    assert codes.check_character(document.code[:-1]) == document.code[-1]
    assert document.status == "valid" and document.issued_by == platform_admin
    event = AuditEvent.objects.get(verb="core.document_issued")
    assert event.object_id == str(document.pk) and event.actor == platform_admin


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        issue(kind="diploma")


def test_codes_are_not_a_sequence():
    drawn = [codes.new_code(11) for _ in range(3000)]
    assert len(set(drawn)) == len(drawn)
    values = sorted(int("".join(f"{codes.ALPHABET.index(c):02d}" for c in d)) for d in drawn)
    gaps = {b - a for a, b in itertools.pairwise(values)}
    assert len(gaps) > 2900  # no common step between neighbours
    assert {d[0] for d in drawn} == set(codes.ALPHABET)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_public_page_says_genuine_and_shows_what_was_issued(client, language):
    document = issue()
    response = client.get(verify_url(document, language=language))
    assert response.status_code == 200
    page = response.content.decode()
    assert ("صحيحة وسارية" if language == "ar" else "Genuine and valid") in page
    assert "ليلى حسن العلي" in page
    assert ("أساسيات تطوير الويب" if language == "ar" else "Web development basics") in page
    assert codes.display(document.code) in page
    assert response["Cache-Control"] == "private, no-store"


def test_a_code_typed_another_way_leads_to_the_document(client):
    document = issue()
    typed = codes.display(document.code).lower()
    response = client.get(f"/ar/verify/{typed}/")
    assert response.status_code == 302
    assert response["Location"] == verify_url(document)
    response = client.get("/ar/verify/", {"code": f" {typed} "})
    assert response["Location"] == verify_url(document)


def _altered(code: str) -> str:
    replacement = codes.ALPHABET[(codes.ALPHABET.index(code[3]) + 1) % len(codes.ALPHABET)]
    return code[:3] + replacement + code[4:]


@pytest.mark.parametrize(
    "typed",
    [
        "ALTERED",
        "K7QM4XPDRA2B",
        "x" * 300,
        '"><img src=x onerror=alert(1)>',
        "٣٤٥٦٧٨٩٢٣٤٥٦",
        "\u202eABC",
    ],
)
def test_an_unknown_or_altered_code_is_not_found_never_an_error(client, typed):
    document = issue()
    if typed == "ALTERED":
        typed = _altered(document.code)
        assert normalize(typed) is None  # the check character catches one changed letter
    response = client.get(f"/ar/verify/{typed}/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "لا توجد وثيقة بهذا الرمز" in page
    assert "<img src=x" not in page  # what was typed is shown escaped


def test_the_lookup_form_keeps_what_was_typed_and_says_what_is_wrong(client):
    response = client.get("/en/verify/", {"code": "ABC-DEF"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "No document issued by the platform has this code" in page
    assert 'value="ABC-DEF"' in page
    response = client.get("/en/verify/", {"code": ""})
    assert response.status_code == 200


def test_codes_that_find_nothing_are_limited_per_client(client, settings):
    settings.VERIFY_LOOKUP_LIMIT = 3
    document = issue()
    for _ in range(3):
        assert client.get("/ar/verify/AAAAAAAAAAAA/").status_code == 404
    assert client.get("/ar/verify/AAAAAAAAAAAA/").status_code == 429
    assert client.get("/ar/verify/", {"code": "AAAA"}).status_code == 429
    # A real code still opens: only misses are counted.
    assert client.get(verify_url(document)).status_code == 200


def test_revoking_needs_a_reason_and_the_page_then_says_revoked(client, platform_admin):
    document = issue()
    with pytest.raises(ValidationError):
        document_revoke(actor=platform_admin, document=document, reason="  ")
    revoked = document_revoke(actor=platform_admin, document=document, reason="صدرت بالخطأ")
    assert revoked.status == "revoked" and revoked.revoked_at is not None
    event = AuditEvent.objects.get(verb="core.document.revoke")
    assert event.reason == "صدرت بالخطأ" and event.actor == platform_admin
    page = client.get(verify_url(document, language="en")).content.decode()
    assert "This document was revoked" in page and "Genuine and valid" not in page
    assert "صدرت بالخطأ" not in page  # the reason stays in the audit log


@pytest.mark.parametrize(("state", "action"), grid(DOCUMENT_WORKFLOW))
def test_every_pair_of_the_table(platform_admin, state, action):
    document = issue()
    if state == "revoked":
        document = document_revoke(actor=platform_admin, document=document, reason="خطأ")
    step = DOCUMENT_WORKFLOW.step(state, action)
    if step is None:
        assert_refused(document, state, action, platform_admin, "خطأ")
    else:
        result = document_revoke(actor=platform_admin, document=document, reason="خطأ")
        assert_moved(result, document, DOCUMENT_WORKFLOW, action, step.target)


def test_only_the_issuer_rule_or_a_platform_admin_may_revoke(citizen, monkeypatch):
    document = issue()
    with pytest.raises(PermissionDenied):
        document_revoke(actor=citizen, document=document, reason="لا")
    with pytest.raises(PermissionDenied):
        document_revoke(actor=None, document=document, reason="لا")
    monkeypatch.setitem(
        REVOKERS,
        DocumentKind.TRAINING_CERTIFICATE,
        lambda actor, doc: ALLOW if actor == citizen else deny("no"),
    )
    assert document_revoke(actor=citizen, document=document, reason="لا").status == "revoked"
