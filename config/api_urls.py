"""The REST API, version 1: also the only routes the OpenAPI schema describes
(``SPECTACULAR_SETTINGS["SERVE_URLCONF"]``)."""

from django.urls import include, path

api_v1 = [
    path("", include("mujtama.geo.api_urls")),
    path("", include("mujtama.organizations.api_urls")),
    path("", include("mujtama.programs.api_urls")),
    path("", include("mujtama.feedback.api_urls")),
    path("", include("mujtama.initiatives.api_urls")),
    path("", include("mujtama.training.api_urls")),
]

urlpatterns = [
    path("api/v1/", include((api_v1, "v1"), namespace="v1")),
]
