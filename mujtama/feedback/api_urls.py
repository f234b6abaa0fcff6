"""The feedback API, mounted under /api/v1/ (namespace "v1")."""

from django.urls import path

from mujtama.feedback import api

urlpatterns = [
    path("services/", api.ServiceList.as_view(), name="service-list"),
]
