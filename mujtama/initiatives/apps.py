from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "mujtama.initiatives"
    label = "initiatives"
    verbose_name = _("Initiatives and volunteers")

    def ready(self) -> None:
        from mujtama.initiatives import audit_verbs, workflows  # noqa: F401
        from mujtama.initiatives.services import volunteers  # noqa: F401 - who revokes statements
