"""The organization's side of programs: its applications and partner invitations,
the calls it can apply to, applying, the application with its answers and its
consortium, and the download of file answers.

Every route is for signed-in people; each view then checks the person's role in the
organizations concerned. Someone unrelated gets 404 (an application's existence is
not confirmed to outsiders); a viewer of the organization may read but not change."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_form_errors, flash_refusal
from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.core.rules import RuleResult
from mujtama.organizations import selectors as organization_selectors
from mujtama.organizations.models import MemberRole, Organization
from mujtama.organizations.models.joining import CURRENT_MEMBERSHIP_STATES
from mujtama.organizations.permissions import can_edit, role_in
from mujtama.programs import selectors
from mujtama.programs.forms import (
    ApplicationForm,
    ApplyForm,
    PartnerAnswerForm,
    PartnerInviteForm,
    WithdrawForm,
    number_text,
    question_field_name,
)
from mujtama.programs.models import (
    Answer,
    Application,
    ApplicationPartner,
    ApplicationStatus,
    CallQuestion,
    PartnerStatus,
    QuestionKind,
)
from mujtama.programs.services import applications as services
from mujtama.programs.workflows import APPLICATION_WORKFLOW

EDITORS = {MemberRole.OWNER, MemberRole.EDITOR}
EDITABLE = (ApplicationStatus.DRAFT, ApplicationStatus.MORE_INFO)
# Where a file answer is served from, by its checked type.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}


def _editor_organizations(user: Any) -> Any:
    return Organization.objects.filter(
        memberships_of_people__user=user,
        memberships_of_people__role__in=[MemberRole.OWNER, MemberRole.EDITOR],
    ).order_by("name_ar_key")


# --- shared with the reviewers' pages ----------------------------------------------------------


@dataclass
class AnswerRow:
    question: CallQuestion
    answer: Answer | None
    text: str = ""
    has_file: bool = False


def answer_rows(application: Application) -> list[AnswerRow]:
    """Every active question of the call, and any retired one the application
    answered, with the answer as a person reads it."""
    answers = {
        answer.question_id: answer
        for answer in Answer.objects.filter(application=application).select_related("question")
    }
    questions = list(application.call.questions.filter(Q(is_active=True) | Q(pk__in=list(answers))))
    rows = []
    for question in questions:
        answer = answers.get(question.pk)
        row = AnswerRow(question, answer)
        if answer is not None:
            if question.kind == QuestionKind.NUMBER:
                row.text = number_text(answer.number)
            elif question.kind == QuestionKind.CHOICE:
                row.text = dict(question.choice_pairs()).get(answer.text, answer.text)
            elif question.kind == QuestionKind.FILE:
                row.has_file = bool(answer.file)
                row.text = answer.file_name
            else:
                row.text = answer.text
        rows.append(row)
    return rows


def stored_results(application: Application) -> list[RuleResult]:
    return [RuleResult.from_dict(result) for result in application.eligibility_results]


# --- my applications ---------------------------------------------------------------------------


@dataclass
class OrganizationApplications:
    organization: Organization
    role: str
    role_label: str
    can_edit: bool
    rows: list[dict[str, Any]] = field(default_factory=list)


@route_policy(SIGNED_IN)
def mine(request: AuthedRequest) -> HttpResponse:
    """The applications of the person's organizations, as lead or partner, grouped
    by organization, and the partner invitations waiting for their answer. The
    number of queries does not grow with the organizations or applications."""
    organizations = list(organization_selectors.organizations_of(request.user))
    roles = organization_selectors.roles_of(request.user)
    groups = {
        organization.pk: OrganizationApplications(
            organization,
            roles[organization.pk],
            str(MemberRole(roles[organization.pk]).label),
            roles[organization.pk] in EDITORS,
        )
        for organization in organizations
    }
    if organizations:
        applications = (
            reduce(or_, (selectors.applications_of(organization) for organization in organizations))
            .select_related("call__program")
            .prefetch_related("partners")
        )
        for application in applications:
            partners = {partner.organization_id: partner for partner in application.partners.all()}
            for organization_id, group in groups.items():
                partner = partners.get(organization_id)
                if application.lead_id == organization_id:
                    as_lead, partner_status, visible = True, "", True
                elif partner is not None:
                    as_lead = False
                    partner_status = partner.get_status_display()
                    visible = partner.status != PartnerStatus.DECLINED
                else:
                    continue
                group.rows.append(
                    {
                        "application": application,
                        "label": APPLICATION_WORKFLOW.label(application.status, public=True),
                        "as_lead": as_lead,
                        "partner_status": partner_status,
                        "visible": visible,
                    }
                )
    editor_ids = [pk for pk, role in roles.items() if role in EDITORS]
    invitations = (
        ApplicationPartner.objects.filter(
            organization_id__in=editor_ids,
            status=PartnerStatus.INVITED,
            application__status=ApplicationStatus.DRAFT,
        )
        .select_related("organization", "application__call", "application__lead")
        .order_by("application__call__closes_at", "pk")
    )
    return render(
        request,
        "programs/applicant/mine.html",
        {"groups": list(groups.values()), "invitations": invitations},
    )


# --- calls an organization can apply to --------------------------------------------------------


@route_policy(SIGNED_IN)
def calls_for(request: AuthedRequest, org: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=org)
    role = role_in(request.user, organization)
    if role is None:
        raise Http404
    return render(
        request,
        "programs/applicant/calls_for.html",
        {
            "organization": organization,
            "rows": selectors.calls_for_organization(organization),
            "can_edit": role in EDITORS,
        },
    )


# --- applying ----------------------------------------------------------------------------------


@route_policy(SIGNED_IN)
def apply(request: AuthedRequest, call: int) -> HttpResponse:
    """Open an application to a call, as one of the person's organizations."""
    target = selectors.public_call(call)
    if target is None:
        raise Http404
    organizations = _editor_organizations(request.user)
    initial: dict[str, Any] = {}
    chosen = request.GET.get("organization", "")
    if chosen.isdigit() and organizations.filter(pk=int(chosen)).exists():
        initial["lead"] = int(chosen)
    elif organizations.count() == 1:
        initial["lead"] = organizations.first()
    form = ApplyForm(request.POST or None, initial=initial, organizations=organizations)
    existing = list(
        Application.objects.filter(call=target, lead__in=organizations)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .select_related("lead")
    )
    accepting = target.accepts_submissions()
    if request.method == "POST":
        if not accepting:
            form.add_error(None, _("The call is not open for applications."))
        elif form.is_valid():
            try:
                application = services.application_start(
                    actor=request.user,
                    call=target,
                    lead=form.cleaned_data["lead"],
                    title=form.cleaned_data["title"],
                )
            except (ValidationError, PermissionDenied) as exc:
                form.add_error(None, exc if isinstance(exc, ValidationError) else str(exc))
            else:
                messages.success(
                    request,
                    _(
                        "The application was opened as a draft. Answer the questions, invite partners if you need them, then submit it before the call closes."
                    ),
                )
                return redirect("programs:application", application.pk)
    return render(
        request,
        "programs/applicant/apply.html",
        {
            "call": target,
            "form": form,
            "accepting": accepting,
            "has_organizations": organizations.exists(),
            "existing": existing,
        },
    )


# --- the application ---------------------------------------------------------------------------


@dataclass
class Access:
    """The person's place in an application's consortium."""

    lead_role: str | None
    # Partner organizations (not declined) the person belongs to, with their role.
    partner_roles: dict[int, str]

    @property
    def can_edit(self) -> bool:
        return self.lead_role in EDITORS


def _application(request: AuthedRequest, pk: int) -> tuple[Application, Access]:
    """The application, for the people of its lead and of its invited or confirmed
    partners; 404 for anyone else."""
    application = selectors.application_detail(pk)
    if application is None:
        raise Http404
    lead_role = role_in(request.user, application.lead_id)
    partner_roles = {}
    for partner in application.partners.all():
        if partner.status == PartnerStatus.DECLINED:
            continue
        role = role_in(request.user, partner.organization_id)
        if role is not None:
            partner_roles[partner.pk] = role
    if lead_role is None and not partner_roles:
        raise Http404
    return application, Access(lead_role, partner_roles)


def _answers(application: Application) -> dict[int, Answer]:
    return {answer.question_id: answer for answer in Answer.objects.filter(application=application)}


def _application_form(
    application: Application, data: Any = None, files: Any = None
) -> ApplicationForm:
    answers = _answers(application)
    questions = list(application.call.questions.filter(is_active=True))
    return ApplicationForm(
        data,
        files,
        initial=ApplicationForm.initial_for(application, answers),
        questions=questions,
        answers=answers,
        max_award=application.call.max_award,
    )


def _save(request: AuthedRequest, application: Application, form: ApplicationForm) -> bool:
    """Save what was typed: the valid values are stored, and the errors of the others
    are attached to their fields. True if everything was saved."""
    form_valid = form.is_valid()
    title = form.cleaned_data.get("title") if "title" in form.cleaned_data else None
    # An amount the form refused is kept as it was; an empty one clears it.
    amount = form.cleaned_data.get("requested_amount", services.UNCHANGED)
    errors = services.application_save(
        actor=request.user,
        application=application,
        title=title,
        requested_amount=amount,
        answers=form.raw_answers(request.POST),
        files=form.uploads(),
    )
    for question_id, messages_ in errors.items():
        name = {services.TITLE: "title", services.AMOUNT: "requested_amount"}.get(
            question_id
        ) or question_field_name(question_id)
        for message in messages_:
            form.add_error(name, message)
    # Files chosen this time are not sent back by the browser: those saved now show
    # as the current file.
    form.answers = _answers(application)
    return form_valid and not errors


@route_policy(SIGNED_IN)
def application(request: AuthedRequest, pk: int) -> HttpResponse:
    target, access = _application(request, pk)
    editable = access.can_edit and target.status in EDITABLE
    form = _application_form(target) if editable else None
    blocked: services.Readiness | None = None
    if request.method == "POST":
        if not access.can_edit:
            raise PermissionDenied(
                _("Only the lead organization's owners and editors may change it.")
            )
        action = request.POST.get("action", "")
        if action == "withdraw":
            return _withdraw(request, target)
        if action not in ("save", "submit", "provide_info") or not editable:
            messages.error(request, _("A submitted application can no longer be changed."))
            return redirect("programs:application", target.pk)
        form = _application_form(target, request.POST, request.FILES)
        try:
            saved = _save(request, target, form)
            # What the submission is judged on is read again, as saved just now.
            target = selectors.application_detail(target.pk) or target
            if not saved:
                if action != "save":
                    messages.error(
                        request,
                        _(
                            "Nothing was sent: correct the answers marked below first. The others were saved."
                        ),
                    )
            elif action == "save":
                messages.success(request, _("The application was saved."))
                return redirect("programs:application", target.pk)
            elif action == "submit":
                services.application_submit(actor=request.user, application=target)
                messages.success(
                    request,
                    _("The application was submitted. You will be told when it moves on."),
                )
                return redirect("programs:application", target.pk)
            else:
                services.application_provide_info(actor=request.user, application=target)
                messages.success(request, _("The information was sent to the program manager."))
                return redirect("programs:application", target.pk)
        except services.SubmissionBlocked as exc:
            blocked = exc.readiness
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        target = selectors.application_detail(target.pk) or target
    return _render_application(request, target, access, form, blocked)


def _withdraw(request: AuthedRequest, target: Application) -> HttpResponse:
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("programs:application", target.pk)
    try:
        services.application_withdraw(
            actor=request.user, application=target, reason=form.cleaned_data["reason"]
        )
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The application was withdrawn."))
    return redirect("programs:application", target.pk)


def _render_application(
    request: AuthedRequest,
    target: Application,
    access: Access,
    form: ApplicationForm | None,
    blocked: services.Readiness | None,
) -> HttpResponse:
    editable = form is not None
    actions = dict(APPLICATION_WORKFLOW.actions_for(target, request.user))
    readiness = None
    if target.status == ApplicationStatus.DRAFT:
        readiness = blocked or services.application_readiness(target)
    submit_refusal = ""
    if editable and target.status == ApplicationStatus.DRAFT and "submit" not in actions:
        step = APPLICATION_WORKFLOW.step(target.status, "submit")
        if step is not None:
            submit_refusal = str(step.permission(request.user, target).reason or "")
    partners = list(target.partners.all())
    invite_form = None
    if access.can_edit and target.status == ApplicationStatus.DRAFT:
        candidates = (
            Organization.objects.filter(membership__status__in=CURRENT_MEMBERSHIP_STATES)
            .exclude(pk=target.lead_id)
            .exclude(pk__in=[partner.organization_id for partner in partners])
            .order_by("name_ar_key")
        )
        invite_form = PartnerInviteForm(organizations=candidates) if candidates.exists() else None
    # Invitations to the person's organizations that they can answer here.
    answerable = [
        partner
        for partner in partners
        if partner.status == PartnerStatus.INVITED
        and access.partner_roles.get(partner.pk) in EDITORS
    ]
    award = getattr(target, "award", None) if target.status == ApplicationStatus.AWARDED else None
    return render(
        request,
        "programs/applicant/application.html",
        {
            "application": target,
            "call": target.call,
            "label": APPLICATION_WORKFLOW.label(target.status, public=True),
            "access": access,
            "form": form,
            "rows": form.rows() if form is not None else [],
            "answers": answer_rows(target) if form is None else [],
            "readiness": readiness,
            "blocked": blocked,
            "stored": stored_results(target) if target.status != ApplicationStatus.DRAFT else [],
            "partners": partners,
            "invite_form": invite_form,
            "consortium_editable": access.can_edit and target.status == ApplicationStatus.DRAFT,
            "answerable": answerable,
            "can_submit": "submit" in actions,
            "can_provide_info": "provide_info" in actions,
            "can_withdraw": "withdraw" in actions,
            "submit_refusal": submit_refusal,
            "withdraw_form": WithdrawForm(),
            "award": award,
        },
    )


@route_policy(SIGNED_IN)
def answer_file(request: AuthedRequest, pk: int, question: int) -> FileResponse:
    """A file answer, for the consortium's people, program managers and reviewers
    who declared no conflict; always an attachment, never shown inline."""
    answer = get_object_or_404(
        Answer.objects.select_related("application"), application_id=pk, question_id=question
    )
    try:
        stream = services.answer_open(user=request.user, answer=answer)
    except PermissionDenied:
        raise Http404 from None
    stem = PurePath(answer.file_name or "").stem or f"answer-{answer.question_id}"
    filename = f"{stem}{EXTENSIONS.get(answer.file_type, '')}"
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=filename,
        content_type=answer.file_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- the consortium ----------------------------------------------------------------------------


@route_policy(SIGNED_IN)
@require_POST
def partners(request: AuthedRequest, pk: int) -> HttpResponse:
    """Invite a member organization as a partner, or remove one, while a draft."""
    target, access = _application(request, pk)
    if not access.can_edit:
        raise PermissionDenied(_("Only the lead organization's owners and editors may change it."))
    action = request.POST.get("action", "")
    try:
        if action == "invite":
            candidates = Organization.objects.filter(
                membership__status__in=CURRENT_MEMBERSHIP_STATES
            ).exclude(pk=target.lead_id)
            form = PartnerInviteForm(request.POST, organizations=candidates)
            if not form.is_valid():
                flash_form_errors(request, form)
                return redirect("programs:application", target.pk)
            invited = services.partner_invite(
                actor=request.user, application=target, partner=form.cleaned_data["organization"]
            )
            messages.success(
                request,
                _("%(name)s was invited. Its owners and editors are asked to confirm.")
                % {"name": invited.organization.name},
            )
        elif action == "remove":
            partner_id = request.POST.get("partner", "")
            partner = get_object_or_404(
                ApplicationPartner.objects.select_related("organization", "application__lead"),
                pk=int(partner_id) if partner_id.isdigit() else 0,
                application=target,
            )
            services.partner_remove(actor=request.user, partner=partner)
            messages.success(
                request,
                _("%(name)s was removed from the consortium.")
                % {"name": partner.organization.name},
            )
        else:
            raise ValidationError(_("Nothing to do."))
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    return redirect("programs:application", target.pk)


@route_policy(SIGNED_IN)
@require_POST
def partner_answer(request: AuthedRequest, partner: int) -> HttpResponse:
    """A partner organization's owner or editor confirms or declines taking part."""
    invitation = get_object_or_404(
        ApplicationPartner.objects.select_related("organization", "application"), pk=partner
    )
    role = role_in(request.user, invitation.organization)
    if role is None:
        raise Http404
    decision = can_edit(request.user, invitation.organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    form = PartnerAnswerForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("programs:mine")
    confirm = form.cleaned_data["answer"] == "confirm"
    try:
        services.partner_answer(actor=request.user, partner=invitation, confirm=confirm)
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
        return redirect("programs:mine")
    params = {"name": invitation.organization.name, "title": invitation.application.title}
    if confirm:
        messages.success(request, _("%(name)s takes part in “%(title)s” as a partner.") % params)
        return redirect("programs:application", invitation.application_id)
    messages.success(request, _("%(name)s declined to take part in “%(title)s”.") % params)
    return redirect("programs:mine")
