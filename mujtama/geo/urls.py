from django.urls import path

from mujtama.geo import views

app_name = "geo"

urlpatterns = [
    path("", views.governorate_list, name="governorate_list"),
    path("<str:pcode>/", views.governorate_detail, name="governorate_detail"),
    path(
        "<str:kind>/<str:pcode>/remote/",
        views.set_remote,
        name="set_remote",
    ),
]
