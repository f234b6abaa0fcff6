from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "accounts.consent_given": _("Consent given"),
        "accounts.consent_withdrawn": _("Consent withdrawn"),
        "accounts.declaration_saved": _("Target-group declaration saved"),
        "accounts.profile_updated": _("Profile updated"),
        "accounts.role_granted": _("Staff role granted"),
        "accounts.role_revoked": _("Staff role revoked"),
    }
)
