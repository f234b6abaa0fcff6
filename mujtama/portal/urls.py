from django.urls import path

from mujtama.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.switch_language, name="switch_language"),
    path("staff/", views.staff_home, name="staff_home"),
]
