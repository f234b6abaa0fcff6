from celery import shared_task

from mujtama.feedback.classification import retrain


@shared_task(acks_late=True)
def retrain_classifier() -> dict[str, object]:
    """Retrain with every staff correction; the new version goes into service only if
    it scores no worse on the held-out split."""
    report = retrain()
    return {"version": report.version.version, "activated": report.activated}


@shared_task(acks_late=True)
def classify_feedback(feedback_id: int) -> bool:
    """Classify one new item and put it in its need. Safe to run twice."""
    from mujtama.feedback.services.triage import feedback_classify_arrival

    return feedback_classify_arrival(feedback_id) is not None


@shared_task(acks_late=True)
def sla_tick() -> dict[str, int]:
    """Escalate overdue feedback, close what the citizen left unanswered, and classify
    anything a lost task left behind. Safe to run often."""
    from mujtama.feedback.services.triage import clock_tick

    return clock_tick()
