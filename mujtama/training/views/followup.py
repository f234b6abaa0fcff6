"""The follow-up survey, opened from the link in an SMS or email: no sign-in; the
token in the link is the only key, and it works once."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from mujtama.core.policies import PUBLIC, route_policy
from mujtama.training.forms import FollowUpForm
from mujtama.training.services.followups import LinkRefused, followup_answer, followup_by_token


@route_policy(PUBLIC)
@never_cache
def answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        followup = followup_by_token(token)
    except LinkRefused as refused:
        return render(
            request,
            "training/followup.html",
            {"refused": refused.message},
            status=refused.status,
        )
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            followup_answer(token=token, **form.cleaned_data)
        except LinkRefused as refused:
            return render(
                request, "training/followup.html", {"refused": refused.message}, status=410
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return render(request, "training/followup.html", {"thanks": True})
    return render(
        request,
        "training/followup.html",
        {"form": form, "followup": followup, "course": followup.enrollment.cohort.course},
        status=400 if form.errors else 200,
    )
