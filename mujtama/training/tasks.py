from celery import shared_task


@shared_task(acks_late=True)
def confirmations_tick() -> int:
    """Places not confirmed in time lapse and go to the next on the waiting list.
    Safe to run often."""
    from mujtama.training.services.enrollments import confirmations_lapse

    return confirmations_lapse()


@shared_task(acks_late=True)
def followups_tick() -> int:
    """Send the follow-up surveys that are due. Safe to run often."""
    from mujtama.training.services.followups import followups_send

    return followups_send()
