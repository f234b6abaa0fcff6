from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "training.course_created": _("Course created"),
        "training.cohort_created": _("Cohort created"),
        "training.applied": _("Applied to a cohort"),
        "training.selection_made": _("Applicants ranked and selected"),
        "training.attendance_recorded": _("Attendance recorded"),
        "training.assessment_recorded": _("Assessment recorded"),
        "training.certificate_issued": _("Certificate issued"),
        "training.followup_sent": _("Follow-up survey sent"),
        "training.followup_answered": _("Follow-up survey answered"),
    }
)
