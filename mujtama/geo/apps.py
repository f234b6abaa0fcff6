from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "mujtama.geo"
    label = "geo"
    verbose_name = _("Geography")

    def ready(self) -> None:
        from mujtama.geo import audit_verbs  # noqa: F401
