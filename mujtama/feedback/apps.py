from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "mujtama.feedback"
    label = "feedback"
    verbose_name = _("Citizen feedback")

    def ready(self) -> None:
        from mujtama.feedback import audit_verbs, public_cache, workflows  # noqa: F401

        public_cache.connect()
