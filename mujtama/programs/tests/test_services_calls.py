"""Programs and calls: drafting, publishing, amending an open call (versions, retired
questions, who is told), the clock (opening, closing, deadline reminders), the
notice of a call that suits an organization, and publishing the results."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.organizations.models import MemberRole, OrganizationKind
from mujtama.organizations.tests.factories import OrganizationFactory, add_member
from mujtama.programs import tasks
from mujtama.programs.models import (
    Answer,
    Application,
    Call,
    CallQuestion,
    CallVersion,
    Program,
    QuestionKind,
    RubricCriterion,
)
from mujtama.programs.services.applications import application_save, application_submit
from mujtama.programs.services.calls import (
    call_amend,
    call_publish_results,
    call_save_draft,
    call_start_review,
    calls_tick,
    program_save,
)
from mujtama.programs.tests.factories import (
    MEMBERS_ONLY,
    QUESTIONS,
    RUBRIC,
    at,
    call_fields,
    current_fields,
    edit_lists,
    force,
    make_call,
    make_program,
    member_org,
    question,
    start,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    with translation.override("en"):
        yield


def _inbox(kind: str, **filters: Any) -> Any:
    return Notification.objects.filter(kind=kind, channel="inbox", **filters)


# --- programs ------------------------------------------------------------------------------


def test_a_program_manager_creates_and_changes_a_program(program_manager):
    co_host = OrganizationFactory()
    program = make_program(program_manager, target_groups=None)
    program = program_save(
        actor=program_manager,
        program=program,
        co_hosts=[co_host],
        target_groups=["youth", "remote_areas"],
        name_en="Renamed",
    )
    program.refresh_from_db()
    assert program.name_en == "Renamed"
    assert list(program.co_hosts.all()) == [co_host]
    assert program.target_groups == ["youth", "remote_areas"]
    assert AuditEvent.objects.filter(verb="programs.program_created").count() == 1
    assert AuditEvent.objects.filter(verb="programs.program_changed").count() == 1


def test_only_a_program_manager_writes_programs(citizen, moct_officer):
    for person in (citizen, moct_officer, None):
        with pytest.raises(PermissionDenied):
            make_program(person)
    assert not Program.objects.exists()


def test_a_program_takes_only_known_kinds_and_target_groups(program_manager):
    with pytest.raises(ValidationError):
        make_program(program_manager, kind="party")
    with pytest.raises(ValidationError):
        program_save(
            actor=program_manager,
            kind="training",
            ministry="moct",
            name_ar="أ",
            name_en="A",
            description_ar="ب",
            description_en="B",
            target_groups=["everyone"],
        )
    assert not Program.objects.exists()


# --- drafting and publishing ---------------------------------------------------------------


def test_a_draft_call_is_created_with_its_questions_and_rubric(program_manager):
    call = make_call(program_manager, state="draft")
    assert call.status == "draft"
    assert call.version == 1
    assert call.questions.count() == len(QUESTIONS)
    assert [q.order for q in call.questions.all()] == [1, 2, 3, 4, 5]
    assert [c.weight for c in call.rubric.all()] == [3, 2, 1]
    assert call.eligibility_rules == MEMBERS_ONLY
    assert AuditEvent.objects.filter(verb="programs.call_created", object_id=str(call.pk)).exists()


def test_a_draft_stays_editable_and_a_removed_question_is_deleted(program_manager):
    call = make_call(program_manager, state="draft")
    questions, rubric = edit_lists(call)
    dropped = questions.pop()  # the file question
    questions[0]["label_en"] = "Summary of the project"
    changed = call_save_draft(
        actor=program_manager,
        program=call.program,
        call=call,
        eligibility_rules=[{"type": "kind_in", "values": ["tech_ngo"]}],
        questions=questions,
        rubric=rubric[:2],
        **call_fields(title_en="New title"),
    )
    assert changed.pk == call.pk
    assert changed.title_en == "New title"
    assert changed.version == 1  # a draft has no versions
    assert not CallQuestion.objects.filter(pk=dropped["id"]).exists()
    assert call.questions.count() == len(QUESTIONS) - 1
    assert call.rubric.count() == 2
    assert CallQuestion.objects.get(pk=questions[0]["id"]).label_en == "Summary of the project"
    assert AuditEvent.objects.filter(verb="programs.call_changed").count() == 1


@pytest.mark.parametrize("state", ["published", "open", "closed", "reviewing", "results_published"])
def test_a_published_call_is_not_edited_as_a_draft(state, program_manager):
    call = make_call(program_manager, state=state)
    questions, rubric = edit_lists(call)
    with pytest.raises(ValidationError) as refused:
        call_save_draft(
            actor=program_manager,
            program=call.program,
            call=call,
            eligibility_rules=[],
            questions=questions,
            rubric=rubric,
            **call_fields(title_en="Sneaky change"),
        )
    assert "amended" in " ".join(refused.value.messages)
    assert Call.objects.get(pk=call.pk).title_en != "Sneaky change"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"eligibility_rules": [{"type": "be_nice"}]}, "be_nice"),
        ({"eligibility_rules": [{"type": "min_members", "value": -1}]}, "whole number"),
        ({"eligibility_rules": [{"type": "kind_in", "values": []}]}, "at least one value"),
        (
            {
                "questions": [
                    {
                        "kind": "choice",
                        "label_ar": "أ",
                        "label_en": "A",
                        "choices": [{"value": "x", "label_ar": "س", "label_en": "X"}],
                    }
                ]
            },
            "at least two options",
        ),
        ({"questions": [{"kind": "essay", "label_ar": "أ", "label_en": "A"}]}, "kind of answer"),
        (
            {"questions": [{"kind": "text", "label_ar": "أ", "label_en": ""}]},
            "Arabic and in English",
        ),
        ({"rubric": []}, "at least one criterion"),
        ({"rubric": [{"name_ar": "أ", "name_en": "A", "weight": 0}]}, "weight of at least 1"),
    ],
)
def test_a_call_draft_is_checked(changes, message, program_manager):
    program = make_program(program_manager)
    values = {
        "eligibility_rules": MEMBERS_ONLY,
        "questions": QUESTIONS,
        "rubric": RUBRIC,
        **changes,
    }
    with pytest.raises(ValidationError) as refused:
        call_save_draft(actor=program_manager, program=program, **values, **call_fields())
    assert message in " ".join(refused.value.messages)
    assert not Call.objects.exists()


def test_a_call_must_close_after_it_opens(program_manager):
    now = timezone.now()
    with pytest.raises(ValidationError):
        make_call(program_manager, state="draft", opens_at=now, closes_at=now)
    assert not Call.objects.exists()


def test_only_a_program_manager_drafts_a_call(program_manager, org_owner):
    program = make_program(program_manager)
    with pytest.raises(PermissionDenied):
        call_save_draft(
            actor=org_owner,
            program=program,
            eligibility_rules=[],
            questions=QUESTIONS,
            rubric=RUBRIC,
            **call_fields(),
        )


def test_publishing_keeps_version_1(program_manager):
    call = make_call(program_manager, state="published")
    assert call.status == "published"
    assert call.published_at is not None
    version = CallVersion.objects.get(call=call)
    assert version.version == 1
    assert version.snapshot["title_en"] == call.title_en
    assert len(version.snapshot["questions"]) == len(QUESTIONS)
    assert [c["weight"] for c in version.snapshot["rubric"]] == [3, 2, 1]


# --- amending an open call -------------------------------------------------------------------


def _amend(
    actor: Any,
    call: Call,
    *,
    questions: Any = None,
    rubric: Any = None,
    rules: Any = None,
    **fields: Any,
) -> Call:
    current_questions, current_rubric = edit_lists(call)
    return call_amend(
        actor=actor,
        call=call,
        eligibility_rules=call.eligibility_rules if rules is None else rules,
        questions=current_questions if questions is None else questions,
        rubric=current_rubric if rubric is None else rubric,
        **{**current_fields(call), **fields},
    )


def test_amending_an_open_call_keeps_a_version_and_tells_the_drafts_only(
    program_manager, org_owner, django_capture_on_commit_callbacks
):
    call = make_call(program_manager)
    drafting = start(call, org_owner)
    drafting_editor = add_member(drafting.lead, UserFactory(), MemberRole.EDITOR)
    drafting_viewer = add_member(drafting.lead, UserFactory(), MemberRole.VIEWER)
    done_owner = UserFactory()
    done = submitted(call, done_owner)
    new_close = call.closes_at + timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        amended = _amend(
            program_manager, call, title_en="Call for training projects (v2)", closes_at=new_close
        )
    assert amended.version == 2
    assert Call.objects.get(pk=call.pk).version == 2
    version = CallVersion.objects.get(call=call, version=2)
    assert version.changes == ["closes_at", "title"]
    assert version.snapshot["title_en"] == "Call for training projects (v2)"
    assert CallVersion.objects.filter(call=call).count() == 2  # v1 kept
    event = AuditEvent.objects.get(verb="programs.call_amended")
    assert event.changes == {"version": 2, "changed": ["closes_at", "title"]}
    told = _inbox("programs_call")
    assert {n.recipient for n in told} == {org_owner, drafting_editor}
    assert drafting_viewer not in {n.recipient for n in told}
    assert not _inbox("programs_call", recipient=done_owner).exists()
    notice = told.get(recipient=org_owner)
    assert "version 2" in notice.body or "2" in notice.body
    # Delivery (e-mail) was queued after commit, not before.
    assert Notification.objects.filter(kind="programs_call", channel="email").exists()
    # The submitted application keeps the version it was judged against.
    assert Application.objects.get(pk=done.pk).call_version == 1


def test_an_amendment_that_changes_nothing_keeps_the_version(program_manager, org_owner):
    call = make_call(program_manager)
    start(call, org_owner)
    unchanged = _amend(program_manager, call)
    assert unchanged.version == 1
    assert CallVersion.objects.filter(call=call).count() == 1
    assert not AuditEvent.objects.filter(verb="programs.call_amended").exists()
    assert not _inbox("programs_call").exists()


def test_the_same_moment_written_in_damascus_time_is_no_change(program_manager):
    """A form gives the dates in the user's time zone; the database gives them in UTC.
    The same instant is not a change (no new version, nobody told)."""
    call = make_call(program_manager)
    damascus = timezone.get_default_timezone()
    unchanged = _amend(
        program_manager,
        call,
        opens_at=call.opens_at.astimezone(damascus),
        closes_at=call.closes_at.astimezone(damascus),
        budget=Decimal(str(call.budget)),
        max_award=Decimal(call.max_award),
    )
    assert unchanged.version == 1
    assert CallVersion.objects.filter(call=call).count() == 1


def test_a_question_removed_from_a_published_call_is_retired_and_answers_stay(
    program_manager, org_owner
):
    call = make_call(program_manager)
    done = submitted(call, org_owner)
    summary = question(call, QuestionKind.TEXT)
    answer = Answer.objects.get(application=done, question=summary)
    questions, _rubric = edit_lists(call)
    questions = [q for q in questions if q["id"] != summary.pk]
    questions.append(
        {"kind": "text", "label_ar": "الشركاء", "label_en": "Partners", "required": False}
    )
    amended = _amend(program_manager, call, questions=questions)
    assert amended.version == 2
    assert CallVersion.objects.get(call=call, version=2).changes == ["questions"]
    summary.refresh_from_db()
    assert summary.is_active is False  # retired, not deleted
    assert Answer.objects.get(pk=answer.pk).text == answer.text
    assert call.questions.filter(is_active=True).count() == len(QUESTIONS)
    assert call.questions.count() == len(QUESTIONS) + 1
    # The new version's snapshot lists only the active questions.
    labels = [
        q["label_en"] for q in CallVersion.objects.get(call=call, version=2).snapshot["questions"]
    ]
    assert "Project summary" not in labels and "Partners" in labels


def test_a_retired_question_is_no_longer_asked_of_drafts(program_manager, org_owner):
    call = make_call(program_manager)
    draft = start(call, org_owner, answered=False)
    summary = question(call, QuestionKind.TEXT)
    questions, _rubric = edit_lists(call)
    _amend(program_manager, call, questions=[q for q in questions if q["id"] != summary.pk])
    from mujtama.programs.tests.factories import good_answers

    answers = good_answers(call)
    assert summary.pk not in answers
    application_save(actor=org_owner, application=draft, answers=answers)
    assert application_submit(actor=org_owner, application=draft).status == "submitted"


def test_amending_the_rubric_and_rules_is_recorded(program_manager):
    call = make_call(program_manager)
    _questions, rubric = edit_lists(call)
    rubric[0]["weight"] = 4
    amended = _amend(
        program_manager,
        call,
        rubric=rubric,
        rules=[*MEMBERS_ONLY, {"type": "min_members", "value": 10}],
    )
    assert CallVersion.objects.get(call=amended, version=2).changes == [
        "eligibility_rules",
        "rubric",
    ]
    assert RubricCriterion.objects.get(pk=rubric[0]["id"]).weight == 4


@pytest.mark.parametrize("state", ["draft", "closed", "reviewing", "results_published"])
def test_only_a_published_or_open_call_is_amended(state, program_manager):
    call = make_call(program_manager, state=state)
    with pytest.raises(ValidationError):
        _amend(program_manager, call, title_en="Changed")
    assert Call.objects.get(pk=call.pk).version == 1


def test_a_published_call_not_yet_open_may_be_amended(program_manager):
    call = make_call(
        program_manager,
        state="published",
        opens_at=timezone.now() + timedelta(days=2),
        closes_at=timezone.now() + timedelta(days=30),
    )
    assert _amend(program_manager, call, text_en="Clearer text").version == 2


def test_only_a_program_manager_amends(program_manager, org_owner):
    call = make_call(program_manager)
    with pytest.raises(PermissionDenied):
        _amend(org_owner, call, title_en="Mine now")
    assert Call.objects.get(pk=call.pk).version == 1


# --- the clock -----------------------------------------------------------------------------

OPENS = at(2026, 7, 1, 9)
CLOSES = at(2026, 7, 31, 17)


@pytest.fixture
def scheduled(program_manager) -> Call:
    """A call published before it opens (1 July 09:00 to 31 July 17:00, Damascus)."""
    with time_machine.travel(at(2026, 6, 15), tick=False):
        return make_call(program_manager, state="published", opens_at=OPENS, closes_at=CLOSES)


def _tick(moment: Any) -> Any:
    with time_machine.travel(moment, tick=False):
        return calls_tick()


def test_the_clock_opens_and_closes_the_call_exactly(scheduled):
    second = timedelta(seconds=1)
    assert _tick(OPENS - second).opened == []
    assert Call.objects.get(pk=scheduled.pk).status == "published"
    assert _tick(OPENS).opened == [scheduled.pk]
    assert Call.objects.get(pk=scheduled.pk).status == "open"
    for _ in range(3):
        report = _tick(OPENS + second)
        assert report.opened == [] and report.closed == []
    assert _tick(CLOSES - second).closed == []
    assert Call.objects.get(pk=scheduled.pk).status == "open"
    assert _tick(CLOSES).closed == [scheduled.pk]
    assert Call.objects.get(pk=scheduled.pk).status == "closed"
    for _ in range(3):
        report = _tick(CLOSES + timedelta(days=1))
        assert report.opened == [] and report.closed == []
    assert AuditEvent.objects.filter(verb="programs.call.open").count() == 1
    assert AuditEvent.objects.filter(verb="programs.call.close").count() == 1
    # The platform took the steps: no person is named.
    assert set(
        AuditEvent.objects.filter(
            verb__in=["programs.call.open", "programs.call.close"]
        ).values_list("actor", flat=True)
    ) == {None}


def test_a_call_whose_whole_window_passed_unseen_is_opened_then_closed(scheduled):
    report = _tick(CLOSES + timedelta(hours=1))
    assert report.opened == [scheduled.pk]
    assert report.closed == [scheduled.pk]
    assert Call.objects.get(pk=scheduled.pk).status == "closed"


def test_the_clock_leaves_drafts_alone(program_manager):
    with time_machine.travel(at(2026, 6, 15), tick=False):
        draft = make_call(program_manager, state="draft", opens_at=OPENS, closes_at=CLOSES)
    _tick(OPENS + timedelta(days=1))
    assert Call.objects.get(pk=draft.pk).status == "draft"


def test_the_periodic_task_reports_what_it_did(scheduled):
    with time_machine.travel(OPENS, tick=False):
        assert tasks.calls_tick.delay().get() == {"opened": 1, "closed": 0, "reminders": 0}


def test_deadline_reminders_go_to_drafts_once_each_and_never_to_submitted(
    scheduled, org_owner, django_capture_on_commit_callbacks
):
    _tick(OPENS)
    with time_machine.travel(OPENS + timedelta(days=1), tick=False):
        call = Call.objects.get(pk=scheduled.pk)
        draft = start(call, org_owner, answered=False)
        editor = add_member(draft.lead, UserFactory(), MemberRole.EDITOR)
        viewer = add_member(draft.lead, UserFactory(), MemberRole.VIEWER)
        done_owner = UserFactory()
        submitted(call, done_owner)
        withdrawn_owner = UserFactory()
        withdrawn = start(call, withdrawn_owner)
        from mujtama.programs.services.applications import application_withdraw

        application_withdraw(actor=withdrawn_owner, application=withdrawn)

    def reminders(days: int) -> set[Any]:
        return {
            n.recipient
            for n in _inbox("programs_call").filter(
                dedupe_key__startswith=f"call-deadline:{draft.pk}:{days}:"
            )
        }

    with django_capture_on_commit_callbacks(execute=True):
        _tick(CLOSES - timedelta(days=7, seconds=1))
    assert not _inbox("programs_call").exists()  # more than 7 days left

    counts = []
    for moment in [
        CLOSES - timedelta(days=7),
        CLOSES - timedelta(days=6),
        CLOSES - timedelta(days=3),
        CLOSES - timedelta(days=1, seconds=1),
    ]:
        for _ in range(3):
            counts.append(_tick(moment).reminders)
    assert sum(counts) == 1  # one reminder (the 7-day one) for the one draft
    assert reminders(7) == {org_owner, editor}
    assert viewer not in reminders(7)
    assert reminders(1) == set()

    for moment in [
        CLOSES - timedelta(days=1),
        CLOSES - timedelta(hours=5),
        CLOSES - timedelta(seconds=1),
    ]:
        for _ in range(3):
            _tick(moment)
    assert reminders(1) == {org_owner, editor}
    _tick(CLOSES)
    _tick(CLOSES + timedelta(days=1))
    assert _inbox("programs_call").count() == 4  # 2 people × (7 days, 1 day)
    assert not _inbox("programs_call", recipient=done_owner).exists()
    assert not _inbox("programs_call", recipient=withdrawn_owner).exists()
    # Each reminder is also an e-mail (queued), not more.
    assert Notification.objects.filter(kind="programs_call", channel="email").count() == 4
    body = _inbox("programs_call", recipient=org_owner).get(dedupe_key__contains=":7:").body
    assert call.title_en in body or call.title_ar in body


def test_a_draft_started_in_the_last_day_gets_only_the_1_day_reminder(scheduled, org_owner):
    _tick(OPENS)
    with time_machine.travel(CLOSES - timedelta(hours=20), tick=False):
        draft = start(Call.objects.get(pk=scheduled.pk), org_owner, answered=False)
    _tick(CLOSES - timedelta(hours=19))
    _tick(CLOSES - timedelta(hours=2))
    keys = list(_inbox("programs_call").values_list("dedupe_key", flat=True))
    assert keys == [f"call-deadline:{draft.pk}:1:{org_owner.pk}:inbox"]


def test_a_reminder_says_how_many_days_are_really_left(scheduled, org_owner):
    """A draft the clock first sees 3 days before the close gets the 7-day reminder,
    which says 3 days, in the recipient's language, with a plural that fits."""
    _tick(OPENS)
    org_owner.language = "en"
    org_owner.save(update_fields=["language"])
    with time_machine.travel(CLOSES - timedelta(days=3, hours=1), tick=False):
        start(Call.objects.get(pk=scheduled.pk), org_owner, answered=False)
    _tick(CLOSES - timedelta(days=2, hours=12))
    _tick(CLOSES - timedelta(hours=2))
    subjects = list(
        _inbox("programs_call", recipient=org_owner)
        .order_by("pk")
        .values_list("subject", flat=True)
    )
    assert len(subjects) == 2, subjects
    assert "closes in 3 days" in subjects[0]
    assert "closes in 1 day:" in subjects[1]


# --- telling organizations a call suits them ------------------------------------------------


def test_an_opened_call_is_announced_to_matching_member_organizations_once(
    program_manager, django_capture_on_commit_callbacks
):
    rules: list[dict[str, Any]] = [
        {"type": "membership_current"},
        {"type": "kind_in", "values": ["tech_ngo", "youth_initiative"]},
        {"type": "governorates_any", "values": ["SY01", "SY03"]},
    ]
    with time_machine.travel(at(2026, 6, 15), tick=False):
        call = make_call(
            program_manager, state="published", rules=rules, opens_at=OPENS, closes_at=CLOSES
        )
    people: dict[str, Any] = {}

    def org(name: str, **fields: Any) -> Any:
        people[name] = UserFactory()
        return member_org(people[name], **fields)

    damascus = org("damascus")
    rural = org(
        "rural", status="provisional", kind=OrganizationKind.YOUTH_INITIATIVE, places=["SY03"]
    )
    org("university", kind=OrganizationKind.UNIVERSITY)
    org("not_member", status="")
    org("elsewhere", places=["SY09"])
    org("suspended", status="suspended")
    viewer = add_member(damascus, UserFactory(), MemberRole.VIEWER)
    editor = add_member(rural, UserFactory(), MemberRole.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        _tick(OPENS)
        _tick(OPENS + timedelta(minutes=5))
    told = list(_inbox("programs_call"))
    assert sorted(n.recipient.pk for n in told) == sorted(
        [people["damascus"].pk, people["rural"].pk, editor.pk]
    )
    assert viewer.pk not in {n.recipient.pk for n in told}
    assert all(n.link.endswith(f"/calls/{call.pk}/") for n in told)
    # Calling the notice again (a repeated delivery) sends nothing new.
    from mujtama.core.workflows import Outcome
    from mujtama.programs import notices

    notices.call_opened(
        Call.objects.get(pk=call.pk), Outcome("open", "published", "open", None, "")
    )
    assert _inbox("programs_call").count() == 3


def test_an_opened_call_without_place_rules_is_announced_to_every_eligible_member(program_manager):
    with time_machine.travel(at(2026, 6, 15), tick=False):
        make_call(program_manager, state="published", opens_at=OPENS, closes_at=CLOSES)
    member = member_org(UserFactory(), places=["SY14"])
    member_org(UserFactory(), status="")
    _tick(OPENS)
    assert [n.recipient for n in _inbox("programs_call")] == [member.created_by]


# --- review and results --------------------------------------------------------------------


def test_the_review_starts_only_once_the_call_closed(program_manager):
    call = make_call(program_manager)
    with pytest.raises(TransitionNotAllowed):
        call_start_review(actor=program_manager, call=call)
    call = force(call, "closed")
    assert call_start_review(actor=program_manager, call=call).status == "reviewing"


@pytest.mark.parametrize(
    "undecided", ["submitted", "screening", "more_info", "under_review", "shortlisted"]
)
def test_results_are_not_published_while_an_application_is_undecided(
    undecided, program_manager, org_owner
):
    call = make_call(program_manager)
    waiting = submitted(call, org_owner)
    force(submitted(call, UserFactory()), "awarded")
    force(submitted(call, UserFactory()), "withdrawn")
    start(call, UserFactory())  # a draft never submitted does not hold the results back
    force(waiting, undecided)
    call = force(call, "reviewing")
    with pytest.raises(ValidationError) as refused:
        call_publish_results(actor=program_manager, call=call)
    assert "(1 left)" in " ".join(refused.value.messages)
    assert Call.objects.get(pk=call.pk).status == "reviewing"
    assert Call.objects.get(pk=call.pk).results_published_at is None


def test_results_are_published_once_every_application_is_decided(
    program_manager, org_owner, django_capture_on_commit_callbacks
):
    call = make_call(program_manager)
    won = force(submitted(call, org_owner), "awarded")
    lost_owner = UserFactory()
    force(submitted(call, lost_owner), "not_selected")
    draft_owner = UserFactory()
    start(call, draft_owner)
    call = force(call, "reviewing")
    with django_capture_on_commit_callbacks(execute=True):
        published = call_publish_results(actor=program_manager, call=call)
    assert published.status == "results_published"
    assert published.results_published_at is not None
    told = {n.recipient for n in _inbox("programs_call")}
    assert told == {org_owner, lost_owner}
    assert won.lead.created_by == org_owner


# --- what a call may hold ------------------------------------------------------------------


def _draft(program_manager: Any, **changes: Any) -> Call:
    values: dict[str, Any] = {
        "actor": program_manager,
        "program": make_program(program_manager),
        "eligibility_rules": MEMBERS_ONLY,
        "questions": QUESTIONS,
        "rubric": RUBRIC,
        **call_fields(),
    }
    values.update(changes)
    return call_save_draft(**values)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"opens_at": None}, "the date and time the call opens"),
        ({"closes_at": None}, "the date and time the call closes"),
        (
            {"questions": [{**QUESTIONS[0], "label_en": "x" * 301}]},
            "Question 1: Ensure this value has at most 300 characters",
        ),
        ({"rubric": [{**RUBRIC[0], "weight": 101}]}, "Criterion 1: Ensure this value is less"),
        (
            {"eligibility_rules": [{"type": "governorates_any", "values": ["SY99"]}]},
            "Unknown governorate: SY99",
        ),
        (
            {"eligibility_rules": [{"type": "expertise_any", "values": ["alchemy"]}]},
            "Unknown area of expertise: alchemy",
        ),
        ({"eligibility_rules": [{"type": "min_members", "value": "many"}]}, "whole number"),
    ],
)
def test_a_call_that_cannot_be_stored_is_refused_with_the_reason(program_manager, changes, message):
    fields = {key: value for key, value in changes.items() if value is not None}
    removed = [key for key, value in changes.items() if value is None]
    values = {**call_fields(), **fields}
    for key in removed:
        values.pop(key)
    before = Call.objects.count()
    with pytest.raises(ValidationError) as refused:
        call_save_draft(
            actor=program_manager,
            program=make_program(program_manager),
            eligibility_rules=values.pop("eligibility_rules", MEMBERS_ONLY),
            questions=values.pop("questions", QUESTIONS),
            rubric=values.pop("rubric", RUBRIC),
            **values,
        )
    assert message in " ".join(refused.value.messages)
    assert Call.objects.count() == before  # nothing half-written


def test_the_names_of_areas_are_written_into_the_rule(program_manager):
    from mujtama.organizations.models import ExpertiseArea

    area = ExpertiseArea.objects.order_by("pk").first()
    call = _draft(
        program_manager,
        eligibility_rules=[{"type": "expertise_any", "values": [area.code], "names": {}}],
    )
    [rule] = Call.objects.get(pk=call.pk).eligibility_rules
    assert rule["names"] == {area.code: [area.name_ar, area.name_en]}


def test_a_call_whose_closing_date_has_passed_is_not_published(program_manager):
    from mujtama.programs.services.calls import call_publish

    call = _draft(program_manager)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="closing date has passed"):
        call_publish(actor=program_manager, call=call)
    assert Call.objects.get(pk=call.pk).status == "draft"
