"""Reads about programs, calls, applications, reviews and rankings."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from mujtama.core.rules import RuleResult, evaluate
from mujtama.organizations.models import MembershipStatus, Organization, OrganizationMember
from mujtama.organizations.rules import organization_snapshot
from mujtama.programs.models import (
    Application,
    ApplicationStatus,
    Award,
    Call,
    CallStatus,
    Program,
    Review,
    ReviewStatus,
    RubricCriterion,
    Score,
)

PUBLIC_CALL_STATES = [
    CallStatus.PUBLISHED,
    CallStatus.OPEN,
    CallStatus.CLOSED,
    CallStatus.REVIEWING,
    CallStatus.RESULTS_PUBLISHED,
]
# A spread between reviewers' weighted scores this large (on 0-5) marks disagreement.
DISAGREEMENT = Decimal("1.5")


def public_calls(*, status: str = "", kind: str = "") -> QuerySet[Call]:
    """Published calls, grouped by the clock: open, upcoming, closed."""
    now = timezone.now()
    calls = Call.objects.filter(status__in=PUBLIC_CALL_STATES, program__is_published=True)
    if status == "open":
        calls = calls.filter(
            status__in=[CallStatus.PUBLISHED, CallStatus.OPEN], opens_at__lte=now, closes_at__gt=now
        )
    elif status == "upcoming":
        # An open call amended to open later is upcoming again.
        calls = calls.filter(status__in=[CallStatus.PUBLISHED, CallStatus.OPEN], opens_at__gt=now)
    elif status == "closed":
        calls = calls.filter(
            Q(closes_at__lte=now)
            | Q(status__in=[CallStatus.CLOSED, CallStatus.REVIEWING, CallStatus.RESULTS_PUBLISHED])
        )
    if kind:
        calls = calls.filter(program__kind=kind)
    return calls.select_related("program").order_by("closes_at", "pk")


def public_programs() -> QuerySet[Program]:
    return (
        Program.objects.filter(is_published=True)
        .prefetch_related(
            Prefetch("calls", queryset=Call.objects.filter(status__in=PUBLIC_CALL_STATES)),
            "co_hosts",
        )
        .order_by("-created_at")
    )


def public_call(pk: int) -> Call | None:
    return (
        Call.objects.filter(pk=pk, status__in=PUBLIC_CALL_STATES, program__is_published=True)
        .select_related("program")
        .prefetch_related("program__co_hosts")
        .first()
    )


def awards_of(call: Call) -> QuerySet[Award]:
    return (
        Award.objects.filter(application__call=call)
        .select_related("application", "application__lead")
        .order_by("-amount", "application__title")
    )


def fit(call: Call, snapshot: dict[str, Any]) -> int:
    """How well an organization suits a call beyond eligibility: the areas of
    expertise and governorates it shares with the call's rules."""
    score = 0
    for rule in call.eligibility_rules:
        if rule.get("type") == "expertise_any":
            score += len(set(rule.get("values", [])) & set(snapshot["expertise"]))
        elif rule.get("type") == "governorates_any":
            score += len(set(rule.get("values", [])) & set(snapshot["governorates"]))
    return score


@dataclass
class CallForOrganization:
    call: Call
    results: list[RuleResult]
    fit: int
    application: Application | None = None

    @property
    def eligible(self) -> bool:
        return all(result.passed for result in self.results)


def calls_for_organization(organization: Organization) -> list[CallForOrganization]:
    """Open calls, eligible ones first, then by fit, then by closing soonest."""
    snapshot = organization_snapshot(organization)
    mine = {
        a.call_id: a
        for a in Application.objects.filter(lead=organization).exclude(
            status=ApplicationStatus.WITHDRAWN
        )
    }
    rows = [
        CallForOrganization(
            call,
            evaluate(call.eligibility_rules, {**snapshot, "consortium_kinds": [organization.kind]}),
            fit(call, snapshot),
            mine.get(call.pk),
        )
        for call in public_calls(status="open")
    ]
    rows.sort(key=lambda row: (not row.eligible, -row.fit, row.call.closes_at))
    return rows


def matching_organizations(call: Call) -> list[Organization]:
    """Current members for whom the call is eligible (a consortium rule aside) and
    who share at least one area or governorate with it when it names any."""
    names_places = any(
        r.get("type") in ("expertise_any", "governorates_any") for r in call.eligibility_rules
    )
    rules = [r for r in call.eligibility_rules if r.get("type") != "consortium_includes_kind"]
    members = Organization.objects.filter(
        membership__status__in=[MembershipStatus.ACTIVE, MembershipStatus.PROVISIONAL]
    ).select_related("membership")
    matching = []
    for organization in members:
        snapshot = organization_snapshot(organization)
        if all(r.passed for r in evaluate(rules, snapshot)) and (
            not names_places or fit(call, snapshot) > 0
        ):
            matching.append(organization)
    return matching


def applications_of(organization: Organization) -> QuerySet[Application]:
    """Applications the organization leads or is a partner in."""
    return (
        Application.objects.filter(Q(lead=organization) | Q(partners__organization=organization))
        .distinct()
        .select_related("call", "call__program", "lead")
        .order_by("-created_at")
    )


def application_detail(pk: int) -> Application | None:
    return (
        Application.objects.filter(pk=pk)
        .select_related("call", "call__program", "lead")
        .prefetch_related("partners__organization", "answers")
        .first()
    )


def reviews_for(reviewer: Any) -> QuerySet[Review]:
    return (
        Review.objects.filter(reviewer=reviewer)
        .select_related("application", "application__call", "application__lead")
        .order_by("status", "-assigned_at")
    )


def reviewer_organizations(reviewer: Any) -> set[int]:
    return set(
        OrganizationMember.objects.filter(user=reviewer).values_list("organization_id", flat=True)
    )


def _quantize(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def weighted_score(scores: dict[int, int], weights: dict[int, int]) -> Decimal | None:
    """Σ(weight × score) / Σ(weight) over the call's criteria, on the 0–5 scale; None
    when a criterion is not scored."""
    if not weights or any(criterion not in scores for criterion in weights):
        return None
    total = sum(Decimal(weights[c]) * Decimal(scores[c]) for c in weights)
    return total / Decimal(sum(weights.values()))


@dataclass
class RankingRow:
    application: Application
    reviewer_scores: list[Decimal] = field(default_factory=list)
    score: Decimal | None = None
    spread: Decimal | None = None
    rank: int | None = None
    eligible: bool = True

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT


RANKED_STATES = [
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.AWARDED,
    ApplicationStatus.NOT_SELECTED,
]


def ranking(call: Call) -> list[RankingRow]:
    """Applications under review or decided, by weighted score (mean of the
    submitted reviews), highest first. Equal scores share a rank (1, 2, 2, 4);
    applications without a submitted review come last, unranked. The number of
    queries does not depend on the number of applications or reviews."""
    weights = {c.pk: c.weight for c in RubricCriterion.objects.filter(call=call, is_active=True)}
    applications = list(
        Application.objects.filter(call=call, status__in=RANKED_STATES)
        .select_related("lead")
        .order_by("submitted_at", "pk")
    )
    scores: dict[int, dict[int, int]] = defaultdict(dict)
    review_of: dict[int, int] = {}
    # Each application's reviewer scores are listed in the order they were submitted.
    for review_id, application_id in (
        Review.objects.filter(application__call=call, status=ReviewStatus.SUBMITTED)
        .order_by("submitted_at", "pk")
        .values_list("pk", "application_id")
    ):
        review_of[review_id] = application_id
        scores[review_id] = {}  # a submitted review with no scores still counts
    for review_id, criterion_id, value in Score.objects.filter(
        review_id__in=list(review_of)
    ).values_list("review_id", "criterion_id", "value"):
        scores[review_id][criterion_id] = value
    per_application: dict[int, list[Decimal]] = defaultdict(list)
    for review_id, application_id in review_of.items():
        total = weighted_score(scores[review_id], weights)
        if total is not None:
            per_application[application_id].append(total)
    rows = []
    for application in applications:
        values = per_application.get(application.pk, [])
        row = RankingRow(
            application,
            [_quantize(v) for v in values],
            eligible=all(r.get("passed") for r in application.eligibility_results),
        )
        if values:
            row.score = _quantize(sum(values, Decimal(0)) / len(values))
            row.spread = _quantize(max(values) - min(values))
        rows.append(row)
    scored = sorted((r for r in rows if r.score is not None), key=lambda r: -r.score)  # type: ignore[operator]
    previous: Decimal | None = None
    for position, row in enumerate(scored, start=1):
        row.rank = scored[position - 2].rank if previous == row.score and position > 1 else position
        previous = row.score
    return scored + [r for r in rows if r.score is None]
