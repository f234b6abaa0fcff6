from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "feedback.classifier_trained": _("Feedback classifier trained"),
        "feedback.classifier_activated": _("Feedback classifier put in service"),
    }
)
