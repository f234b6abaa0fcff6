from django.urls import path

from mujtama.core import staff_views

app_name = "core"

urlpatterns = [
    path("", staff_views.audit_log, name="audit_log"),
]
