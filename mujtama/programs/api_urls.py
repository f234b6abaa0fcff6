"""The programs API, mounted under /api/v1/ (namespace "v1")."""

from django.urls import path

from mujtama.programs import api

urlpatterns = [
    path("calls/", api.CallList.as_view(), name="call-list"),
    path("calls/<int:pk>/", api.CallDetail.as_view(), name="call-detail"),
    path("calls/<int:pk>/eligibility/", api.CallEligibility.as_view(), name="call-eligibility"),
    path("my/applications/", api.MyApplicationList.as_view(), name="my-application-list"),
    path("reviews/", api.ReviewList.as_view(), name="review-list"),
]
