from typing import Any

from celery import shared_task

from mujtama.notifications import services
from mujtama.notifications.models import DeliveryStatus

RETRY_DELAYS = services.RETRY_DELAYS


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=len(RETRY_DELAYS))
def deliver_notification(self: Any, notification_id: int) -> str:
    status = services.notification_deliver(notification_id=notification_id)
    if status == DeliveryStatus.QUEUED and not self.request.is_eager:
        raise self.retry(countdown=RETRY_DELAYS[min(self.request.retries, len(RETRY_DELAYS) - 1)])
    return status


@shared_task(acks_late=True)
def sweep_outbox() -> int:
    """Re-queue email and SMS that were written but never handed to a worker."""
    ids = list(services.outbox_stale().values_list("pk", flat=True)[:1000])
    services.queue_delivery(ids)
    return len(ids)
