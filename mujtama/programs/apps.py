from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "mujtama.programs"
    label = "programs"
    verbose_name = _("Programs and calls")

    def ready(self) -> None:
        from mujtama.programs import audit_verbs, public_cache, rules, workflows  # noqa: F401

        public_cache.connect()
