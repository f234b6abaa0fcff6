"""Time zones people may choose for how dates are shown to them. Deadlines are set
in Damascus time; partners abroad (research institutes, universities) see them in
their own zone, always with the zone named."""

from django.utils.translation import gettext_lazy as _

DEFAULT_TIME_ZONE = "Asia/Damascus"

TIME_ZONES = [
    ("Asia/Damascus", _("Damascus time")),
    ("Asia/Beirut", _("Beirut time")),
    ("Asia/Amman", _("Amman time")),
    ("Asia/Baghdad", _("Baghdad time")),
    ("Asia/Riyadh", _("Riyadh time")),
    ("Asia/Dubai", _("Dubai time")),
    ("Europe/Istanbul", _("Istanbul time")),
    ("Africa/Cairo", _("Cairo time")),
    ("Europe/Berlin", _("Central European time (Berlin, Paris)")),
    ("Europe/London", _("London time")),
    ("America/New_York", _("New York time")),
    ("America/Toronto", _("Toronto time")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]
TIME_ZONE_LABELS = dict(TIME_ZONES)
