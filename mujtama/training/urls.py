"""The provider's courses and cohorts, and the applicant's own area (signed in; each
view checks the person's role or ownership)."""

from django.urls import path

from mujtama.training.views import applicant, provider

app_name = "training"

urlpatterns = [
    path("", applicant.mine, name="mine"),
    path("apply/<int:pk>/", applicant.apply, name="apply"),
    path("enrollments/<int:pk>/act/", applicant.act, name="act"),
    path("certificates/<int:pk>/pdf/", applicant.certificate, name="certificate"),
    # The provider's area
    path("organization/<int:org>/", provider.courses, name="courses"),
    path("organization/<int:org>/courses/new/", provider.course_new, name="course_new"),
    path("courses/<int:pk>/cohorts/new/", provider.cohort_new, name="cohort_new"),
    path("cohorts/<int:pk>/", provider.cohort, name="cohort"),
    path("cohorts/<int:pk>/move/", provider.cohort_move, name="cohort_move"),
    path("cohorts/<int:pk>/select/", provider.cohort_select, name="cohort_select"),
    path("cohorts/<int:pk>/attendance/", provider.attendance, name="attendance"),
    path(
        "cohorts/<int:pk>/attendance/import/",
        provider.attendance_import,
        name="attendance_import",
    ),
    path("cohorts/<int:pk>/finish/", provider.cohort_finish, name="cohort_finish"),
    path("enrollments/<int:pk>/decide/", provider.enrollment_decide, name="enrollment_decide"),
    path("enrollments/<int:pk>/assessment/", provider.assessment, name="assessment"),
    path("certificates/<int:pk>/revoke/", provider.certificate_revoke, name="certificate_revoke"),
]
