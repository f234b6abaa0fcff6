"""The training API, mounted under /api/v1/ (namespace "v1")."""

from django.urls import path

from mujtama.training import api

urlpatterns = [
    path("cohorts/", api.CohortList.as_view(), name="cohort-list"),
    path("cohorts/<int:pk>/", api.CohortDetail.as_view(), name="cohort-detail"),
    path(
        "my/organizations/<int:org>/cohorts/",
        api.OwnCohorts.as_view(),
        name="own-cohort-list",
    ),
    path(
        "my/organizations/<int:org>/cohorts/<int:pk>/enrollments/",
        api.OwnEnrollments.as_view(),
        name="own-cohort-enrollment-list",
    ),
    path(
        "my/organizations/<int:org>/cohorts/<int:pk>/attendance/",
        api.OwnAttendance.as_view(),
        name="own-cohort-attendance",
    ),
]
