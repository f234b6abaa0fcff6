"""Reviewers: their assigned applications, declarations and scores."""

from django.urls import path

from mujtama.programs.views import reviewer

app_name = "programs_review"

urlpatterns = [
    path("", reviewer.reviews, name="reviews"),
    path("<int:pk>/", reviewer.review, name="review"),
]
