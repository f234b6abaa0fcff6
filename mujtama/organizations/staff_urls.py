"""Ministry staff: the work queue, decisions, criteria and registry lists."""

from django.urls import path

from mujtama.organizations.views import staff

app_name = "organizations_staff"

urlpatterns = [
    path("", staff.queue, name="queue"),
    path("registry/", staff.registry, name="registry"),
    path("registry/<int:pk>/", staff.organization, name="organization"),
    path("registry/<int:pk>/membership/", staff.membership_act, name="membership_act"),
    path("applications/<int:pk>/", staff.application, name="application"),
    path("applications/<int:pk>/assign/", staff.application_assign, name="application_assign"),
    path("applications/<int:pk>/checks/", staff.application_checks, name="application_checks"),
    path("applications/<int:pk>/act/", staff.application_act, name="application_act"),
    path("licensing/<int:pk>/", staff.licensing, name="licensing"),
    path("licensing/<int:pk>/assign/", staff.licensing_assign, name="licensing_assign"),
    path("licensing/<int:pk>/act/", staff.licensing_act, name="licensing_act"),
    path("criteria/", staff.criteria_list, name="criteria_list"),
    path("criteria/new/", staff.criteria_edit, name="criteria_new"),
    path("criteria/<int:pk>/", staff.criteria_edit, name="criteria_edit"),
    path("criteria/<int:pk>/publish/", staff.criteria_publish, name="criteria_publish"),
    path("settings/", staff.joining_settings, name="settings"),
    path("licensing-steps/", staff.licensing_steps, name="licensing_steps"),
    path("licensing-steps/new/", staff.licensing_step_edit, name="licensing_step_new"),
    path("licensing-steps/<int:pk>/", staff.licensing_step_edit, name="licensing_step_edit"),
    path("expertise/", staff.expertise_areas, name="expertise"),
    path("expertise/new/", staff.expertise_area_edit, name="expertise_new"),
    path("expertise/<int:pk>/", staff.expertise_area_edit, name="expertise_edit"),
]
