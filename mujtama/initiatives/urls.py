"""The organization's initiatives and volunteers, and the volunteer's own area
(signed in; each view checks the person's role or ownership)."""

from django.urls import path

from mujtama.initiatives.views import member, volunteer

app_name = "initiatives"

urlpatterns = [
    path("organization/<int:org>/", member.initiatives, name="list"),
    path("organization/<int:org>/new/", member.initiative_new, name="new"),
    path("organization/<int:org>/dashboard/", member.dashboard, name="dashboard"),
    path("organization/<int:org>/people/", member.beneficiaries, name="beneficiaries"),
    path("organization/<int:org>/volunteers/", member.volunteers, name="volunteers"),
    path("organization/<int:org>/volunteers/new/", member.opportunity_new, name="opportunity_new"),
    path("<int:pk>/", member.initiative, name="initiative"),
    path("<int:pk>/edit/", member.initiative_edit, name="edit"),
    path("<int:pk>/move/", member.initiative_move, name="move"),
    path("<int:pk>/indicators/", member.indicator_add, name="indicator_add"),
    path(
        "<int:pk>/indicators/<int:indicator>/measure/",
        member.indicator_measure,
        name="indicator_measure",
    ),
    path("<int:pk>/activities/new/", member.activity_new, name="activity_new"),
    path("<int:pk>/import/<str:kind>/", member.import_file, name="import"),
    path("<int:pk>/import/<str:kind>/template/", member.import_template, name="import_template"),
    path("opportunities/<int:pk>/move/", member.opportunity_move, name="opportunity_move"),
    path("volunteering/<int:pk>/decide/", member.volunteering_decide, name="volunteering_decide"),
    path("hours/<int:pk>/decide/", member.hours_decide, name="hours_decide"),
    path("statements/<int:pk>/revoke/", member.statement_revoke, name="statement_revoke"),
    # The volunteer's own area
    path("volunteering/", volunteer.mine, name="my_volunteering"),
    path("volunteering/apply/<int:pk>/", volunteer.apply, name="apply"),
    path("volunteering/<int:pk>/withdraw/", volunteer.withdraw, name="withdraw"),
    path("volunteering/<int:pk>/hours/", volunteer.hours_log, name="hours_log"),
    path("volunteering/statements/", volunteer.statement_issue, name="statement_issue"),
    path("volunteering/statements/<int:pk>/pdf/", volunteer.statement_pdf, name="statement_pdf"),
]
