"""The organization's own area: registration, profile, people, documents, the joining
application, membership renewal and the licensing track.

Every route is for signed-in people; each view then checks the person's role in the
organization. Someone outside it gets 404, so private files do not even confirm
that they exist."""

from collections.abc import Collection

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_form_errors, flash_refusal
from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.core.rules import RuleResult
from mujtama.organizations import selectors
from mujtama.organizations.forms import (
    ApplicationNoteForm,
    AskToJoinForm,
    DocumentForm,
    InviteForm,
    LogoForm,
    OrganizationForm,
    RequestAnswerForm,
    RoleForm,
    StepForm,
)
from mujtama.organizations.models import (
    ApplicationStatus,
    Invitation,
    LegalStatus,
    LicensingFile,
    MemberRole,
    MembershipRequest,
    Organization,
    OrganizationDocument,
    OrganizationMember,
)
from mujtama.organizations.permissions import can_view_private, role_in
from mujtama.organizations.rules import organization_snapshot
from mujtama.organizations.services import documents as document_services
from mujtama.organizations.services import joining, registry
from mujtama.organizations.services import licensing as licensing_services
from mujtama.organizations.services import membership as membership_services
from mujtama.organizations.services import people as people_services
from mujtama.organizations.workflows import APPLICATION_WORKFLOW, LICENSING_WORKFLOW


def member_organization(
    request: AuthedRequest, pk: int, *, roles: Collection[str] | None = None
) -> Organization:
    """The organization, if the person belongs to it (with one of ``roles`` when
    given); 404 otherwise."""
    organization = get_object_or_404(Organization, pk=pk)
    role = role_in(request.user, organization)
    if role is None:
        raise Http404
    if roles is not None and role not in roles:
        raise PermissionDenied(_("Your role in this organization does not allow this."))
    return organization


EDITORS = {MemberRole.OWNER, MemberRole.EDITOR}
OWNERS = {MemberRole.OWNER}


@route_policy(SIGNED_IN)
def mine(request: AuthedRequest) -> HttpResponse:
    organizations = list(selectors.organizations_of(request.user))
    roles = selectors.roles_of(request.user)
    for organization in organizations:
        organization.my_role_label = MemberRole(roles[organization.pk]).label  # type: ignore[attr-defined]
    requests = MembershipRequest.objects.filter(user=request.user, status="pending").select_related(
        "organization"
    )
    return render(
        request,
        "organizations/member/mine.html",
        {"organizations": organizations, "requests": requests},
    )


@route_policy(SIGNED_IN)
def register(request: AuthedRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None)
    duplicates: list[registry.Duplicate] = []
    if request.method == "POST" and form.is_valid():
        try:
            organization = registry.organization_register(
                actor=request.user,
                governorates=form.cleaned_data["governorates"],
                expertise_areas=form.cleaned_data["expertise_areas"],
                **form.service_fields(),
            )
        except registry.DuplicateOrganization as exc:
            duplicates = exc.duplicates
            form.add_error(None, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _(
                    "The organization is registered and you are its owner. Complete its profile, upload its documents, then apply to join."
                ),
            )
            return redirect("organizations:manage", organization.pk)
    # Duplicate is a frozen dataclass: what the page needs to know about each one
    # (public profile to link to? already in it?) goes alongside, not onto it.
    found = [
        {
            "organization": duplicate.organization,
            "reason": duplicate.reason,
            "listed": selectors.has_current_membership(duplicate.organization.pk),
            "mine": role_in(request.user, duplicate.organization) is not None,
        }
        for duplicate in duplicates
    ]
    return render(
        request,
        "organizations/member/register.html",
        {"form": form, "duplicates": found, "ask_form": AskToJoinForm()},
    )


@route_policy(SIGNED_IN)
def manage(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk)
    snapshot = organization_snapshot(organization)
    membership = selectors.membership_of(organization)
    application = selectors.latest_application(organization)
    licensing_file = LicensingFile.objects.filter(organization=organization).first()
    role = role_in(request.user, organization)
    return render(
        request,
        "organizations/member/manage.html",
        {
            "organization": organization,
            "role": role,
            "can_edit": role in EDITORS,
            "missing": snapshot["missing_profile_fields"],
            "membership": membership,
            "application": application,
            "application_label": APPLICATION_WORKFLOW.label(application.status, public=True)
            if application
            else "",
            "licensing_file": licensing_file,
            "licensing_applies": organization.legal_status
            in (LegalStatus.UNLICENSED, LegalStatus.LICENSE_IN_PROGRESS),
            "pending_requests": selectors.pending_requests(organization).count()
            if role == MemberRole.OWNER
            else 0,
            "people_count": organization.memberships_of_people.count(),
            "documents_count": organization.documents.count(),
        },
    )


@route_policy(SIGNED_IN)
def profile(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=EDITORS)
    locked = selectors.legal_status_locked(organization)
    form = OrganizationForm(request.POST or None, instance=organization, locked_legal_status=locked)
    if request.method == "POST" and form.is_valid():
        try:
            registry.organization_update(
                actor=request.user,
                organization=organization,
                governorates=form.cleaned_data["governorates"],
                expertise_areas=form.cleaned_data["expertise_areas"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("organizations:manage", organization.pk)
    return render(
        request,
        "organizations/member/profile.html",
        {"organization": organization, "form": form, "logo_form": LogoForm(), "can_edit": True},
    )


@route_policy(SIGNED_IN)
@require_POST
def logo_upload(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=EDITORS)
    form = LogoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            registry.organization_set_logo(
                actor=request.user, organization=organization, upload=form.cleaned_data["logo"]
            )
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The logo was saved."))
    else:
        for error in form.errors.get("logo", []):
            messages.error(request, str(error))
    return redirect("organizations:profile", organization.pk)


@route_policy(SIGNED_IN)
def people(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk)
    is_owner = role_in(request.user, organization) == MemberRole.OWNER
    invitations = organization.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)
    return render(
        request,
        "organizations/member/people.html",
        {
            "organization": organization,
            "people": selectors.people(organization),
            "is_owner": is_owner,
            "can_edit": role_in(request.user, organization) in EDITORS,
            "invitations": [i for i in invitations if i.is_open] if is_owner else [],
            "requests": selectors.pending_requests(organization) if is_owner else [],
            "invite_form": InviteForm(),
            "roles": MemberRole.choices,
        },
    )


@route_policy(SIGNED_IN)
@require_POST
def invite(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=OWNERS)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            people_services.invitation_create(
                actor=request.user,
                organization=organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(
                request,
                _("The invitation was sent to %(email)s. The link works once, for 7 days.")
                % {"email": form.cleaned_data["email"]},
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("organizations:people", organization.pk)


@route_policy(SIGNED_IN)
@require_POST
def invitation_revoke(request: AuthedRequest, pk: int, invitation: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=OWNERS)
    target = get_object_or_404(Invitation, pk=invitation, organization=organization)
    people_services.invitation_revoke(actor=request.user, invitation=target)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("organizations:people", organization.pk)


@route_policy(SIGNED_IN)
@require_POST
def member_role(request: AuthedRequest, pk: int, member_id: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=OWNERS)
    member = get_object_or_404(OrganizationMember, pk=member_id, organization=organization)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            people_services.member_set_role(
                actor=request.user, member=member, role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The role was changed."))
    else:
        flash_form_errors(request, form)
    return redirect("organizations:people", organization.pk)


@route_policy(SIGNED_IN)
@require_POST
def member_remove(request: AuthedRequest, pk: int, member_id: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=OWNERS)
    member = get_object_or_404(OrganizationMember, pk=member_id, organization=organization)
    try:
        people_services.member_remove(actor=request.user, member=member)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The person was removed from the organization."))
    return redirect("organizations:people", organization.pk)


@route_policy(SIGNED_IN)
@require_POST
def leave(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk)
    member = OrganizationMember.objects.get(organization=organization, user=request.user)
    try:
        people_services.member_remove(actor=request.user, member=member)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("organizations:people", organization.pk)
    messages.success(request, _("You left the organization."))
    return redirect("organizations:mine")


@route_policy(SIGNED_IN)
@require_POST
def request_answer(request: AuthedRequest, pk: int, request_id: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=OWNERS)
    join_request = get_object_or_404(MembershipRequest, pk=request_id, organization=organization)
    form = RequestAnswerForm(request.POST)
    if form.is_valid():
        try:
            people_services.request_answer(
                actor=request.user,
                request=join_request,
                action=form.cleaned_data["action"],
                role=form.cleaned_data["role"],
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The request was answered."))
    else:
        flash_form_errors(request, form)
    return redirect("organizations:people", organization.pk)


@route_policy(SIGNED_IN)
@require_POST
def ask_to_join(request: AuthedRequest, pk: int) -> HttpResponse:
    """Ask the owners of an already registered organization to let you in."""
    organization = get_object_or_404(Organization, pk=pk)
    form = AskToJoinForm(request.POST)
    if form.is_valid():
        try:
            people_services.request_create(
                user=request.user, organization=organization, message=form.cleaned_data["message"]
            )
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Your request was sent to the organization's owners."))
    else:
        flash_form_errors(request, form)
    return redirect("organizations:mine")


@route_policy(SIGNED_IN)
@require_POST
def request_withdraw(request: AuthedRequest, request_id: int) -> HttpResponse:
    join_request = get_object_or_404(MembershipRequest, pk=request_id, user=request.user)
    try:
        people_services.request_answer(actor=request.user, request=join_request, action="withdraw")
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Your request was withdrawn."))
    return redirect("organizations:mine")


@route_policy(SIGNED_IN)
def accept_invitation(request: AuthedRequest, token: str) -> HttpResponse:
    invitation = people_services.invitation_for_token(token)
    if request.method == "POST":
        try:
            member = people_services.invitation_accept(user=request.user, token=token)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(
                request, _("Welcome to %(name)s.") % {"name": member.organization.name}
            )
            return redirect("organizations:manage", member.organization_id)
    return render(
        request,
        "organizations/member/invitation.html",
        {"invitation": invitation if invitation and invitation.is_open else None},
    )


@route_policy(SIGNED_IN)
def documents(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk)
    may_edit = role_in(request.user, organization) in EDITORS
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(_("Only the organization's owners and editors may change it."))
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                document_services.document_upload(
                    actor=request.user,
                    organization=organization,
                    kind=form.cleaned_data["kind"],
                    upload=upload,
                    filename=upload.name,
                )
            except ValidationError as exc:
                form.add_error("file", exc)
            else:
                messages.success(request, _("The document was uploaded."))
                return redirect("organizations:documents", organization.pk)
    return render(
        request,
        "organizations/member/documents.html",
        {
            "organization": organization,
            "documents": organization.documents.select_related("uploaded_by"),
            "form": form,
            "can_edit": may_edit,
        },
    )


@route_policy(SIGNED_IN)
def document_download(request: AuthedRequest, pk: int, document: int) -> FileResponse:
    """For the organization's people and the staff who review it; always an
    attachment, never shown inline."""
    target = get_object_or_404(
        OrganizationDocument.objects.select_related("organization"), pk=document, organization_id=pk
    )
    if not can_view_private(request.user, target.organization):
        raise Http404
    handle = document_services.document_open(user=request.user, document=target)
    extension = {
        "application/pdf": ".pdf",
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
    }
    filename = f"{target.kind}-{target.pk}{extension.get(target.content_type, '')}"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=target.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@route_policy(SIGNED_IN)
@require_POST
def document_delete(request: AuthedRequest, pk: int, document: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=EDITORS)
    target = get_object_or_404(OrganizationDocument, pk=document, organization=organization)
    try:
        document_services.document_delete(actor=request.user, document=target)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The document was deleted."))
    return redirect("organizations:documents", organization.pk)


@route_policy(SIGNED_IN)
def application(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk)
    may_edit = role_in(request.user, organization) in EDITORS
    current = selectors.open_application(organization)
    blocked: list[RuleResult] = []
    note_form = ApplicationNoteForm(initial={"note": current.note if current else ""})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(_("Only the organization's owners and editors may change it."))
        action = request.POST.get("action", "")
        if action in ("save", "submit"):
            note_form = ApplicationNoteForm(request.POST)
        try:
            if action == "start":
                joining.application_start(actor=request.user, organization=organization)
                messages.success(request, _("A draft application was opened."))
            elif action in ("save", "submit") and current is not None:
                if not note_form.is_valid():
                    raise ValidationError(_("The note is too long."))
                joining.application_update_note(
                    actor=request.user, application=current, note=note_form.cleaned_data["note"]
                )
                if action == "submit":
                    joining.application_submit(actor=request.user, application=current)
                    messages.success(request, _("The application was submitted to the ministries."))
                else:
                    messages.success(request, _("The note was saved."))
            else:
                raise ValidationError(_("Nothing to do."))
        except joining.SubmissionBlocked as exc:
            blocked = exc.outcome.failures
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        if not blocked:
            return redirect("organizations:application", organization.pk)
        current = selectors.open_application(organization)
    preview: list[RuleResult] = []
    criteria = selectors.criteria_in_force()
    if current is not None and current.status in (
        ApplicationStatus.DRAFT,
        ApplicationStatus.CHANGES_REQUESTED,
    ):
        criteria, outcome = joining.application_check(current)
        preview = outcome.results
    stored = [RuleResult.from_dict(result) for result in current.check_results] if current else []
    history = organization.joining_applications.select_related("criteria")
    if current is not None:
        history = history.exclude(pk=current.pk)
    return render(
        request,
        "organizations/member/application.html",
        {
            "organization": organization,
            "application": current,
            "label": APPLICATION_WORKFLOW.label(current.status, public=True) if current else "",
            "can_edit": may_edit,
            "criteria": criteria,
            "preview": preview,
            "stored": stored,
            "blocked": blocked,
            "note_form": note_form,
            "history": history,
            "is_member": selectors.has_current_membership(organization.pk),
        },
    )


@route_policy(SIGNED_IN)
@require_POST
def renew(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk, roles=EDITORS)
    membership = selectors.membership_of(organization)
    if membership is None:
        raise Http404
    try:
        membership = membership_services.membership_renew(actor=request.user, membership=membership)
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The membership was renewed."))
    return redirect("organizations:manage", organization.pk)


@route_policy(SIGNED_IN)
def licensing(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = member_organization(request, pk)
    may_edit = role_in(request.user, organization) in EDITORS
    file = (
        LicensingFile.objects.filter(organization=organization)
        .select_related("assigned_to")
        .first()
    )
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(_("Only the organization's owners and editors may change it."))
        action = request.POST.get("action", "")
        try:
            if action == "open":
                licensing_services.licensing_open(actor=request.user, organization=organization)
                messages.success(request, _("The licensing track has started."))
            elif file is None:
                raise ValidationError(_("Start the licensing track first."))
            elif action == "step":
                form = StepForm(request.POST, organization=organization)
                if not form.is_valid():
                    raise ValidationError(
                        _("Choose the step, and a document of the organization as evidence.")
                    )
                licensing_services.licensing_mark_step(
                    actor=request.user,
                    file=file,
                    step=form.cleaned_data["step"],
                    done=form.cleaned_data["done"],
                    evidence=form.cleaned_data["evidence"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("The step was saved."))
            elif action == "submit":
                licensing_services.licensing_submit(actor=request.user, file=file)
                messages.success(
                    request,
                    _("The file was submitted to the Ministry of Social Affairs and Labour."),
                )
            elif action == "resume":
                licensing_services.licensing_resume(actor=request.user, file=file)
                messages.success(request, _("You can prepare the file again."))
            else:
                raise ValidationError(_("Nothing to do."))
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        return redirect("organizations:licensing", organization.pk)
    steps = selectors.licensing_progress(file) if file else []
    return render(
        request,
        "organizations/member/licensing.html",
        {
            "organization": organization,
            "file": file,
            "label": LICENSING_WORKFLOW.label(file.status, public=True) if file else "",
            "steps": steps,
            "steps_left": selectors.licensing_steps_left(file) if file else [],
            "can_edit": may_edit,
            "documents": organization.documents.all(),
            "applies": organization.legal_status
            in (LegalStatus.UNLICENSED, LegalStatus.LICENSE_IN_PROGRESS)
            or file is not None,
        },
    )
