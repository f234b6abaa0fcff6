"""The feedback API, mounted under /api/v1/ (namespace "v1")."""

from django.urls import path

from mujtama.feedback import api

urlpatterns = [
    path("services/", api.ServiceList.as_view(), name="service-list"),
    path("feedback/", api.FeedbackCreate.as_view(), name="feedback-create"),
    path("feedback/<str:tracking_code>/", api.FeedbackStatusView.as_view(), name="feedback-status"),
    path("sms/inbound", api.SmsInbound.as_view(), name="sms-inbound"),
]
