"""Applying to a call: drafts with their answers, consortium partners, eligibility,
submission, and the decisions that follow."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.rules import RuleResult, evaluate
from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.organizations.models import Organization
from mujtama.organizations.permissions import can_edit, role_in
from mujtama.organizations.uploads import check_document
from mujtama.programs import notices
from mujtama.programs.models import (
    Answer,
    Application,
    ApplicationPartner,
    ApplicationStatus,
    Award,
    Call,
    CallQuestion,
    PartnerStatus,
    QuestionKind,
)
from mujtama.programs.permissions import may_see_application
from mujtama.programs.rules import application_snapshot

TEXT_LIMIT = 300
LONG_TEXT_LIMIT = 5000
NUMBER_LIMIT = Decimal(10) ** 14
CENT = Decimal("0.01")
EDITABLE = (ApplicationStatus.DRAFT, ApplicationStatus.MORE_INFO)
# Keys of application_save's errors that are not questions.
TITLE, AMOUNT = -1, 0
# application_save(requested_amount=…) not given: keep the amount as it is.
UNCHANGED = object()


def _require_editor(actor: Any, organization: Organization) -> None:
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)


def eligibility(
    call: Call, lead: Organization, partners: list[Organization] | None = None
) -> list[RuleResult]:
    """Every rule of the call, evaluated on the lead and its consortium now."""
    return evaluate(call.eligibility_rules, application_snapshot(lead, partners or []))


def consortium_of(application: Application, *, confirmed_only: bool = False) -> list[Organization]:
    partners = application.partners.exclude(status=PartnerStatus.DECLINED)
    if confirmed_only:
        partners = partners.filter(status=PartnerStatus.CONFIRMED)
    return [p.organization for p in partners.select_related("organization")]


def application_start(*, actor: Any, call: Call, lead: Organization, title: str) -> Application:
    _require_editor(actor, lead)
    if not call.accepts_submissions():
        raise ValidationError(_("The call is not open for applications."))
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Give the project a title.")})
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call, lead=lead, title=title[:200], created_by=actor
            )
            audit_record(actor=actor, verb="programs.application_started", target=application)
    except IntegrityError as exc:
        raise ValidationError(
            _("The organization already has an application to this call.")
        ) from exc
    return application


def _clean_answer(question: CallQuestion, raw: Any) -> dict[str, Any]:
    """The stored form of an answer, or a ValidationError saying what is wrong."""
    if question.kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT):
        text = str(raw or "").strip()
        limit = question.max_length or (
            TEXT_LIMIT if question.kind == QuestionKind.TEXT else LONG_TEXT_LIMIT
        )
        if len(text) > limit:
            raise ValidationError(
                _("At most %(limit)s characters (now %(length)s).")
                % {"limit": limit, "length": len(text)}
            )
        return {"text": text, "number": None}
    if question.kind == QuestionKind.NUMBER:
        text = str(raw or "").strip().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789."))
        if not text:
            return {"text": "", "number": None}
        try:
            number = Decimal(text.replace(",", "").replace("\u066c", ""))  # ٬ Arabic thousands
        except InvalidOperation as exc:
            raise ValidationError(_("Write a number.")) from exc
        if not number.is_finite():
            raise ValidationError(_("Write a number."))
        if question.min_value is not None and number < question.min_value:
            raise ValidationError(_("At least %(min)s.") % {"min": question.min_value})
        if question.max_value is not None and number > question.max_value:
            raise ValidationError(_("At most %(max)s.") % {"max": question.max_value})
        # What the answer column holds (16 digits, 2 after the point): a larger number
        # would fail when saved instead of being refused here.
        if abs(number) >= NUMBER_LIMIT:
            raise ValidationError(_("The number is too large."))
        return {"text": "", "number": number.quantize(CENT, rounding=ROUND_HALF_UP)}
    if question.kind == QuestionKind.CHOICE:
        value = str(raw or "")
        if value and value not in {choice["value"] for choice in question.choices}:
            raise ValidationError(_("Choose one of the options."))
        return {"text": value, "number": None}
    raise ValueError(f"{question.kind} answers are files")


def application_save(
    *,
    actor: Any,
    application: Application,
    title: str | None = None,
    requested_amount: Decimal | object | None = UNCHANGED,
    answers: dict[int, Any] | None = None,
    files: Mapping[int, tuple[IO[bytes], str]] | None = None,
) -> dict[int, list[str]]:
    """Save what was entered. Valid answers are stored even if others are not; the
    returned dict maps each question id to its errors (TITLE and AMOUNT for those
    two fields), so the form can show them and keep every value (a draft never
    loses what was typed). ``requested_amount=None`` clears the amount."""
    _require_editor(actor, application.lead)
    if application.status not in EDITABLE:
        raise ValidationError(_("A submitted application can no longer be changed."))
    questions = {q.pk: q for q in application.call.questions.filter(is_active=True)}
    errors: dict[int, list[str]] = {}
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if title is not None:
            title = " ".join(title.split())[:200]
            if title:
                locked.title = title
            else:
                errors[TITLE] = [_("Give the project a title.")]
        if requested_amount is None:
            locked.requested_amount = None
        elif isinstance(requested_amount, Decimal):
            if requested_amount < 0:
                errors[AMOUNT] = [_("The requested amount cannot be negative.")]
            elif locked.call.max_award and requested_amount > locked.call.max_award:
                errors[AMOUNT] = [
                    _("At most %(max)s SYP can be awarded.") % {"max": locked.call.max_award}
                ]
            else:
                locked.requested_amount = requested_amount
        locked.save(update_fields=["title", "requested_amount"])
        for question_id, raw in (answers or {}).items():
            question = questions.get(question_id)
            if question is None or question.kind == QuestionKind.FILE:
                continue
            try:
                values = _clean_answer(question, raw)
            except ValidationError as exc:
                errors[question_id] = [str(m) for m in exc.messages]
                continue
            Answer.objects.update_or_create(application=locked, question=question, defaults=values)
        for question_id, (upload, name) in (files or {}).items():
            question = questions.get(question_id)
            if question is None or question.kind != QuestionKind.FILE:
                continue
            try:
                checked = check_document(upload)
            except ValidationError as exc:
                errors[question_id] = [str(m) for m in exc.messages]
                continue
            answer, _created = Answer.objects.get_or_create(application=locked, question=question)
            answer.file.save(f"answer{checked.extension}", ContentFile(checked.data), save=False)
            answer.file_name = (name or "file")[:200]
            answer.file_type = checked.content_type
            answer.save()
        audit_record(
            actor=actor,
            verb="programs.application_saved",
            target=locked,
            changes={
                "answers": sorted(int(q) for q in (answers or {})),
                "files": sorted(int(q) for q in (files or {})),
            },
        )
    return errors


def answer_open(*, user: Any, answer: Answer) -> IO[bytes]:
    """Open a file answer for download: the consortium's people, program managers,
    and reviewers who declared no conflict. Reads by anyone outside the consortium
    are recorded in the audit log."""
    application = answer.application
    if not answer.file or not may_see_application(user, application):
        raise PermissionDenied(_("You may not open this file."))
    consortium = [application.lead_id, *consortium_ids(application)]
    if not any(role_in(user, organization_id) for organization_id in consortium):
        audit_record(
            actor=user,
            verb="programs.answer_read",
            target=application,
            changes={"question": answer.question_id},
        )
    return answer.file.open("rb")


def consortium_ids(application: Application) -> list[int]:
    """The partner organizations that have not declined."""
    return list(
        ApplicationPartner.objects.filter(application=application)
        .exclude(status=PartnerStatus.DECLINED)
        .values_list("organization_id", flat=True)
    )


def partner_invite(
    *, actor: Any, application: Application, partner: Organization
) -> ApplicationPartner:
    _require_editor(actor, application.lead)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Partners are added while the application is a draft."))
    if partner.pk == application.lead_id:
        raise ValidationError(_("The lead organization is already in the consortium."))
    try:
        with transaction.atomic():
            invitation = ApplicationPartner.objects.create(
                application=application, organization=partner
            )
            audit_record(
                actor=actor,
                verb="programs.partner_invited",
                target=application,
                changes={"partner": partner.pk},
            )
            notices.partner_invited(invitation)
    except IntegrityError as exc:
        raise ValidationError(_("This organization is already a partner.")) from exc
    return invitation


def partner_remove(*, actor: Any, partner: ApplicationPartner) -> None:
    _require_editor(actor, partner.application.lead)
    if partner.application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Partners are changed while the application is a draft."))
    with transaction.atomic():
        application, organization_id = partner.application, partner.organization_id
        partner.delete()
        audit_record(
            actor=actor,
            verb="programs.partner_removed",
            target=application,
            changes={"partner": organization_id},
        )


def partner_answer(*, actor: Any, partner: ApplicationPartner, confirm: bool) -> ApplicationPartner:
    """A partner organization's owner or editor confirms (or declines) taking part."""
    _require_editor(actor, partner.organization)
    with transaction.atomic():
        locked = ApplicationPartner.objects.select_for_update().get(pk=partner.pk)
        if locked.application.status != ApplicationStatus.DRAFT:
            raise ValidationError(_("The application is no longer a draft."))
        locked.status = PartnerStatus.CONFIRMED if confirm else PartnerStatus.DECLINED
        locked.answered_by = actor
        locked.answered_at = timezone.now()
        locked.save()
        audit_record(
            actor=actor,
            verb="programs.partner_answered",
            target=locked.application,
            changes={"partner": locked.organization_id, "status": locked.status},
        )
        notices.partner_answered(locked)
    return locked


@dataclass
class Readiness:
    eligibility: list[RuleResult]
    problems: list[str]

    @property
    def ready(self) -> bool:
        return not self.problems and all(result.passed for result in self.eligibility)


def application_readiness(application: Application) -> Readiness:
    """Whether the application could be submitted now, and every reason why not."""
    results = eligibility(application.call, application.lead, consortium_of(application))
    problems = []
    pending = ApplicationPartner.objects.filter(
        application=application, status=PartnerStatus.INVITED
    ).select_related("organization")
    for partner in pending:
        problems.append(
            _("%(name)s has not confirmed taking part yet.") % {"name": partner.organization.name}
        )
    # Read from the database, not from relations prefetched before a save.
    answers = {
        answer.question_id: answer for answer in Answer.objects.filter(application=application)
    }
    for question in application.call.questions.filter(is_active=True, required=True):
        answer = answers.get(question.pk)
        if answer is None or answer.is_empty:
            problems.append(_("Answer the question: %(question)s") % {"question": question.label})
    if not application.title.strip():
        problems.append(_("Give the project a title."))
    return Readiness(results, problems)


class SubmissionBlocked(ValidationError):
    def __init__(self, readiness: Readiness) -> None:
        self.readiness = readiness
        reasons = [r.message for r in readiness.eligibility if not r.passed] + readiness.problems
        super().__init__(reasons or [_("The application cannot be submitted.")], code="not_ready")


def application_submit(*, actor: Any, application: Application) -> Application:
    """Submit while the call is open (by the clock), only if eligible, with every
    partner confirmed and every required question answered; otherwise nothing moves
    and SubmissionBlocked lists every reason. The application keeps the call
    version and the eligibility results it was judged with."""
    application = Application.objects.select_related("call", "lead").get(pk=application.pk)
    decision = Application.workflow.step(application.status, "submit")
    if decision is None:
        raise Application.workflow.not_possible(application.status, "submit")
    allowed = decision.permission(actor, application)
    if not allowed:
        raise PermissionDenied(allowed.reason)
    readiness = application_readiness(application)
    if not readiness.ready:
        raise SubmissionBlocked(readiness)

    def apply(locked: Application) -> None:
        locked.call_version = locked.call.version
        locked.eligibility_results = [r.as_dict() for r in readiness.eligibility]
        locked.submitted_at = timezone.now()

    return transition(
        obj=application,
        action="submit",
        actor=actor,
        apply=apply,
        changes={"call_version": application.call.version},
    )


def application_withdraw(*, actor: Any, application: Application, reason: str = "") -> Application:
    return transition(obj=application, action="withdraw", actor=actor, reason=reason)


def application_provide_info(*, actor: Any, application: Application) -> Application:
    return transition(obj=application, action="provide_info", actor=actor)


MANAGER_ACTIONS = (
    "start_screening",
    "request_info",
    "pass_screening",
    "screen_out",
    "shortlist",
    "not_select",
    "award",
)


def application_decide(
    *,
    actor: Any,
    application: Application,
    action: str,
    reason: str = "",
    amount: Decimal | None = None,
    terms_ar: str = "",
    terms_en: str = "",
) -> Application:
    """A program manager's step on an application, with the reason sent to the
    consortium. Awarding records the award (amount within the call's maximum)."""
    if action not in MANAGER_ACTIONS:
        raise ValidationError(_("Unknown decision."))
    application = Application.objects.select_related("call").get(pk=application.pk)
    if Application.workflow.step(application.status, action) is None:
        # Impossible now: say so before judging the amount.
        raise Application.workflow.not_possible(application.status, action)
    if action == "award":
        if amount is None or amount <= 0:
            raise ValidationError({"amount": _("Give the amount awarded.")})
        if application.call.max_award and amount > application.call.max_award:
            raise ValidationError(
                {
                    "amount": _("At most %(max)s SYP can be awarded.")
                    % {"max": application.call.max_award}
                }
            )

    def apply(locked: Application) -> None:
        if action == "request_info":
            locked.info_request = reason.strip()
        if action in ("award", "not_select", "screen_out"):
            locked.decided_at = timezone.now()
            locked.decision_reason = reason.strip()

    with transaction.atomic():
        moved = transition(
            obj=application,
            action=action,
            actor=actor,
            reason=reason,
            apply=apply,
            changes={"amount": str(amount)} if action == "award" else None,
        )
        if action == "award" and amount is not None:
            Award.objects.create(
                application=moved,
                amount=amount,
                terms_ar=terms_ar.strip(),
                terms_en=terms_en.strip(),
                awarded_by=actor,
            )
    return moved
