from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "mujtama.training"
    label = "training"
    verbose_name = _("Training and employment")

    def ready(self) -> None:
        from mujtama.training import audit_verbs, workflows  # noqa: F401
        from mujtama.training.services import certificates  # noqa: F401 - who revokes
