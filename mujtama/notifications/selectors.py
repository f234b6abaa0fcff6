from typing import Any

from django.db.models import QuerySet

from mujtama.notifications.models import Channel, Notification


def inbox_for(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user, channel=Channel.INBOX).only(
        "id", "subject", "body", "link", "created_at", "read_at"
    )


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(
        recipient=user, channel=Channel.INBOX, read_at__isnull=True
    ).count()
