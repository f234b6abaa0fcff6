from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from mujtama.core.policies import PUBLIC
from mujtama.geo.models import Governorate
from mujtama.geo.selectors import governorates


class GovernorateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Governorate
        fields = ["pcode", "iso_code", "name_ar", "name_en"]


@extend_schema(summary="The 14 governorates of Syria", tags=["geography"])
class GovernorateList(generics.ListAPIView):
    """The 14 governorates with their OCHA P-codes and ISO 3166-2 codes."""

    route_policy = PUBLIC
    serializer_class = GovernorateSerializer
    pagination_class = None
    queryset = governorates()
