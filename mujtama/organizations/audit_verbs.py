from django.utils.translation import gettext_lazy as _

from mujtama.core.services import name_verbs

name_verbs(
    {
        "organizations.registered": _("Organization registered"),
        "organizations.profile_updated": _("Profile updated"),
        "organizations.logo_changed": _("Logo changed"),
        "organizations.document_uploaded": _("Document uploaded"),
        "organizations.document_deleted": _("Document deleted"),
        "organizations.document_read": _("Document opened by ministry staff"),
        "organizations.invitation_sent": _("Invitation sent"),
        "organizations.invitation_accepted": _("Invitation accepted"),
        "organizations.invitation_revoked": _("Invitation withdrawn"),
        "organizations.member_role_changed": _("Role in the organization changed"),
        "organizations.member_removed": _("Person removed from the organization"),
        "organizations.member_left": _("Person left the organization"),
        "organizations.join_requested": _("Request to join the organization"),
        "organizations.application_started": _("Joining application opened"),
        "organizations.application_assigned": _("Joining application assigned"),
        "organizations.application_checks_ticked": _("Manual checks recorded"),
        "organizations.membership_granted": _("Membership granted"),
        "organizations.legal_status_changed": _("Legal status changed"),
        "organizations.licensing_step_marked": _("Licensing step updated"),
        "organizations.licensing_assigned": _("Licensing file assigned"),
        "organizations.criteria_drafted": _("Criteria drafted"),
        "organizations.criteria_changed": _("Criteria draft changed"),
        "organizations.joining_settings_changed": _("Joining settings changed"),
        "organizations.licensing_step_created": _("Licensing step added"),
        "organizations.licensing_step_changed": _("Licensing step changed"),
        "organizations.expertise_area_created": _("Area of expertise added"),
        "organizations.expertise_area_changed": _("Area of expertise changed"),
    }
)
