"""The ranking of a call's applications, checked against arithmetic done by hand.

The rubric of the helpers' calls has three criteria weighted 3 (impact), 2
(feasibility) and 1 (sustainability): Σw = 6. A review's weighted score is
Σ(w·s) / Σw on the 0–5 scale; an application's score is the mean of its submitted
reviews' weighted scores, and its spread the highest minus the lowest. Shown values
are rounded to 2 decimals, half up. Equal scores share a rank (1, 2, 2, 4)."""

from decimal import Decimal
from typing import Any, cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mujtama.accounts.tests.factories import staff_user
from mujtama.organizations.models import Organization
from mujtama.organizations.tests.factories import OrganizationFactory
from mujtama.programs.models import Application, Call, Review, Score
from mujtama.programs.selectors import DISAGREEMENT, ranking, weighted_score
from mujtama.programs.services.reviews import (
    review_assign,
    review_declare,
    review_score,
    review_submit,
)
from mujtama.programs.tests.factories import REASON, force, make_call, submitted

pytestmark = pytest.mark.django_db


def D(value: str | int) -> Decimal:
    return Decimal(value)


@pytest.fixture
def reviewers() -> list[Any]:
    return [staff_user("reviewer") for _ in range(4)]


def _review(
    manager: Any,
    application: Application,
    reviewer: Any,
    scores: tuple[int, ...],
    *,
    then: str = "submit",
) -> Review:
    """Assign, declare no conflict, score (impact, feasibility, sustainability), and
    then submit (or: "keep" it unsubmitted, or declare a "conflict" after scoring)."""
    review = review_assign(actor=manager, application=application, reviewer=reviewer)
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criteria = list(application.call.rubric.filter(is_active=True).order_by("order"))
    assert [c.weight for c in criteria] == [3, 2, 1]
    review_score(
        actor=reviewer,
        review=review,
        scores={c.pk: (value, "") for c, value in zip(criteria, scores, strict=True)},
    )
    if then == "submit":
        return review_submit(actor=reviewer, review=review)
    if then == "conflict":
        return review_declare(actor=reviewer, review=review, conflict=True, note=REASON)
    return review


def _under_review(call: Call) -> Application:
    return force(submitted(call, staff_user()), "under_review")


def test_the_weighted_score_of_one_review():
    weights = {1: 3, 2: 2, 3: 1}
    # (3·5 + 2·4 + 1·3) / 6 = 26/6
    assert weighted_score({1: 5, 2: 4, 3: 3}, weights) == D(26) / D(6)
    # (3·0 + 2·0 + 1·5) / 6 = 5/6
    assert weighted_score({1: 0, 2: 0, 3: 5}, weights) == D(5) / D(6)
    assert weighted_score({1: 5, 2: 5, 3: 5}, weights) == D(5)
    assert weighted_score({1: 5, 2: 4}, weights) is None  # a criterion not scored
    assert weighted_score({}, {}) is None


def test_the_ranking_matches_the_arithmetic_done_by_hand(program_manager, reviewers):
    call = make_call(program_manager)
    a, b, c, d = reviewers
    pm = program_manager

    p = _under_review(call)
    _review(pm, p, a, (5, 4, 3))  # 15 + 8 + 3 = 26 → 26/6 = 4.333… → 4.33
    _review(pm, p, b, (4, 4, 4))  # 12 + 8 + 4 = 24 → 24/6 = 4.00
    _review(pm, p, c, (5, 5, 4))  # 15 + 10 + 4 = 29 → 29/6 = 4.833… → 4.83
    _review(pm, p, d, (1, 1, 1), then="conflict")  # scored, then a conflict: ignored
    # mean (26 + 24 + 29) / 18 = 79/18 = 4.3888… → 4.39; spread (29 − 24)/6 = 0.833… → 0.83

    q = _under_review(call)
    _review(pm, q, a, (4, 3, 2))  # 12 + 6 + 2 = 20 → 3.333… → 3.33
    _review(pm, q, b, (3, 3, 3))  # 9 + 6 + 3 = 18 → 3.00
    _review(pm, q, c, (0, 0, 0), then="keep")  # not submitted: ignored
    # mean 38/12 = 3.1666… → 3.17; spread 2/6 = 0.333… → 0.33

    r = _under_review(call)
    _review(pm, r, a, (3, 4, 2))  # 9 + 8 + 2 = 19 → 3.1666… → 3.17
    _review(pm, r, b, (3, 3, 4))  # 9 + 6 + 4 = 19 → 3.17
    # mean 19/6 = 3.1666… → 3.17 (exactly Q's 38/12: a tie); spread 0.00

    s = _under_review(call)
    _review(pm, s, a, (4, 4, 4))  # 24 → 4.00
    _review(pm, s, b, (1, 1, 1))  # 6 → 1.00
    # mean 30/12 = 2.50; spread 3.00 ≥ 1.5: disagreement

    u = _under_review(call)
    _review(pm, u, a, (3, 3, 3))  # 18 → 3.00
    _review(pm, u, b, (2, 1, 1))  # 6 + 2 + 1 = 9 → 1.50
    # mean 27/12 = 2.25; spread 9/6 = 1.50 exactly: disagreement

    v = _under_review(call)
    _review(pm, v, a, (2, 2, 2))  # 12 → 2.00
    _review(pm, v, b, (1, 0, 1))  # 3 + 0 + 1 = 4 → 0.666… → 0.67
    # mean 16/12 = 1.333… → 1.33; spread 8/6 = 1.333… → 1.33: no disagreement

    x = _under_review(call)
    _review(pm, x, a, (5, 5, 5), then="keep")  # only an unsubmitted review: unranked
    y = _under_review(call)  # no review at all: unranked
    force(_under_review(call), "screening")  # not yet in review: not listed
    force(_under_review(call), "withdrawn")  # withdrawn: not listed

    # Decided applications stay in the ranking.
    force(s, "awarded")
    force(u, "not_selected")
    force(r, "shortlisted")

    rows = ranking(Call.objects.get(pk=call.pk))
    table = [
        (row.application.pk, row.reviewer_scores, row.score, row.spread, row.rank, row.disagreement)
        for row in rows
    ]
    assert table == [
        (p.pk, [D("4.33"), D("4.00"), D("4.83")], D("4.39"), D("0.83"), 1, False),
        (q.pk, [D("3.33"), D("3.00")], D("3.17"), D("0.33"), 2, False),
        (r.pk, [D("3.17"), D("3.17")], D("3.17"), D("0.00"), 2, False),
        (s.pk, [D("4.00"), D("1.00")], D("2.50"), D("3.00"), 4, True),
        (u.pk, [D("3.00"), D("1.50")], D("2.25"), D("1.50"), 5, True),
        (v.pk, [D("2.00"), D("0.67")], D("1.33"), D("1.33"), 6, False),
        (x.pk, [], None, None, None, False),
        (y.pk, [], None, None, None, False),
    ]
    assert D("1.5") == DISAGREEMENT
    assert all(row.eligible for row in rows)
    # Two decimals exactly, as shown.
    assert all(row.score.as_tuple().exponent == -2 for row in rows if row.score is not None)


def test_a_half_way_mean_rounds_up(program_manager, reviewers):
    call = make_call(program_manager)
    w = _under_review(call)
    a, b, c, d = reviewers
    _review(program_manager, w, a, (5, 4, 3))  # 26
    _review(program_manager, w, b, (4, 4, 4))  # 24
    _review(program_manager, w, c, (4, 4, 4))  # 24
    _review(program_manager, w, d, (5, 4, 2))  # 15 + 8 + 2 = 25
    # mean (26 + 24 + 24 + 25) / 24 = 99/24 = 4.125 → 4.13 half up (4.12 half even)
    [row] = ranking(call)
    assert row.score == D("4.13")
    assert row.reviewer_scores == [D("4.33"), D("4.00"), D("4.00"), D("4.17")]
    assert row.spread == D("0.33")  # (26 − 24)/6 = 0.333…


def test_the_mean_uses_exact_review_scores_not_rounded_ones(program_manager, reviewers):
    call = make_call(program_manager)
    z = _under_review(call)
    a, b, c, _d = reviewers
    _review(program_manager, z, a, (5, 4, 3))  # 26/6 = 4.333… (shown 4.33)
    _review(program_manager, z, b, (5, 4, 3))  # 4.333…
    _review(program_manager, z, c, (5, 5, 3))  # 15 + 10 + 3 = 28 → 4.666… (shown 4.67)
    # exact: 80/18 = 4.444… → 4.44; from the shown values (4.33 + 4.33 + 4.67)/3 = 4.443… → 4.44
    # spread exact 2/6 = 0.333… → 0.33; from the shown values 0.34
    [row] = ranking(call)
    assert row.score == D("4.44")
    assert row.spread == D("0.33")


def test_an_application_judged_ineligible_is_marked(program_manager, reviewers):
    call = make_call(program_manager)
    app = _under_review(call)
    _review(program_manager, app, reviewers[0], (3, 3, 3))
    force(
        app,
        "under_review",
        eligibility_results=[
            {"rule": "membership_current", "passed": False, "message_ar": "x", "message_en": "x"}
        ],
    )
    [row] = ranking(call)
    assert row.eligible is False
    assert row.rank == 1


def test_only_the_calls_own_applications_are_ranked(program_manager, reviewers):
    call, other = make_call(program_manager), make_call(program_manager)
    mine = _under_review(call)
    _review(program_manager, mine, reviewers[0], (3, 3, 3))
    theirs = _under_review(other)
    _review(program_manager, theirs, reviewers[0], (5, 5, 5))
    assert [row.application.pk for row in ranking(call)] == [mine.pk]
    assert ranking(other)[0].score == D("5.00")


def test_an_empty_call_has_an_empty_ranking(program_manager):
    assert ranking(make_call(program_manager)) == []


# --- the number of queries does not grow with the call -----------------------------------------


def _fill(call: Call, count: int, reviewers: list[Any], manager: Any) -> None:
    """``count`` applications under review with two submitted reviews each (raw rows:
    set-up only)."""
    criteria = list(call.rubric.filter(is_active=True))
    for n in range(count):
        lead = cast(Organization, OrganizationFactory())
        application = Application.objects.create(
            call=call,
            lead=lead,
            title=f"مشروع {n}",
            status="under_review",
            created_by=lead.created_by,
            eligibility_results=[
                {
                    "rule": "membership_current",
                    "passed": True,
                    "message_ar": "عضو",
                    "message_en": "member",
                }
            ],
        )
        for k, reviewer in enumerate(reviewers[:2]):
            review = Review.objects.create(
                application=application, reviewer=reviewer, assigned_by=manager, status="submitted"
            )
            Score.objects.bulk_create(
                Score(review=review, criterion=c, value=(n + k + i) % 6)
                for i, c in enumerate(criteria)
            )
        # and one unsubmitted review, which must not cost a query either
        Review.objects.create(
            application=application, reviewer=reviewers[2], assigned_by=manager, status="accepted"
        )


def _queries(call: Call) -> int:
    with CaptureQueriesContext(connection) as captured:
        rows = ranking(call)
        for row in rows:  # what the ranking page shows of each row
            _ = (
                row.application.lead.name,
                row.application.title,
                row.score,
                row.rank,
                row.spread,
                row.disagreement,
                row.eligible,
                row.reviewer_scores,
            )
    return len(captured.captured_queries)


def test_the_ranking_costs_the_same_queries_for_3_and_30_applications(program_manager, reviewers):
    small, large = make_call(program_manager), make_call(program_manager)
    _fill(small, 3, reviewers, program_manager)
    _fill(large, 30, reviewers, program_manager)
    assert len(ranking(large)) == 30
    assert all(row.rank is not None for row in ranking(large))
    few, many = _queries(Call.objects.get(pk=small.pk)), _queries(Call.objects.get(pk=large.pk))
    assert few == many
    assert many <= 5
