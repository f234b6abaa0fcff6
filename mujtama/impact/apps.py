from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "mujtama.impact"
    label = "impact"
    verbose_name = _("Target groups and impact")

    def ready(self) -> None:
        from mujtama.impact import audit_verbs  # noqa: F401
