"""The provider's courses and cohorts: selection, attendance, completion.

Every route is for signed-in people; each view checks the person's role in the
course's provider: outsiders get 404; viewers see but may not act (403)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_act, flash_refusal
from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.core.verification import document_revoke
from mujtama.initiatives.forms import ImportForm
from mujtama.organizations.models import MemberRole
from mujtama.organizations.permissions import role_in
from mujtama.organizations.views.member import member_organization
from mujtama.training.forms import AttendanceDayForm, CohortForm, CourseForm
from mujtama.training.models import (
    Attendance,
    Certificate,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
)
from mujtama.training.services import attendance as attendance_services
from mujtama.training.services import courses as course_services
from mujtama.training.services import enrollments as enrollment_services
from mujtama.training.workflows import COHORT_WORKFLOW, ENROLLMENT_WORKFLOW

EDITORS = {MemberRole.OWNER, MemberRole.EDITOR}


def _organization(request: AuthedRequest, pk: int, *, edit: bool = False) -> Any:
    return member_organization(request, pk, roles=EDITORS if edit else None)


def _cohort(request: AuthedRequest, pk: int, *, edit: bool = False) -> Cohort:
    cohort = get_object_or_404(
        Cohort.objects.select_related("course__provider", "governorate", "locality"), pk=pk
    )
    _organization(request, cohort.course.provider_id, edit=edit)
    return cohort


@route_policy(SIGNED_IN)
def courses(request: AuthedRequest, org: int) -> HttpResponse:
    organization = _organization(request, org)
    rows = (
        Course.objects.filter(provider=organization)
        .select_related("co_provider")
        .prefetch_related("cohorts")
        .order_by("title_ar")
    )
    return render(
        request,
        "training/provider/courses.html",
        {
            "organization": organization,
            "courses": rows,
            "can_edit": role_in(request.user, organization) in EDITORS,
        },
    )


@route_policy(SIGNED_IN)
def course_new(request: AuthedRequest, org: int) -> HttpResponse:
    organization = _organization(request, org, edit=True)
    form = CourseForm(request.POST or None, provider=organization)
    if request.method == "POST" and form.is_valid():
        try:
            course_services.course_create(
                actor=request.user, provider=organization, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The course is created. Add its first cohort."))
            return redirect("training:courses", organization.pk)
    return render(
        request, "training/provider/course_form.html", {"organization": organization, "form": form}
    )


@route_policy(SIGNED_IN)
def cohort_new(request: AuthedRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.select_related("provider"), pk=pk)
    organization = _organization(request, course.provider_id, edit=True)
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            cohort = course_services.cohort_create(
                actor=request.user,
                course=course,
                eligible_governorates=list(data.pop("eligible_governorates")),
                **data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The cohort is saved as a draft. Publish it to open it."))
            return redirect("training:cohort", cohort.pk)
    return render(
        request,
        "training/provider/cohort_form.html",
        {"organization": organization, "course": course, "form": form},
    )


@route_policy(SIGNED_IN)
def cohort(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _cohort(request, pk)
    can_edit = role_in(request.user, item.course.provider_id) in EDITORS
    enrollments = list(
        item.enrollments.select_related("applicant", "certificate__document", "governorate")
        .annotate(
            attended=Count("attendance", filter=Q(attendance__present=True)),
        )
        .order_by("rank", "-score", "created_at", "pk")
    )
    held = item.sessions.count()
    counts: dict[str, int] = {}
    for enrollment in enrollments:
        counts[enrollment.status] = counts.get(enrollment.status, 0) + 1
    return render(
        request,
        "training/provider/cohort.html",
        {
            "organization": item.course.provider,
            "cohort": item,
            "enrollments": enrollments,
            "held": held,
            "counts": [
                (ENROLLMENT_WORKFLOW.label(status), number)
                for status, number in sorted(counts.items())
            ],
            "actions": [
                (action, step)
                for action, step in COHORT_WORKFLOW.actions_for(item, request.user)
                if action != "finish"
            ],
            "status_label": COHORT_WORKFLOW.label(item.status),
            "can_edit": can_edit,
            "is_owner": role_in(request.user, item.course.provider_id) == MemberRole.OWNER,
            "enrollment_workflow": ENROLLMENT_WORKFLOW,
            "import_form": ImportForm(),
        },
    )


@route_policy(SIGNED_IN)
@require_POST
def cohort_move(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _cohort(request, pk, edit=True)
    flash_act(
        request,
        lambda action, reason: course_services.cohort_move(
            actor=request.user, cohort=item, action=action, reason=reason
        ),
    )
    return redirect("training:cohort", item.pk)


@route_policy(SIGNED_IN)
@require_POST
def cohort_select(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _cohort(request, pk, edit=True)
    try:
        selection = enrollment_services.cohort_select(actor=request.user, cohort=item)
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(
            request,
            _("%(offered)s places offered; %(waiting)s on the waiting list.")
            % {"offered": len(selection.selected), "waiting": len(selection.waiting)},
        )
    return redirect("training:cohort", item.pk)


@route_policy(SIGNED_IN)
@require_POST
def enrollment_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment.objects.select_related("cohort__course"), pk=pk)
    _cohort(request, enrollment.cohort_id, edit=True)
    flash_act(
        request,
        lambda action, reason: enrollment_services.enrollment_move(
            actor=request.user, enrollment=enrollment, action=action, reason=reason
        ),
    )
    return redirect("training:cohort", enrollment.cohort_id)


@route_policy(SIGNED_IN)
@require_POST
def assessment(request: AuthedRequest, pk: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment.objects.select_related("cohort__course"), pk=pk)
    _cohort(request, enrollment.cohort_id, edit=True)
    flash_act(
        request,
        lambda action, reason: attendance_services.assessment_record(
            actor=request.user, enrollment=enrollment, passed=action == "passed"
        ),
    )
    return redirect("training:cohort", enrollment.cohort_id)


@route_policy(SIGNED_IN)
def attendance(request: AuthedRequest, pk: int) -> HttpResponse:
    """The quick list for one day, made for a phone: everyone enrolled, a box each."""
    item = _cohort(request, pk, edit=True)
    day = AttendanceDayForm(
        request.POST or None, initial={"held_on": min(timezone.localdate(), item.ends_on)}
    )
    enrolled = list(
        item.enrollments.filter(status=EnrollmentStatus.ENROLLED)
        .select_related("applicant")
        .order_by("applicant__full_name")
    )
    if request.method == "POST" and day.is_valid():
        present = {int(pk) for pk in request.POST.getlist("present") if pk.isdigit()}
        try:
            session = attendance_services.session_for(
                actor=request.user,
                cohort=item,
                held_on=day.cleaned_data["held_on"],
                topic=day.cleaned_data["topic"],
            )
            attendance_services.attendance_record(
                actor=request.user,
                session=session,
                present={e.pk: e.pk in present for e in enrolled},
            )
        except ValidationError as exc:
            day.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Attendance of %(day)s saved: %(present)s of %(enrolled)s present.")
                % {
                    "day": session.held_on,
                    "present": len(present & {e.pk for e in enrolled}),
                    "enrolled": len(enrolled),
                },
            )
            return redirect("training:cohort", item.pk)
    marked: set[int] = set()
    chosen = day.data.get("held_on") if day.is_bound else day.initial.get("held_on")
    if chosen:
        marked = set(
            Attendance.objects.filter(
                session__cohort=item, session__held_on=chosen, present=True
            ).values_list("enrollment_id", flat=True)
        )
    if request.method == "POST":
        marked = {int(pk) for pk in request.POST.getlist("present") if pk.isdigit()}
    return render(
        request,
        "training/provider/attendance.html",
        {
            "organization": item.course.provider,
            "cohort": item,
            "form": day,
            "enrolled": enrolled,
            "marked": marked,
        },
        status=400 if request.method == "POST" else 200,
    )


@route_policy(SIGNED_IN)
def attendance_import(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _cohort(request, pk, edit=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[Any] = []
    checked = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            marks, errors = attendance_services.attendance_import(
                actor=request.user,
                cohort=item,
                upload=upload,
                filename=upload.name,
                dry_run=request.POST.get("mode") != "import",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if not errors and request.POST.get("mode") == "import":
                messages.success(request, _("Imported: %(rows)s rows.") % {"rows": marks})
                return redirect("training:cohort", item.pk)
            checked = not errors
    return render(
        request,
        "training/provider/attendance_import.html",
        {
            "organization": item.course.provider,
            "cohort": item,
            "form": form,
            "errors": errors,
            "checked": checked,
        },
        status=400 if errors else 200,
    )


@route_policy(SIGNED_IN)
@require_POST
def cohort_finish(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _cohort(request, pk, edit=True)
    try:
        counts = attendance_services.cohort_finish(actor=request.user, cohort=item)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(
            request,
            _("The cohort is finished: %(completed)s completed, %(dropped)s did not.") % counts,
        )
    return redirect("training:cohort", item.pk)


@route_policy(SIGNED_IN)
@require_POST
def certificate_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    certificate = get_object_or_404(
        Certificate.objects.select_related("document", "enrollment__cohort__course"), pk=pk
    )
    cohort_id = certificate.enrollment.cohort_id
    _cohort(request, cohort_id, edit=True)
    flash_act(
        request,
        lambda action, reason: document_revoke(
            actor=request.user, document=certificate.document, reason=reason
        ),
    )
    return redirect("training:cohort", cohort_id)
