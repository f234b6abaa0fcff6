"""The initiatives API: the public list and record of initiatives.

It shows exactly what the public pages show (``selectors``): never a private
initiative (404), only the facts of a summary-only one (its description and record
are null), and nothing below the governorate for an initiative that concerns
vulnerable families. People reached are per governorate, and a figure of fewer than 5
people is null with ``suppressed`` true."""

from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers

from mujtama.core.policies import PUBLIC
from mujtama.geo.models import Governorate
from mujtama.initiatives import selectors
from mujtama.initiatives.models import (
    ActivityType,
    Indicator,
    Initiative,
    InitiativeStatus,
)
from mujtama.initiatives.workflows import INITIATIVE_WORKFLOW
from mujtama.organizations.models import Organization

TAG = "initiatives"


# --- serializers ---------------------------------------------------------------------


class InitiativeOrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name_ar", "name_en"]
        read_only_fields = fields


class InitiativeSerializer(serializers.ModelSerializer):
    """A published initiative. ``description_ar`` and ``description_en`` are null
    when the organization publishes only a summary."""

    lead = InitiativeOrganizationSerializer(read_only=True)
    partners = InitiativeOrganizationSerializer(many=True, read_only=True)
    governorates = serializers.SlugRelatedField[Governorate](
        many=True, read_only=True, slug_field="pcode", help_text="Governorate P-codes."
    )
    status_label = serializers.SerializerMethodField()
    description_ar = serializers.SerializerMethodField()
    description_en = serializers.SerializerMethodField()

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title_ar",
            "title_en",
            "lead",
            "partners",
            "governorates",
            "status",
            "status_label",
            "sector",
            "starts_on",
            "ends_on",
            "publication",
            "description_ar",
            "description_en",
        ]
        read_only_fields = fields

    def get_status_label(self, initiative: Initiative) -> str:
        """In the language of the request."""
        return str(INITIATIVE_WORKFLOW.label(initiative.status, public=True))

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_description_ar(self, initiative: Initiative) -> str | None:
        return initiative.description_ar if selectors.shows_record(initiative) else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_description_en(self, initiative: Initiative) -> str | None:
        return initiative.description_en if selectors.shows_record(initiative) else None


class InitiativeIndicatorSerializer(serializers.ModelSerializer):
    progress = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Percent of the way from baseline to target (may pass 100).",
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "name_ar",
            "name_en",
            "unit_ar",
            "unit_en",
            "baseline",
            "target",
            "actual",
            "progress",
            "updated_at",
        ]
        read_only_fields = fields


class InitiativeLocalitySerializer(serializers.Serializer):
    pcode = serializers.CharField()
    name_ar = serializers.CharField()
    name_en = serializers.CharField()


class InitiativeActivitySerializer(serializers.Serializer):
    """An activity. ``title`` and ``locality`` are null for an initiative that
    concerns vulnerable families (and ``locality`` for an online activity)."""

    id = serializers.IntegerField(source="pk")
    held_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=ActivityType.choices)
    kind_label = serializers.CharField(help_text="In the language of the request.")
    governorate = serializers.CharField(source="governorate.pcode", help_text="P-code.")
    online = serializers.BooleanField()
    locality = InitiativeLocalitySerializer(allow_null=True)
    title = serializers.CharField(allow_null=True)


class InitiativeReachSerializer(serializers.Serializer):
    governorate = serializers.CharField(source="governorate.pcode", help_text="P-code.")
    people = serializers.IntegerField(
        source="people.shown", allow_null=True, help_text="Null when fewer than 5."
    )
    suppressed = serializers.BooleanField(
        source="people.suppressed", help_text="True when the figure is fewer than 5."
    )


class InitiativeRecordSerializer(serializers.Serializer):
    """What a fully published initiative shows besides its facts."""

    indicators = InitiativeIndicatorSerializer(many=True)
    activities = InitiativeActivitySerializer(many=True, help_text="The 50 latest.")
    activity_count = serializers.IntegerField()
    reach = InitiativeReachSerializer(many=True, help_text="People reached per governorate.")
    people_reached = serializers.IntegerField(
        allow_null=True,
        help_text="All governorates together: the sum of the figures shown (groups of "
        "fewer than 5 people are left out before adding); null when fewer than 5.",
    )


@extend_schema_field({"$ref": "#/components/schemas/InitiativeStatusEnum"})
class _ListedStatusField(serializers.CharField):
    """The status, documented by reference to the enum the list's ``status`` makes:
    a second inline copy of the same choices would collide with the other "status"
    enums of the API (see ENUM_NAME_OVERRIDES)."""


class InitiativeDetailSerializer(InitiativeSerializer):
    """A published initiative with its record (null when only a summary is
    published)."""

    status = _ListedStatusField(read_only=True)
    record = serializers.SerializerMethodField()

    class Meta(InitiativeSerializer.Meta):
        fields = [*InitiativeSerializer.Meta.fields, "record"]
        read_only_fields = fields

    @extend_schema_field(InitiativeRecordSerializer(allow_null=True))
    def get_record(self, initiative: Initiative) -> Any:
        if not selectors.shows_record(initiative):
            return None
        activities, activity_count = selectors.public_activities(initiative)
        reach = selectors.public_reach(initiative)
        return InitiativeRecordSerializer(
            {
                "indicators": selectors.public_indicators(initiative),
                "activities": activities,
                "activity_count": activity_count,
                "reach": reach.rows,
                "people_reached": reach.total.shown if reach.total else None,
            }
        ).data


# --- filters --------------------------------------------------------------------------


class InitiativeFilter(django_filters.FilterSet):
    """The list's filters; the same as the public page's (``selectors``)."""

    governorate = django_filters.CharFilter(
        method="by_governorate", max_length=20, help_text="Governorate P-code, e.g. SY01."
    )
    organization = django_filters.NumberFilter(
        method="by_organization",
        min_value=1,
        help_text="Organization id: initiatives it leads or is a partner in.",
    )
    status = django_filters.ChoiceFilter(method="by_status", choices=InitiativeStatus.choices)

    class Meta:
        model = Initiative
        fields: list[str] = []

    def by_governorate(
        self, queryset: QuerySet[Initiative], name: str, value: str
    ) -> QuerySet[Initiative]:
        return selectors.filter_initiatives(queryset, governorate=value)

    @extend_schema_field(OpenApiTypes.INT)
    def by_organization(
        self, queryset: QuerySet[Initiative], name: str, value: Decimal
    ) -> QuerySet[Initiative]:
        return selectors.filter_initiatives(queryset, organization=int(value))

    def by_status(
        self, queryset: QuerySet[Initiative], name: str, value: str
    ) -> QuerySet[Initiative]:
        return selectors.filter_initiatives(queryset, status=value)


# --- views ----------------------------------------------------------------------------


@extend_schema(
    summary="Initiatives",
    tags=[TAG],
    responses={
        200: InitiativeSerializer(many=True),
        400: OpenApiResponse(description="Bad filter."),
    },
)
class InitiativeList(generics.ListAPIView):
    """Published initiatives (public or summary only), newest first, paginated;
    filtered by governorate, organization (lead or partner) and status."""

    route_policy = PUBLIC
    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self) -> QuerySet[Initiative]:
        return selectors.public_initiatives().prefetch_related(
            Prefetch("partners", queryset=Organization.objects.order_by("name_ar", "pk"))
        )


@extend_schema(
    summary="One initiative",
    tags=[TAG],
    responses={
        200: InitiativeDetailSerializer,
        404: OpenApiResponse(description="Not published."),
    },
)
class InitiativeDetail(generics.RetrieveAPIView):
    """A published initiative; for a fully published one, its indicators, latest
    activities and people reached per governorate."""

    route_policy = PUBLIC
    serializer_class = InitiativeDetailSerializer
    filter_backends: list[Any] = []

    def get_object(self) -> Initiative:
        initiative = selectors.public_initiative(self.kwargs["pk"])
        if initiative is None:
            raise exceptions.NotFound()
        return initiative
