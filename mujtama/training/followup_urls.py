"""The follow-up survey link (no sign-in)."""

from django.urls import path

from mujtama.training.views import followup

app_name = "training_followup"

urlpatterns = [path("<str:token>/", followup.answer, name="answer")]
