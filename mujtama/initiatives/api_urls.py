"""The initiatives API, mounted under /api/v1/ (namespace "v1")."""

from django.urls import path

from mujtama.initiatives import api, org_api

urlpatterns = [
    path("initiatives/", api.InitiativeList.as_view(), name="initiative-list"),
    path("initiatives/<int:pk>/", api.InitiativeDetail.as_view(), name="initiative-detail"),
    path(
        "my/organizations/<int:org>/initiatives/",
        org_api.OwnInitiatives.as_view(),
        name="own-initiative-list",
    ),
    path(
        "my/organizations/<int:org>/initiatives/<int:pk>/activities/",
        org_api.OwnActivities.as_view(),
        name="own-activity-list",
    ),
    path("my/organizations/<int:org>/reach/", org_api.OwnReach.as_view(), name="own-reach-list"),
]
