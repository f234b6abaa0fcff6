from celery import shared_task

from mujtama.organizations.services.membership import memberships_daily as run_daily


@shared_task(acks_late=True)
def memberships_daily() -> dict[str, int]:
    """Expiry, provisional lapse and reminders. Safe to run often: each step
    happens once and each reminder is sent once."""
    report = run_daily()
    return {
        "expired": len(report.expired),
        "lapsed": len(report.lapsed),
        "reminders": report.reminders,
    }
