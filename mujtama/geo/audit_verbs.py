from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "geo.boundaries_imported": _("Administrative boundaries imported"),
        "geo.remote_flag_set": _("Flagged as a remote area"),
        "geo.remote_flag_cleared": _("No longer a remote area"),
    }
)
