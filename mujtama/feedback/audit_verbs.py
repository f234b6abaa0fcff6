from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "feedback.classifier_trained": _("Feedback classifier trained"),
        "feedback.classifier_activated": _("Feedback classifier put in service"),
        "feedback.received": _("Feedback received"),
        "feedback.replied": _("Reply sent to the citizen"),
        "feedback.reclassified": _("Feedback kind or sentiment set by an officer"),
        "feedback.routed": _("Feedback routed to a service"),
        "feedback.escalated": _("Feedback overdue, escalated"),
        "feedback.need_merged": _("Needs merged"),
        "feedback.need_split": _("Need split"),
        "feedback.need_renamed": _("Need renamed"),
        "feedback.ministry_created": _("Ministry added to the catalogue"),
        "feedback.ministry_changed": _("Ministry changed in the catalogue"),
        "feedback.digitalservice_created": _("Digital service added to the catalogue"),
        "feedback.digitalservice_changed": _("Digital service changed in the catalogue"),
        "feedback.service_level_changed": _("Service level changed"),
        "feedback.desk_added": _("Feedback desk given"),
        "feedback.desk_removed": _("Feedback desk taken away"),
        "feedback.screenshot_viewed": _("Feedback screenshot viewed"),
        "feedback.item.triage": _("Feedback triaged"),
        "feedback.item.start": _("Work on feedback started"),
        "feedback.item.ask_info": _("Citizen asked for more information"),
        "feedback.item.answer": _("Citizen sent more information"),
        "feedback.item.resume": _("Work on feedback resumed without an answer"),
        "feedback.item.resolve": _("Feedback resolved"),
        "feedback.item.reject": _("Feedback rejected"),
        "feedback.item.merge": _("Feedback merged into another item"),
        "feedback.item.confirm": _("Feedback closed as solved"),
        "feedback.item.reopen": _("Feedback reopened: not solved"),
        "feedback.item.expire": _("Feedback closed: no answer from the citizen"),
    }
)
