"""Program managers: programs, calls, screening, reviewers, ranking, decisions."""

from django.urls import path

from mujtama.programs.views import manager

app_name = "programs_staff"

urlpatterns = [
    path("", manager.programs, name="programs"),
    path("new/", manager.program_edit, name="program_new"),
    path("<int:pk>/", manager.program, name="program"),
    path("<int:pk>/edit/", manager.program_edit, name="program_edit"),
    path("<int:program>/calls/new/", manager.call_edit, name="call_new"),
    path("calls/<int:pk>/", manager.call, name="call"),
    path("calls/<int:pk>/edit/", manager.call_edit, name="call_edit"),
    path("calls/<int:pk>/act/", manager.call_act, name="call_act"),
    path("calls/<int:pk>/ranking/", manager.ranking, name="ranking"),
    path("applications/<int:pk>/", manager.application, name="application"),
    path("applications/<int:pk>/assign/", manager.assign, name="assign"),
    path("applications/<int:pk>/act/", manager.application_act, name="application_act"),
]
