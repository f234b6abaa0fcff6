"""Citizens: the feedback form, the tracking page, the figures per service."""

from django.urls import path

from mujtama.feedback.views import public

app_name = "feedback"

urlpatterns = [
    path("", public.give, name="give"),
    path("track/", public.track_lookup, name="track_lookup"),
    path("track/<str:code>/", public.track, name="track"),
    path("track/<str:code>/answer/", public.track_answer, name="track_answer"),
    path("track/<str:code>/solved/", public.track_solved, name="track_solved"),
    path("services/", public.services, name="services"),
    path("services/<int:pk>/", public.service, name="service"),
]
