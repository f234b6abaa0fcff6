"""An organization's side: calls it can apply to, its applications, consortia."""

from django.urls import path

from mujtama.programs.views import applicant

app_name = "programs"

urlpatterns = [
    path("", applicant.mine, name="mine"),
    path("organizations/<int:org>/calls/", applicant.calls_for, name="calls_for"),
    path("calls/<int:call>/apply/", applicant.apply, name="apply"),
    path("<int:pk>/", applicant.application, name="application"),
    path("<int:pk>/files/<int:question>/", applicant.answer_file, name="answer_file"),
    path("<int:pk>/partners/", applicant.partners, name="partners"),
    path("partners/<int:partner>/answer/", applicant.partner_answer, name="partner_answer"),
]
