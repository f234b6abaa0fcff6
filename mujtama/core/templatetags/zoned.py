from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from mujtama.accounts.timezones import TIME_ZONE_LABELS

register = template.Library()


@register.filter
def zoned(value: datetime | None) -> str:
    """A date and time in the active time zone, with the zone named:
    "1 December 2026, 23:59 (Damascus time)"."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    zone = str(timezone.get_current_timezone())
    label = TIME_ZONE_LABELS.get(zone, zone)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({label})"
