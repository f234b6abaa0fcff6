"""Public pages of initiatives and volunteer opportunities."""

from django.urls import path

from mujtama.initiatives.views import public

app_name = "initiatives_public"

urlpatterns = [
    path("initiatives/", public.initiatives, name="list"),
    path("initiatives/<int:pk>/", public.initiative, name="detail"),
    path("volunteer/", public.opportunities, name="opportunities"),
    path("volunteer/<int:pk>/", public.opportunity, name="opportunity"),
]
