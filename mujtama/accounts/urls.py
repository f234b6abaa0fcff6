from django.urls import path

from mujtama.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("target-groups/", views.declaration, name="declaration"),
    path("target-groups/withdraw/", views.withdraw_consent, name="withdraw_consent"),
]
