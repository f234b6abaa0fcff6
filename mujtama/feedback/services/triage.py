"""Triage: officers move feedback along ``FEEDBACK_WORKFLOW``, reply to the citizen,
correct the classifier and route SMS feedback that named no service; the citizen
answers on the tracking page; the clock closes what nobody answered."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.feedback import notices
from mujtama.feedback import permissions as can
from mujtama.feedback.classification import classify
from mujtama.feedback.models import (
    ClassifierVersion,
    DigitalService,
    Feedback,
    Kind,
    Reply,
    Sentiment,
    TrainingLabel,
)
from mujtama.feedback.permissions import CodeHolder
from mujtama.feedback.services.intake import due_times, service_level_of
from mujtama.feedback.services.needs import need_assign, need_leave
from mujtama.feedback.workflows import FEEDBACK_WORKFLOW

# Actions whose reason is a message to the citizen, kept as a reply.
MESSAGE_ACTIONS = frozenset({"ask_info", "resolve"})
OFFICER_ACTIONS = frozenset(
    {"triage", "start", "ask_info", "resolve", "reject", "resume"}
)  # "merge" needs the item it duplicates: feedback_merge


def _first_response(locked: Feedback, now: Any) -> None:
    if locked.first_response_at is None:
        locked.first_response_at = now


def feedback_act(*, feedback: Feedback, action: str, actor: Any, reason: str = "") -> Feedback:
    """Take an officer's ``action`` (any in the table but "merge"). For "ask_info" and
    "resolve" the reason is the message to the citizen, kept as a reply."""
    if action not in OFFICER_ACTIONS:
        raise FEEDBACK_WORKFLOW.not_possible(feedback.status, action)
    now = timezone.now()

    def apply(locked: Feedback) -> None:
        if action in MESSAGE_ACTIONS:
            Reply.objects.create(feedback=locked, author=actor, text=reason.strip(), created_at=now)
            _first_response(locked, now)
        if action == "resolve":
            locked.resolved_at = now
            locked.solved = None

    moved = transition(obj=feedback, action=action, actor=actor, reason=reason, apply=apply)
    if action == "reject":
        with transaction.atomic():
            need_leave(moved)
    return moved


def feedback_merge(*, feedback: Feedback, into: Feedback, actor: Any) -> Feedback:
    """Close ``feedback`` as a duplicate of ``into`` (same service; both the officer's)."""
    if into.pk == feedback.pk:
        raise ValidationError(_("An item cannot be merged into itself."), code="same_item")
    if into.status in ("merged", "rejected"):
        raise ValidationError(
            _("The item to merge into is itself merged or rejected."), code="target_closed"
        )
    can.officer(actor, into).require()
    if into.service_id != feedback.service_id:
        raise ValidationError(
            _("Only feedback about the same service can be merged."), code="other_service"
        )

    def apply(locked: Feedback) -> None:
        locked.merged_into = into

    moved = transition(
        obj=feedback,
        action="merge",
        actor=actor,
        changes={"merged_into": into.tracking_code},
        apply=apply,
    )
    with transaction.atomic():
        need_leave(moved)
    return moved


def reply_send(*, feedback: Feedback, actor: Any, text: str) -> Reply:
    """A message to the citizen: on the tracking page, and by SMS/email if they agreed."""
    can.officer(actor, feedback).require()
    if feedback.status in FEEDBACK_WORKFLOW.terminal - {"closed"}:
        raise ValidationError(
            _("This item is merged or rejected; reply on the item it was merged into."),
            code="closed_item",
        )
    now = timezone.now()
    with transaction.atomic():
        locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
        reply = Reply.objects.create(feedback=locked, author=actor, text=text, created_at=now)
        if locked.first_response_at is None:
            Feedback.objects.filter(pk=locked.pk).update(first_response_at=now)
        audit_record(
            actor=actor, verb="feedback.replied", target=locked, changes={"reply": reply.pk}
        )
        notices.tell_citizen(locked, "reply", message=text)
    return reply


def citizen_answer(*, feedback: Feedback, code: str, text: str) -> Feedback:
    """The citizen sends the information asked for; the item goes back to triage."""
    holder = CodeHolder(code)

    def apply(locked: Feedback) -> None:
        Reply.objects.create(feedback=locked, from_citizen=True, text=text)

    return transition(obj=feedback, action="answer", actor=holder, apply=apply)


def citizen_solved(*, feedback: Feedback, code: str, solved: bool, comment: str = "") -> Feedback:
    """The citizen says whether it was solved: yes closes the item, no reopens it."""
    holder = CodeHolder(code)
    now = timezone.now()

    def apply(locked: Feedback) -> None:
        locked.solved = solved
        if solved:
            locked.closed_at = now
        else:
            locked.reopened += 1
            locked.resolved_at = None
        if comment.strip():
            Reply.objects.create(feedback=locked, from_citizen=True, text=comment.strip())

    return transition(
        obj=feedback,
        action="confirm" if solved else "reopen",
        actor=holder,
        changes={"solved": solved},
        apply=apply,
    )


def feedback_classify(*, feedback: Feedback, actor: Any, kind: str, sentiment: str) -> Feedback:
    """An officer sets (or confirms) the kind and sentiment. Each such decision is kept
    as a training label, so that the next retraining learns from it."""
    can.officer(actor, feedback).require()
    if kind not in Kind.values or sentiment not in Sentiment.values:
        raise ValidationError(_("Choose a kind and a sentiment from the lists."), code="bad_label")
    with transaction.atomic():
        locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
        before = [locked.kind, locked.sentiment]
        Feedback.objects.filter(pk=locked.pk).update(
            kind=kind,
            sentiment=sentiment,
            needs_manual_classification=False,
            classified_by=actor,
            classified_at=locked.classified_at or timezone.now(),
        )
        TrainingLabel.objects.create(
            text=locked.text, kind=kind, sentiment=sentiment, created_by=actor
        )
        audit_record(
            actor=actor,
            verb="feedback.reclassified",
            target=locked,
            changes={"kind": [before[0], kind], "sentiment": [before[1], sentiment]},
        )
    feedback.refresh_from_db()
    return feedback


def feedback_route(*, feedback: Feedback, actor: Any, service: DigitalService) -> Feedback:
    """Give an SMS that named no service its service (and so its ministry's desk,
    service level and need)."""
    can.officer(actor, feedback).require()
    if feedback.service_id is not None:
        raise ValidationError(_("This feedback already has its service."), code="has_service")
    with transaction.atomic():
        locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
        locked.service = service
        due_times(locked, service_level_of(service))
        locked.save(update_fields=["service", "response_due_at", "resolution_due_at"])
        audit_record(
            actor=actor, verb="feedback.routed", target=locked, changes={"service": service.pk}
        )
    if locked.classified_at is not None:
        need_assign(locked)
    locked.refresh_from_db()
    return locked


def feedback_classify_arrival(feedback_id: int) -> Feedback | None:
    """Classify an item that has not been classified yet, and put it in its need.
    Idempotent: a second run (a redelivered task) changes nothing."""
    feedback = Feedback.objects.filter(pk=feedback_id, classified_at__isnull=True).first()
    if feedback is None:
        return None
    prediction = classify([feedback.text])[0]
    version = (
        ClassifierVersion.objects.filter(is_active=True).values_list("version", flat=True).first()
    )
    updated = Feedback.objects.filter(pk=feedback.pk, classified_at__isnull=True).update(
        kind=prediction.kind,
        sentiment=prediction.sentiment,
        confidence=round(prediction.confidence, 4),
        classifier_version=version,
        classified_at=timezone.now(),
        needs_manual_classification=prediction.needs_a_person,
    )
    if not updated:
        return None
    feedback.refresh_from_db()
    need_assign(feedback)
    return feedback


def clock_tick(now: Any = None) -> dict[str, int]:
    """What the clock does: escalate overdue items to their ministry's officers (once
    per milestone), close resolved items the citizen did not answer, close items left
    waiting for the citizen, and classify anything a lost task left unclassified."""
    now = now or timezone.now()
    report = {"overdue_reply": 0, "overdue_resolution": 0, "confirmed": 0, "expired": 0}
    late_reply = Feedback.objects.filter(
        status__in=("received", "triaged", "in_progress"),
        first_response_at__isnull=True,
        response_due_at__lt=now,
        response_escalated_at__isnull=True,
    )
    report["overdue_reply"] = _escalate(late_reply, "reply", "response_escalated_at", now)
    late_resolution = Feedback.objects.filter(
        status__in=("received", "triaged", "in_progress", "needs_info"),
        resolution_due_at__lt=now,
        resolution_escalated_at__isnull=True,
    )
    report["overdue_resolution"] = _escalate(
        late_resolution, "resolution", "resolution_escalated_at", now
    )
    unanswered = Feedback.objects.filter(
        status="resolved",
        resolved_at__lt=now - timedelta(days=settings.FEEDBACK_CONFIRM_DAYS),
    )
    for feedback in unanswered:
        transition(
            obj=feedback,
            action="confirm",
            actor=None,
            apply=lambda locked: setattr(locked, "closed_at", now),
        )
        report["confirmed"] += 1
    waiting = Feedback.objects.filter(
        status="needs_info",
        pk__in=_waiting_since(now - timedelta(days=settings.FEEDBACK_NEEDS_INFO_DAYS)),
    )
    for feedback in waiting:
        transition(
            obj=feedback,
            action="expire",
            actor=None,
            apply=lambda locked: setattr(locked, "closed_at", now),
        )
        report["expired"] += 1
    from mujtama.feedback.services.intake import queue_classification

    stale = Feedback.objects.filter(
        classified_at__isnull=True, received_at__lt=now - timedelta(minutes=5)
    ).values_list("pk", flat=True)[:1000]
    for pk in stale:
        queue_classification(pk)
    return report


def _escalate(items: Any, milestone: str, marker: str, now: Any) -> int:
    """Tell the ministry's officers about each overdue item once, marking it escalated
    for that milestone."""
    escalated = 0
    for feedback in items.select_related("service"):
        with transaction.atomic():
            notices.overdue(feedback, milestone)
            Feedback.objects.filter(pk=feedback.pk).update(**{marker: now})
            audit_record(
                actor=None,
                verb="feedback.escalated",
                target=feedback,
                changes={"milestone": milestone},
            )
        escalated += 1
    return escalated


def _waiting_since(before: Any) -> Any:
    """Items whose last request for information was sent before ``before``."""
    from django.db.models import Max

    return (
        Reply.objects.filter(from_citizen=False, feedback__status="needs_info")
        .values("feedback_id")
        .annotate(last=Max("created_at"))
        .filter(last__lt=before)
        .values("feedback_id")
    )
