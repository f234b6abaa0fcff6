"""What citizens see: the feedback form (no account, works without JavaScript), the
tracking page with the replies and the "was it solved?" question, and the public
figures per service. Contact details are never shown on any of these pages."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.core.flash import flash_refusal
from mujtama.core.ip import client_ip, hash_ip
from mujtama.core.policies import PUBLIC, route_policy
from mujtama.core.ratelimit import hit, too_many
from mujtama.feedback import codes, selectors
from mujtama.feedback.forms import CitizenAnswerForm, SolvedForm, TrackForm, WebFeedbackForm
from mujtama.feedback.models import DigitalService, Feedback, FeedbackChannel
from mujtama.feedback.public_cache import FEEDBACK
from mujtama.feedback.services.intake import feedback_submit
from mujtama.feedback.services.triage import citizen_answer, citizen_solved
from mujtama.feedback.workflows import FEEDBACK_WORKFLOW


def client_hash(request: HttpRequest) -> str:
    return hash_ip(client_ip(request))


def submissions_allowed(request: HttpRequest) -> bool:
    """Count one anonymous submission of this client (web and API share the count)."""
    return hit(
        "feedback",
        client_hash(request),
        limit=settings.FEEDBACK_RATE_LIMIT,
        window=settings.FEEDBACK_RATE_WINDOW,
    )


RATE_MESSAGE = gettext_lazy(
    "You have sent a lot of feedback in a short time. Please wait an hour and try again."
)


@route_policy(PUBLIC)
def give(request: HttpRequest) -> HttpResponse:
    """The feedback form. A refused field keeps everything typed (the screenshot
    must be chosen again: browsers never re-send a file)."""
    min_seconds = settings.FEEDBACK_MIN_FILL_SECONDS
    if request.method != "POST":
        initial = {}
        if request.GET.get("service", "").isdigit():
            initial["service"] = request.GET["service"]
        form = WebFeedbackForm(initial=initial, min_seconds=min_seconds)
        return render(request, "feedback/public/give.html", {"form": form})
    form = WebFeedbackForm(request.POST, request.FILES, min_seconds=min_seconds)
    if form.is_script():
        form.add_error(None, _("The form could not be sent. Please try again."))
        return render(request, "feedback/public/give.html", {"form": form}, status=400)
    if not form.is_valid():
        return render(request, "feedback/public/give.html", {"form": form}, status=400)
    if form.too_fast():
        form.add_error(
            None,
            _(
                "That was very quick. Please check what you wrote and send it again; "
                "nothing was lost."
            ),
        )
        return render(request, "feedback/public/give.html", {"form": form}, status=400)
    if not submissions_allowed(request):
        return too_many(request, str(RATE_MESSAGE))
    data = form.cleaned_data
    feedback = feedback_submit(
        channel=FeedbackChannel.WEB,
        service=data["service"],
        text=data["text"],
        rating=data["rating"],
        governorate=data["governorate"],
        screenshot=data.get("screenshot"),
        contact=data["contact"],
        consent_contact=data["consent_contact"],
        language=get_language() or "ar",
        client_hash=client_hash(request),
    )
    request.session["feedback_new"] = feedback.tracking_code
    return redirect("feedback:track", code=feedback.tracking_code)


def _found(request: HttpRequest, typed: str) -> Feedback | None:
    """The item of a typed code, or None. Lookups that find nothing are counted per
    client, so codes cannot be tried one after another."""
    code = codes.normalize(typed)
    feedback = (
        Feedback.objects.select_related("service", "service__ministry", "merged_into")
        .filter(tracking_code=code)
        .first()
        if code
        else None
    )
    return feedback


def _lookup_allowed(request: HttpRequest) -> bool:
    return hit(
        "feedback-lookup",
        client_hash(request),
        limit=settings.FEEDBACK_LOOKUP_LIMIT,
        window=3600,
    )


LOOKUP_MESSAGE = gettext_lazy(
    "Too many tracking codes were tried from here. Please wait an hour and try again."
)


@route_policy(PUBLIC)
def track_lookup(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = codes.normalize(form.cleaned_data["code"])
        if code and Feedback.objects.filter(tracking_code=code).exists():
            return redirect("feedback:track", code=code)
        if not _lookup_allowed(request):
            return too_many(request, str(LOOKUP_MESSAGE))
        form.add_error(
            "code",
            _("No feedback has this tracking code. Check it and try again (9 letters and digits)."),
        )
    return render(request, "feedback/public/track_lookup.html", {"form": form})


def _track_context(request: HttpRequest, feedback: Feedback, **forms: Any) -> dict[str, Any]:
    return {
        "feedback": feedback,
        "code": codes.display(feedback.tracking_code),
        "state": FEEDBACK_WORKFLOW.label(feedback.status, public=True),
        "replies": list(feedback.replies.all()),
        # The thanks and the code in large type, once, right after sending.
        "is_new": request.session.pop("feedback_new", None) == feedback.tracking_code,
        "answer_form": forms.get("answer_form") or CitizenAnswerForm(),
        "solved_form": forms.get("solved_form") or SolvedForm(),
    }


@route_policy(PUBLIC)
def track(request: HttpRequest, code: str) -> HttpResponse:
    feedback = _found(request, code)
    if feedback is None:
        if not _lookup_allowed(request):
            return too_many(request, str(LOOKUP_MESSAGE))
        raise Http404
    if feedback.tracking_code != code:
        return redirect("feedback:track", code=feedback.tracking_code)
    response = render(request, "feedback/public/track.html", _track_context(request, feedback))
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _refused_on_track(
    request: HttpRequest, feedback: Feedback, exc: Exception, **forms: Any
) -> HttpResponse:
    if isinstance(exc, (ValidationError, PermissionDenied)):
        flash_refusal(request, exc)
    context = _track_context(request, feedback, **forms)
    return render(request, "feedback/public/track.html", context, status=400)


@route_policy(PUBLIC)
@require_POST
def track_answer(request: HttpRequest, code: str) -> HttpResponse:
    feedback = _found(request, code)
    if feedback is None:
        raise Http404
    form = CitizenAnswerForm(request.POST)
    if not form.is_valid():
        return _refused_on_track(request, feedback, ValueError(), answer_form=form)
    try:
        citizen_answer(
            feedback=feedback, code=feedback.tracking_code, text=form.cleaned_data["text"]
        )
    except (ValidationError, PermissionDenied) as exc:
        return _refused_on_track(request, feedback, exc, answer_form=form)
    messages.success(request, _("Thank you: your answer was sent to the officer."))
    return redirect("feedback:track", code=feedback.tracking_code)


@route_policy(PUBLIC)
@require_POST
def track_solved(request: HttpRequest, code: str) -> HttpResponse:
    feedback = _found(request, code)
    if feedback is None:
        raise Http404
    form = SolvedForm(request.POST)
    if not form.is_valid():
        return _refused_on_track(request, feedback, ValueError(), solved_form=form)
    solved = form.cleaned_data["solved"] == "yes"
    try:
        citizen_solved(
            feedback=feedback,
            code=feedback.tracking_code,
            solved=solved,
            comment=form.cleaned_data["comment"],
        )
    except (ValidationError, PermissionDenied) as exc:
        return _refused_on_track(request, feedback, exc, solved_form=form)
    if solved:
        messages.success(request, _("Thank you. We are glad it was solved; the item is closed."))
    else:
        messages.success(request, _("Thank you for telling us. The item is open again."))
    return redirect("feedback:track", code=feedback.tracking_code)


@route_policy(PUBLIC)
def services(request: HttpRequest) -> HttpResponse:
    language = get_language() or "ar"
    figures = FEEDBACK.cached(f"services:{language}", lambda: selectors.services_figures())
    return render(request, "feedback/public/services.html", {"figures": figures})


@route_policy(PUBLIC)
def service(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(
        DigitalService.objects.select_related("ministry"),
        pk=pk,
        is_active=True,
        ministry__is_active=True,
    )
    language = get_language() or "ar"
    figures = FEEDBACK.cached(
        f"service:{pk}:{language}", lambda: selectors.service_figures(service)
    )
    return render(request, "feedback/public/service.html", {"figures": figures})
