"""Public pages: programs, their calls, and the results once published.

Open to everyone, GET only, and complete without JavaScript. A call page also tells
a signed-in owner or editor of organizations, for each of them, whether it is
eligible (every rule with its reason) and where to apply. Lists read a fixed number
of queries whatever the number of programs and calls."""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mujtama.core.policies import PUBLIC, route_policy
from mujtama.core.rules import RuleResult
from mujtama.organizations import selectors as organization_selectors
from mujtama.organizations.models import MemberRole, Organization
from mujtama.programs import display, selectors
from mujtama.programs.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    Program,
    ProgramKind,
)
from mujtama.programs.public_cache import PROGRAMS
from mujtama.programs.services.applications import consortium_of, eligibility

EDITING_ROLES = (MemberRole.OWNER, MemberRole.EDITOR)


class KindFilterForm(forms.Form):
    """The kind-of-program filter; a value that is not a kind is ignored."""

    kind = forms.ChoiceField(
        label=_("Kind of program"),
        required=False,
        choices=[("", _("All kinds")), *ProgramKind.choices],
    )


def _kind_filter(request: HttpRequest) -> KindFilterForm:
    asked = KindFilterForm({"kind": request.GET.get("kind", "")})
    kind = asked.cleaned_data.get("kind", "") if asked.is_valid() else ""
    form = KindFilterForm({"kind": kind})
    form.is_valid()
    return form


@dataclass
class CallRow:
    """A call as the lists show it: where it stands by the clock, and its sums."""

    call: Call
    phase: str
    phase_label: str
    budget: str
    max_award: str


def _row(call: Call, now: Any) -> CallRow:
    phase = display.call_phase(call, now)
    return CallRow(
        call=call,
        phase=phase,
        phase_label=display.phase_label(phase),
        budget=display.money(call.budget),
        max_award=display.money(call.max_award),
    )


@dataclass
class CallGroup:
    key: str
    title: Any
    empty: Any
    rows: list[CallRow] = field(default_factory=list)


GROUP_TITLES = {
    display.OPEN: (_("Open calls"), _("No call is open now.")),
    display.UPCOMING: (_("Calls opening soon"), _("No call is about to open.")),
    display.CLOSED: (_("Closed calls"), _("No call has closed yet.")),
}


def _call_groups(*, kind: str = "", program: Program | None = None) -> list[CallGroup]:
    """The public calls, open first, then upcoming, then closed (most recent first):
    one query per group."""
    now = timezone.now()
    groups = []
    for phase in display.PHASES:
        calls = selectors.public_calls(status=phase, kind=kind)
        if program is not None:
            calls = calls.filter(program=program)
        if phase == display.CLOSED:
            calls = calls.order_by("-closes_at", "-pk")
        title, empty = GROUP_TITLES[phase]
        groups.append(CallGroup(phase, title, empty, [_row(call, now) for call in calls]))
    return groups


def _reader_key(*parts: Any) -> str:
    """A cache key for what a reader sees: it depends on the language and on the time
    zone dates are shown in, and on nothing else of the person."""
    return ":".join([get_language(), timezone.get_current_timezone_name(), *map(str, parts)])


@route_policy(PUBLIC)
@require_safe
def programs(request: HttpRequest) -> HttpResponse:
    """The page's content is rendered once per language, time zone and filter, and
    kept until programs or calls change (see public_cache)."""
    form = _kind_filter(request)
    kind = form.cleaned_data.get("kind") or ""

    def render_content() -> str:
        published = selectors.public_programs()
        if kind:
            published = published.filter(kind=kind)
        return render_to_string(
            "programs/public/_programs_content.html",
            {
                "form": form,
                "kind": kind,
                "kind_label": dict(ProgramKind.choices).get(kind, ""),
                "programs": list(published),
                "groups": _call_groups(kind=kind),
            },
        )

    content = PROGRAMS.cached(_reader_key("programs", kind), render_content)
    return render(request, "programs/public/programs.html", {"content": content})


@route_policy(PUBLIC)
@require_safe
def program(request: HttpRequest, pk: int) -> HttpResponse:
    def build() -> dict[str, Any]:
        found = selectors.public_programs().filter(pk=pk).first()
        if found is None:
            return {"program": False}
        content = render_to_string(
            "programs/public/_program_content.html",
            {"program": found, "groups": _call_groups(program=found)},
        )
        return {"program": found, "content": content}

    page = PROGRAMS.cached(_reader_key("program", pk), build)
    if not page["program"]:
        raise Http404
    return render(request, "programs/public/program.html", page)


@dataclass
class OrganizationVerdict:
    """Whether one of the person's organizations may apply, with every rule's result,
    and its application to the call if it has one."""

    organization: Organization
    results: list[RuleResult]
    application: Application | None
    # A rule whose stored values cannot be evaluated: said plainly, not a server error.
    unchecked: bool = False

    @property
    def eligible(self) -> bool:
        return not self.unchecked and all(result.passed for result in self.results)


def _verdicts(user: Any, call: Call) -> list[OrganizationVerdict]:
    """For each organization the person owns or edits: every rule's result (with the
    consortium of its application to this call, if any)."""
    roles = organization_selectors.roles_of(user)
    editable = [
        organization
        for organization in organization_selectors.organizations_of(user)
        if roles.get(organization.pk) in EDITING_ROLES
    ]
    if not editable:
        return []
    applications = {
        application.lead_id: application
        for application in Application.objects.filter(call=call, lead__in=editable).exclude(
            status=ApplicationStatus.WITHDRAWN
        )
    }
    verdicts = []
    for organization in editable:
        application = applications.get(organization.pk)
        partners = consortium_of(application) if application is not None else []
        try:
            results = eligibility(call, organization, partners)
        except (ValueError, TypeError, KeyError, AttributeError):
            verdicts.append(OrganizationVerdict(organization, [], application, unchecked=True))
            continue
        verdicts.append(OrganizationVerdict(organization, results, application))
    return verdicts


def _call_parts(pk: int) -> dict[str, Any]:
    """The parts of a call page that are the same for every reader in a language and
    a time zone, rendered: above and below the reader's own organizations."""
    found = selectors.public_call(pk)
    if found is None:
        return {"call": False}
    now = timezone.now()
    phase = display.call_phase(found, now)
    rubric = list(found.rubric.filter(is_active=True))
    results_published = found.status == CallStatus.RESULTS_PUBLISHED
    awards = list(selectors.awards_of(found)) if results_published else []
    context = {
        "call": found,
        "program": found.program,
        "phase": phase,
        "phase_label": display.phase_label(phase),
        "phase_line": display.phase_line(found, now),
        "budget": display.money(found.budget),
        "max_award": display.money(found.max_award),
        "rules": display.describe_rules(found.eligibility_rules),
        "questions": list(found.questions.filter(is_active=True)),
        "rubric": rubric,
        "total_weight": sum(criterion.weight for criterion in rubric),
        "amendments": display.amendments(found),
        "results_published": results_published,
        "awards": [(award, display.money(award.amount)) for award in awards],
    }
    return {
        "call": found,
        "head": render_to_string("programs/public/_call_head.html", context),
        "tail": render_to_string("programs/public/_call_tail.html", context),
    }


@route_policy(PUBLIC)
@require_safe
def call(request: HttpRequest, pk: int) -> HttpResponse:
    """The call's public parts come from the cache (see public_cache); what the
    reader's own organizations may do is worked out for each request."""
    parts = PROGRAMS.cached(_reader_key("call", pk), lambda: _call_parts(pk))
    found = parts["call"]
    if not found:
        raise Http404
    signed_in = request.user.is_authenticated
    return render(
        request,
        "programs/public/call.html",
        {
            **parts,
            "accepts_submissions": found.accepts_submissions(timezone.now()),
            "signed_in": signed_in,
            "verdicts": _verdicts(request.user, found) if signed_in else [],
            "login_next": urlencode({"next": request.get_full_path()}),
            "register_url": reverse("organizations:register"),
        },
    )
