"""Triage: the feedback table pair by pair, who may act (officers of the item's
ministry only; the citizen through the code; the clock), replies the citizen sees,
"was it solved?", and escalation of overdue items."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from mujtama.core.models import AuditEvent
from mujtama.core.tests.workflow_checks import assert_moved, assert_refused, grid
from mujtama.core.workflows import WorkflowViolation, transition
from mujtama.feedback.models import Feedback, Reply, ServiceLevel, TrainingLabel
from mujtama.feedback.permissions import CodeHolder
from mujtama.feedback.services import catalogue
from mujtama.feedback.services.triage import (
    citizen_answer,
    citizen_solved,
    clock_tick,
    feedback_act,
    feedback_classify,
    feedback_merge,
    feedback_route,
    reply_send,
)
from mujtama.feedback.tests.factories import REASON, item, ministry, officer, service
from mujtama.feedback.workflows import FEEDBACK_WORKFLOW
from mujtama.notifications import sms
from mujtama.notifications.models import Notification
from mujtama.programs.tests.factories import force

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(classifier_in_service):
    with translation.override("en"):
        yield


@pytest.fixture
def desk():
    return ministry("interior")


@pytest.fixture
def who(desk):
    return officer(desk, email="officer@interior.sy")


def test_the_table_allows_exactly_these_moves():
    assert set(FEEDBACK_WORKFLOW.pairs()) == {
        ("received", "triage", "triaged"),
        ("received", "start", "in_progress"),
        ("received", "ask_info", "needs_info"),
        ("received", "resolve", "resolved"),
        ("received", "reject", "rejected"),
        ("received", "merge", "merged"),
        ("triaged", "start", "in_progress"),
        ("triaged", "ask_info", "needs_info"),
        ("triaged", "resolve", "resolved"),
        ("triaged", "reject", "rejected"),
        ("triaged", "merge", "merged"),
        ("in_progress", "ask_info", "needs_info"),
        ("in_progress", "resolve", "resolved"),
        ("in_progress", "reject", "rejected"),
        ("in_progress", "merge", "merged"),
        ("needs_info", "answer", "triaged"),
        ("needs_info", "resume", "in_progress"),
        ("needs_info", "reject", "rejected"),
        ("needs_info", "expire", "closed"),
        ("resolved", "confirm", "closed"),
        ("resolved", "reopen", "in_progress"),
    }
    assert FEEDBACK_WORKFLOW.terminal == {"closed", "rejected", "merged"}


def _take(feedback, action, who):
    """Take ``action`` through the service a real actor uses."""
    if action in ("triage", "start", "ask_info", "resolve", "reject", "resume"):
        return feedback_act(feedback=feedback, action=action, actor=who, reason=REASON)
    if action == "merge":
        other = item(feedback.service, text="نسخة أخرى من البلاغ نفسه")
        return feedback_merge(feedback=feedback, into=other, actor=who)
    if action == "answer":
        return citizen_answer(feedback=feedback, code=feedback.tracking_code, text="رقم الطلب 4471")
    if action in ("confirm", "reopen"):
        return citizen_solved(
            feedback=feedback, code=feedback.tracking_code, solved=action == "confirm"
        )
    return transition(obj=feedback, action=action, actor=None)  # the clock


@pytest.mark.parametrize(("state", "action"), grid(FEEDBACK_WORKFLOW))
def test_every_state_and_action(state, action, desk, who):
    feedback = force(item(service(desk)), state)
    step = FEEDBACK_WORKFLOW.step(state, action)
    if step is None:
        actor = None if action == "expire" else who
        assert_refused(feedback, state, action, actor, REASON)
        return
    result = _take(feedback, action, who)
    assert_moved(result, feedback, FEEDBACK_WORKFLOW, action, step.target)


def test_a_raw_save_of_the_state_is_refused():
    feedback = item()
    feedback.status = "closed"
    with pytest.raises(WorkflowViolation):
        feedback.save()


def test_an_officer_of_another_ministry_cannot_act_or_see(client, desk, who):
    other_desk = ministry("energy")
    stranger = officer(other_desk, email="officer@energy.sy")
    feedback = item(service(desk))
    with pytest.raises(PermissionDenied, match="whose desk you do not serve"):
        feedback_act(feedback=feedback, action="triage", actor=stranger)
    with pytest.raises(PermissionDenied):
        reply_send(feedback=feedback, actor=stranger, text="رد")
    with pytest.raises(PermissionDenied):
        feedback_classify(feedback=feedback, actor=stranger, kind="delay", sentiment="negative")
    assert Feedback.objects.get(pk=feedback.pk).status == "received"
    client.force_login(stranger)
    assert client.get(f"/en/staff/feedback/{feedback.pk}/").status_code == 404
    assert (
        client.post(f"/en/staff/feedback/{feedback.pk}/act/", {"action": "triage"}).status_code
        == 404
    )
    queue = client.get("/en/staff/feedback/").content.decode()
    assert feedback.tracking_code not in queue
    client.force_login(who)
    assert feedback.tracking_code in client.get("/en/staff/feedback/").content.decode()


@pytest.mark.parametrize("persona_name", ["anonymous", "citizen", "program_manager", "analyst"])
def test_people_who_are_not_officers_are_kept_out_of_triage(client, persona, persona_name, desk):
    feedback = item(service(desk))
    user = persona(persona_name)
    if user is not None:
        client.force_login(user)
    for url in (
        "/en/staff/feedback/",
        f"/en/staff/feedback/{feedback.pk}/",
        "/en/staff/feedback/needs/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    with pytest.raises(PermissionDenied):
        feedback_act(feedback=feedback, action="triage", actor=user)


def test_an_officer_without_a_desk_sees_nothing_and_may_do_nothing(client, desk):
    lonely = officer(email="lonely@example.sy")
    feedback = item(service(desk))
    client.force_login(lonely)
    page = client.get("/en/staff/feedback/")
    assert page.status_code == 200 and "no feedback desk" in page.content.decode()
    assert client.get(f"/en/staff/feedback/{feedback.pk}/").status_code == 404


def test_the_reasons_for_asking_and_resolving_are_replies_the_citizen_sees(client, desk, who):
    feedback = item(service(desk), contact={"phone": "+963933000111"}, consent_contact=True)
    sms.outbox.clear()
    with pytest.raises(ValidationError, match="Please give a reason"):
        feedback_act(feedback=feedback, action="ask_info", actor=who, reason=" ")
    feedback_act(feedback=feedback, action="ask_info", actor=who, reason="ما رقم طلبك؟")
    moved = Feedback.objects.get(pk=feedback.pk)
    assert moved.first_response_at is not None
    page = client.get(f"/en/feedback/track/{feedback.tracking_code}/").content.decode()
    assert "ما رقم طلبك؟" in page and "933000111" not in page
    assert 'name="text"' in page  # the citizen can answer
    assert Notification.objects.filter(channel="sms", kind="feedback_citizen").count() >= 1
    response = client.post(
        f"/en/feedback/track/{feedback.tracking_code}/answer/", {"text": "رقم الطلب 7781"}
    )
    assert response.status_code == 302
    assert Feedback.objects.get(pk=feedback.pk).status == "triaged"
    assert Reply.objects.filter(
        feedback=feedback, from_citizen=True, text="رقم الطلب 7781"
    ).exists()


def test_the_tracking_page_never_shows_contact_details(client, desk, who):
    feedback = item(
        service(desk),
        contact={"email": "secret.person@example.sy"},
        consent_contact=True,
    )
    reply_send(feedback=feedback, actor=who, text="تم استلام ملاحظتك")
    for language in ("ar", "en"):
        page = client.get(f"/{language}/feedback/track/{feedback.tracking_code}/").content.decode()
        assert "تم استلام ملاحظتك" in page
        assert "secret.person" not in page and "example.sy" not in page


def test_an_empty_answer_is_refused_on_the_page_and_nothing_moves(client, desk):
    feedback = force(item(service(desk)), "needs_info")
    response = client.post(f"/en/feedback/track/{feedback.tracking_code}/answer/", {"text": ""})
    assert response.status_code == 400
    assert "Please say what happened." in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).status == "needs_info"


def test_yes_it_was_solved_closes_and_no_reopens(client, desk, who):
    feedback = item(service(desk))
    feedback_act(feedback=feedback, action="resolve", actor=who, reason="أصلحنا الخلل")
    page = client.get(f"/en/feedback/track/{feedback.tracking_code}/").content.decode()
    assert "Was it solved?" in page
    response = client.post(
        f"/en/feedback/track/{feedback.tracking_code}/solved/",
        {"solved": "no", "comment": "ما زال"},
    )
    assert response.status_code == 302
    reopened = Feedback.objects.get(pk=feedback.pk)
    assert reopened.status == "in_progress" and reopened.solved is False and reopened.reopened == 1
    assert Notification.objects.filter(recipient=who, kind="feedback_officers").exists()
    feedback_act(feedback=reopened, action="resolve", actor=who, reason="أصلحناه فعلاً")
    client.post(f"/en/feedback/track/{feedback.tracking_code}/solved/", {"solved": "yes"})
    closed = Feedback.objects.get(pk=feedback.pk)
    assert closed.status == "closed" and closed.solved is True and closed.closed_at


def test_a_solved_answer_without_a_choice_is_refused_clearly(client, desk, who):
    feedback = item(service(desk))
    feedback_act(feedback=feedback, action="resolve", actor=who, reason="تم")
    response = client.post(f"/en/feedback/track/{feedback.tracking_code}/solved/", {})
    assert response.status_code == 400
    assert "Please choose yes or no." in response.content.decode()


def test_another_code_cannot_answer_for_the_citizen(desk, who):
    feedback = force(item(service(desk)), "resolved")
    other = item(service(desk), text="بلاغ آخر")
    with pytest.raises(PermissionDenied):
        transition(obj=feedback, action="confirm", actor=CodeHolder(other.tracking_code))
    with pytest.raises(PermissionDenied):
        transition(obj=feedback, action="reopen", actor=who)


def test_merge_needs_the_same_service_and_an_open_target(desk, who):
    feedback = item(service(desk))
    elsewhere = item(service(desk, code=40), text="بلاغ عن خدمة أخرى")
    with pytest.raises(ValidationError, match="same service"):
        feedback_merge(feedback=feedback, into=elsewhere, actor=who)
    with pytest.raises(ValidationError, match="into itself"):
        feedback_merge(feedback=feedback, into=feedback, actor=who)
    twin = item(service(desk), text="نفس المشكلة تماماً")
    merged = feedback_merge(feedback=feedback, into=twin, actor=who)
    assert merged.status == "merged" and merged.merged_into == twin


def test_a_correction_is_kept_as_a_training_label_and_audited(desk, who):
    feedback = item(service(desk))
    feedback_classify(feedback=feedback, actor=who, kind="outage_error", sentiment="negative")
    feedback.refresh_from_db()
    assert feedback.kind == "outage_error" and not feedback.needs_manual_classification
    label = TrainingLabel.objects.get()
    assert label.text == feedback.text and label.created_by == who
    assert AuditEvent.objects.filter(
        verb="feedback.reclassified", object_id=str(feedback.pk)
    ).exists()
    with pytest.raises(ValidationError):
        feedback_classify(feedback=feedback, actor=who, kind="nonsense", sentiment="negative")


def test_an_sms_without_a_service_is_routed_by_any_officer_with_a_desk(desk, who):
    feedback = item(text="الخدمة لا تعمل منذ الصباح", channel="sms")
    Feedback.objects.filter(pk=feedback.pk).update(service=None, response_due_at=None)
    feedback.refresh_from_db()
    routed = feedback_route(feedback=feedback, actor=who, service=service(desk, code=15))
    assert routed.service.short_code == 15 and routed.response_due_at is not None
    with pytest.raises(ValidationError):
        feedback_route(feedback=routed, actor=who, service=service(desk, code=16))


def test_overdue_items_are_escalated_once_to_their_ministrys_officers(desk, who):
    ServiceLevel.objects.create(ministry=desk, first_response_hours=24, resolution_hours=72)
    other = officer(ministry("energy"), email="energy@example.sy")
    feedback = item(service(desk))
    answered = item(service(desk), text="بلاغ آخر تمت الإجابة عليه")
    reply_send(feedback=answered, actor=who, text="نعمل عليه")
    with time_machine.travel(timezone.now() + timedelta(hours=25), tick=False):
        report = clock_tick()
        assert report["overdue_reply"] == 1
        assert clock_tick()["overdue_reply"] == 0  # once
    told = Notification.objects.filter(kind="feedback_officers", recipient=who)
    assert told.count() >= 1 and not Notification.objects.filter(recipient=other).exists()
    assert Feedback.objects.get(pk=feedback.pk).response_escalated_at is not None
    with time_machine.travel(timezone.now() + timedelta(hours=73), tick=False):
        assert clock_tick()["overdue_resolution"] == 2


def test_the_clock_closes_what_the_citizen_left_unanswered(desk, who, settings):
    resolved = item(service(desk))
    feedback_act(feedback=resolved, action="resolve", actor=who, reason="تم الإصلاح")
    waiting = item(service(desk), text="بلاغ ينتظر معلومات")
    feedback_act(feedback=waiting, action="ask_info", actor=who, reason="ما رقم الطلب؟")
    later = timezone.now() + timedelta(days=settings.FEEDBACK_NEEDS_INFO_DAYS + 1)
    with time_machine.travel(later, tick=False):
        report = clock_tick()
    assert report["confirmed"] == 1 and report["expired"] == 1
    assert Feedback.objects.get(pk=resolved.pk).status == "closed"
    assert Feedback.objects.get(pk=waiting.pk).status == "closed"


def test_a_new_service_level_moves_the_due_times_of_open_items(desk, moct_officer):
    feedback = item(service(desk))
    catalogue.service_level_set(
        ministry=desk, actor=moct_officer, first_response_hours=5, resolution_hours=50
    )
    feedback.refresh_from_db()
    assert feedback.response_due_at == feedback.received_at + timedelta(hours=5)
    assert feedback.resolution_due_at == feedback.received_at + timedelta(hours=50)
    with pytest.raises(ValidationError):
        catalogue.service_level_set(
            ministry=desk, actor=moct_officer, first_response_hours=60, resolution_hours=50
        )
