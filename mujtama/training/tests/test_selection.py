"""Ranking, selection, confirmation and the waiting list, with a frozen clock."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.training import ranking
from mujtama.training.models import Enrollment
from mujtama.training.services import enrollments as services
from mujtama.training.tests.conftest import make_cohort, young_person
from mujtama.training.workflows import COHORT_WORKFLOW, ENROLLMENT_WORKFLOW

pytestmark = pytest.mark.django_db


def apply(cohort: Any, user: Any) -> Enrollment:
    return services.enrollment_apply(actor=user, cohort=cohort, motivation="أريد أن أتعلم.")


def test_the_hand_computed_ranking(provider):
    """Capacity 3; 30 points for a remote area, 20 for a vulnerable family.
    A (nothing) applies first, then B (remote), C (vulnerable), D (both), E (remote).
    Scores: D 50, B 30, E 30, C 20, A 0; B before E because B applied first.
    Places: D, B, E; waiting list: C then A."""
    cohort = make_cohort(provider)
    people = {}
    for name, remote, vulnerable in [
        ("A", False, False),
        ("B", True, False),
        ("C", False, True),
        ("D", True, True),
        ("E", True, False),
    ]:
        people[name] = apply(cohort, young_person(name, remote=remote, vulnerable=vulnerable))
    selection = services.cohort_select(actor=provider["editor"], cohort=cohort)
    by_pk = {e.pk: name for name, e in people.items()}
    assert [by_pk[c.key] for c in selection.selected] == ["D", "B", "E"]
    assert [by_pk[c.key] for c in selection.waiting] == ["C", "A"]
    rows = {by_pk[e.pk]: e for e in Enrollment.objects.all()}
    assert {name: (e.score, e.rank, e.status) for name, e in rows.items()} == {
        "D": (50, 1, "accepted"),
        "B": (30, 2, "accepted"),
        "E": (30, 3, "accepted"),
        "C": (20, 4, "waitlisted"),
        "A": (0, 5, "waitlisted"),
    }
    assert [f["code"] for f in rows["D"].factors] == ["remote", "vulnerable"]
    assert rows["A"].factors == []


def test_gender_balance_holds_back_the_third_woman_while_a_man_waits():
    now = timezone.now()
    candidates = [
        ranking.Candidate("w1", 50, now, "f"),
        ranking.Candidate("w2", 50, now + timedelta(seconds=1), "f"),
        ranking.Candidate("w3", 40, now, "f"),
        ranking.Candidate("m1", 0, now, "m"),
    ]
    selection = ranking.select(candidates, places=3, gender_balance=True)
    assert [c.key for c in selection.selected] == ["w1", "w2", "m1"]
    assert [c.key for c in selection.waiting] == ["w3"]
    assert selection.waiting[0].notes == [ranking.BALANCE_NOTE]
    # Without men waiting, the places go down the order.
    only_women = ranking.select(candidates[:3], places=3, gender_balance=True)
    assert [c.key for c in only_women.selected] == ["w1", "w2", "w3"]


def test_an_applicant_sees_their_own_factors_and_never_anothers(provider, client):
    cohort = make_cohort(provider)
    mine = apply(cohort, young_person("ليلى", remote=True))
    other = young_person("سامر", vulnerable=True)
    apply(cohort, other)
    client.force_login(mine.applicant)
    page = client.get(reverse("training:mine")).content.decode()
    assert "السكن في منطقة نائية" in page and "+30" in page
    assert "من أسرة هشة" not in page and "سامر" not in page
    # The provider's page lists everyone's score; the applicant may not open it.
    assert client.get(reverse("training:cohort", args=[cohort.pk])).status_code == 404


def test_withdrawal_promotes_the_next_on_the_waiting_list_and_tells_them(provider):
    cohort = make_cohort(provider, capacity=1)
    first = apply(cohort, young_person("الأولى", remote=True))
    second = apply(cohort, young_person("الثانية"))
    services.cohort_select(actor=provider["editor"], cohort=cohort)
    assert Enrollment.objects.get(pk=second.pk).status == "waitlisted"
    Notification.objects.all().delete()
    services.enrollment_move(
        actor=first.applicant, enrollment=Enrollment.objects.get(pk=first.pk), action="withdraw"
    )
    promoted = Enrollment.objects.get(pk=second.pk)
    assert promoted.status == "accepted" and promoted.confirm_by is not None
    told = Notification.objects.filter(recipient=second.applicant, kind="training_enrollment")
    assert told.exists()


def test_a_missed_confirmation_deadline_lapses_and_promotes(provider):
    with time_machine.travel("2026-11-29 09:00 +0200", tick=False):
        cohort = make_cohort(provider, capacity=1, confirmation_days=3)
        first = apply(cohort, young_person("الأولى", vulnerable=True))
        second = apply(cohort, young_person("الثانية"))
        services.cohort_select(actor=provider["editor"], cohort=cohort)
    with time_machine.travel("2026-12-02 08:59 +0200", tick=False):
        assert services.confirmations_lapse() == 0
    with (
        time_machine.travel("2026-12-02 09:00:30 +0200", tick=False),
        pytest.raises(ValidationError),
    ):
        # Too late to confirm, even before the platform has lapsed the place.
        services.enrollment_move(
            actor=first.applicant, enrollment=Enrollment.objects.get(pk=first.pk), action="confirm"
        )
    with time_machine.travel("2026-12-02 09:01 +0200", tick=False):
        Notification.objects.all().delete()
        assert services.confirmations_lapse() == 1
        assert services.confirmations_lapse() == 0
    assert Enrollment.objects.get(pk=first.pk).status == "lapsed"
    promoted = Enrollment.objects.get(pk=second.pk)
    assert promoted.status == "accepted"
    assert Notification.objects.filter(recipient=second.applicant, kind="training_enrollment")


def test_confirming_in_time_keeps_the_place_and_writes_the_ledger(provider):
    from mujtama.impact.ledger import reach_totals

    cohort = make_cohort(provider)
    enrollment = apply(cohort, young_person(remote=True))
    services.cohort_select(actor=provider["editor"], cohort=cohort)
    enrolled = services.enrollment_move(
        actor=enrollment.applicant,
        enrollment=Enrollment.objects.get(pk=enrollment.pk),
        action="confirm",
    )
    assert enrolled.status == "enrolled"
    totals = reach_totals(organization=provider["organization"])
    assert totals.unique_people == 1


def test_who_may_not_apply_is_told_why(provider):
    cohort = make_cohort(provider, min_age=18, max_age=24)
    too_old = young_person("كبير", birth_year=timezone.localdate().year - 30)
    with pytest.raises(ValidationError) as refused:
        apply(cohort, too_old)
    assert "18" in str(refused.value)
    from mujtama.accounts.tests.factories import UserFactory

    with pytest.raises(ValidationError):
        apply(cohort, UserFactory())  # no profile
    closed = make_cohort(
        provider,
        applications_open_on=timezone.localdate() + timedelta(days=1),
        applications_close_on=timezone.localdate() + timedelta(days=2),
    )
    with pytest.raises(ValidationError):
        apply(closed, young_person("مبكر"))
    someone = young_person("مكرر")
    apply(cohort, someone)
    with pytest.raises(ValidationError):
        apply(cohort, someone)


def enrollment_in(provider: dict[str, Any], state: str) -> Enrollment:
    cohort = make_cohort(provider, capacity=1)
    if state == "waitlisted":
        apply(cohort, young_person("قبلي", remote=True))
    enrollment = apply(cohort, young_person("المتقدمة"))
    if state in ("accepted", "waitlisted", "enrolled"):
        services.cohort_select(actor=provider["editor"], cohort=cohort)
    if state == "enrolled":
        enrollment = services.enrollment_move(
            actor=enrollment.applicant,
            enrollment=Enrollment.objects.get(pk=enrollment.pk),
            action="confirm",
        )
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    assert enrollment.status == state
    return enrollment


ACTORS = {
    "accept": "editor",
    "waitlist": "editor",
    "reject": "editor",
    "promote": "editor",
    "confirm": "applicant",
    "withdraw": "applicant",
}


@pytest.mark.parametrize(
    ("source", "action", "target"),
    [p for p in ENROLLMENT_WORKFLOW.pairs() if p[1] not in ("complete", "drop", "lapse", "cancel")],
)
def test_every_enrollment_transition(provider, source, action, target):
    enrollment = enrollment_in(provider, source)
    applicant = enrollment.applicant
    actor = applicant if ACTORS[action] == "applicant" else provider["editor"]
    wrong = provider["other_editor"] if actor is applicant else applicant
    with pytest.raises(PermissionDenied):
        services.enrollment_move(actor=wrong, enrollment=enrollment, action=action, reason="سبب")
    if action == "promote":
        # The place is held by the one ranked first: free it before promoting.
        holder = Enrollment.objects.exclude(pk=enrollment.pk).get(cohort=enrollment.cohort)
        services.enrollment_move(actor=holder.applicant, enrollment=holder, action="withdraw")
        assert Enrollment.objects.get(pk=enrollment.pk).status == target  # promoted already
        return
    moved = services.enrollment_move(
        actor=actor, enrollment=enrollment, action=action, reason="لا مكان"
    )
    assert moved.status == target


def test_lapse_is_for_the_platform_only(provider):
    enrollment = enrollment_in(provider, "accepted")
    with pytest.raises(PermissionDenied):
        services.enrollment_move(actor=provider["editor"], enrollment=enrollment, action="lapse")
    with pytest.raises(ValidationError):
        services.enrollment_move(actor=provider["editor"], enrollment=enrollment, action="complete")
    with pytest.raises(TransitionNotAllowed):
        services.enrollment_move(actor=enrollment.applicant, enrollment=enrollment, action="reject")


@pytest.mark.parametrize(
    ("source", "action", "target"), [p for p in COHORT_WORKFLOW.pairs() if p[1] != "finish"]
)
def test_every_cohort_transition(provider, source, action, target):
    from mujtama.training.services import courses

    cohort = make_cohort(provider, publish=source != "draft")
    with pytest.raises(PermissionDenied):
        courses.cohort_move(actor=provider["viewer"], cohort=cohort, action=action, reason="x")
    moved = courses.cohort_move(
        actor=provider["owner"], cohort=cohort, action=action, reason="تأجيل"
    )
    assert moved.status == target


def test_starting_closes_what_selection_left_open_and_cancelling_closes_everything(provider):
    from mujtama.training.services import courses

    cohort = make_cohort(provider, capacity=2)
    first = apply(cohort, young_person("الأولى", remote=True))
    second = apply(cohort, young_person("الثانية", vulnerable=True))
    third = apply(cohort, young_person("الثالثة"))
    services.cohort_select(actor=provider["editor"], cohort=cohort)
    services.enrollment_move(
        actor=first.applicant, enrollment=Enrollment.objects.get(pk=first.pk), action="confirm"
    )
    with pytest.raises(ValidationError):  # both places are held
        services.enrollment_move(
            actor=provider["editor"],
            enrollment=Enrollment.objects.get(pk=third.pk),
            action="promote",
        )
    courses.cohort_move(actor=provider["editor"], cohort=cohort, action="start")
    statuses = {e.pk: e.status for e in Enrollment.objects.all()}
    assert statuses == {first.pk: "enrolled", second.pk: "lapsed", third.pk: "rejected"}

    other = make_cohort(provider)
    waiting = apply(other, young_person("الرابعة"))
    Notification.objects.all().delete()
    courses.cohort_move(actor=provider["owner"], cohort=other, action="cancel", reason="لا تمويل")
    assert Enrollment.objects.get(pk=waiting.pk).status == "cancelled"
    assert Notification.objects.filter(recipient=waiting.applicant).count() >= 1
    with pytest.raises(ValidationError):
        services.enrollment_move(actor=provider["editor"], enrollment=first, action="cancel")
