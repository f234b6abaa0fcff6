"""Public pages: programs, calls and published results."""

from django.urls import path

from mujtama.programs.views import public

app_name = "programs_public"

urlpatterns = [
    path("programs/", public.programs, name="programs"),
    path("programs/<int:pk>/", public.program, name="program"),
    path("calls/<int:pk>/", public.call, name="call"),
]
