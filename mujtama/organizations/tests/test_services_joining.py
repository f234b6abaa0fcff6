"""Joining the national framework: criteria versions, submission against the checks
in force, the officer's review, and the membership an approval grants."""

import re
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.organizations.models import (
    DocumentKind,
    JoiningApplication,
    JoiningCriteria,
    JoiningSettings,
    LegalStatus,
    MemberRole,
    Membership,
)
from mujtama.organizations.services.joining import (
    SubmissionBlocked,
    application_assign,
    application_decide,
    application_start,
    application_start_review,
    application_submit,
    application_tick,
    criteria_publish,
    criteria_save_draft,
)
from mujtama.organizations.tests.factories import (
    STANDARD_CHECKS,
    STANDARD_MANUAL,
    OrganizationFactory,
    add_document,
    add_member,
    criteria_in_force,
    ready_to_apply,
)

pytestmark = pytest.mark.django_db

ARABIC = re.compile("[\u0600-\u06ff]")
REASON = "تبيّن أن الجهة تعمل فعلاً في تدريب الشباب على البرمجة."


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


TEXTS = {
    "title_ar": "معايير الانضمام",
    "title_en": "Joining criteria",
    "mechanisms_ar": "تقدّم الجهة طلبها عبر المنصة.",
    "mechanisms_en": "The organization applies on the platform.",
    "body_ar": "أن تعمل الجهة في مجال التقانة.",
    "body_en": "The organization works in technology.",
}


def _draft(actor: Any, checks: list[dict[str, Any]] | None = None, **texts: str) -> JoiningCriteria:
    return criteria_save_draft(
        actor=actor,
        automatic_checks=STANDARD_CHECKS if checks is None else checks,
        manual_checks=STANDARD_MANUAL,
        **{**TEXTS, **texts},
    )


# --- criteria ---------------------------------------------------------------------------------


def test_drafts_get_the_next_version_number(moct_officer):
    first = _draft(moct_officer)
    second = _draft(moct_officer)
    assert (first.number, first.version, first.status) == (1, 1, "draft")
    assert (second.number, second.version) == (1, 2)
    assert second.reference == "1/2"
    assert second.created_by == moct_officer
    assert AuditEvent.objects.filter(verb="organizations.criteria_drafted").count() == 2


def test_a_draft_may_be_changed(moct_officer):
    draft = _draft(moct_officer)
    changed = criteria_save_draft(
        actor=moct_officer,
        criteria=draft,
        automatic_checks=[{"type": "min_members", "value": 9}],
        manual_checks=[],
        title_ar="  معايير معدّلة  ",
    )
    assert changed.pk == draft.pk and changed.version == draft.version
    assert changed.title_ar == "معايير معدّلة"
    assert changed.automatic_checks == [{"type": "min_members", "value": 9}]
    assert AuditEvent.objects.filter(verb="organizations.criteria_changed").count() == 1


@pytest.mark.parametrize("status", ["published", "superseded"])
def test_criteria_in_force_or_superseded_cannot_be_edited(moct_officer, status):
    criteria = criteria_in_force(moct_officer, status=status)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        criteria_save_draft(
            actor=moct_officer,
            criteria=criteria,
            automatic_checks=[],
            manual_checks=[],
            title_ar="تغيير",
        )
    with translation.override("en"):
        assert "cannot be changed" in " ".join(refused.value.messages)
    unchanged = JoiningCriteria.objects.get(pk=criteria.pk)
    assert unchanged.title_ar == criteria.title_ar
    assert unchanged.automatic_checks == STANDARD_CHECKS


def test_criteria_need_known_checks_and_bilingual_manual_checks(moct_officer):
    with pytest.raises(ValidationError):
        _draft(moct_officer, checks=[{"type": "has_a_nice_logo"}])
    for manual in (
        [{"code": "m1", "label_ar": "تحقق"}],
        [
            {"code": "m1", "label_ar": "أ", "label_en": "A"},
            {"code": "m1", "label_ar": "ب", "label_en": "B"},
        ],
        [{"code": "", "label_ar": "أ", "label_en": "A"}],
    ):
        with pytest.raises(ValidationError):
            criteria_save_draft(
                actor=moct_officer, automatic_checks=[], manual_checks=manual, **TEXTS
            )
    with pytest.raises(ValidationError):
        _draft(moct_officer, title_en="   ")
    assert not JoiningCriteria.objects.exists()


@pytest.mark.parametrize("persona_name", ["reviewer", "program_manager", "analyst", "citizen"])
def test_only_ministry_officers_write_criteria(persona, persona_name):
    with pytest.raises(PermissionDenied):
        _draft(persona(persona_name))
    assert not JoiningCriteria.objects.exists()


def test_publishing_supersedes_the_version_in_force(moct_officer, mosal_officer):
    first = _draft(moct_officer)
    criteria_publish(actor=moct_officer, criteria=first)
    second = _draft(mosal_officer)
    published = criteria_publish(actor=mosal_officer, criteria=second)
    assert published.status == "published" and published.published_at is not None
    assert JoiningCriteria.objects.get(pk=first.pk).status == "superseded"
    assert list(JoiningCriteria.objects.filter(status="published")) == [second]
    verbs = list(
        AuditEvent.objects.filter(verb__startswith="organizations.criteria.").values_list(
            "verb", flat=True
        )
    )
    assert sorted(verbs) == [
        "organizations.criteria.publish",
        "organizations.criteria.publish",
        "organizations.criteria.supersede",
    ]


def test_publishing_a_superseded_version_again_is_refused_and_leaves_the_one_in_force(moct_officer):
    first = _draft(moct_officer)
    criteria_publish(actor=moct_officer, criteria=first)
    second = _draft(moct_officer)
    criteria_publish(actor=moct_officer, criteria=second)
    with pytest.raises(TransitionNotAllowed):
        criteria_publish(actor=moct_officer, criteria=JoiningCriteria.objects.get(pk=first.pk))
    assert JoiningCriteria.objects.get(pk=second.pk).status == "published"
    assert JoiningCriteria.objects.get(pk=first.pk).status == "superseded"
    with pytest.raises(TransitionNotAllowed):
        criteria_publish(actor=moct_officer, criteria=JoiningCriteria.objects.get(pk=second.pk))


# --- submitting -------------------------------------------------------------------------------


@pytest.fixture
def organization(org_owner):
    return ready_to_apply(OrganizationFactory(created_by=org_owner))


@pytest.fixture
def application(organization, org_owner):
    return application_start(actor=org_owner, organization=organization)


@pytest.fixture
def v1(moct_officer):
    criteria = _draft(moct_officer)
    return criteria_publish(actor=moct_officer, criteria=criteria)


def test_starting_an_application_is_audited_and_needs_an_editor(org_owner, organization, citizen):
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    for someone in (viewer, citizen):
        with pytest.raises(PermissionDenied):
            application_start(actor=someone, organization=organization)
    application = application_start(actor=org_owner, organization=organization)
    assert application.status == "draft"
    assert AuditEvent.objects.filter(verb="organizations.application_started").count() == 1


def test_without_criteria_in_force_an_application_cannot_be_submitted(org_owner, application):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        application_submit(actor=org_owner, application=application)
    with translation.override("en"):
        assert "criteria have not been published" in " ".join(refused.value.messages)
    assert JoiningApplication.objects.get(pk=application.pk).status == "draft"


def test_a_failing_application_does_not_move_and_lists_every_failing_check(org_owner, v1):
    organization = OrganizationFactory(
        created_by=org_owner,
        legal_status=LegalStatus.UNLICENSED,
        members_count=2,
        description_en="",
    )
    organization.expertise_areas.clear()
    add_document(organization, DocumentKind.STATUTES)
    application = application_start(actor=org_owner, organization=organization)
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=application)
    stored = JoiningApplication.objects.get(pk=application.pk)
    assert stored.status == "draft"
    assert stored.submitted_at is None and stored.criteria is None
    failures = blocked.value.outcome.failures
    assert [f.rule for f in failures] == [
        "profile_complete",
        "documents",
        "min_members",
        "legal_status_in",
        "min_expertise_areas",
    ]
    # Every check's result is kept, passed or not, for the organization to read.
    assert [r["rule"] for r in stored.check_results] == [c["type"] for c in STANDARD_CHECKS]
    assert [r["passed"] for r in stored.check_results] == [False] * 5
    assert len(blocked.value.messages) == 5
    for failure in failures:
        assert failure.message_en and failure.message_ar
        assert re.search("[A-Za-z]", failure.message_en)
        assert not ARABIC.search(failure.message_en), failure.message_en
    by_rule = {f.rule: f for f in failures}
    assert "Board members list" in by_rule["documents"].message_en
    assert "Statutes" not in by_rule["documents"].message_en
    assert by_rule["min_members"].message_en == "2 members; at least 5 are needed."
    assert "English description" in by_rule["profile_complete"].message_en
    assert "areas of expertise" in by_rule["profile_complete"].message_en
    assert "Not licensed" in by_rule["legal_status_in"].message_en
    assert not AuditEvent.objects.filter(verb="organizations.application.submit").exists()
    assert not Notification.objects.exists()
    # The Arabic wording comes from the catalogue.
    for failure in failures:
        assert ARABIC.search(failure.message_ar), failure.message_ar
        assert failure.message_ar != failure.message_en


def test_a_passing_application_records_the_criteria_results_and_documents(
    org_owner, application, v1
):
    documents = dict(application.organization.documents.values_list("pk", "sha256"))
    submitted = application_submit(actor=org_owner, application=application)
    assert submitted.status == "submitted"
    assert submitted.criteria == v1
    assert submitted.submitted_at is not None
    assert [r["rule"] for r in submitted.check_results] == [c["type"] for c in STANDARD_CHECKS]
    assert all(r["passed"] for r in submitted.check_results)
    assert all(r["message_ar"] and r["message_en"] for r in submitted.check_results)
    assert submitted.documents_snapshot == {str(pk): digest for pk, digest in documents.items()}
    event = AuditEvent.objects.get(verb="organizations.application.submit")
    assert event.changes == {"status": ["draft", "submitted"], "criteria": "1/1"}
    told = Notification.objects.filter(kind="organizations_application", channel="inbox")
    assert list(told.values_list("recipient", flat=True)) == [org_owner.pk]


def test_a_criteria_change_after_submission_does_not_change_the_judgement(
    org_owner, moct_officer, application, v1
):
    submitted = application_submit(actor=org_owner, application=application)
    results = submitted.check_results
    strict = _draft(moct_officer, checks=[*STANDARD_CHECKS, {"type": "min_members", "value": 100}])
    v2 = criteria_publish(actor=moct_officer, criteria=strict)
    assert v2.version == 2
    stored = JoiningApplication.objects.get(pk=application.pk)
    assert stored.criteria == v1
    assert stored.check_results == results
    # Submitting again while it waits is refused, and the results stay those of v1.
    with pytest.raises(TransitionNotAllowed):
        application_submit(actor=org_owner, application=stored)
    stored = JoiningApplication.objects.get(pk=application.pk)
    assert (stored.status, stored.criteria, stored.check_results) == ("submitted", v1, results)
    # Through the review and a decision, still v1.
    application_start_review(actor=moct_officer, application=stored)
    application_tick(
        actor=moct_officer, application=stored, ticked={"board_verified", "activity_real"}
    )
    approved = application_decide(
        actor=moct_officer, application=stored, action="approve", reason=REASON
    )
    assert approved.criteria == v1 and approved.check_results == results
    with pytest.raises(TransitionNotAllowed):
        application_submit(actor=org_owner, application=approved)
    stored = JoiningApplication.objects.get(pk=application.pk)
    assert (stored.status, stored.criteria, stored.check_results) == ("approved", v1, results)


def test_a_resubmission_after_changes_requested_is_judged_against_the_new_version(
    org_owner, moct_officer, organization, application, v1
):
    submitted = application_submit(actor=org_owner, application=application)
    application_start_review(actor=moct_officer, application=submitted)
    application_tick(actor=moct_officer, application=submitted, ticked={"board_verified"})
    application_decide(
        actor=moct_officer, application=submitted, action="request_changes", reason=REASON
    )
    v2 = criteria_publish(
        actor=moct_officer,
        criteria=_draft(
            moct_officer, checks=[*STANDARD_CHECKS, {"type": "min_members", "value": 100}]
        ),
    )
    returned = JoiningApplication.objects.get(pk=application.pk)
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=returned)
    assert [f.rule for f in blocked.value.outcome.failures] == ["min_members"]
    stored = JoiningApplication.objects.get(pk=application.pk)
    assert stored.status == "changes_requested"
    assert stored.criteria == v1  # not judged against v2 until it passes
    assert len(stored.check_results) == len(v2.automatic_checks)
    type(organization).objects.filter(pk=organization.pk).update(members_count=120)
    resubmitted = application_submit(actor=org_owner, application=stored)
    assert resubmitted.status == "submitted"
    assert resubmitted.criteria == v2
    assert all(r["passed"] for r in resubmitted.check_results)
    assert resubmitted.manual_checks == {}  # the officer ticks again


def test_one_open_application_per_organization(
    org_owner, moct_officer, organization, application, v1
):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        application_start(actor=org_owner, organization=organization)
    with translation.override("en"):
        assert "already has an application in progress" in " ".join(refused.value.messages)
    submitted = application_submit(actor=org_owner, application=application)
    with pytest.raises(ValidationError):
        application_start(actor=org_owner, organization=organization)
    application_start_review(actor=moct_officer, application=submitted)
    application_decide(actor=moct_officer, application=submitted, action="reject", reason=REASON)
    again = application_start(actor=org_owner, organization=organization)
    assert again.status == "draft" and again.pk != application.pk


def test_a_member_organization_does_not_apply_again(
    org_owner, moct_officer, organization, application, v1
):
    _approve(application, org_owner, moct_officer)
    fresh = type(organization).objects.get(pk=organization.pk)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        application_start(actor=org_owner, organization=fresh)
    with translation.override("en"):
        assert "already a member" in " ".join(refused.value.messages)


# --- decisions and the membership they grant -------------------------------------------------


def _approve(application: JoiningApplication, owner: Any, officer: Any) -> JoiningApplication:
    submitted = application_submit(actor=owner, application=application)
    application_start_review(actor=officer, application=submitted)
    application_tick(
        actor=officer, application=submitted, ticked={"board_verified", "activity_real"}
    )
    return application_decide(actor=officer, application=submitted, action="approve", reason=REASON)


FROZEN = datetime(2026, 5, 31, 9, 0, tzinfo=UTC)


def test_approval_grants_an_active_membership_to_a_licensed_organization(
    org_owner, moct_officer, application, v1
):
    with time_machine.travel(FROZEN, tick=False):
        approved = _approve(application, org_owner, moct_officer)
    assert approved.status == "approved"
    assert approved.decided_at == FROZEN
    assert approved.decision_reason == REASON
    membership = Membership.objects.get(organization=application.organization)
    assert membership.status == "active"
    assert membership.application == approved
    assert membership.started_at == FROZEN
    assert membership.expires_at == datetime(2027, 5, 31, 9, 0, tzinfo=UTC)
    assert membership.provisional_until is None
    assert AuditEvent.objects.filter(verb="organizations.membership_granted").count() == 1


@pytest.mark.parametrize("legal_status", [LegalStatus.LICENSE_IN_PROGRESS, LegalStatus.UNLICENSED])
def test_approval_grants_a_provisional_membership_while_the_license_is_in_progress(
    org_owner, moct_officer, v1, legal_status
):
    criteria_publish(
        actor=moct_officer,
        criteria=_draft(moct_officer, checks=[{"type": "min_members", "value": 5}]),
    )
    organization = OrganizationFactory(created_by=org_owner, legal_status=legal_status)
    application = application_start(actor=org_owner, organization=organization)
    with time_machine.travel(FROZEN, tick=False):
        _approve(application, org_owner, moct_officer)
    membership = Membership.objects.get(organization=organization)
    assert membership.status == "provisional"
    assert membership.provisional_until == datetime(2027, 2, 28, 9, 0, tzinfo=UTC)  # +9 months
    assert membership.expires_at == datetime(2027, 5, 31, 9, 0, tzinfo=UTC)


def test_the_membership_periods_come_from_the_settings(org_owner, moct_officer, v1):
    JoiningSettings.objects.filter(pk=1).update(membership_months=24, provisional_months=6)
    organization = ready_to_apply(
        OrganizationFactory(created_by=org_owner, legal_status=LegalStatus.LICENSE_IN_PROGRESS)
    )
    application = application_start(actor=org_owner, organization=organization)
    with time_machine.travel(FROZEN, tick=False):
        _approve(application, org_owner, moct_officer)
    membership = Membership.objects.get(organization=organization)
    assert membership.provisional_until == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert membership.expires_at == datetime(2028, 5, 31, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("action", ["request_changes", "approve", "reject"])
def test_the_decision_and_its_reason_are_sent_to_the_organizations_people(
    org_owner, moct_officer, organization, application, v1, action
):
    editor = add_member(organization, UserFactory(language="en"), MemberRole.EDITOR)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    submitted = application_submit(actor=org_owner, application=application)
    application_start_review(actor=moct_officer, application=submitted)
    application_tick(
        actor=moct_officer, application=submitted, ticked={"board_verified", "activity_real"}
    )
    Notification.objects.all().delete()
    application_decide(actor=moct_officer, application=submitted, action=action, reason=REASON)
    told = Notification.objects.filter(kind="organizations_application")
    assert {n.recipient for n in told} == {org_owner, editor, viewer}
    for person in (org_owner, editor, viewer):
        mine = told.filter(recipient=person)
        assert sorted(mine.values_list("channel", flat=True)) == ["email", "inbox"]
        for notification in mine:
            assert REASON in notification.body
            assert (
                organization.name_ar in notification.subject
                or organization.name_en in (notification.subject)
                or organization.name_ar in notification.body
            )
    english = told.get(recipient=editor, channel="inbox")
    assert english.language == "en"
    expected = {
        "request_changes": "asks for changes",
        "approve": "was approved",
        "reject": "was not approved",
    }[action]
    assert expected in english.body
    assert not told.filter(recipient=moct_officer).exists()


def test_decided_applications_are_final(org_owner, moct_officer, application, v1):
    approved = _approve(application, org_owner, moct_officer)
    for action in ("request_changes", "approve", "reject"):
        with pytest.raises(TransitionNotAllowed):
            application_decide(
                actor=moct_officer, application=approved, action=action, reason=REASON
            )
    assert Membership.objects.count() == 1


# --- assignment and manual checks ------------------------------------------------------------


@pytest.mark.parametrize(
    "persona_name", ["citizen", "program_manager", "analyst", "platform_admin"]
)
def test_applications_are_not_assigned_to_non_officers(
    persona, moct_officer, application, persona_name
):
    with pytest.raises(ValidationError):
        application_assign(
            actor=moct_officer, application=application, officer=persona(persona_name)
        )
    assert JoiningApplication.objects.get(pk=application.pk).assigned_to is None
    assert not Notification.objects.exists()


@pytest.mark.parametrize("persona_name", ["reviewer", "org_owner", "program_manager"])
def test_only_ministry_officers_assign(persona, moct_officer, application, persona_name):
    with pytest.raises(PermissionDenied):
        application_assign(
            actor=persona(persona_name), application=application, officer=moct_officer
        )


@pytest.mark.parametrize("persona_name", ["moct_officer", "mosal_officer", "reviewer"])
def test_assignment_notifies_the_officer_once(persona, moct_officer, application, persona_name):
    officer = persona(persona_name)
    assigned = application_assign(actor=moct_officer, application=application, officer=officer)
    assert assigned.assigned_to == officer
    told = Notification.objects.filter(recipient=officer, kind="organizations_application")
    assert sorted(told.values_list("channel", flat=True)) == ["email", "inbox"]
    assert f"/applications/{application.pk}/" in told.first().link
    application_assign(actor=moct_officer, application=application, officer=officer)
    assert Notification.objects.filter(recipient=officer).count() == 2
    assert AuditEvent.objects.filter(verb="organizations.application_assigned").count() == 2


def test_a_decided_application_is_not_assigned(
    org_owner, moct_officer, mosal_officer, application, v1
):
    approved = _approve(application, org_owner, moct_officer)
    with pytest.raises(ValidationError):
        application_assign(actor=moct_officer, application=approved, officer=mosal_officer)


def test_starting_the_review_assigns_the_officer_if_no_one_is(
    org_owner, moct_officer, mosal_officer, application, v1
):
    submitted = application_submit(actor=org_owner, application=application)
    reviewing = application_start_review(actor=moct_officer, application=submitted)
    assert reviewing.assigned_to == moct_officer
    other = application_start(
        actor=org_owner, organization=ready_to_apply(OrganizationFactory(created_by=org_owner))
    )
    other = application_submit(actor=org_owner, application=other)
    application_assign(actor=moct_officer, application=other, officer=mosal_officer)
    assert (
        application_start_review(actor=moct_officer, application=other).assigned_to == mosal_officer
    )


def test_ticking_records_only_the_criteria_codes(org_owner, moct_officer, application, v1):
    submitted = application_submit(actor=org_owner, application=application)
    with pytest.raises(ValidationError):  # not under review yet
        application_tick(actor=moct_officer, application=submitted, ticked={"board_verified"})
    application_start_review(actor=moct_officer, application=submitted)
    ticked = application_tick(
        actor=moct_officer,
        application=submitted,
        ticked={"board_verified", "made_up_check", "<script>"},
    )
    assert ticked.manual_checks == {"board_verified": True, "activity_real": False}
    assert JoiningApplication.objects.get(pk=application.pk).manual_checks == ticked.manual_checks
    event = AuditEvent.objects.get(verb="organizations.application_checks_ticked")
    assert event.changes == {"ticked": ["board_verified"]}
    application_tick(
        actor=moct_officer, application=submitted, ticked={"board_verified", "made_up_check"}
    )  # the same state: nothing written
    assert AuditEvent.objects.filter(verb="organizations.application_checks_ticked").count() == 1


@pytest.mark.parametrize("persona_name", ["reviewer", "org_owner", "program_manager"])
def test_only_ministry_officers_tick(
    persona, org_owner, moct_officer, application, v1, persona_name
):
    submitted = application_submit(actor=org_owner, application=application)
    application_start_review(actor=moct_officer, application=submitted)
    with pytest.raises(PermissionDenied):
        application_tick(
            actor=persona(persona_name), application=submitted, ticked={"board_verified"}
        )
    assert JoiningApplication.objects.get(pk=application.pk).manual_checks == {}


def test_the_note_can_be_changed_only_before_submission(org_owner, application, v1):
    from mujtama.organizations.services.joining import application_update_note

    application_update_note(actor=org_owner, application=application, note="  ملاحظة للوزارة ")
    assert JoiningApplication.objects.get(pk=application.pk).note == "ملاحظة للوزارة"
    submitted = application_submit(actor=org_owner, application=application)
    with pytest.raises(ValidationError):
        application_update_note(actor=org_owner, application=submitted, note="تغيير")
