"""Memberships: granted on approval, renewed, suspended and reinstated, and moved by
the daily run (expiry, provisional lapse, reminders)."""

import calendar
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.organizations import notices
from mujtama.organizations.models import (
    JoiningApplication,
    JoiningSettings,
    LegalStatus,
    Membership,
    MembershipStatus,
)
from mujtama.organizations.permissions import can_edit
from mujtama.organizations.public_cache import public_data_changed

PROVISIONAL_STATUSES = {LegalStatus.UNLICENSED, LegalStatus.LICENSE_IN_PROGRESS}


def _move(**kwargs: Any) -> Membership:
    """Every membership step changes what the public directory shows."""
    with transaction.atomic():
        moved = transition(**kwargs)
        public_data_changed()
    return moved


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def membership_grant(
    *, actor: Any, application: JoiningApplication, settings: JoiningSettings
) -> Membership:
    """Create (or, for a returning organization, restart) the membership that an
    approved application gives: provisional while the organization is not yet
    licensed, full otherwise."""
    organization = application.organization
    now = timezone.now()
    provisional = organization.legal_status in PROVISIONAL_STATUSES
    status = MembershipStatus.PROVISIONAL if provisional else MembershipStatus.ACTIVE
    values = {
        "status": status,
        "application": application,
        "started_at": now,
        "expires_at": add_months(now, settings.membership_months),
        "provisional_until": add_months(now, settings.provisional_months) if provisional else None,
        "renewed_at": None,
    }
    existing = Membership.objects.select_for_update().filter(organization=organization).first()
    if existing is None:
        membership = Membership.objects.create(organization=organization, **values)
    else:
        # A lapsed or expired organization that applied again starts afresh; the
        # history stays in the audit log.
        Membership.objects.filter(pk=existing.pk).update(**values)
        membership = Membership.objects.get(pk=existing.pk)
    public_data_changed()
    audit_record(
        actor=actor,
        verb="organizations.membership_granted",
        target=membership,
        changes={"status": status, "expires_at": membership.expires_at.isoformat()},
    )
    return membership


def membership_renew(*, actor: Any, membership: Membership) -> Membership:
    """Renew for another period, counted from the current expiry if it has not
    passed, else from today. A renewal needs a complete profile and an activity
    report uploaded in the past year."""
    from mujtama.organizations.models import DocumentKind
    from mujtama.organizations.rules import organization_snapshot

    organization = membership.organization
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    snapshot = organization_snapshot(organization)
    if snapshot["missing_profile_fields"]:
        raise ValidationError(_("Complete the organization's profile before renewing."))
    year_ago = timezone.now() - timedelta(days=365)
    if not organization.documents.filter(
        kind=DocumentKind.ACTIVITY_REPORT, uploaded_at__gte=year_ago
    ).exists():
        raise ValidationError(_("Upload an activity report of the past year before renewing."))
    settings = JoiningSettings.current()
    action = (
        "renew"
        if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.EXPIRED)
        and (organization.legal_status not in PROVISIONAL_STATUSES)
        else "renew_provisional"
    )

    def apply(locked: Membership) -> None:
        now = timezone.now()
        start = locked.expires_at if locked.expires_at > now else now
        locked.expires_at = add_months(start, settings.membership_months)
        locked.renewed_at = now
        if action == "renew":
            # A full membership has no lapse date (the license came meanwhile).
            locked.provisional_until = None

    return _move(obj=membership, action=action, actor=actor, apply=apply)


def membership_decide(
    *, actor: Any, membership: Membership, action: str, reason: str
) -> Membership:
    """Suspend, or reinstate (fully or provisionally), with a written reason."""
    if action not in ("suspend", "reinstate", "reinstate_provisional"):
        raise ValidationError(_("Unknown decision."))

    def apply(locked: Membership) -> None:
        if action == "reinstate":
            # Licensed while suspended: a full member is not "provisional until".
            locked.provisional_until = None

    return _move(obj=membership, action=action, actor=actor, reason=reason, apply=apply)


def membership_upgrade(*, membership: Membership) -> Membership:
    """The license came: a provisional membership becomes a full one (by the platform)."""
    return _move(
        obj=membership,
        action="upgrade",
        actor=None,
        apply=lambda locked: setattr(locked, "provisional_until", None),
    )


@dataclass
class DailyReport:
    expired: list[int] = field(default_factory=list)
    lapsed: list[int] = field(default_factory=list)
    reminders: int = 0


def memberships_daily(*, now: datetime | None = None) -> DailyReport:
    """Expire memberships past their date, lapse provisional ones past theirs, and
    send the reminders due today (each reminder once, whatever the number of runs)."""
    now = now or timezone.now()
    settings = JoiningSettings.current()
    report = DailyReport()
    due_lapse = Membership.objects.filter(
        status=MembershipStatus.PROVISIONAL, provisional_until__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due_lapse):
        with transaction.atomic():
            _move(obj=Membership.objects.get(pk=pk), action="lapse", actor=None)
        report.lapsed.append(pk)
    due_expiry = Membership.objects.filter(
        status__in=[MembershipStatus.ACTIVE, MembershipStatus.PROVISIONAL], expires_at__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due_expiry):
        with transaction.atomic():
            _move(obj=Membership.objects.get(pk=pk), action="expire", actor=None)
        report.expired.append(pk)
    days = settings.reminder_day_list
    horizon = now + timedelta(days=max(days) + 1) if days else now
    current = Membership.objects.filter(
        status__in=[MembershipStatus.ACTIVE, MembershipStatus.PROVISIONAL]
    ).select_related("organization")
    for membership in current.filter(expires_at__lte=horizon):
        report.reminders += _remind(membership, membership.expires_at, "expiry_reminder", days, now)
    for membership in current.filter(
        status=MembershipStatus.PROVISIONAL, provisional_until__lte=horizon
    ):
        report.reminders += _remind(
            membership, membership.provisional_until, "lapse_warning", days, now
        )
    return report


def _remind(
    membership: Membership, deadline: Any, action: str, days: list[int], now: datetime
) -> int:
    """Send the one reminder due: the smallest number of days that the deadline is
    within (so a run that missed the 30-day mark still sends it before the 7-day)."""
    left = (deadline - now).total_seconds() / 86400
    due = [day for day in days if left <= day]
    if not due:
        return 0
    day = min(due)
    with transaction.atomic():
        sent = notices.membership_reminder(
            membership,
            action=action,
            threshold=day,
            days_left=max(1, math.ceil(left)),
            deadline=deadline,
        )
    return 1 if sent else 0
