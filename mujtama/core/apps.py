from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mujtama.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from mujtama.core import verification  # noqa: F401 - its workflow and audit verbs
