"""Public pages: the member directory, profiles, logos, and how to join.

Open to everyone; each page shows only what a member organization publishes about
itself (never its documents, people or applications)."""

import hashlib
import struct
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mujtama.core.policies import PUBLIC, route_policy
from mujtama.geo.selectors import governorates
from mujtama.organizations import selectors
from mujtama.organizations.display import describe_rules
from mujtama.organizations.models import (
    ExpertiseArea,
    JoiningCriteria,
    LegalStatus,
    MembershipStatus,
    Organization,
    OrganizationKind,
)
from mujtama.organizations.models.joining import CriteriaStatus
from mujtama.organizations.public_cache import cached

PAGE_SIZE = 20
SEARCH_MAX_LENGTH = 100
# The profile shows the logo at most this wide and high (CSS pixels).
LOGO_DISPLAY_SIZE = 160
PUBLIC_CRITERIA_STATES = [CriteriaStatus.PUBLISHED, CriteriaStatus.SUPERSEDED]


class DirectoryForm(forms.Form):
    """The directory's filters. A value that is not one of the choices is dropped
    (see ``directory_filters``), so an old or edited link still shows a page."""

    q = forms.CharField(
        label=_("Search by name or description"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": SEARCH_MAX_LENGTH}),
    )
    kind = forms.ChoiceField(label=_("Kind of organization"), required=False)
    governorate = forms.ChoiceField(label=_("Governorate"), required=False)
    expertise = forms.ChoiceField(label=_("Area of expertise"), required=False)
    legal_status = forms.ChoiceField(label=_("Legal status"), required=False)
    membership_status = forms.ChoiceField(label=_("Membership"), required=False)

    def __init__(
        self,
        *args: Any,
        governorate_choices: list[tuple[str, Any]],
        expertise_choices: list[tuple[str, Any]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._choices("kind", _("All kinds"), OrganizationKind.choices)
        self._choices("governorate", _("All governorates"), governorate_choices)
        self._choices("expertise", _("All areas"), expertise_choices)
        self._choices("legal_status", _("Any legal status"), LegalStatus.choices)
        self._choices(
            "membership_status",
            _("Members and provisional members"),
            [
                (MembershipStatus.ACTIVE.value, MembershipStatus.ACTIVE.label),
                (MembershipStatus.PROVISIONAL.value, MembershipStatus.PROVISIONAL.label),
            ],
        )

    def _choices(self, name: str, everything: Any, choices: Any) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", everything), *choices]

    def clean_q(self) -> str:
        return " ".join(str(self.cleaned_data.get("q") or "").split())[:SEARCH_MAX_LENGTH]


FILTER_NAMES = ["q", "kind", "governorate", "expertise", "legal_status", "membership_status"]


def directory_filters(request: HttpRequest) -> DirectoryForm:
    """The filters of the request, with every value that is not a valid choice
    dropped: the returned form is bound to valid values only, so it renders the
    person's choices and its cleaned_data is safe to pass to the selector."""
    choices = cached(
        f"directory-choices:{get_language()}",
        lambda: {
            "governorate_choices": [(g.pcode, g.name) for g in governorates()],
            "expertise_choices": [
                (area.code, area.name) for area in ExpertiseArea.objects.filter(is_active=True)
            ],
        },
    )
    asked = DirectoryForm({name: request.GET.get(name, "") for name in FILTER_NAMES}, **choices)
    asked.is_valid()
    valid = {name: asked.cleaned_data.get(name) or "" for name in FILTER_NAMES}
    form = DirectoryForm(valid, **choices)
    form.is_valid()
    return form


@route_policy(PUBLIC)
@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    """The page's content (filters and results) is rendered once per language,
    filters and page, and kept until the public data changes (see public_cache)."""
    form = directory_filters(request)
    filters = {name: form.cleaned_data.get(name) or "" for name in FILTER_NAMES}
    chosen = {name: value for name, value in filters.items() if value}
    page_number = request.GET.get("page", "1")
    if not page_number.isdigit():
        page_number = "1"
    query = urlencode(sorted(chosen.items()))
    key = hashlib.sha256(f"{get_language()}|{query}|{page_number}".encode()).hexdigest()

    def render_content() -> str:
        organizations = selectors.directory(**filters)
        page = Paginator(organizations, PAGE_SIZE).get_page(page_number)
        return render_to_string(
            "organizations/public/_directory_content.html",
            {
                "form": form,
                "page": page,
                "organizations": page.object_list,
                "filtered": bool(chosen),
                "query_string": urlencode(chosen),
            },
        )

    return render(
        request,
        "organizations/public/directory.html",
        {"content": cached(f"directory:{key}", render_content)},
    )


def _png_size(organization: Organization) -> tuple[int, int] | None:
    """Width and height of the stored logo, from its PNG header; None when there is
    no readable logo."""
    if not organization.logo:
        return None
    try:
        with organization.logo.open("rb") as file:
            header = file.read(24)
    except OSError:
        return None
    if len(header) < 24 or not header.startswith(b"\x89PNG\r\n\x1a\n") or header[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", header[16:24])
    if not width or not height:
        return None
    scale = min(1.0, LOGO_DISPLAY_SIZE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


@route_policy(PUBLIC)
@require_safe
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.public_profile(pk)
    if organization is None:
        raise Http404
    return render(
        request,
        "organizations/public/profile.html",
        {
            "organization": organization,
            "membership": organization.membership,
            "logo_size": _png_size(organization),
        },
    )


@route_policy(PUBLIC)
@require_safe
def logo(request: HttpRequest, pk: int) -> FileResponse:
    """The member's logo: the PNG the upload check re-encoded, served as an inert
    image (no sniffing, no scripts) that browsers and proxies may keep for a day."""
    organization = selectors.public_profile(pk)
    if organization is None or not organization.logo:
        raise Http404
    try:
        file = organization.logo.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(file, content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _published_versions() -> list[JoiningCriteria]:
    return list(
        JoiningCriteria.objects.filter(status__in=PUBLIC_CRITERIA_STATES)
        .only("pk", "number", "version", "status", "title_ar", "title_en", "published_at")
        .order_by("-number", "-version")
    )


def _criteria_context(criteria: JoiningCriteria | None) -> dict[str, Any]:
    if criteria is None:
        return {"criteria": None}
    return {
        "criteria": criteria,
        "automatic_checks": describe_rules(criteria.automatic_checks or []),
        "manual_checks": [label for _code, label in criteria.manual_check_labels()],
        "superseded": criteria.status == CriteriaStatus.SUPERSEDED,
    }


@route_policy(PUBLIC)
@require_safe
def how_to_join(request: HttpRequest) -> HttpResponse:
    """Rendered once per language and sign-in state until the criteria change."""
    signed_in = request.user.is_authenticated

    def render_content() -> str:
        criteria = selectors.criteria_in_force()
        return render_to_string(
            "organizations/public/_how_to_join_content.html",
            {
                **_criteria_context(criteria),
                "versions": _published_versions(),
                "kinds": [label for _value, label in OrganizationKind.choices],
                "signed_in": signed_in,
                # Signing up or in from here leads on to registering an organization.
                "login_next": urlencode({"next": reverse("organizations:register")}),
            },
        )

    content = cached(f"how-to-join:{get_language()}:{signed_in}", render_content)
    return render(request, "organizations/public/how_to_join.html", {"content": content})


@route_policy(PUBLIC)
@require_safe
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    """One published (in force or superseded) version of the criteria; drafts are
    not public."""
    version = get_object_or_404(JoiningCriteria, pk=pk, status__in=PUBLIC_CRITERIA_STATES)
    return render(
        request,
        "organizations/public/criteria.html",
        {**_criteria_context(version), "versions": _published_versions()},
    )
