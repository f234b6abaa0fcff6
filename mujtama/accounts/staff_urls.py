from django.urls import path

from mujtama.accounts import views

app_name = "accounts_staff"

urlpatterns = [
    path("", views.staff_people, name="people"),
]
