"""Applying to a call: the deadline by the clock, eligibility with every reason,
consortium partners, answers checked per kind (files by content), one application
per organization, what a submission records, decisions and awards, and who is told."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.organizations.models import MemberRole, OrganizationKind
from mujtama.organizations.tests.factories import PDF_BYTES, add_member, png_bytes
from mujtama.programs.models import (
    Answer,
    Application,
    ApplicationPartner,
    Award,
    Call,
    QuestionKind,
)
from mujtama.programs.services.applications import (
    SubmissionBlocked,
    application_decide,
    application_provide_info,
    application_readiness,
    application_save,
    application_start,
    application_submit,
    application_withdraw,
    eligibility,
    partner_answer,
    partner_invite,
    partner_remove,
)
from mujtama.programs.services.calls import call_amend
from mujtama.programs.tests.factories import (
    EXE_BYTES,
    REASON,
    at,
    current_fields,
    edit_lists,
    force,
    good_answers,
    make_call,
    member_org,
    question,
    start,
    submitted,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    with translation.override("en"):
        yield


def _inbox(**filters: Any) -> Any:
    return Notification.objects.filter(kind="programs_application", channel="inbox", **filters)


# --- the deadline, by the clock ------------------------------------------------------------

OPENS = at(2026, 7, 1, 9)
CLOSES = at(2026, 7, 31, 17)
SECOND = timedelta(seconds=1)


@pytest.fixture
def window(program_manager, org_owner) -> Application:
    """A complete draft to a call open 1 July 09:00 to 31 July 17:00 (Damascus)."""
    with time_machine.travel(at(2026, 6, 20), tick=False):
        call = make_call(program_manager, opens_at=OPENS, closes_at=CLOSES)
    with time_machine.travel(OPENS + timedelta(days=2), tick=False):
        return start(call, org_owner)


def _submit_at(moment: Any, application: Application, actor: Any) -> Application:
    with time_machine.travel(moment, tick=False):
        return application_submit(actor=actor, application=application)


def test_a_submission_one_second_after_the_deadline_is_refused_though_the_call_looks_open(
    window, org_owner
):
    assert window.call.status == "open"  # the clock task has not run
    with pytest.raises(PermissionDenied) as refused:
        _submit_at(CLOSES + SECOND, window, org_owner)
    assert "closed" in str(refused.value)
    assert Application.objects.get(pk=window.pk).status == "draft"
    assert Call.objects.get(pk=window.call_id).status == "open"
    assert not AuditEvent.objects.filter(verb="programs.application.submit").exists()


def test_a_submission_at_the_deadline_itself_is_refused(window, org_owner):
    with pytest.raises(PermissionDenied):
        _submit_at(CLOSES, window, org_owner)


def test_a_submission_one_second_before_the_deadline_is_accepted(window, org_owner):
    done = _submit_at(CLOSES - SECOND, window, org_owner)
    assert done.status == "submitted"
    assert done.submitted_at == CLOSES - SECOND


def test_a_submission_before_the_call_opens_is_refused(window, org_owner):
    with pytest.raises(PermissionDenied) as refused:
        _submit_at(OPENS - SECOND, window, org_owner)
    assert "not opened yet" in str(refused.value)
    assert _submit_at(OPENS, window, org_owner).status == "submitted"


def test_a_call_opened_by_the_clock_accepts_before_the_task_runs(program_manager, org_owner):
    with time_machine.travel(at(2026, 6, 20), tick=False):
        call = make_call(program_manager, state="published", opens_at=OPENS, closes_at=CLOSES)
    with time_machine.travel(OPENS + SECOND, tick=False):
        assert Call.objects.get(pk=call.pk).status == "published"
        assert submitted(call, org_owner).status == "submitted"


def test_no_application_is_started_outside_the_window(program_manager, org_owner):
    with time_machine.travel(at(2026, 6, 20), tick=False):
        call = make_call(program_manager, state="published", opens_at=OPENS, closes_at=CLOSES)
        organization = member_org(org_owner)
        with pytest.raises(ValidationError):
            application_start(actor=org_owner, call=call, lead=organization, title="مبكر")
    with time_machine.travel(CLOSES + SECOND, tick=False), pytest.raises(ValidationError):
        application_start(actor=org_owner, call=call, lead=organization, title="متأخر")
    assert not Application.objects.exists()


@pytest.mark.parametrize("state", ["draft", "closed", "reviewing", "results_published"])
def test_a_call_outside_publication_takes_no_submission_even_inside_its_window(
    state, window, org_owner
):
    force(window.call, state)
    with pytest.raises(PermissionDenied):
        _submit_at(OPENS + timedelta(days=3), Application.objects.get(pk=window.pk), org_owner)


# --- eligibility ----------------------------------------------------------------------------


def test_an_ineligible_organization_is_told_every_failing_rule(program_manager, org_owner):
    rules: list[dict[str, Any]] = [
        {"type": "membership_current"},
        {"type": "kind_in", "values": ["university"]},
        {"type": "governorates_any", "values": ["SY05"]},
        {"type": "min_members", "value": 100},
        {"type": "scope_is", "value": "domestic"},  # this one passes
    ]
    call = make_call(program_manager, rules=rules)
    organization = member_org(org_owner, status="")
    draft = start(call, org_owner, organization)
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=draft)
    results = blocked.value.readiness.eligibility
    assert [r.rule for r in results] == [r["type"] for r in rules]
    assert [r.passed for r in results] == [False, False, False, False, True]
    assert blocked.value.readiness.problems == []
    messages = blocked.value.messages
    assert len(messages) == 4
    assert any("join it first" in m for m in messages)
    assert any("University" in m for m in messages)
    assert any("Hama" in m for m in messages)
    assert any("100" in m for m in messages)
    assert Application.objects.get(pk=draft.pk).status == "draft"
    assert not AuditEvent.objects.filter(verb="programs.application.submit").exists()


def test_eligibility_is_shown_before_applying(program_manager, org_owner):
    call = make_call(program_manager, rules=[{"type": "membership_current"}])
    assert eligibility(call, member_org(org_owner))[0].passed
    assert not eligibility(call, member_org(org_owner, status="suspended"))[0].passed


def test_every_problem_is_listed_at_once(program_manager, org_owner):
    call = make_call(program_manager, rules=[{"type": "membership_current"}])
    draft = start(call, org_owner, member_org(org_owner, status=""), answered=False)
    partner_invite(actor=org_owner, application=draft, partner=member_org(UserFactory()))
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=draft)
    problems = blocked.value.readiness.problems
    assert len(problems) == 1 + 3  # the partner, three required questions
    assert any("has not confirmed" in p for p in problems)
    assert sum("Answer the question" in p for p in problems) == 3
    assert len(blocked.value.messages) == 1 + 1 + 3


# --- consortium partners --------------------------------------------------------------------


@pytest.fixture
def consortium_call(program_manager) -> Call:
    return make_call(
        program_manager,
        rules=[
            {"type": "membership_current"},
            {"type": "consortium_includes_kind", "value": "university"},
        ],
    )


def test_a_consortium_rule_is_met_only_by_a_confirmed_partner(
    consortium_call, org_owner, django_capture_on_commit_callbacks
):
    draft = start(consortium_call, org_owner)
    lead_editor = add_member(draft.lead, UserFactory(), MemberRole.EDITOR)
    # Alone: the rule fails.
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=draft)
    assert [r.passed for r in blocked.value.readiness.eligibility] == [True, False]

    declining_owner, confirming_owner = UserFactory(), UserFactory()
    declining = member_org(declining_owner, kind=OrganizationKind.UNIVERSITY)
    confirming = member_org(confirming_owner, kind=OrganizationKind.UNIVERSITY)
    with django_capture_on_commit_callbacks(execute=True):
        first = partner_invite(actor=org_owner, application=draft, partner=declining)
    assert first.status == "invited"
    assert {n.recipient for n in _inbox()} == {declining_owner}  # the partner's editors

    # Invited but not confirmed: blocks the submission.
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=draft)
    assert any(declining.name in p for p in blocked.value.readiness.problems)

    # Declined: does not block, and does not count.
    partner_answer(actor=declining_owner, partner=first, confirm=False)
    assert {n.recipient for n in _inbox()} >= {org_owner, lead_editor}  # the lead is told
    readiness = application_readiness(draft)
    assert readiness.problems == []
    assert [r.passed for r in readiness.eligibility] == [True, False]
    with pytest.raises(SubmissionBlocked):
        application_submit(actor=org_owner, application=draft)

    # Confirmed: counts.
    second = partner_invite(actor=org_owner, application=draft, partner=confirming)
    assert (
        partner_answer(actor=confirming_owner, partner=second, confirm=True).status == "confirmed"
    )
    done = application_submit(actor=org_owner, application=draft)
    assert done.status == "submitted"
    assert [r["passed"] for r in done.eligibility_results] == [True, True]


def test_only_the_partner_organization_answers_its_invitation(consortium_call, org_owner):
    draft = start(consortium_call, org_owner)
    partner_owner = UserFactory()
    invitation = partner_invite(
        actor=org_owner, application=draft, partner=member_org(partner_owner, kind="university")
    )
    viewer = add_member(invitation.organization, UserFactory(), MemberRole.VIEWER)
    for someone in (org_owner, viewer, UserFactory()):
        with pytest.raises(PermissionDenied):
            partner_answer(actor=someone, partner=invitation, confirm=True)
    assert ApplicationPartner.objects.get(pk=invitation.pk).status == "invited"


def test_partners_are_invited_once_and_never_the_lead(consortium_call, org_owner):
    draft = start(consortium_call, org_owner)
    partner = member_org(UserFactory())
    partner_invite(actor=org_owner, application=draft, partner=partner)
    with pytest.raises(ValidationError):
        partner_invite(actor=org_owner, application=draft, partner=partner)
    with pytest.raises(ValidationError):
        partner_invite(actor=org_owner, application=draft, partner=draft.lead)
    with pytest.raises(PermissionDenied):
        partner_invite(actor=UserFactory(), application=draft, partner=member_org(UserFactory()))
    assert draft.partners.count() == 1


def test_partners_change_only_while_the_application_is_a_draft(consortium_call, org_owner):
    draft = start(consortium_call, org_owner)
    partner_owner = UserFactory()
    invitation = partner_invite(
        actor=org_owner, application=draft, partner=member_org(partner_owner, kind="university")
    )
    partner_answer(actor=partner_owner, partner=invitation, confirm=True)
    done = application_submit(actor=org_owner, application=draft)
    with pytest.raises(ValidationError):
        partner_invite(actor=org_owner, application=done, partner=member_org(UserFactory()))
    with pytest.raises(ValidationError):
        partner_remove(actor=org_owner, partner=ApplicationPartner.objects.get(pk=invitation.pk))
    with pytest.raises(ValidationError):
        partner_answer(actor=partner_owner, partner=invitation, confirm=False)
    assert ApplicationPartner.objects.get(pk=invitation.pk).status == "confirmed"


def test_a_removed_partner_no_longer_blocks(consortium_call, org_owner):
    draft = start(consortium_call, org_owner, member_org(org_owner, kind="university"))
    invitation = partner_invite(
        actor=org_owner, application=draft, partner=member_org(UserFactory())
    )
    partner_remove(actor=org_owner, partner=invitation)
    assert application_submit(actor=org_owner, application=draft).status == "submitted"
    assert AuditEvent.objects.filter(verb="programs.partner_removed").count() == 1


# --- answers --------------------------------------------------------------------------------


@pytest.fixture
def draft(program_manager, org_owner) -> Application:
    return start(make_call(program_manager), org_owner, answered=False)


def test_required_questions_block_submission_until_answered(draft, org_owner):
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=draft)
    assert sorted(blocked.value.readiness.problems) == sorted(
        f"Answer the question: {label}"
        for label in ["Project summary", "Number of beneficiaries", "Target group"]
    )
    # Whitespace is no answer.
    application_save(
        actor=org_owner,
        application=draft,
        answers={**good_answers(draft.call), question(draft.call, "text").pk: "   "},
    )
    with pytest.raises(SubmissionBlocked) as blocked:
        application_submit(actor=org_owner, application=draft)
    assert blocked.value.readiness.problems == ["Answer the question: Project summary"]
    application_save(actor=org_owner, application=draft, answers=good_answers(draft.call))
    assert application_submit(actor=org_owner, application=draft).status == "submitted"


def _save(
    draft: Application, owner: Any, kind: str, value: Any
) -> tuple[dict[int, list[str]], Any]:
    q = question(draft.call, kind)
    errors = application_save(actor=owner, application=draft, answers={q.pk: value})
    return errors, Answer.objects.filter(application=draft, question=q).first()


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("300", Decimal(300)),
        ("١٢٣", Decimal(123)),
        ("١٢٫٥", Decimal("12.5")),
        ("1,500", Decimal(1500)),
        ("١٬٥٠٠", Decimal(1500)),
        (" 42 ", Decimal(42)),
        ("1", Decimal(1)),
        ("10000", Decimal(10000)),
        ("", None),
    ],
)
def test_number_answers_accept_western_and_arabic_indic_digits(draft, org_owner, value, stored):
    errors, answer = _save(draft, org_owner, QuestionKind.NUMBER, value)
    assert errors == {}
    assert answer.number == stored


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "At least 1"),
        ("10001", "At most 10000"),
        ("-5", "At least"),
        ("abc", "Write a number"),
        ("NaN", "Write a number"),
        ("Infinity", "Write a number"),
        ("١٠٠٠١", "At most"),
    ],
)
def test_number_answers_out_of_bounds_or_not_numbers_are_refused(draft, org_owner, value, message):
    errors, answer = _save(draft, org_owner, QuestionKind.NUMBER, value)
    q = question(draft.call, QuestionKind.NUMBER)
    assert list(errors) == [q.pk]
    assert message in errors[q.pk][0]
    assert answer is None


def test_a_huge_number_without_bounds_is_refused_not_a_crash(program_manager, org_owner):
    """The answer column holds 16 digits, 2 after the point: a larger number is
    refused with a message (it used to fail when saved)."""
    call = make_call(
        program_manager,
        questions=[{"kind": "number", "label_ar": "الكلفة", "label_en": "Cost", "required": True}],
    )
    draft = start(call, org_owner, answered=False)
    q = call.questions.get()
    for value in ("1e20", "12345678901234567", "-100000000000000"):
        errors = application_save(actor=org_owner, application=draft, answers={q.pk: value})
        assert "too large" in errors[q.pk][0], value
    assert not Answer.objects.filter(question=q).exists()
    for value, stored in (
        ("123456789012.34", Decimal("123456789012.34")),
        ("1.005", Decimal("1.01")),
        ("0.001", Decimal("0.00")),
    ):
        assert application_save(actor=org_owner, application=draft, answers={q.pk: value}) == {}
        assert Answer.objects.get(question=q).number == stored


def test_text_answers_are_limited_in_length(draft, org_owner):
    q = question(draft.call, QuestionKind.TEXT)  # max_length 200
    errors, _answer = _save(draft, org_owner, QuestionKind.TEXT, "ب" * 201)
    assert "At most 200 characters (now 201)" in errors[q.pk][0]
    errors, answer = _save(draft, org_owner, QuestionKind.TEXT, "  " + "ب" * 200 + "  ")
    assert errors == {}
    assert answer.text == "ب" * 200
    long = question(draft.call, QuestionKind.LONG_TEXT)  # default limit 5000
    errors, _answer = _save(draft, org_owner, QuestionKind.LONG_TEXT, "x" * 5001)
    assert list(errors) == [long.pk]
    errors, answer = _save(draft, org_owner, QuestionKind.LONG_TEXT, "x" * 5000)
    assert errors == {} and len(answer.text) == 5000


def test_choice_answers_must_be_one_of_the_options(draft, org_owner):
    q = question(draft.call, QuestionKind.CHOICE)
    errors, answer = _save(draft, org_owner, QuestionKind.CHOICE, "elderly")
    assert "Choose one of the options" in errors[q.pk][0]
    assert answer is None
    errors, answer = _save(draft, org_owner, QuestionKind.CHOICE, "remote")
    assert errors == {} and answer.text == "remote"


def test_files_are_checked_by_content_not_by_name(draft, org_owner):
    q = question(draft.call, QuestionKind.FILE)
    errors = application_save(
        actor=org_owner, application=draft, files={q.pk: (upload(EXE_BYTES), "budget.pdf")}
    )
    assert "Only PDF files and images" in errors[q.pk][0]
    assert not Answer.objects.filter(application=draft, question=q).exists()
    errors = application_save(
        actor=org_owner, application=draft, files={q.pk: (upload(PDF_BYTES), "الموازنة.pdf")}
    )
    assert errors == {}
    answer = Answer.objects.get(application=draft, question=q)
    assert answer.file_type == "application/pdf"
    assert answer.file_name == "الموازنة.pdf"
    assert str(answer.file.name).endswith(".pdf")
    assert answer.file.read() == PDF_BYTES
    # An image named like a script is stored as the image it is.
    errors = application_save(
        actor=org_owner, application=draft, files={q.pk: (upload(png_bytes()), "run.exe")}
    )
    assert errors == {}
    answer.refresh_from_db()
    assert answer.file_type == "image/png"
    assert str(answer.file.name).endswith(".png")


def test_a_draft_keeps_the_valid_answers_and_reports_the_invalid_ones(draft, org_owner):
    text, number, choice = (question(draft.call, k) for k in ("text", "number", "choice"))
    assert application_save(actor=org_owner, application=draft, answers={number.pk: "50"}) == {}
    errors = application_save(
        actor=org_owner,
        application=draft,
        answers={text.pk: "ملخص صحيح", number.pk: "مليون", choice.pk: "nobody"},
        title="عنوان جديد للمشروع",
    )
    assert set(errors) == {number.pk, choice.pk}
    stored = {a.question_id: a for a in Answer.objects.filter(application=draft)}
    assert stored[text.pk].text == "ملخص صحيح"
    assert stored[number.pk].number == Decimal(50)  # the earlier valid value stays
    assert choice.pk not in stored
    assert Application.objects.get(pk=draft.pk).title == "عنوان جديد للمشروع"


def test_answers_to_questions_of_another_call_are_ignored(draft, org_owner, program_manager):
    other = make_call(program_manager)
    foreign = question(other, "text")
    assert application_save(actor=org_owner, application=draft, answers={foreign.pk: "x"}) == {}
    assert not Answer.objects.filter(question=foreign).exists()


def test_only_the_organizations_editors_save(draft):
    viewer = add_member(draft.lead, UserFactory(), MemberRole.VIEWER)
    for someone in (viewer, UserFactory()):
        with pytest.raises(PermissionDenied):
            application_save(actor=someone, application=draft, title="x")


def test_the_requested_amount_stays_within_the_maximum_award(draft, org_owner):
    errors = application_save(
        actor=org_owner, application=draft, requested_amount=Decimal(5_000_001)
    )
    assert "5000000" in errors[0][0]
    assert Application.objects.get(pk=draft.pk).requested_amount is None
    errors = application_save(actor=org_owner, application=draft, requested_amount=Decimal(-1))
    assert errors[0]
    assert (
        application_save(actor=org_owner, application=draft, requested_amount=Decimal(5_000_000))
        == {}
    )
    assert Application.objects.get(pk=draft.pk).requested_amount == Decimal(5_000_000)


def test_a_submitted_application_is_no_longer_changed(program_manager, org_owner):
    done = submitted(make_call(program_manager), org_owner)
    with pytest.raises(ValidationError):
        application_save(actor=org_owner, application=done, title="changed")


# --- one application per organization per call ----------------------------------------------


def test_one_application_per_organization_and_call(program_manager, org_owner):
    call = make_call(program_manager)
    first = start(call, org_owner, answered=False)
    with pytest.raises(ValidationError) as refused:
        application_start(actor=org_owner, call=call, lead=first.lead, title="ثانية")
    assert "already has an application" in " ".join(refused.value.messages)
    application_withdraw(actor=org_owner, application=first)
    second = application_start(actor=org_owner, call=call, lead=first.lead, title="ثانية")
    assert second.pk != first.pk
    assert Application.objects.filter(call=call, lead=first.lead).count() == 2
    # Another call is another application.
    assert application_start(
        actor=org_owner, call=make_call(program_manager), lead=first.lead, title="ثالثة"
    )


def test_an_application_needs_a_title_and_an_editor(program_manager, org_owner):
    call = make_call(program_manager)
    organization = member_org(org_owner)
    with pytest.raises(ValidationError):
        application_start(actor=org_owner, call=call, lead=organization, title="   ")
    with pytest.raises(PermissionDenied):
        application_start(actor=UserFactory(), call=call, lead=organization, title="عنوان")
    assert not Application.objects.exists()


# --- what a submission records --------------------------------------------------------------


def test_the_submission_keeps_the_call_version_and_eligibility_after_an_amendment(
    program_manager, org_owner
):
    call = make_call(program_manager, rules=[{"type": "membership_current"}])
    done = submitted(call, org_owner)
    assert done.call_version == 1
    assert done.eligibility_results[0]["rule"] == "membership_current"
    assert done.eligibility_results[0]["passed"] is True
    assert done.eligibility_results[0]["message_en"]
    assert done.eligibility_results[0]["message_ar"]
    recorded = list(done.eligibility_results)
    questions, rubric = edit_lists(call)
    call_amend(
        actor=program_manager,
        call=call,
        questions=questions,
        rubric=rubric,
        eligibility_rules=[{"type": "membership_current"}, {"type": "min_members", "value": 10}],
        **current_fields(call),
    )
    done.refresh_from_db()
    assert done.call_version == 1
    assert done.eligibility_results == recorded
    later = submitted(Call.objects.get(pk=call.pk), UserFactory())
    assert later.call_version == 2
    assert [r["rule"] for r in later.eligibility_results] == ["membership_current", "min_members"]


# --- decisions --------------------------------------------------------------------------------


@pytest.fixture
def shortlisted(program_manager, org_owner) -> Application:
    return force(submitted(make_call(program_manager), org_owner), "shortlisted")


def test_an_award_is_within_the_maximum_and_creates_the_award(shortlisted, program_manager):
    for amount in (None, Decimal(0), Decimal(-5), Decimal(5_000_001)):
        with pytest.raises(ValidationError):
            application_decide(
                actor=program_manager,
                application=shortlisted,
                action="award",
                reason=REASON,
                amount=amount,
            )
    assert not Award.objects.exists()
    assert Application.objects.get(pk=shortlisted.pk).status == "shortlisted"
    awarded = application_decide(
        actor=program_manager,
        application=shortlisted,
        action="award",
        reason=REASON,
        amount=Decimal(5_000_000),
        terms_ar=" شروط المنحة ",
        terms_en="Terms",
    )
    assert awarded.status == "awarded"
    assert awarded.decision_reason == REASON
    assert awarded.decided_at is not None
    award = Award.objects.get(application=shortlisted)
    assert award.amount == Decimal(5_000_000)
    assert award.terms_ar == "شروط المنحة"
    assert award.awarded_by == program_manager
    event = AuditEvent.objects.get(verb="programs.application.award")
    assert event.changes["amount"] == "5000000"
    assert event.reason == REASON


def test_an_award_refused_for_its_reason_records_nothing(shortlisted, program_manager):
    with pytest.raises(ValidationError):
        application_decide(
            actor=program_manager,
            application=shortlisted,
            action="award",
            reason="",
            amount=Decimal(1000),
        )
    assert not Award.objects.exists()


def test_an_unknown_decision_is_refused(shortlisted, program_manager):
    with pytest.raises(ValidationError):
        application_decide(actor=program_manager, application=shortlisted, action="submit")
    with pytest.raises(TransitionNotAllowed):
        application_decide(actor=program_manager, application=shortlisted, action="start_screening")


def test_asking_for_more_information_and_getting_it(program_manager, org_owner):
    done = submitted(make_call(program_manager), org_owner)
    screening = application_decide(
        actor=program_manager, application=done, action="start_screening"
    )
    asking = application_decide(
        actor=program_manager,
        application=screening,
        action="request_info",
        reason="  أرسلوا الموازنة التفصيلية  ",
    )
    assert asking.status == "more_info"
    assert asking.info_request == "أرسلوا الموازنة التفصيلية"
    # The applicant may now change the application again, then send it back.
    q = question(asking.call, QuestionKind.FILE)
    assert (
        application_save(
            actor=org_owner, application=asking, files={q.pk: (upload(PDF_BYTES), "budget.pdf")}
        )
        == {}
    )
    back = application_provide_info(actor=org_owner, application=asking)
    assert back.status == "screening"


def test_screening_out_and_not_selecting_record_the_decision(program_manager, org_owner):
    call = make_call(program_manager)
    out = force(submitted(call, org_owner), "screening")
    out = application_decide(
        actor=program_manager, application=out, action="screen_out", reason=REASON
    )
    assert (out.status, out.decision_reason) == ("not_selected", REASON)
    assert out.decided_at is not None
    other = force(submitted(call, UserFactory()), "under_review")
    other = application_decide(
        actor=program_manager, application=other, action="not_select", reason=REASON
    )
    assert other.status == "not_selected" and other.decided_at is not None


def test_the_consortium_is_told_of_each_step(
    program_manager, org_owner, django_capture_on_commit_callbacks
):
    call = make_call(program_manager)
    draft = start(call, org_owner)
    viewer = add_member(draft.lead, UserFactory(), MemberRole.VIEWER)
    confirmed_owner, declined_owner = UserFactory(), UserFactory()
    confirmed = partner_invite(
        actor=org_owner, application=draft, partner=member_org(confirmed_owner)
    )
    declined = partner_invite(
        actor=org_owner, application=draft, partner=member_org(declined_owner)
    )
    partner_answer(actor=confirmed_owner, partner=confirmed, confirm=True)
    partner_answer(actor=declined_owner, partner=declined, confirm=False)
    consortium = {org_owner, viewer, confirmed_owner}
    Notification.objects.all().delete()

    def step(action: str, do: Any) -> Application:
        before = set(_inbox().values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            moved = do()
        new = _inbox().exclude(pk__in=before)
        assert {n.recipient for n in new} == consortium, action
        assert declined_owner not in {n.recipient for n in new}
        assert all(n.link.endswith(f"/my/applications/{draft.pk}/") for n in new)
        return moved

    app = step("submit", lambda: application_submit(actor=org_owner, application=draft))
    for action in ("start_screening", "request_info"):
        app = step(
            action,
            lambda a=action, x=app: application_decide(
                actor=program_manager, application=x, action=a, reason=REASON
            ),
        )
    app = step("provide_info", lambda: application_provide_info(actor=org_owner, application=app))
    for action in ("pass_screening", "shortlist", "award"):
        app = step(
            action,
            lambda a=action, x=app: application_decide(
                actor=program_manager, application=x, action=a, reason=REASON, amount=Decimal(100)
            ),
        )
    assert app.status == "awarded"
    award_notice = _inbox(recipient=org_owner).order_by("-pk").first()
    assert award_notice is not None
    assert draft.title in award_notice.subject


def test_a_withdrawal_after_submission_is_told_to_the_consortium(program_manager, org_owner):
    done = submitted(make_call(program_manager), org_owner)
    Notification.objects.all().delete()
    application_withdraw(actor=org_owner, application=done)
    assert {n.recipient for n in _inbox()} == {org_owner}
