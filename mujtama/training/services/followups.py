"""Employment follow-up: 3, 6 and 12 months after completion the graduate gets a
short survey by SMS (or email) with a link that needs no sign-in. The link holds a
random token whose hash alone is stored; it answers that one survey of that one
person, once, and expires."""

import calendar
import hashlib
import secrets
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from mujtama.core.services import audit_record
from mujtama.notifications.models import Channel
from mujtama.notifications.services import notify
from mujtama.training.models import Enrollment, FollowUp, Helped, Outcome, WorkSector

MONTHS = (3, 6, 12)
LINK_DAYS = 30
FOLLOWUP = "training_followup"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day if it is shorter)."""
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def followups_schedule(enrollment: Enrollment) -> list[FollowUp]:
    done_on = enrollment.cohort.ends_on
    return [
        FollowUp.objects.get_or_create(
            enrollment=enrollment,
            months=months,
            defaults={"due_on": add_months(done_on, months)},
        )[0]
        for months in MONTHS
    ]


def followup_url(token: str, language: str) -> str:
    with override(language):
        return settings.SITE_URL.rstrip("/") + reverse("training_followup:answer", args=[token])


def followups_send(now: Any = None) -> int:
    """Send every survey that is due and not yet sent. Idempotent: a survey is
    claimed under a row lock before it is sent."""
    now = now or timezone.now()
    sent = 0
    # A revoked certificate ends the follow-up: its holder is no longer counted a graduate.
    due = FollowUp.objects.filter(
        due_on__lte=timezone.localdate(now), sent_at__isnull=True
    ).exclude(enrollment__certificate__document__status="revoked")
    for followup_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            followup = (
                FollowUp.objects.select_for_update(of=("self",))
                .select_related("enrollment__applicant__profile", "enrollment__cohort__course")
                .filter(pk=followup_id, sent_at__isnull=True)
                .first()
            )
            if followup is None:
                continue
            token = secrets.token_urlsafe(24)
            followup.token_hash = _hash(token)
            followup.sent_at = now
            followup.expires_at = now + timedelta(days=LINK_DAYS)
            followup.save(update_fields=["token_hash", "sent_at", "expires_at"])
            user = followup.enrollment.applicant
            language = user.language or settings.LANGUAGE_CODE
            notify(
                recipient=user,
                kind=FOLLOWUP,
                context={
                    "followup": followup,
                    "course": followup.enrollment.cohort.course,
                    "answer_url": followup_url(token, language),
                    "expires_at": followup.expires_at,
                },
                channels=[Channel.SMS, Channel.EMAIL, Channel.INBOX],
                dedupe_key=f"training-followup:{followup.pk}",
            )
            audit_record(actor=None, verb="training.followup_sent", target=followup)
            sent += 1
    return sent


class LinkRefused(Exception):
    """The link cannot be used: unknown, already used or expired; ``message`` says
    which, in the active language."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def followup_by_token(token: str) -> FollowUp:
    followup = (
        FollowUp.objects.select_related("enrollment__cohort__course")
        .filter(token_hash=_hash(token))
        .first()
        if token
        else None
    )
    if followup is None:
        raise LinkRefused(_("This link is not valid."), status=404)
    if followup.answered_at is not None:
        raise LinkRefused(_("This survey has already been answered. Thank you."), status=410)
    if followup.expires_at is None or followup.expires_at < timezone.now():
        raise LinkRefused(_("This link has expired."), status=410)
    return followup


def followup_answer(*, token: str, outcome: str, sector: str, helped: str) -> FollowUp:
    """Record the answer; the link then stops working."""
    errors: dict[str, str] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose what you do now.")
    working = outcome in (Outcome.EMPLOYED, Outcome.SELF_EMPLOYED, Outcome.INTERNSHIP)
    if working and sector not in WorkSector.values:
        errors["sector"] = _("Choose the sector you work in.")
    if helped not in Helped.values:
        errors["helped"] = _("Say whether the training helped.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        followup = followup_by_token(token)
        locked = FollowUp.objects.select_for_update().get(pk=followup.pk)
        if locked.answered_at is not None:
            raise LinkRefused(_("This survey has already been answered. Thank you."), status=410)
        locked.outcome = outcome
        locked.sector = sector if working else ""
        locked.helped = helped
        locked.answered_at = timezone.now()
        locked.save(update_fields=["outcome", "sector", "helped", "answered_at"])
        audit_record(
            actor=None,
            verb="training.followup_answered",
            target=locked,
            changes={"outcome": outcome},
        )
    return locked
