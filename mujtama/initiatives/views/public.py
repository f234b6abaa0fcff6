"""Public pages: initiatives and volunteer opportunities.

Open to everyone, GET only, complete without JavaScript. What each page may show of
an initiative (by its publication level, and never below the governorate for one
that concerns vulnerable families) is decided in ``selectors``. Lists read a fixed
number of queries whatever the number of rows."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mujtama.core.policies import PUBLIC, route_policy
from mujtama.geo.models import Governorate
from mujtama.initiatives import selectors
from mujtama.initiatives.models import Initiative, InitiativeStatus
from mujtama.initiatives.workflows import INITIATIVE_WORKFLOW
from mujtama.organizations.models import Organization

PAGE_SIZE = 25
SEARCH_MAX_LENGTH = 100


def _status_choices() -> list[tuple[str, Any]]:
    return [
        (status, INITIATIVE_WORKFLOW.label(status, public=True))
        for status in InitiativeStatus.values
    ]


def _governorate_choices() -> list[tuple[str, str]]:
    return [(g.pcode, g.name) for g in Governorate.objects.order_by("pcode")]


class InitiativeFilterForm(forms.Form):
    """The list's filters. A value that is not a valid choice is dropped (see
    ``_bound``), so an old or edited link still shows a page."""

    q = forms.CharField(
        label=_("Search by title"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": SEARCH_MAX_LENGTH}),
    )
    governorate = forms.ChoiceField(label=_("Governorate"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    organization = forms.IntegerField(
        required=False, min_value=1, widget=forms.HiddenInput, label=_("Organization")
    )

    def __init__(self, *args: Any, governorates: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("governorate", _("All governorates"), governorates)
        self._choices("status", _("Any status"), _status_choices())

    def _choices(self, name: str, everything: Any, choices: Any) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", everything), *choices]

    def clean_q(self) -> str:
        return " ".join(str(self.cleaned_data.get("q") or "").split())[:SEARCH_MAX_LENGTH]


class OpportunityFilterForm(forms.Form):
    governorate = forms.ChoiceField(label=_("Governorate"), required=False)
    remote = forms.BooleanField(label=_("Only those that can be done remotely"), required=False)

    def __init__(self, *args: Any, governorates: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["governorate"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All governorates")), *governorates]


def _bound[F: forms.Form](form_class: type[F], request: HttpRequest, **kwargs: Any) -> F:
    """The form bound to the request's valid values only: what is not a valid choice
    is dropped rather than refused, and cleaned_data is safe to pass to a selector."""
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


def _chosen(form: forms.Form) -> dict[str, Any]:
    return {name: value for name, value in form.cleaned_data.items() if value}


@dataclass(frozen=True)
class InitiativeRow:
    initiative: Initiative
    status_label: Any


def _row(initiative: Initiative) -> InitiativeRow:
    return InitiativeRow(initiative, INITIATIVE_WORKFLOW.label(initiative.status, public=True))


@route_policy(PUBLIC)
@require_safe
def initiatives(request: HttpRequest) -> HttpResponse:
    form = _bound(InitiativeFilterForm, request, governorates=_governorate_choices())
    chosen = _chosen(form)
    page = _page(request, selectors.public_initiatives(**chosen))
    organization_id = chosen.get("organization")
    organization = (
        Organization.objects.filter(pk=organization_id).only("name_ar", "name_en").first()
        if organization_id
        else None
    )
    return render(
        request,
        "initiatives/public/initiatives.html",
        {
            "form": form,
            "page": page,
            "rows": [_row(initiative) for initiative in page.object_list],
            "filtered": bool(chosen),
            "organization": organization,
            "organization_id": organization_id,
            "query_string": urlencode(chosen),
            "without_organization": urlencode(
                {k: v for k, v in chosen.items() if k != "organization"}
            ),
        },
    )


@route_policy(PUBLIC)
@require_safe
def initiative(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.public_initiative(pk)
    if found is None:
        raise Http404
    activities, activity_count = selectors.public_activities(found)
    return render(
        request,
        "initiatives/public/initiative.html",
        {
            "initiative": found,
            "status_label": INITIATIVE_WORKFLOW.label(found.status, public=True),
            "full": selectors.shows_record(found),
            "indicators": selectors.public_indicators(found),
            "activities": activities,
            "activity_count": activity_count,
            "reach": selectors.public_reach(found),
        },
    )


@route_policy(PUBLIC)
@require_safe
def opportunities(request: HttpRequest) -> HttpResponse:
    form = _bound(OpportunityFilterForm, request, governorates=_governorate_choices())
    chosen = _chosen(form)
    page = _page(request, selectors.public_opportunities(**chosen))
    return render(
        request,
        "initiatives/public/opportunities.html",
        {
            "form": form,
            "page": page,
            "opportunities": page.object_list,
            "filtered": bool(chosen),
            "query_string": urlencode({k: "on" if v is True else v for k, v in chosen.items()}),
        },
    )


def _apply_url(opportunity_pk: int) -> str | None:
    # The application form is a member page; until it is routed, the page offers
    # to sign in instead (and comes back here).
    try:
        return reverse("initiatives:apply", kwargs={"pk": opportunity_pk})
    except NoReverseMatch:
        return None


@route_policy(PUBLIC)
@require_safe
def opportunity(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.public_opportunity(pk)
    if found is None:
        raise Http404
    return render(
        request,
        "initiatives/public/opportunity.html",
        {
            "opportunity": found,
            "initiative": selectors.opportunity_initiative(found),
            "open": selectors.takes_volunteers(found),
            "apply_url": _apply_url(found.pk),
            "login_next": urlencode({"next": request.get_full_path()}),
        },
    )
