"""The feedback API, mounted under /api/v1/ (namespace "v1"). So far: the public
catalogue of government digital services."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from mujtama.core.policies import PUBLIC
from mujtama.feedback.models import DigitalService, Ministry


class MinistrySerializer(serializers.ModelSerializer[Ministry]):
    class Meta:
        model = Ministry
        fields = ["id", "code", "name_ar", "name_en"]


class ServiceSerializer(serializers.ModelSerializer[DigitalService]):
    ministry = MinistrySerializer(read_only=True)

    class Meta:
        model = DigitalService
        fields = ["id", "name_ar", "name_en", "ministry", "channel", "url", "short_code"]


@extend_schema(summary="Government digital services", tags=["feedback"])
class ServiceList(generics.ListAPIView):
    """The digital services citizens can give feedback on, by ministry, with the
    short code that selects a service in an SMS ("#12 ...")."""

    route_policy = PUBLIC
    serializer_class = ServiceSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[DigitalService]:
        return (
            DigitalService.objects.filter(is_active=True, ministry__is_active=True)
            .select_related("ministry")
            .order_by("ministry__name_ar", "name_ar", "pk")
        )
