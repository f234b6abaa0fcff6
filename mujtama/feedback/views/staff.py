"""Officers: the triage queue of their desks' ministries, each item (actions, replies,
classification, routing, merging), the needs; MoCT officers: the catalogue.

Items of a ministry whose desk the officer does not serve do not exist for them
(404); the services check every action again."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.roles import StaffRole
from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_form_errors, flash_refusal
from mujtama.core.models import AuditEvent
from mujtama.core.policies import route_policy, staff
from mujtama.core.services import audit_record
from mujtama.feedback import codes, selectors
from mujtama.feedback.catalogue_forms import DeskForm, MinistryForm, ServiceForm, ServiceLevelForm
from mujtama.feedback.forms import (
    ClassifyForm,
    MergeForm,
    NeedMergeForm,
    NeedSplitForm,
    ReplyForm,
    RouteForm,
)
from mujtama.feedback.models import (
    OPEN_STATUSES,
    ClassifierVersion,
    DigitalService,
    Feedback,
    FeedbackDesk,
    FeedbackStatus,
    Kind,
    Ministry,
    ServiceLevel,
)
from mujtama.feedback.permissions import desk_ministries, manages_catalogue
from mujtama.feedback.redaction import redact
from mujtama.feedback.services import catalogue, needs, triage
from mujtama.feedback.workflows import FEEDBACK_WORKFLOW

OFFICERS = staff(StaffRole.MOCT_OFFICER, StaffRole.FEEDBACK_OFFICER)
CATALOGUE = staff(StaffRole.MOCT_OFFICER, StaffRole.PLATFORM_ADMIN)
PAGE_SIZE = 50


def _page(
    request: AuthedRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    context["can_keep_catalogue"] = manages_catalogue(request.user)
    return render(request, template, context, status=status)


EXAMPLES = 5


# --- the queue -----------------------------------------------------------------------------------


@route_policy(OFFICERS)
def queue(request: AuthedRequest) -> HttpResponse:
    query = request.GET
    status = query.get("status", "open")
    if status not in ("open", "", *FeedbackStatus.values):
        status = "open"
    kind = query.get("kind", "")
    service = query.get("service", "")
    items = selectors.queue(
        request.user,
        status=status,
        service=int(service) if service.isdigit() else None,
        kind=kind if kind in Kind.values else "",
        overdue=query.get("overdue") == "1",
        manual=query.get("manual") == "1",
        unrouted=query.get("unrouted") == "1",
    )
    page = Paginator(items, PAGE_SIZE).get_page(query.get("page"))
    ministries = desk_ministries(request.user)
    return _page(
        request,
        "feedback/staff/queue.html",
        {
            "page": page,
            "now": timezone.now(),
            "has_desk": bool(ministries),
            "status": status,
            "kind": kind,
            "service": service,
            "statuses": [(key, FEEDBACK_WORKFLOW.label(key)) for key in FEEDBACK_WORKFLOW.states],
            "kinds": Kind.choices,
            "services": DigitalService.objects.filter(ministry_id__in=ministries).order_by(
                "name_ar"
            ),
            "flags": {
                "overdue": query.get("overdue") == "1",
                "manual": query.get("manual") == "1",
                "unrouted": query.get("unrouted") == "1",
            },
        },
    )


# --- one item ------------------------------------------------------------------------------------


def _item_context(request: AuthedRequest, item: Feedback, **forms: Any) -> dict[str, Any]:
    actions = [
        (action, step)
        for action, step in FEEDBACK_WORKFLOW.actions_for(item, request.user)
        if action in triage.OFFICER_ACTIONS
    ]
    can_merge = any(
        action == "merge" for action, _step in FEEDBACK_WORKFLOW.actions_for(item, request.user)
    )
    events = AuditEvent.objects.filter(
        object_type="feedback.feedback", object_id=str(item.pk)
    ).select_related("actor")
    return {
        "item": item,
        "code": codes.display(item.tracking_code),
        "state": FEEDBACK_WORKFLOW.label(item.status),
        "actions": actions,
        "can_merge": can_merge,
        "replies": list(item.replies.select_related("author")),
        "events": list(events),
        "now": timezone.now(),
        "can_reply": item.status not in ("merged", "rejected"),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "classify_form": forms.get("classify_form")
        or ClassifyForm(initial={"kind": item.kind, "sentiment": item.sentiment}),
        "route_form": forms.get("route_form") or RouteForm(),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "reason": forms.get("reason", ""),
        "failed_action": forms.get("failed_action", ""),
    }


@route_policy(OFFICERS)
def item(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = selectors.officer_item(request.user, pk)
    return render(request, "feedback/staff/item.html", _item_context(request, feedback))


def _again(request: AuthedRequest, feedback: Feedback, exc: Any, **forms: Any) -> HttpResponse:
    if exc is not None:
        flash_refusal(request, exc)
    return render(
        request, "feedback/staff/item.html", _item_context(request, feedback, **forms), status=400
    )


@route_policy(OFFICERS)
@require_POST
def item_act(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = selectors.officer_item(request.user, pk)
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "")
    try:
        triage.feedback_act(feedback=feedback, action=action, actor=request.user, reason=reason)
    except (ValidationError, PermissionDenied) as exc:
        return _again(request, feedback, exc, reason=reason, failed_action=action)
    moved = Feedback.objects.only("status").get(pk=pk)
    messages.success(
        request,
        _("Done: the item is now “%(state)s”.") % {"state": FEEDBACK_WORKFLOW.label(moved.status)},
    )
    return redirect("feedback_staff:item", pk=pk)


@route_policy(OFFICERS)
@require_POST
def item_reply(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = selectors.officer_item(request.user, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _again(request, feedback, None, reply_form=form)
    try:
        triage.reply_send(feedback=feedback, actor=request.user, text=form.cleaned_data["text"])
    except (ValidationError, PermissionDenied) as exc:
        return _again(request, feedback, exc, reply_form=form)
    if feedback.consent_contact:
        messages.success(
            request, _("The reply is on the tracking page and on its way to the citizen.")
        )
    else:
        messages.success(
            request, _("The reply is on the tracking page (the citizen left no contact).")
        )
    return redirect("feedback_staff:item", pk=pk)


@route_policy(OFFICERS)
@require_POST
def item_classify(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = selectors.officer_item(request.user, pk)
    form = ClassifyForm(request.POST)
    if not form.is_valid():
        return _again(request, feedback, None, classify_form=form)
    try:
        triage.feedback_classify(
            feedback=feedback,
            actor=request.user,
            kind=form.cleaned_data["kind"],
            sentiment=form.cleaned_data["sentiment"],
        )
    except (ValidationError, PermissionDenied) as exc:
        return _again(request, feedback, exc, classify_form=form)
    messages.success(request, _("Saved. The classifier will learn from it when it is retrained."))
    return redirect("feedback_staff:item", pk=pk)


@route_policy(OFFICERS)
@require_POST
def item_route(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = selectors.officer_item(request.user, pk)
    form = RouteForm(request.POST)
    if not form.is_valid():
        return _again(request, feedback, None, route_form=form)
    try:
        triage.feedback_route(
            feedback=feedback, actor=request.user, service=form.cleaned_data["service"]
        )
    except (ValidationError, PermissionDenied) as exc:
        return _again(request, feedback, exc, route_form=form)
    messages.success(request, _("The feedback now belongs to its service's ministry."))
    if feedback.pk in selectors.officer_items(request.user).values_list("pk", flat=True):
        return redirect("feedback_staff:item", pk=pk)
    return redirect("feedback_staff:queue")


@route_policy(OFFICERS)
@require_POST
def item_merge(request: AuthedRequest, pk: int) -> HttpResponse:
    feedback = selectors.officer_item(request.user, pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _again(request, feedback, None, merge_form=form)
    code = codes.normalize(form.cleaned_data["into"])
    into = (
        selectors.officer_items(request.user).filter(tracking_code=code).first() if code else None
    )
    if into is None:
        form.add_error("into", _("None of the feedback you answer has this tracking code."))
        return _again(request, feedback, None, merge_form=form)
    try:
        triage.feedback_merge(feedback=feedback, into=into, actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        return _again(request, feedback, exc, merge_form=form)
    messages.success(
        request, _("Merged into %(code)s.") % {"code": codes.display(into.tracking_code)}
    )
    return redirect("feedback_staff:item", pk=into.pk)


@route_policy(OFFICERS)
def item_screenshot(request: AuthedRequest, pk: int) -> FileResponse:
    """The screenshot, as an attachment only (never shown inline); each view audited,
    since a screenshot may show personal data."""
    feedback = selectors.officer_item(request.user, pk)
    if not feedback.screenshot:
        raise Http404
    audit_record(actor=request.user, verb="feedback.screenshot_viewed", target=feedback)
    response = FileResponse(
        feedback.screenshot.open("rb"),
        as_attachment=True,
        filename=f"{feedback.tracking_code}.jpg",
        content_type="image/jpeg",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- needs ---------------------------------------------------------------------------------------


@route_policy(OFFICERS)
def needs_list(request: AuthedRequest) -> HttpResponse:
    page = Paginator(selectors.officer_needs(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return _page(request, "feedback/staff/needs.html", {"page": page})


def _need_context(request: AuthedRequest, need: Any, **forms: Any) -> dict[str, Any]:
    items = list(
        need.items.exclude(status__in=selectors.NOT_COUNTED)
        .select_related("governorate")
        .order_by("-received_at", "-pk")[:200]
    )
    return {
        "need": need,
        "items": items,
        "examples": [redact(item.text) for item in items[:EXAMPLES]],
        "spread": selectors.need_spread(need),
        "merge_form": forms.get("merge_form") or NeedMergeForm(need=need),
        "split_form": forms.get("split_form") or NeedSplitForm(need=need),
    }


@route_policy(OFFICERS)
def need(request: AuthedRequest, pk: int) -> HttpResponse:
    found = selectors.officer_need(request.user, pk)
    return render(request, "feedback/staff/need.html", _need_context(request, found))


@route_policy(OFFICERS)
@require_POST
def need_merge(request: AuthedRequest, pk: int) -> HttpResponse:
    found = selectors.officer_need(request.user, pk)
    form = NeedMergeForm(request.POST, need=found)
    if form.is_valid():
        try:
            target = needs.need_merge(
                source=found, target=form.cleaned_data["into"], actor=request.user
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The needs are merged."))
            return redirect("feedback_staff:need", pk=target.pk)
    context = _need_context(request, found, merge_form=form)
    return render(request, "feedback/staff/need.html", context, status=400)


@route_policy(OFFICERS)
@require_POST
def need_split(request: AuthedRequest, pk: int) -> HttpResponse:
    found = selectors.officer_need(request.user, pk)
    form = NeedSplitForm(request.POST, need=found)
    if form.is_valid():
        try:
            new = needs.need_split(
                need=found,
                items=list(form.cleaned_data["items"]),
                actor=request.user,
                title=form.cleaned_data["title"],
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The items chosen make a new need."))
            return redirect("feedback_staff:need", pk=new.pk)
    context = _need_context(request, found, split_form=form)
    return render(request, "feedback/staff/need.html", context, status=400)


@route_policy(OFFICERS)
@require_POST
def need_rename(request: AuthedRequest, pk: int) -> HttpResponse:
    found = selectors.officer_need(request.user, pk)
    needs.need_rename(need=found, actor=request.user, title=request.POST.get("title", ""))
    messages.success(request, _("The title is saved."))
    return redirect("feedback_staff:need", pk=pk)


# --- the catalogue -------------------------------------------------------------------------------


@route_policy(CATALOGUE)
def catalogue_home(request: AuthedRequest) -> HttpResponse:
    ministries = Ministry.objects.prefetch_related(
        Prefetch("services", queryset=DigitalService.objects.order_by("short_code")),
        Prefetch("desks", queryset=FeedbackDesk.objects.select_related("user")),
    ).select_related("service_level")
    return _page(
        request,
        "feedback/staff/catalogue.html",
        {
            "ministries": ministries,
            "desk_form": DeskForm(),
            "versions": ClassifierVersion.objects.defer("payload")[:5],
            "open_statuses": OPEN_STATUSES,
        },
    )


@route_policy(CATALOGUE)
def ministry_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    ministry = get_object_or_404(Ministry, pk=pk) if pk else None
    level = ServiceLevel.objects.filter(ministry=ministry).first() if ministry else None
    form = MinistryForm(request.POST or None, instance=ministry)
    level_form = ServiceLevelForm(request.POST or None, instance=level or ServiceLevel())
    if request.method == "POST" and form.is_valid() and level_form.is_valid():
        try:
            saved = catalogue.catalogue_save(
                obj=form.save(commit=False), actor=request.user, changed=form.changed_data
            )
            catalogue.service_level_set(
                ministry=saved,  # type: ignore[arg-type]
                actor=request.user,
                first_response_hours=level_form.cleaned_data["first_response_hours"],
                resolution_hours=level_form.cleaned_data["resolution_hours"],
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The ministry is saved."))
            return redirect("feedback_staff:catalogue")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "feedback/staff/ministry_form.html",
        {"form": form, "level_form": level_form, "ministry": ministry},
        status=status,
    )


@route_policy(CATALOGUE)
def service_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    service = get_object_or_404(DigitalService, pk=pk) if pk else None
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.catalogue_save(
                obj=form.save(commit=False), actor=request.user, changed=form.changed_data
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The service is saved."))
            return redirect("feedback_staff:catalogue")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "feedback/staff/service_form.html",
        {"form": form, "service": service},
        status=status,
    )


@route_policy(CATALOGUE)
@require_POST
def desk_add(request: AuthedRequest) -> HttpResponse:
    form = DeskForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("feedback_staff:catalogue")
    try:
        catalogue.desk_add(
            user=form.cleaned_data["email"],
            ministry=form.cleaned_data["ministry"],
            actor=request.user,
        )
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The officer now answers this ministry's feedback."))
    return redirect("feedback_staff:catalogue")


@route_policy(CATALOGUE)
@require_POST
def desk_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    desk = get_object_or_404(FeedbackDesk, pk=pk)
    catalogue.desk_remove(desk=desk, actor=request.user)
    messages.success(request, _("The desk is taken away."))
    return redirect("feedback_staff:catalogue")
