from celery import shared_task

from mujtama.programs.services.calls import calls_tick as run_tick


@shared_task(acks_late=True)
def calls_tick() -> dict[str, int]:
    """Open and close calls by the clock; deadline reminders. Safe to run often."""
    report = run_tick()
    return {
        "opened": len(report.opened),
        "closed": len(report.closed),
        "reminders": report.reminders,
    }
