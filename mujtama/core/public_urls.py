"""Public pages of core: the verification of issued documents."""

from django.urls import path

from mujtama.core import verification_views

app_name = "verification"

urlpatterns = [
    path("", verification_views.verify_lookup, name="lookup"),
    path("<str:code>/", verification_views.verify, name="document"),
]
