from django.urls import path

from mujtama.geo import api

urlpatterns = [
    path("governorates/", api.GovernorateList.as_view(), name="governorate-list"),
]
