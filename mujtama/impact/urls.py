from django.urls import path

from mujtama.impact import views

app_name = "impact"

urlpatterns = [
    path("", views.target_groups, name="target_groups"),
    path("criteria/new/", views.criterion_edit, name="criterion_new"),
    path("criteria/<int:pk>/", views.criterion_edit, name="criterion_edit"),
    path("people/", views.beneficiaries, name="beneficiaries"),
    path("people/<int:pk>/", views.beneficiary, name="beneficiary"),
]
