"""Public pages of training: catalogue, cohorts, providers."""

from django.urls import path

from mujtama.training.views import public

app_name = "training_public"

urlpatterns = [
    path("training/", public.catalogue, name="catalogue"),
    path("training/courses/<int:pk>/", public.course, name="course"),
    path("training/providers/", public.providers, name="providers"),
]
