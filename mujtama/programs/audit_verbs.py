from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "programs.program_created": _("Program created"),
        "programs.program_changed": _("Program changed"),
        "programs.call_created": _("Call drafted"),
        "programs.call_changed": _("Call draft changed"),
        "programs.call_amended": _("Call amended (new version)"),
        "programs.application_started": _("Application opened"),
        "programs.application_saved": _("Application saved"),
        "programs.partner_invited": _("Partner invited to the consortium"),
        "programs.partner_removed": _("Partner removed from the consortium"),
        "programs.partner_answered": _("Partner answered"),
        "programs.reviewer_assigned": _("Reviewer assigned"),
        "programs.review_scored": _("Scores recorded"),
    }
)
