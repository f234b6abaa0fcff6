from django.urls import path

from mujtama.organizations import api

urlpatterns = [
    path("organizations/", api.OrganizationList.as_view(), name="organization-list"),
    path("organizations/<int:pk>/", api.OrganizationDetail.as_view(), name="organization-detail"),
    path("my/organizations/", api.MyOrganizationList.as_view(), name="my-organization-list"),
    path(
        "my/organizations/<int:pk>/",
        api.MyOrganizationDetail.as_view(),
        name="my-organization-detail",
    ),
    path(
        "my/organizations/<int:pk>/applications/",
        api.MyOrganizationApplications.as_view(),
        name="my-organization-applications",
    ),
]
