"""Public pages of training: the course catalogue, a course with its cohorts, and
the providers with their results.

Open to everyone, GET only, complete without JavaScript. What the public may see is
decided in ``selectors``; lists read a fixed number of queries whatever the number of
rows. Who may apply and how places are given are said in plain language, from the
cohort's own fields, so that an applicant knows the rules before applying."""

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language_bidi, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from mujtama.core.policies import PUBLIC, route_policy
from mujtama.geo.models import Governorate
from mujtama.training import selectors
from mujtama.training.models import Cohort, Level, Mode
from mujtama.training.workflows import COHORT_WORKFLOW

PAGE_SIZE = 25


def _governorate_choices() -> list[tuple[str, str]]:
    return [(g.pcode, g.name) for g in Governorate.objects.order_by("pcode")]


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters. A value that is not a valid choice is dropped (see
    ``_bound``), so an old or edited link still shows a page."""

    governorate = forms.ChoiceField(label=gettext_lazy("Governorate"), required=False)
    level = forms.ChoiceField(label=gettext_lazy("Level"), required=False)
    mode = forms.ChoiceField(label=gettext_lazy("How it is taught"), required=False)
    open = forms.BooleanField(
        label=gettext_lazy("Only those taking applications now"), required=False
    )

    def __init__(self, *args: Any, governorates: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("governorate", gettext_lazy("All governorates"), governorates)
        self._choices("level", gettext_lazy("Any level"), Level.choices)
        self._choices("mode", gettext_lazy("Any way"), Mode.choices)

    def _choices(self, name: str, everything: Any, choices: Any) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", everything), *choices]


def _bound[F: forms.Form](form_class: type[F], request: HttpRequest, **kwargs: Any) -> F:
    """The form bound to the request's valid values only: what is not valid is
    dropped rather than refused, so cleaned_data is safe to pass to a selector."""
    names = list(form_class.base_fields)
    asked = form_class({name: request.GET.get(name, "") for name in names}, **kwargs)
    asked.is_valid()
    valid = {name: asked.cleaned_data.get(name) for name in names if name not in asked.errors}
    form = form_class({k: v for k, v in valid.items() if v not in (None, "", False)}, **kwargs)
    form.is_valid()
    return form


def _page(request: HttpRequest, rows: Any) -> Any:
    number = request.GET.get("page", "1")
    return Paginator(rows, PAGE_SIZE).get_page(number if number.isdigit() else "1")


# --- plain-language rules -----------------------------------------------------------------


def _join(names: list[str]) -> str:
    return ("، " if get_language_bidi() else ", ").join(names)


def who_may_apply(cohort: Cohort) -> list[str]:
    """Who may apply, in whole sentences of the active language (the rules that
    ``enrollments.eligibility`` checks, and the prerequisites the applicant confirms)."""
    places = [g.name for g in cohort.eligible_governorates.all()]
    sentences = [
        _("People aged %(low)s to %(high)s this year (the current year minus the year of birth).")
        % {"low": cohort.min_age, "high": cohort.max_age},
        _("People living in: %(places)s.") % {"places": _join(places)}
        if places
        else _("People living in any governorate."),
    ]
    if cohort.prerequisites:
        sentences.append(
            _("Prerequisites, which you confirm when you apply: %(prerequisites)s")
            % {"prerequisites": cohort.prerequisites}
        )
    else:
        sentences.append(_("No prerequisites."))
    sentences.append(
        _("Your profile must give your governorate, year of birth and sex before you apply.")
    )
    return sentences


def priority_rules(cohort: Cohort) -> list[str]:
    """How the places are given, in whole sentences of the active language, built
    from the cohort's points and balance (the rules of ``ranking``)."""
    remote, vulnerable = cohort.remote_points, cohort.vulnerable_points
    sentences = []
    if remote:
        sentences.append(
            ngettext(
                "Applicants who live in a remote area get %(points)s point.",
                "Applicants who live in a remote area get %(points)s points.",
                remote,
            )
            % {"points": remote}
        )
    if vulnerable:
        sentences.append(
            ngettext(
                "Applicants from a vulnerable family get %(points)s point.",
                "Applicants from a vulnerable family get %(points)s points.",
                vulnerable,
            )
            % {"points": vulnerable}
        )
    if remote and vulnerable:
        sentences.append(
            _("The points add up: an applicant in both groups gets %(total)s points.")
            % {"total": remote + vulnerable}
        )
    if remote or vulnerable:
        sentences.append(
            _(
                "Points count only what applicants declared about themselves, with their "
                "consent, in their profile; everyone else starts at 0."
            )
        )
    else:
        sentences.append(_("Every applicant has the same score: no points are added."))
    sentences.append(
        _(
            "Places go from the highest score down; among equal scores, whoever applied "
            "first comes first."
        )
    )
    if cohort.gender_balance:
        sentences.append(
            _(
                "At most half of the places (%(most)s of %(places)s) go to women, or to men, "
                "while people of the other sex are still waiting for a place."
            )
            % {"most": math.ceil(cohort.capacity / 2), "places": cohort.capacity}
        )
    sentences.append(
        _(
            "Everyone else waits in the same order, and the next on the list is offered any "
            "place that frees up."
        )
    )
    sentences.append(
        ngettext(
            "A place offered must be confirmed within %(days)s day, or it goes to the next person.",
            "A place offered must be confirmed within %(days)s days, or it goes to the next "
            "person.",
            cohort.confirmation_days,
        )
        % {"days": cohort.confirmation_days}
    )
    return sentences


# --- views --------------------------------------------------------------------------------


def _apply_url(cohort_pk: int) -> str | None:
    # The application form is a member page; until it is routed, the page offers
    # to sign in instead (and comes back here).
    try:
        return reverse("training:apply", args=[cohort_pk])
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class CohortRow:
    cohort: Cohort
    status_label: Any
    applications: str
    apply_url: str | None
    who: list[str]
    rules: list[str]


@route_policy(PUBLIC)
@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    form = _bound(CatalogueFilterForm, request, governorates=_governorate_choices())
    chosen = {name: value for name, value in form.cleaned_data.items() if value}
    page = _page(
        request,
        selectors.public_courses(
            governorate=chosen.get("governorate", ""),
            level=chosen.get("level", ""),
            mode=chosen.get("mode", ""),
            open_now=bool(chosen.get("open")),
        ),
    )
    today = timezone.localdate()
    rows = []
    for listed in page.object_list:
        upcoming = listed.next_cohorts[0] if listed.next_cohorts else None
        state = selectors.applications(upcoming, today) if upcoming else None
        rows.append((listed, upcoming, state))
    return render(
        request,
        "training/public/catalogue.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "filtered": bool(chosen),
            "query_string": urlencode({k: "on" if v is True else v for k, v in chosen.items()}),
        },
    )


@route_policy(PUBLIC)
@require_safe
def course(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.public_course(pk)
    if found is None:
        raise Http404
    today = timezone.localdate()
    cohorts = []
    for cohort in selectors.course_cohorts(found):
        state = selectors.applications(cohort, today)
        cohorts.append(
            CohortRow(
                cohort=cohort,
                status_label=COHORT_WORKFLOW.label(cohort.status, public=True),
                applications=state,
                apply_url=_apply_url(cohort.pk) if state == selectors.Applications.OPEN else None,
                who=who_may_apply(cohort),
                rules=priority_rules(cohort),
            )
        )
    return render(
        request,
        "training/public/course.html",
        {
            "course": found,
            "cohorts": cohorts,
            "results": selectors.course_results(found),
            "login_next": urlencode({"next": request.get_full_path()}),
        },
    )


@route_policy(PUBLIC)
@require_safe
def providers(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.public_providers())
    found = list(page.object_list)
    results = selectors.provider_results(found)
    return render(
        request,
        "training/public/providers.html",
        {
            "page": page,
            "rows": [(provider, results[provider.pk]) for provider in found],
            "places": selectors.governorate_results(),
        },
    )
