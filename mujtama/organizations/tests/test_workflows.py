"""The five workflow tables of organizations, pair by pair.

For every table, every (state, action) pair is tried: the pairs the table allows go
through the real service (or ``transition()`` with a permitted actor, and no actor
for the platform's own steps) and land on the table's target with exactly one audit
event; every other pair is refused with ``TransitionNotAllowed`` and changes nothing.
Then: who may take which step, reasons, manual checks, and raw state changes.
"""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.tests.workflow_checks import assert_moved, assert_refused, grid
from mujtama.core.workflows import TransitionNotAllowed, WorkflowViolation, transition
from mujtama.organizations import permissions as can
from mujtama.organizations.models import (
    DocumentKind,
    JoiningApplication,
    JoiningCriteria,
    LegalStatus,
    LicensingFile,
    LicensingStep,
    MemberRole,
    Membership,
    MembershipRequest,
)
from mujtama.organizations.services.joining import (
    application_decide,
    application_start_review,
    application_submit,
    application_tick,
    criteria_publish,
)
from mujtama.organizations.services.licensing import (
    licensing_decide,
    licensing_mark_step,
    licensing_open,
    licensing_resume,
    licensing_submit,
)
from mujtama.organizations.services.membership import (
    membership_decide,
    membership_renew,
    membership_upgrade,
)
from mujtama.organizations.services.people import request_answer
from mujtama.organizations.tests.factories import (
    OrganizationFactory,
    add_document,
    add_member,
    criteria_in_force,
    ready_to_apply,
)
from mujtama.organizations.workflows import (
    APPLICATION_WORKFLOW,
    CRITERIA_WORKFLOW,
    LICENSING_WORKFLOW,
    MEMBERSHIP_WORKFLOW,
    REQUEST_WORKFLOW,
)


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests read the services' messages in English; Arabic ones are checked
    where a test says so (translation.override("ar"))."""
    from django.utils import translation

    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db

REASON = "السبب مكتوب بوضوح للجهة"
ALL_TICKED = {"board_verified": True, "activity_real": True}


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _force(obj: Any, state: str, **fields: Any) -> Any:
    """Put an object in a state for the test (a raw update, as set-up only)."""
    model = type(obj)
    model.objects.filter(pk=obj.pk).update(status=state, **fields)
    return model.objects.get(pk=obj.pk)


def test_the_tables_are_named_organizations_table():
    assert APPLICATION_WORKFLOW.name == "organizations.application"
    assert MEMBERSHIP_WORKFLOW.name == "organizations.membership"
    assert LICENSING_WORKFLOW.name == "organizations.licensing"
    assert REQUEST_WORKFLOW.name == "organizations.join_request"
    assert CRITERIA_WORKFLOW.name == "organizations.criteria"


def test_the_tables_allow_exactly_these_moves():
    """A swapped target or a new shortcut shows up here first."""
    assert set(APPLICATION_WORKFLOW.pairs()) == {
        ("draft", "submit", "submitted"),
        ("submitted", "start_review", "under_review"),
        ("under_review", "request_changes", "changes_requested"),
        ("under_review", "approve", "approved"),
        ("under_review", "reject", "rejected"),
        ("changes_requested", "submit", "submitted"),
    }
    assert set(MEMBERSHIP_WORKFLOW.pairs()) == {
        ("provisional", "upgrade", "active"),
        ("provisional", "lapse", "lapsed"),
        ("provisional", "expire", "expired"),
        ("provisional", "renew_provisional", "provisional"),
        ("provisional", "suspend", "suspended"),
        ("active", "expire", "expired"),
        ("active", "renew", "active"),
        ("active", "suspend", "suspended"),
        ("suspended", "reinstate", "active"),
        ("suspended", "reinstate_provisional", "provisional"),
        ("expired", "renew", "active"),
        ("expired", "renew_provisional", "provisional"),
    }
    assert set(LICENSING_WORKFLOW.pairs()) == {
        ("not_started", "start", "preparing"),
        ("preparing", "submit", "submitted_to_ministry"),
        ("submitted_to_ministry", "grant", "licensed"),
        ("submitted_to_ministry", "refuse", "refused"),
        ("submitted_to_ministry", "return", "preparing"),
        ("refused", "resume", "preparing"),
    }
    assert set(REQUEST_WORKFLOW.pairs()) == {
        ("pending", "accept", "accepted"),
        ("pending", "decline", "declined"),
        ("pending", "withdraw", "withdrawn"),
    }
    assert set(CRITERIA_WORKFLOW.pairs()) == {
        ("draft", "publish", "published"),
        ("published", "supersede", "superseded"),
    }


def test_terminal_states_have_no_way_out():
    for workflow in (
        APPLICATION_WORKFLOW,
        MEMBERSHIP_WORKFLOW,
        LICENSING_WORKFLOW,
        REQUEST_WORKFLOW,
        CRITERIA_WORKFLOW,
    ):
        for state in workflow.terminal:
            assert workflow.transitions.get(state, {}) == {}, (workflow.name, state)


# --- joining applications ----------------------------------------------------------


@pytest.fixture
def applicant(org_owner):
    return ready_to_apply(OrganizationFactory(created_by=org_owner))


@pytest.fixture
def criteria(moct_officer):
    return criteria_in_force(moct_officer)


@pytest.fixture
def application(applicant, org_owner):
    return JoiningApplication.objects.create(organization=applicant, created_by=org_owner)


def _application_actor(action: str, org_owner: Any, moct_officer: Any) -> Any:
    return org_owner if action == "submit" else moct_officer


@pytest.mark.parametrize(("state", "action"), grid(APPLICATION_WORKFLOW))
def test_application_every_state_and_action(
    application, criteria, org_owner, moct_officer, state, action
):
    application = _force(application, state, criteria=criteria, manual_checks=ALL_TICKED)
    step = APPLICATION_WORKFLOW.step(state, action)
    actor = _application_actor(action, org_owner, moct_officer)
    if step is None:
        assert_refused(application, state, action, actor, REASON)
        return
    if action == "submit":
        result = application_submit(actor=org_owner, application=application)
        assert result.criteria == criteria
    elif action == "start_review":
        result = application_start_review(actor=moct_officer, application=application)
    else:
        result = application_decide(
            actor=moct_officer, application=application, action=action, reason=REASON
        )
        assert result.decision_reason == REASON
    assert_moved(result, application, APPLICATION_WORKFLOW, action, step.target, alone=True)


# --- memberships ----------------------------------------------------------------------

PROVISIONAL_ACTIONS = {"renew_provisional", "reinstate_provisional"}
SYSTEM_ACTIONS = {"upgrade", "lapse", "expire"}


def _membership(owner: Any, state: str, legal_status: str) -> Membership:
    organization = OrganizationFactory(created_by=owner, legal_status=legal_status)
    application = JoiningApplication.objects.create(
        organization=organization, created_by=owner, status="approved"
    )
    now = timezone.now()
    return Membership.objects.create(
        organization=organization,
        application=application,
        status=state,
        started_at=now - timedelta(days=200),
        expires_at=now + timedelta(days=165),
        provisional_until=now + timedelta(days=70) if state == "provisional" else None,
    )


def _membership_actor(action: str, org_owner: Any, moct_officer: Any) -> Any:
    if action in SYSTEM_ACTIONS:
        return None
    if action.startswith("renew"):
        return org_owner
    return moct_officer


@pytest.mark.parametrize(("state", "action"), grid(MEMBERSHIP_WORKFLOW))
def test_membership_every_state_and_action(org_owner, moct_officer, state, action):
    legal_status = (
        LegalStatus.LICENSE_IN_PROGRESS if action in PROVISIONAL_ACTIONS else LegalStatus.LICENSED
    )
    membership = _membership(org_owner, state, legal_status)
    step = MEMBERSHIP_WORKFLOW.step(state, action)
    if step is None:
        assert_refused(
            membership, state, action, _membership_actor(action, org_owner, moct_officer), REASON
        )
        return
    if action == "upgrade":
        result = membership_upgrade(membership=membership)
        assert result.provisional_until is None
    elif action in ("lapse", "expire"):
        result = transition(obj=membership, action=action, actor=None)
    elif action.startswith("renew"):
        add_document(membership.organization, DocumentKind.ACTIVITY_REPORT)
        result = membership_renew(actor=org_owner, membership=membership)
        assert result.renewed_at is not None
    else:
        result = membership_decide(
            actor=moct_officer, membership=membership, action=action, reason=REASON
        )
    assert_moved(result, membership, MEMBERSHIP_WORKFLOW, action, step.target, alone=True)


# --- licensing files ----------------------------------------------------------------


def _licensing_file(owner: Any, state: str) -> LicensingFile:
    legal_status = (
        LegalStatus.UNLICENSED if state == "not_started" else LegalStatus.LICENSE_IN_PROGRESS
    )
    organization = OrganizationFactory(
        created_by=owner, legal_status=legal_status, registration_number=""
    )
    return LicensingFile.objects.create(organization=organization, status=state)


def _mark_every_step(file: LicensingFile, actor: Any) -> None:
    for step in LicensingStep.objects.filter(is_active=True):
        evidence = (
            add_document(file.organization, DocumentKind.OTHER) if step.evidence_required else None
        )
        licensing_mark_step(actor=actor, file=file, step=step, done=True, evidence=evidence)


def _licensing_actor(action: str, org_owner: Any, mosal_officer: Any) -> Any:
    return mosal_officer if action in ("grant", "refuse", "return") else org_owner


@pytest.mark.parametrize(("state", "action"), grid(LICENSING_WORKFLOW))
def test_licensing_every_state_and_action(org_owner, mosal_officer, state, action):
    file = _licensing_file(org_owner, state)
    step = LICENSING_WORKFLOW.step(state, action)
    if step is None:
        assert_refused(
            file, state, action, _licensing_actor(action, org_owner, mosal_officer), REASON
        )
        return
    if action == "start":
        result = licensing_open(actor=org_owner, organization=file.organization)
    elif action == "submit":
        _mark_every_step(file, org_owner)
        result = licensing_submit(actor=org_owner, file=file)
        assert result.submitted_at is not None
    elif action == "resume":
        result = licensing_resume(actor=org_owner, file=file)
    elif action == "grant":
        result = licensing_decide(
            actor=mosal_officer,
            file=file,
            action="grant",
            license_number="LIC-2026-0077",
            license_date=timezone.localdate(),
        )
    else:
        result = licensing_decide(actor=mosal_officer, file=file, action=action, reason=REASON)
    assert_moved(result, file, LICENSING_WORKFLOW, action, step.target, alone=True)


# --- requests to join -----------------------------------------------------------------


@pytest.mark.parametrize(("state", "action"), grid(REQUEST_WORKFLOW))
def test_join_request_every_state_and_action(org_owner, citizen, state, action):
    organization = OrganizationFactory(created_by=org_owner)
    request = MembershipRequest.objects.create(
        organization=organization, user=citizen, status=state
    )
    step = REQUEST_WORKFLOW.step(state, action)
    actor = citizen if action == "withdraw" else org_owner
    if step is None:
        assert_refused(request, state, action, actor, REASON)
        return
    result = request_answer(actor=actor, request=request, action=action, role=MemberRole.EDITOR)
    assert_moved(result, request, REQUEST_WORKFLOW, action, step.target, alone=True)
    assert result.decided_at is not None
    joined = organization.memberships_of_people.filter(user=citizen).first()
    if action == "accept":
        assert joined is not None and joined.role == MemberRole.EDITOR
    else:
        assert joined is None


# --- criteria -------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "action"), grid(CRITERIA_WORKFLOW))
def test_criteria_every_state_and_action(moct_officer, state, action):
    criteria = criteria_in_force(moct_officer, status=state, published_at=None)
    step = CRITERIA_WORKFLOW.step(state, action)
    if step is None:
        assert_refused(criteria, state, action, moct_officer, REASON)
        return
    if action == "publish":
        result = criteria_publish(actor=moct_officer, criteria=criteria)
        assert result.published_at is not None
    else:
        result = transition(obj=criteria, action=action, actor=moct_officer)
    assert_moved(result, criteria, CRITERIA_WORKFLOW, action, step.target, alone=True)


# --- who may take a step -----------------------------------------------------------------


def _denied(callable_: Any, *, contains: str) -> str:
    with translation.override("en"), pytest.raises(PermissionDenied) as denied:
        callable_()
    message = str(denied.value)
    assert message.strip()
    assert contains in message, message
    return message


def test_an_editor_cannot_answer_a_join_request(org_owner, citizen):
    organization = OrganizationFactory(created_by=org_owner)
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    request = MembershipRequest.objects.create(organization=organization, user=citizen)
    for action in ("accept", "decline"):
        _denied(
            lambda action=action: request_answer(actor=editor, request=request, action=action),
            contains="owners",
        )
    assert MembershipRequest.objects.get(pk=request.pk).status == "pending"
    assert not organization.memberships_of_people.filter(user=citizen).exists()
    assert not AuditEvent.objects.filter(verb__startswith="organizations.join_request.").exists()


def test_only_the_requester_withdraws(org_owner, citizen):
    organization = OrganizationFactory(created_by=org_owner)
    request = MembershipRequest.objects.create(organization=organization, user=citizen)
    _denied(
        lambda: request_answer(actor=org_owner, request=request, action="withdraw"),
        contains="Only the person who asked",
    )
    _denied(
        lambda: request_answer(actor=citizen, request=request, action="accept"),
        contains="owners",
    )
    assert MembershipRequest.objects.get(pk=request.pk).status == "pending"


@pytest.mark.parametrize("action", ["grant", "refuse", "return"])
def test_a_moct_officer_cannot_decide_a_license(org_owner, moct_officer, action):
    file = _licensing_file(org_owner, "submitted_to_ministry")
    _denied(
        lambda: licensing_decide(
            actor=moct_officer,
            file=file,
            action=action,
            reason=REASON,
            license_number="LIC-1",
            license_date=timezone.localdate(),
        ),
        contains="Ministry of Social Affairs",
    )
    file.refresh_from_db()
    assert file.status == "submitted_to_ministry"
    assert file.license_number == ""
    assert file.organization.legal_status == LegalStatus.LICENSE_IN_PROGRESS
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("persona_name", ["reviewer", "program_manager", "analyst", "org_owner"])
def test_only_ministry_officers_decide_applications(
    persona, application, criteria, moct_officer, persona_name
):
    someone = persona(persona_name)
    submitted = _force(application, "submitted", criteria=criteria)
    _denied(
        lambda: application_start_review(actor=someone, application=submitted),
        contains="Only officers of the two ministries",
    )
    under_review = _force(application, "under_review", manual_checks=ALL_TICKED)
    for action in ("request_changes", "approve", "reject"):
        _denied(
            lambda action=action: application_decide(
                actor=someone, application=under_review, action=action, reason=REASON
            ),
            contains="Only officers of the two ministries",
        )
    assert JoiningApplication.objects.get(pk=application.pk).status == "under_review"
    assert not Membership.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_member_of_one_organization_cannot_submit_anothers_application(
    application, criteria, org_owner
):
    other_owner = UserFactory()
    other = ready_to_apply(OrganizationFactory(created_by=other_owner))
    assert can.role_in(other_owner, application.organization) is None
    _denied(
        lambda: application_submit(actor=other_owner, application=application),
        contains="owners and editors",
    )
    assert JoiningApplication.objects.get(pk=application.pk).status == "draft"
    assert not AuditEvent.objects.exists()
    assert other.pk != application.organization.pk


def test_a_stranger_submitting_a_failing_application_learns_and_changes_nothing(
    org_owner, criteria
):
    """The permission is checked before the automatic checks run: a stranger gets
    PermissionDenied, not the list of what the organization lacks, and the stored
    results stay as they were."""
    organization = OrganizationFactory(created_by=org_owner, members_count=1)
    application = JoiningApplication.objects.create(organization=organization, created_by=org_owner)
    stranger = UserFactory()
    _denied(
        lambda: application_submit(actor=stranger, application=application),
        contains="owners and editors",
    )
    refreshed = JoiningApplication.objects.get(pk=application.pk)
    assert refreshed.status == "draft"
    assert refreshed.check_results == []


def test_a_viewer_cannot_submit(application, criteria):
    viewer = add_member(application.organization, UserFactory(), MemberRole.VIEWER)
    _denied(
        lambda: application_submit(actor=viewer, application=application),
        contains="owners and editors",
    )
    assert JoiningApplication.objects.get(pk=application.pk).status == "draft"


SYSTEM_PAIRS = [
    (source, action)
    for source, action, _target in MEMBERSHIP_WORKFLOW.pairs()
    if MEMBERSHIP_WORKFLOW.step(source, action).permission is can.system_only
]


def test_the_system_only_steps_are_upgrade_lapse_and_expire():
    assert {action for _source, action in SYSTEM_PAIRS} == SYSTEM_ACTIONS


@pytest.mark.parametrize(("state", "action"), SYSTEM_PAIRS)
@pytest.mark.parametrize(
    "persona_name", ["platform_admin", "moct_officer", "mosal_officer", "org_owner"]
)
def test_system_only_steps_refuse_a_person(persona, org_owner, state, action, persona_name):
    membership = _membership(org_owner, state, LegalStatus.LICENSED)
    someone = persona(persona_name)
    _denied(
        lambda: transition(obj=membership, action=action, actor=someone),
        contains="The platform takes this step by itself",
    )
    assert Membership.objects.get(pk=membership.pk).status == state
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("action", ["suspend", "reinstate"])
@pytest.mark.parametrize("persona_name", ["reviewer", "program_manager", "org_owner"])
def test_only_ministry_officers_suspend_and_reinstate(persona, org_owner, action, persona_name):
    state = "active" if action == "suspend" else "suspended"
    membership = _membership(org_owner, state, LegalStatus.LICENSED)
    _denied(
        lambda: membership_decide(
            actor=persona(persona_name), membership=membership, action=action, reason=REASON
        ),
        contains="Only officers of the two ministries",
    )
    assert Membership.objects.get(pk=membership.pk).status == state


@pytest.mark.parametrize("persona_name", ["reviewer", "program_manager", "org_owner", "analyst"])
def test_only_ministry_officers_publish_criteria(persona, moct_officer, persona_name):
    draft = criteria_in_force(moct_officer, status="draft", published_at=None)
    _denied(
        lambda: criteria_publish(actor=persona(persona_name), criteria=draft),
        contains="Only officers of the two ministries",
    )
    assert JoiningCriteria.objects.get(pk=draft.pk).status == "draft"


@pytest.mark.parametrize("persona_name", ["citizen", "mosal_officer", "platform_admin"])
def test_only_the_organizations_editors_start_submit_and_resume_licensing(
    persona, org_owner, persona_name
):
    someone = persona(persona_name)
    file = _licensing_file(org_owner, "not_started")
    _denied(
        lambda: licensing_open(actor=someone, organization=file.organization),
        contains="owners and editors",
    )
    preparing = _licensing_file(org_owner, "preparing")
    _mark_every_step(preparing, org_owner)
    _denied(lambda: licensing_submit(actor=someone, file=preparing), contains="owners and editors")
    refused = _licensing_file(org_owner, "refused")
    _denied(lambda: licensing_resume(actor=someone, file=refused), contains="owners and editors")
    assert LicensingFile.objects.get(pk=file.pk).status == "not_started"
    assert LicensingFile.objects.get(pk=preparing.pk).status == "preparing"
    assert LicensingFile.objects.get(pk=refused.pk).status == "refused"


# --- approval needs every manual check ---------------------------------------------------


def test_approval_needs_every_manual_check_ticked(application, criteria, moct_officer):
    application = _force(application, "under_review", criteria=criteria, manual_checks={})
    for ticked in (set(), {"board_verified"}, {"activity_real"}):
        application_tick(actor=moct_officer, application=application, ticked=ticked)
        _denied(
            lambda: application_decide(
                actor=moct_officer, application=application, action="approve", reason=REASON
            ),
            contains="Tick every manual check",
        )
        assert JoiningApplication.objects.get(pk=application.pk).status == "under_review"
    assert not Membership.objects.exists()
    application_tick(
        actor=moct_officer, application=application, ticked={"board_verified", "activity_real"}
    )
    approved = application_decide(
        actor=moct_officer, application=application, action="approve", reason=REASON
    )
    assert approved.status == "approved"
    assert Membership.objects.get(organization=application.organization).status == "active"


def test_other_decisions_do_not_need_the_manual_checks(application, criteria, moct_officer):
    application = _force(application, "under_review", criteria=criteria, manual_checks={})
    result = application_decide(
        actor=moct_officer, application=application, action="request_changes", reason=REASON
    )
    assert result.status == "changes_requested"


# --- steps that need a reason --------------------------------------------------------------

REASON_PAIRS = [
    (workflow, source, action)
    for workflow in (
        APPLICATION_WORKFLOW,
        MEMBERSHIP_WORKFLOW,
        LICENSING_WORKFLOW,
        REQUEST_WORKFLOW,
        CRITERIA_WORKFLOW,
    )
    for source, action, _target in workflow.pairs()
    if workflow.step(source, action).requires_reason
]


def test_the_decisions_that_need_a_reason():
    assert {(wf.name, source, action) for wf, source, action in REASON_PAIRS} == {
        ("organizations.application", "under_review", "request_changes"),
        ("organizations.application", "under_review", "approve"),
        ("organizations.application", "under_review", "reject"),
        ("organizations.membership", "provisional", "suspend"),
        ("organizations.membership", "active", "suspend"),
        ("organizations.membership", "suspended", "reinstate"),
        ("organizations.membership", "suspended", "reinstate_provisional"),
        ("organizations.licensing", "submitted_to_ministry", "refuse"),
        ("organizations.licensing", "submitted_to_ministry", "return"),
    }


def _object_for_reason(workflow, source, action, org_owner, moct_officer):
    if workflow is APPLICATION_WORKFLOW:
        organization = ready_to_apply(OrganizationFactory(created_by=org_owner))
        criteria = criteria_in_force(moct_officer)
        application = JoiningApplication.objects.create(
            organization=organization, created_by=org_owner
        )
        return _force(application, source, criteria=criteria, manual_checks=ALL_TICKED)
    if workflow is MEMBERSHIP_WORKFLOW:
        legal = (
            LegalStatus.LICENSE_IN_PROGRESS
            if action in PROVISIONAL_ACTIONS
            else LegalStatus.LICENSED
        )
        return _membership(org_owner, source, legal)
    return _licensing_file(org_owner, source)


@pytest.mark.parametrize("blank", ["", "   ", "\n\t "])
@pytest.mark.parametrize(
    ("workflow", "source", "action"),
    REASON_PAIRS,
    ids=[f"{wf.name}-{source}-{action}" for wf, source, action in REASON_PAIRS],
)
def test_a_decision_with_a_blank_reason_is_refused(
    org_owner, moct_officer, mosal_officer, workflow, source, action, blank
):
    obj = _object_for_reason(workflow, source, action, org_owner, moct_officer)
    actor = mosal_officer  # an officer of both joining and licensing
    events = AuditEvent.objects.count()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        transition(obj=obj, action=action, actor=actor, reason=blank)
    assert not isinstance(refused.value, TransitionNotAllowed)
    assert refused.value.code == "reason_required"
    with translation.override("en"):
        assert refused.value.messages == ["Please give a reason."]
    with translation.override("ar"):
        assert refused.value.messages == ["يُرجى ذكر السبب."]
    assert type(obj).objects.get(pk=obj.pk).status == source
    assert AuditEvent.objects.count() == events
    # The same decision with a reason goes through and keeps the reason.
    transition(obj=obj, action=action, actor=actor, reason=f"  {REASON}  ")
    event = AuditEvent.objects.get(verb=f"{workflow.name}.{action}")
    assert event.reason == REASON


@pytest.mark.parametrize("action", ["request_changes", "approve", "reject"])
def test_application_decisions_through_the_service_need_a_reason(
    application, criteria, moct_officer, action
):
    application = _force(application, "under_review", criteria=criteria, manual_checks=ALL_TICKED)
    with pytest.raises(ValidationError):
        application_decide(actor=moct_officer, application=application, action=action, reason="  ")
    assert JoiningApplication.objects.get(pk=application.pk).status == "under_review"
    assert not Membership.objects.exists()


@pytest.mark.parametrize("action", ["refuse", "return"])
def test_licensing_decisions_through_the_service_need_a_reason(org_owner, mosal_officer, action):
    file = _licensing_file(org_owner, "submitted_to_ministry")
    with pytest.raises(ValidationError):
        licensing_decide(actor=mosal_officer, file=file, action=action, reason=" ")
    assert LicensingFile.objects.get(pk=file.pk).status == "submitted_to_ministry"


# --- raw state changes -------------------------------------------------------------------


def test_raw_state_changes_are_refused_on_every_workflow_model(
    application, org_owner, citizen, moct_officer
):
    membership = _membership(org_owner, "active", LegalStatus.LICENSED)
    file = _licensing_file(org_owner, "preparing")
    request = MembershipRequest.objects.create(organization=application.organization, user=citizen)
    criteria = criteria_in_force(moct_officer, status="draft", published_at=None)
    for obj, state in (
        (JoiningApplication.objects.get(pk=application.pk), "approved"),
        (Membership.objects.get(pk=membership.pk), "expired"),
        (LicensingFile.objects.get(pk=file.pk), "licensed"),
        (MembershipRequest.objects.get(pk=request.pk), "accepted"),
        (JoiningCriteria.objects.get(pk=criteria.pk), "published"),
    ):
        before = obj.status
        obj.status = state
        with pytest.raises(WorkflowViolation):
            obj.save()
        assert type(obj).objects.get(pk=obj.pk).status == before


def test_unknown_decisions_are_refused(application, org_owner, moct_officer, mosal_officer):
    membership = _membership(org_owner, "active", LegalStatus.LICENSED)
    file = _licensing_file(org_owner, "submitted_to_ministry")
    with pytest.raises(ValidationError):
        application_decide(
            actor=moct_officer, application=application, action="submit", reason=REASON
        )
    with pytest.raises(ValidationError):
        membership_decide(actor=moct_officer, membership=membership, action="expire", reason=REASON)
    with pytest.raises(ValidationError):
        licensing_decide(actor=mosal_officer, file=file, action="start", reason=REASON)
    assert not AuditEvent.objects.exists()
