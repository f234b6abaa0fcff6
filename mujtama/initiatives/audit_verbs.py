from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "initiatives.initiative_created": _("Initiative created"),
        "initiatives.initiative_changed": _("Initiative changed"),
        "initiatives.indicator_added": _("Indicator added"),
        "initiatives.indicator_measured": _("Indicator updated"),
        "initiatives.activity_recorded": _("Activity recorded"),
        "initiatives.opportunity_posted": _("Volunteer opportunity posted"),
        "initiatives.volunteer_applied": _("Volunteer applied"),
        "initiatives.hours_logged": _("Volunteer hours logged"),
        "initiatives.hours_statement_issued": _("Hours statement issued"),
        "initiatives.activities_imported": _("Activities imported from a spreadsheet"),
        "initiatives.beneficiaries_imported": _("People reached imported from a spreadsheet"),
    }
)
