"""The organization's own initiatives API, for field tools with the token of one of
its people: its initiatives (every publication level), their activities with the
people each reached, and its aggregate reach records. Any of the organization's
people may read; owners and editors may write; anyone else gets 404."""

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from mujtama.core.policies import SIGNED_IN
from mujtama.geo.models import Governorate, Locality
from mujtama.impact.ledger import Cell
from mujtama.impact.models import AgeBand, AggregateReach, Sex
from mujtama.initiatives.models import Activity, ActivityType, Initiative, Origin
from mujtama.initiatives.permissions import edits
from mujtama.initiatives.services import initiatives as services
from mujtama.organizations.models import Organization
from mujtama.organizations.permissions import role_in

TAG = "my organizations"


def _organization(request: Request, org: int, *, write: bool = False) -> Organization:
    organization = Organization.objects.filter(pk=org).first()
    if organization is None or role_in(request.user, organization) is None:
        raise exceptions.NotFound()
    if write:
        decision = edits(request.user, organization)
        if not decision.allowed:
            raise exceptions.PermissionDenied(str(decision.reason))
    return organization


def _refused(exc: Exception) -> exceptions.APIException:
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    assert isinstance(exc, DjangoValidationError)
    return exceptions.ValidationError(serializers.as_serializer_error(exc))


class OwnInitiativeSerializer(serializers.ModelSerializer):
    governorates = serializers.SlugRelatedField[Governorate](
        many=True, slug_field="pcode", queryset=Governorate.objects.all()
    )
    localities = serializers.SlugRelatedField[Locality](
        many=True, slug_field="pcode", queryset=Locality.objects.all(), required=False
    )
    origin = serializers.ChoiceField(
        choices=[c for c in Origin.choices if c[0] != Origin.CHALLENGE], default=Origin.OWN
    )

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title_ar",
            "title_en",
            "description_ar",
            "description_en",
            "origin",
            "sector",
            "governorates",
            "localities",
            "starts_on",
            "ends_on",
            "budget",
            "publication",
            "concerns_vulnerable",
            "status",
        ]
        read_only_fields = ["id", "status"]


class CellSerializer(serializers.Serializer):
    sex = serializers.ChoiceField(choices=Sex.choices)
    age_band = serializers.ChoiceField(choices=AgeBand.choices)
    remote = serializers.BooleanField()
    vulnerable = serializers.BooleanField()
    count = serializers.IntegerField(min_value=0, max_value=100000)


class OwnActivitySerializer(serializers.ModelSerializer):
    governorate = serializers.SlugRelatedField[Governorate](
        slug_field="pcode", queryset=Governorate.objects.all()
    )
    locality = serializers.SlugRelatedField[Locality](
        slug_field="pcode", queryset=Locality.objects.all(), required=False, allow_null=True
    )
    kind = serializers.ChoiceField(choices=ActivityType.choices)
    reached = CellSerializer(many=True, write_only=True, required=False)
    people_reached = serializers.IntegerField(read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "kind",
            "title",
            "held_on",
            "governorate",
            "locality",
            "online",
            "facilitators",
            "notes",
            "reached",
            "people_reached",
        ]
        read_only_fields = ["id", "people_reached"]


class ReachSerializer(serializers.ModelSerializer):
    governorate = serializers.SlugRelatedField[Governorate](slug_field="pcode", read_only=True)

    class Meta:
        model = AggregateReach
        fields = [
            "id",
            "source_type",
            "source_id",
            "reached_on",
            "governorate",
            "sex",
            "age_band",
            "remote",
            "vulnerable",
            "count",
        ]
        read_only_fields = fields


@extend_schema(tags=[TAG])
class OwnInitiatives(generics.ListCreateAPIView):
    """The organization's initiatives; owners and editors create new ones (planned)."""

    route_policy = SIGNED_IN
    serializer_class = OwnInitiativeSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Initiative]:
        organization = _organization(self.request, self.kwargs["org"])
        return (
            Initiative.objects.filter(lead=organization)
            .prefetch_related("governorates", "localities")
            .order_by("-starts_on", "-pk")
        )

    @extend_schema(
        summary="Start an initiative",
        responses={
            201: OwnInitiativeSerializer,
            400: OpenApiResponse(description="Invalid values, field by field."),
            403: OpenApiResponse(description="Only owners and editors may."),
            404: OpenApiResponse(description="Not your organization."),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        organization = _organization(request, kwargs["org"], write=True)
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        try:
            initiative = services.initiative_create(
                actor=request.user,
                lead=organization,
                governorates=list(data.pop("governorates")),
                localities=list(data.pop("localities", [])),
                **data,
            )
        except (DjangoValidationError, DjangoPermissionDenied) as exc:
            raise _refused(exc) from exc
        return Response(self.get_serializer(initiative).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class OwnActivities(generics.ListCreateAPIView):
    """An initiative's activities with the people each reached; owners and editors
    record new ones, with their counts per cell (written to the reach ledger)."""

    route_policy = SIGNED_IN
    serializer_class = OwnActivitySerializer
    filter_backends: list[Any] = []

    def _initiative(self, *, write: bool = False) -> Initiative:
        organization = _organization(self.request, self.kwargs["org"], write=write)
        return get_object_or_404(Initiative, pk=self.kwargs["pk"], lead=organization)

    def get_queryset(self) -> QuerySet[Activity]:
        initiative = self._initiative()
        activities = initiative.activities.select_related("governorate", "locality")
        totals = dict(
            AggregateReach.objects.filter(
                source_type=Activity._meta.label_lower,
                source_id__in=[str(pk) for pk in activities.values_list("pk", flat=True)],
            )
            .values_list("source_id")
            .annotate(people=Sum("count"))
        )
        self._totals = totals
        return activities

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        for activity in page if page is not None else queryset:
            activity.people_reached = self._totals.get(str(activity.pk), 0)
        return page

    @extend_schema(
        summary="Record an activity and the people it reached",
        responses={
            201: OwnActivitySerializer,
            400: OpenApiResponse(description="Invalid values, field by field."),
            403: OpenApiResponse(description="Only owners and editors may."),
            404: OpenApiResponse(description="Not your organization's initiative."),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        initiative = self._initiative(write=True)
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        cells = [Cell(**cell) for cell in data.pop("reached", [])]
        try:
            activity = services.activity_record(
                actor=request.user, initiative=initiative, reached=cells, **data
            )
        except (DjangoValidationError, DjangoPermissionDenied) as exc:
            raise _refused(exc) from exc
        activity.people_reached = sum(cell.count for cell in cells)  # type: ignore[attr-defined]
        return Response(self.get_serializer(activity).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG], summary="The organization's aggregate reach records")
class OwnReach(generics.ListAPIView):
    route_policy = SIGNED_IN
    serializer_class = ReachSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[AggregateReach]:
        organization = _organization(self.request, self.kwargs["org"])
        return (
            AggregateReach.objects.filter(organization=organization)
            .select_related("governorate")
            .order_by("-reached_on", "-pk")
        )
