"""Joining the framework: criteria versions, applications and their decisions."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.rules import RuleResult, all_passed, evaluate, rule_problem
from mujtama.core.services import audit_record
from mujtama.core.workflows import TransitionNotAllowed, transition
from mujtama.organizations import notices
from mujtama.organizations.models import (
    ApplicationStatus,
    JoiningApplication,
    JoiningCriteria,
    JoiningSettings,
    Organization,
)
from mujtama.organizations.models.joining import OPEN_APPLICATION_STATES, CriteriaStatus
from mujtama.organizations.permissions import can_edit, is_joining_officer
from mujtama.organizations.public_cache import public_data_changed
from mujtama.organizations.rules import organization_snapshot
from mujtama.organizations.selectors import criteria_in_force
from mujtama.organizations.services.membership import membership_grant

CRITERIA_TEXT_FIELDS = [
    "title_ar",
    "title_en",
    "mechanisms_ar",
    "mechanisms_en",
    "body_ar",
    "body_en",
]


def _require_officer(actor: Any) -> None:
    if not is_joining_officer(actor):
        raise PermissionDenied(_("Only officers of the two ministries manage joining."))


def _check_rules(
    automatic_checks: list[dict[str, Any]], manual_checks: list[dict[str, Any]]
) -> None:
    for rule in automatic_checks:
        problem = rule_problem(rule)
        if problem:
            raise ValidationError(problem)
    codes = [check.get("code") for check in manual_checks]
    if len(codes) != len(set(codes)) or any(
        not (check.get("code") and check.get("label_ar") and check.get("label_en"))
        for check in manual_checks
    ):
        raise ValidationError(_("Each manual check needs an Arabic and an English wording."))


def criteria_save_draft(
    *,
    actor: Any,
    criteria: JoiningCriteria | None = None,
    automatic_checks: list[dict[str, Any]],
    manual_checks: list[dict[str, Any]],
    **texts: str,
) -> JoiningCriteria:
    """Create the next draft version of the criteria, or change a draft. A version
    in force is never edited."""
    _require_officer(actor)
    _check_rules(automatic_checks, manual_checks)
    with transaction.atomic():
        if criteria is None:
            latest = JoiningCriteria.objects.aggregate(number=Max("number"), version=Max("version"))
            criteria = JoiningCriteria(
                number=latest["number"] or 1,
                version=(latest["version"] or 0) + 1,
                created_by=actor,
            )
            verb = "organizations.criteria_drafted"
        else:
            criteria = JoiningCriteria.objects.select_for_update().get(pk=criteria.pk)
            if criteria.status != CriteriaStatus.DRAFT:
                raise ValidationError(
                    _("Published criteria cannot be changed; write a new version instead.")
                )
            verb = "organizations.criteria_changed"
        for name in CRITERIA_TEXT_FIELDS:
            if name in texts:
                setattr(criteria, name, texts[name].strip())
        criteria.automatic_checks = automatic_checks
        criteria.manual_checks = manual_checks
        criteria.full_clean(exclude=["created_by"], validate_constraints=False)
        criteria.save()
        audit_record(
            actor=actor, verb=verb, target=criteria, changes={"version": criteria.reference}
        )
    return criteria


def criteria_publish(*, actor: Any, criteria: JoiningCriteria) -> JoiningCriteria:
    """Put a draft in force; the version in force until now is superseded.
    Applications already submitted keep the version they were judged against."""
    with transaction.atomic():
        current = (
            JoiningCriteria.objects.select_for_update()
            .filter(status=CriteriaStatus.PUBLISHED)
            .first()
        )
        if current is not None and current.pk != criteria.pk:
            transition(obj=current, action="supersede", actor=actor)
        public_data_changed()
        return transition(
            obj=criteria,
            action="publish",
            actor=actor,
            apply=lambda locked: setattr(locked, "published_at", timezone.now()),
        )


def application_start(*, actor: Any, organization: Organization) -> JoiningApplication:
    """Open a draft joining application (one open application at a time)."""
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    if hasattr(organization, "membership") and organization.membership.is_current:
        raise ValidationError(_("The organization is already a member of the framework."))
    try:
        with transaction.atomic():
            application = JoiningApplication.objects.create(
                organization=organization, created_by=actor
            )
            audit_record(actor=actor, verb="organizations.application_started", target=application)
    except IntegrityError as exc:
        raise ValidationError(
            _("The organization already has an application in progress.")
        ) from exc
    return application


def application_update_note(*, actor: Any, application: JoiningApplication, note: str) -> None:
    decision = can_edit(actor, application.organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED):
        raise ValidationError(_("The application can no longer be changed."))
    JoiningApplication.objects.filter(pk=application.pk).update(note=note.strip()[:2000])


@dataclass
class CheckOutcome:
    results: list[RuleResult]

    @property
    def passed(self) -> bool:
        return all_passed(self.results)

    @property
    def failures(self) -> list[RuleResult]:
        return [result for result in self.results if not result.passed]


class SubmissionBlocked(ValidationError):
    def __init__(self, outcome: CheckOutcome) -> None:
        self.outcome = outcome
        super().__init__(
            [result.message for result in outcome.failures]
            or [_("The application cannot be submitted.")],
            code="checks_failed",
        )


def application_check(
    application: JoiningApplication,
) -> tuple[JoiningCriteria | None, CheckOutcome]:
    """The automatic checks of the criteria in force, run on the organization now."""
    criteria = criteria_in_force()
    if criteria is None:
        return None, CheckOutcome([])
    results = evaluate(criteria.automatic_checks, organization_snapshot(application.organization))
    return criteria, CheckOutcome(results)


def application_submit(*, actor: Any, application: JoiningApplication) -> JoiningApplication:
    """Submit (or submit again): runs the automatic checks of the criteria in force.
    If any fails, nothing moves and SubmissionBlocked lists every failing check with
    its reason. Otherwise the application records the criteria version, the
    results and the documents it was judged with.

    The table and the actor's permission are checked first, as transition() does:
    a stranger learns nothing of the checks, and an application that was already
    submitted or decided keeps the results it was judged with."""
    current = JoiningApplication.objects.select_related("organization").get(pk=application.pk)
    step = JoiningApplication.workflow.step(current.status, "submit")
    if step is None:
        raise TransitionNotAllowed(
            _("“%(action)s” is not possible while the item is “%(state)s”.")
            % {"action": "submit", "state": JoiningApplication.workflow.label(current.status)},
            code="transition_not_allowed",
        )
    decision = step.permission(actor, current)
    if not decision:
        raise PermissionDenied(decision.reason)
    criteria, outcome = application_check(current)
    if criteria is None:
        raise ValidationError(
            _("The joining criteria have not been published yet; applications open when they are.")
        )
    if not outcome.passed:
        JoiningApplication.objects.filter(
            pk=current.pk, status__in=[ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED]
        ).update(check_results=[result.as_dict() for result in outcome.results])
        raise SubmissionBlocked(outcome)
    documents = dict(current.organization.documents.values_list("pk", "sha256"))

    def apply(locked: JoiningApplication) -> None:
        locked.criteria = criteria
        locked.check_results = [result.as_dict() for result in outcome.results]
        locked.documents_snapshot = {str(pk): digest for pk, digest in documents.items()}
        locked.submitted_at = timezone.now()
        locked.manual_checks = {}

    return transition(
        obj=application,
        action="submit",
        actor=actor,
        apply=apply,
        changes={"criteria": criteria.reference},
    )


def application_assign(
    *, actor: Any, application: JoiningApplication, officer: Any
) -> JoiningApplication:
    """Give the application to an officer (or a reviewer, who may only read it)."""
    from mujtama.accounts.roles import StaffRole

    _require_officer(actor)
    if officer is not None and not (
        officer.roles & {StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.REVIEWER}
    ):
        raise ValidationError(_("Applications are assigned to officers or reviewers."))
    with transaction.atomic():
        locked = JoiningApplication.objects.select_for_update().get(pk=application.pk)
        if locked.status not in OPEN_APPLICATION_STATES:
            raise ValidationError(_("A decided application is not assigned any more."))
        before = locked.assigned_to_id
        locked.assigned_to = officer
        locked.save(update_fields=["assigned_to"])
        audit_record(
            actor=actor,
            verb="organizations.application_assigned",
            target=locked,
            changes={"assigned_to": [before, officer.pk if officer else None]},
        )
        if officer is not None and officer.pk != before:
            notices.application_assigned(locked, officer)
    return locked


def application_tick(
    *, actor: Any, application: JoiningApplication, ticked: set[str]
) -> JoiningApplication:
    """Record which manual checks of the application's criteria the officer ticked."""
    _require_officer(actor)
    with transaction.atomic():
        locked = (
            # Lock only the application row: the criteria may be absent (outer join).
            JoiningApplication.objects.select_for_update(of=("self",))
            .select_related("criteria")
            .get(pk=application.pk)
        )
        if locked.status != ApplicationStatus.UNDER_REVIEW or locked.criteria is None:
            raise ValidationError(
                _("Manual checks are ticked while the application is under review.")
            )
        codes = [check["code"] for check in locked.criteria.manual_checks]
        state = {code: code in ticked for code in codes}
        if state != locked.manual_checks:
            locked.manual_checks = state
            locked.save(update_fields=["manual_checks"])
            audit_record(
                actor=actor,
                verb="organizations.application_checks_ticked",
                target=locked,
                changes={"ticked": sorted(code for code, done in state.items() if done)},
            )
    return locked


def application_start_review(*, actor: Any, application: JoiningApplication) -> JoiningApplication:
    def apply(locked: JoiningApplication) -> None:
        if locked.assigned_to_id is None:
            locked.assigned_to = actor

    return transition(obj=application, action="start_review", actor=actor, apply=apply)


def application_decide(
    *, actor: Any, application: JoiningApplication, action: str, reason: str
) -> JoiningApplication:
    """Ask for changes, approve or reject, always with a written reason sent to the
    organization. Approval grants the membership (provisional while the license is
    in progress) in the same transaction."""
    if action not in ("request_changes", "approve", "reject"):
        raise ValidationError(_("Unknown decision."))
    with transaction.atomic():

        def apply(locked: JoiningApplication) -> None:
            locked.decision_reason = reason.strip()
            if action != "request_changes":
                locked.decided_at = timezone.now()

        decided = transition(
            obj=application, action=action, actor=actor, reason=reason, apply=apply
        )
        if action == "approve":
            membership_grant(actor=actor, application=decided, settings=JoiningSettings.current())
    return decided
