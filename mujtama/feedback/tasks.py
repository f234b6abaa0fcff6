from celery import shared_task

from mujtama.feedback.classification import retrain


@shared_task(acks_late=True)
def retrain_classifier() -> dict[str, object]:
    """Retrain with every staff correction; the new version goes into service only if
    it scores no worse on the held-out split."""
    report = retrain()
    return {"version": report.version.version, "activated": report.activated}
