from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mujtama.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from mujtama.accounts import audit_verbs  # noqa: F401
