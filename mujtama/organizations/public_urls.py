"""Public pages: the member directory, profiles, and how to join."""

from django.urls import path

from mujtama.organizations.views import public

app_name = "organizations_public"

urlpatterns = [
    path("organizations/", public.directory, name="directory"),
    path("organizations/<int:pk>/", public.profile, name="profile"),
    path("organizations/<int:pk>/logo.png", public.logo, name="logo"),
    path("join/", public.how_to_join, name="how_to_join"),
    path("join/criteria/<int:pk>/", public.criteria, name="criteria"),
]
