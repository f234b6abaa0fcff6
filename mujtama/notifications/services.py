"""Telling people what concerns them: inbox, email and SMS."""

import logging
import zoneinfo
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from mujtama.notifications.models import Channel, DeliveryStatus, Notification
from mujtama.notifications.sms import get_backend

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Seconds to wait after the 1st, 2nd, ... failed attempt.
RETRY_DELAYS = (60, 300, 900, 3600)
# A queued row this long past its due time was lost on the way to a worker.
SWEEP_GRACE = timedelta(minutes=5)


def _zone_of(recipient: Any) -> zoneinfo.ZoneInfo:
    """Dates in a message are in the recipient's time zone (Damascus time for people
    without an account or a valid choice)."""
    try:
        return zoneinfo.ZoneInfo(getattr(recipient, "time_zone", "") or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _render(kind: str, part: str, context: dict[str, Any]) -> str:
    return render_to_string(f"notifications/{kind}/{part}.txt", context).strip()


def notify(
    *,
    recipient: Any = None,
    email: str = "",
    phone: str = "",
    language: str = "",
    kind: str,
    context: dict[str, Any] | None = None,
    channels: Iterable[str] = (Channel.INBOX, Channel.EMAIL),
    link: str = "",
    dedupe_key: str | None = None,
) -> list[Notification]:
    """Tell ``recipient`` about something, in their language, on each channel.

    Call it inside the transaction of the change it tells about: the rows commit or
    roll back with that change, and email/SMS delivery is queued only after commit.
    Channels the person cannot be reached on (no phone for SMS) are skipped. With a
    ``dedupe_key``, a second call with the same key creates nothing.

    Someone without an account (an invited person, a citizen who left a phone
    number) is reached by ``email`` or ``phone`` instead of ``recipient``, in
    ``language``; they have no inbox.
    """
    channels = list(dict.fromkeys(channels))
    if (
        dedupe_key
        and Notification.objects.filter(
            dedupe_key__in=[f"{dedupe_key}:{channel}" for channel in channels]
        ).exists()
    ):
        return []
    context = {
        "recipient": recipient,
        "site_url": settings.SITE_URL,
        "link": link,
        **(context or {}),
    }
    language = getattr(recipient, "language", "") or language or settings.LANGUAGE_CODE
    created: list[Notification] = []
    try:
        with (
            translation.override(language),
            timezone.override(_zone_of(recipient)),
            transaction.atomic(),
        ):
            subject = _render(kind, "subject", context)
            body = _render(kind, "body", context)
            for channel in channels:
                address = _address(recipient, channel, email=email, phone=phone)
                if address is None:
                    continue
                text = _render(kind, "sms", context) if channel == Channel.SMS else body
                created.append(
                    Notification.objects.create(
                        recipient=recipient,
                        channel=channel,
                        address=address,
                        kind=kind,
                        language=language,
                        subject=subject[:200],
                        body=text,
                        link=link,
                        status=DeliveryStatus.SENT
                        if channel == Channel.INBOX
                        else DeliveryStatus.QUEUED,
                        sent_at=timezone.now() if channel == Channel.INBOX else None,
                        dedupe_key=f"{dedupe_key}:{channel}" if dedupe_key else None,
                    )
                )
            outgoing = [n.pk for n in created if n.channel != Channel.INBOX]
            if outgoing:
                transaction.on_commit(lambda: queue_delivery(outgoing))
    except IntegrityError:
        # A concurrent call with the same dedupe_key won the race; only this
        # savepoint is rolled back, never the caller's change.
        if dedupe_key:
            return []
        raise
    return created


def _address(recipient: Any, channel: str, *, email: str = "", phone: str = "") -> str | None:
    if channel == Channel.INBOX:
        return "" if recipient is not None else None
    if channel == Channel.EMAIL:
        return getattr(recipient, "email", "") or email or None
    if channel == Channel.SMS:
        profile = getattr(recipient, "profile", None)
        return getattr(profile, "phone", "") or phone or None
    raise ValueError(f"unknown channel {channel!r}")


def queue_delivery(notification_ids: Iterable[int]) -> None:
    """Hand delivery to the workers. A broker outage loses nothing: the rows stay
    queued and the outbox sweep hands them over again."""
    from mujtama.notifications.tasks import deliver_notification

    for notification_id in notification_ids:
        try:
            deliver_notification.delay(notification_id)
        except Exception:
            logger.exception("Could not queue notification %s; the sweep will", notification_id)


def notification_deliver(*, notification_id: int) -> str:
    """Send one queued email or SMS. Idempotent: a message already sent (or given up
    on) is left alone, and the row lock stops two workers sending it twice.
    Returns the resulting status."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.status != DeliveryStatus.QUEUED:
            return notification.status if notification else "missing"
        notification.attempts += 1
        try:
            _send(notification)
        except Exception as exc:
            logger.warning("Delivery of notification %s failed: %s", notification_id, exc)
            notification.last_error = str(exc)[:500]
            if notification.attempts >= MAX_ATTEMPTS:
                notification.status = DeliveryStatus.FAILED
            else:
                delay = RETRY_DELAYS[min(notification.attempts, len(RETRY_DELAYS)) - 1]
                notification.next_attempt_at = timezone.now() + timedelta(seconds=delay)
            notification.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return notification.status
        notification.status = DeliveryStatus.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        return notification.status


def _send(notification: Notification) -> None:
    if notification.channel == Channel.EMAIL:
        body = notification.body
        if notification.link:
            body = f"{body}\n\n{settings.SITE_URL}{notification.link}"
        send_mail(
            notification.subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [notification.address],
            fail_silently=False,
        )
    elif notification.channel == Channel.SMS:
        get_backend().send(to=notification.address, text=notification.body)
    else:
        raise ValueError(f"{notification.channel} is not delivered by a task")


def outbox_stale(*, grace: timedelta = SWEEP_GRACE) -> QuerySet[Notification]:
    """Queued email and SMS whose attempt was due more than ``grace`` ago, oldest
    first: their task was lost (broker outage, purged queue), not merely waiting."""
    return (
        Notification.objects.filter(
            status=DeliveryStatus.QUEUED, next_attempt_at__lt=timezone.now() - grace
        )
        .exclude(channel=Channel.INBOX)
        .order_by("next_attempt_at", "pk")
    )


def inbox_mark_read(*, user: Any, notification_id: int | None = None) -> int:
    """Mark one of the user's inbox messages read, or all of them."""
    unread = Notification.objects.filter(
        recipient=user, channel=Channel.INBOX, read_at__isnull=True
    )
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())
