from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "mujtama.organizations"
    label = "organizations"
    verbose_name = _("Organizations and joining")

    def ready(self) -> None:
        # Rule types for the joining criteria (and later call eligibility).
        from mujtama.organizations import audit_verbs, rules, workflows  # noqa: F401
