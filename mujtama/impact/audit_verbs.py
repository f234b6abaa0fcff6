from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "impact.criterion_created": _("Vulnerability criterion added"),
        "impact.criterion_changed": _("Vulnerability criterion changed"),
        "impact.youth_range_changed": _("Youth age range changed"),
        "impact.reach_recorded": _("People reached recorded (counts)"),
        "impact.beneficiary_recorded": _("Person reached recorded by name"),
        "impact.beneficiaries_imported": _("People reached imported by name"),
        "impact.reach_imported": _("Counts of people reached imported"),
        "impact.beneficiary_viewed": _("Named record of a person reached opened by staff"),
    }
)
