"""Receiving feedback, by whatever channel it comes: one service for the web form,
the API and the SMS gateway."""

import logging
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from mujtama.core.services import audit_record
from mujtama.feedback import codes, notices
from mujtama.feedback.models import DigitalService, Feedback, ServiceLevel
from mujtama.organizations.uploads import CheckedFile

logger = logging.getLogger(__name__)


def service_level_of(service: DigitalService | None) -> ServiceLevel | None:
    if service is None:
        return None
    level, _created = ServiceLevel.objects.get_or_create(ministry_id=service.ministry_id)
    return level


def due_times(feedback: Feedback, level: ServiceLevel | None) -> None:
    """Set when the first reply and the resolution are due, counted from arrival."""
    if level is None:
        feedback.response_due_at = feedback.resolution_due_at = None
        return
    feedback.response_due_at = feedback.received_at + timedelta(hours=level.first_response_hours)
    feedback.resolution_due_at = feedback.received_at + timedelta(hours=level.resolution_hours)


def _unused_code() -> str:
    while True:
        code = codes.new_code()
        if not Feedback.objects.filter(tracking_code=code).exists():
            return code


def feedback_submit(
    *,
    channel: str,
    service: DigitalService | None,
    text: str,
    rating: int | None = None,
    governorate: Any = None,
    screenshot: CheckedFile | None = None,
    contact: dict[str, str] | None = None,
    consent_contact: bool = False,
    language: str = "ar",
    client_hash: str = "",
    idempotency_key: str | None = None,
    request_hash: str = "",
    sms_message_id: str | None = None,
    received_at: Any = None,
) -> Feedback:
    """Store one piece of feedback (already validated by ``FeedbackForm`` or the SMS
    webhook), give it a tracking code and due times, tell the citizen their code if
    they may be contacted, and classify it in the background after commit.

    Raises IntegrityError for a repeated idempotency key or SMS message id (the
    caller answers with the first item)."""
    contact = contact or {}
    with transaction.atomic():
        feedback = Feedback(
            tracking_code=_unused_code(),
            channel=channel,
            service=service,
            text=text,
            rating=rating,
            governorate=governorate,
            contact_phone=contact.get("phone", "") if consent_contact else "",
            contact_email=contact.get("email", "") if consent_contact else "",
            consent_contact=consent_contact and bool(contact),
            language=language if language in ("ar", "en") else "ar",
            client_hash=client_hash,
            idempotency_key=idempotency_key,
            request_hash=request_hash,
            sms_message_id=sms_message_id,
            received_at=received_at or timezone.now(),
        )
        due_times(feedback, service_level_of(service))
        feedback.save()
        if screenshot is not None:
            feedback.screenshot.save(
                f"screenshot{screenshot.extension}", ContentFile(screenshot.data)
            )
        audit_record(
            actor=None,
            verb="feedback.received",
            target=feedback,
            changes={"channel": channel, "service": service.pk if service else None},
        )
        notices.tell_citizen(feedback, "received", dedupe="received")
        transaction.on_commit(lambda: queue_classification(feedback.pk))
    return feedback


def queue_classification(feedback_id: int) -> None:
    """Hand classification to the workers. A broker outage loses nothing: the SLA
    tick classifies whatever was left unclassified."""
    from mujtama.feedback.tasks import classify_feedback

    try:
        classify_feedback.delay(feedback_id)
    except Exception:
        logger.exception("Could not queue classification of %s; the tick will", feedback_id)
