"""The training API: public cohorts for anyone, and a provider's own cohorts,
enrollments and attendance for its people with a token.

Public: the same cohorts as the public pages (``selectors``), never a draft or a
cancelled one (404). Provider: any of the organization's people read; owners and
editors record attendance; anyone else gets 404, as if the organization had no
such cohort."""

from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from mujtama.core.policies import PUBLIC, SIGNED_IN
from mujtama.geo.models import Governorate, Locality
from mujtama.initiatives.permissions import edits
from mujtama.organizations.models import Organization
from mujtama.organizations.permissions import role_in
from mujtama.training import selectors
from mujtama.training.models import (
    Attendance,
    Cohort,
    Course,
    Enrollment,
    Session,
)
from mujtama.training.services import attendance as attendance_services
from mujtama.training.workflows import COHORT_WORKFLOW, ENROLLMENT_WORKFLOW

TAG = "training"
OWN_TAG = "my organizations"


# --- serializers --------------------------------------------------------------------------


class TrainingOrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name_ar", "name_en"]
        read_only_fields = fields


class CohortCourseSerializer(serializers.ModelSerializer):
    provider = TrainingOrganizationSerializer(read_only=True)
    co_provider = TrainingOrganizationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Course
        fields = [
            "id",
            "title_ar",
            "title_en",
            "provider",
            "co_provider",
            "level",
            "hours",
            "mode",
        ]
        read_only_fields = fields


class CohortLocalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Locality
        fields = ["pcode", "name_ar", "name_en"]
        read_only_fields = fields


class CohortSerializer(serializers.ModelSerializer):
    """A cohort: when, where, for how many, who may apply and how the places are
    given (the points each declared circumstance earns, and whether women and men
    are balanced)."""

    course = CohortCourseSerializer(read_only=True)
    governorate = serializers.SlugRelatedField[Governorate](
        slug_field="pcode",
        read_only=True,
        allow_null=True,
        help_text="Governorate P-code where it is held (may be null for an online cohort).",
    )
    locality = CohortLocalitySerializer(read_only=True, allow_null=True)
    eligible_governorates = serializers.SlugRelatedField[Governorate](
        many=True,
        slug_field="pcode",
        read_only=True,
        help_text="P-codes of the governorates whose people may apply; empty for all.",
    )
    status_label = serializers.SerializerMethodField()
    applications = serializers.SerializerMethodField()

    class Meta:
        model = Cohort
        fields = [
            "id",
            "course",
            "name_ar",
            "name_en",
            "status",
            "status_label",
            "applications",
            "applications_open_on",
            "applications_close_on",
            "starts_on",
            "ends_on",
            "online",
            "governorate",
            "locality",
            "capacity",
            "min_age",
            "max_age",
            "eligible_governorates",
            "prerequisites",
            "remote_points",
            "vulnerable_points",
            "gender_balance",
            "confirmation_days",
            "attendance_share",
            "assessment",
        ]
        read_only_fields = fields

    def get_status_label(self, cohort: Cohort) -> str:
        """In the language of the request."""
        return str(COHORT_WORKFLOW.label(cohort.status, public=True))

    @extend_schema_field(
        serializers.ChoiceField(
            choices=selectors.Applications.CHOICES,
            help_text="open: published and taking applications today; upcoming: published, "
            "applications open later; closed: anything else.",
        )
    )
    def get_applications(self, cohort: Cohort) -> str:
        return selectors.applications(cohort)


class CohortEnrollmentSerializer(serializers.ModelSerializer):
    """An applicant as the provider sees them: the name, where they stand and their
    score (``rank`` is set when the provider selects)."""

    applicant_name = serializers.CharField(source="applicant.full_name", read_only=True)
    status_label = serializers.SerializerMethodField()
    applied_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = Enrollment
        fields = [
            "id",
            "applicant_name",
            "status",
            "status_label",
            "score",
            "rank",
            "applied_at",
        ]
        read_only_fields = fields

    def get_status_label(self, enrollment: Enrollment) -> str:
        """In the language of the request."""
        return str(ENROLLMENT_WORKFLOW.label(enrollment.status))


class SessionSerializer(serializers.ModelSerializer):
    """A session and who was there (enrollment ids)."""

    present = serializers.SerializerMethodField()
    absent = serializers.SerializerMethodField()

    class Meta:
        model = Session
        fields = ["id", "held_on", "topic", "present", "absent"]
        read_only_fields = fields

    def _marks(self, session: Session, present: bool) -> list[int]:
        return sorted(m.enrollment_id for m in session.attendance.all() if m.present is present)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_present(self, session: Session) -> list[int]:
        return self._marks(session, True)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_absent(self, session: Session) -> list[int]:
        return self._marks(session, False)


class AttendanceDaySerializer(serializers.Serializer):
    """One day's attendance: the enrolled trainees there; everyone else enrolled is
    marked absent."""

    held_on = serializers.DateField(help_text="The day of the session, YYYY-MM-DD.")
    topic = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    present = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        allow_empty=True,
        max_length=1000,
        help_text="Ids of the enrollments present.",
    )


# --- public -------------------------------------------------------------------------------


class CohortFilter(django_filters.FilterSet):
    """The filters of the public catalogue (``selectors.filter_cohorts``)."""

    status = django_filters.ChoiceFilter(
        method="by_status",
        choices=selectors.Applications.CHOICES,
        help_text="open: taking applications today; upcoming: applications open later; "
        "closed: the others (applications past, running or finished).",
    )
    governorate = django_filters.CharFilter(
        method="by_governorate",
        max_length=20,
        help_text="Governorate P-code, e.g. SY09: cohorts held there and online cohorts "
        "its people may apply to.",
    )

    class Meta:
        model = Cohort
        fields: list[str] = []

    def by_status(self, queryset: QuerySet[Cohort], name: str, value: str) -> QuerySet[Cohort]:
        return selectors.filter_cohorts(queryset, status=value)

    def by_governorate(self, queryset: QuerySet[Cohort], name: str, value: str) -> QuerySet[Cohort]:
        return selectors.filter_cohorts(queryset, governorate=value)


def _cohort_rows(cohorts: QuerySet[Cohort]) -> QuerySet[Cohort]:
    return cohorts.select_related(
        "course__provider", "course__co_provider", "governorate", "locality"
    ).prefetch_related(
        Prefetch("eligible_governorates", queryset=Governorate.objects.order_by("pcode"))
    )


@extend_schema(
    summary="Training cohorts",
    tags=[TAG],
    responses={
        200: CohortSerializer(many=True),
        400: OpenApiResponse(description="Bad filter."),
    },
)
class CohortList(generics.ListAPIView):
    """Published, running and finished cohorts, the soonest first, paginated;
    filtered by where applications stand and by governorate."""

    route_policy = PUBLIC
    serializer_class = CohortSerializer
    filterset_class = CohortFilter

    def get_queryset(self) -> QuerySet[Cohort]:
        return _cohort_rows(selectors.public_cohorts()).order_by("starts_on", "pk")


@extend_schema(
    summary="One training cohort",
    tags=[TAG],
    responses={200: CohortSerializer, 404: OpenApiResponse(description="Not published.")},
)
class CohortDetail(generics.RetrieveAPIView):
    route_policy = PUBLIC
    serializer_class = CohortSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Cohort]:
        return _cohort_rows(selectors.public_cohorts())


# --- the provider's own -------------------------------------------------------------------


def _organization(request: Request, org: int, *, write: bool = False) -> Organization:
    organization = Organization.objects.filter(pk=org).first()
    if organization is None or role_in(request.user, organization) is None:
        raise exceptions.NotFound()
    if write:
        decision = edits(request.user, organization)
        if not decision.allowed:
            raise exceptions.PermissionDenied(str(decision.reason))
    return organization


def _own_cohort(request: Request, org: int, pk: int, *, write: bool = False) -> Cohort:
    organization = _organization(request, org, write=write)
    return get_object_or_404(
        Cohort.objects.select_related("course"), pk=pk, course__provider=organization
    )


@extend_schema(
    summary="The organization's cohorts",
    tags=[OWN_TAG],
    responses={
        200: CohortSerializer(many=True),
        404: OpenApiResponse(description="Not your organization."),
    },
)
class OwnCohorts(generics.ListAPIView):
    """Every cohort of the organization's courses, in any status, the latest first."""

    route_policy = SIGNED_IN
    serializer_class = CohortSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Cohort]:
        organization = _organization(self.request, self.kwargs["org"])
        return _cohort_rows(Cohort.objects.filter(course__provider=organization)).order_by(
            "-starts_on", "-pk"
        )


@extend_schema(
    summary="A cohort's applicants",
    tags=[OWN_TAG],
    responses={
        200: CohortEnrollmentSerializer(many=True),
        404: OpenApiResponse(description="Not your organization's cohort."),
    },
)
class OwnEnrollments(generics.ListAPIView):
    """Everyone who applied to the cohort, by rank once selected (then by who
    applied first)."""

    route_policy = SIGNED_IN
    serializer_class = CohortEnrollmentSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Enrollment]:
        cohort = _own_cohort(self.request, self.kwargs["org"], self.kwargs["pk"])
        return (
            Enrollment.objects.filter(cohort=cohort)
            .select_related("applicant")
            .order_by(F("rank").asc(nulls_last=True), "created_at", "pk")
        )


@extend_schema(tags=[OWN_TAG])
class OwnAttendance(generics.ListAPIView):
    """The cohort's sessions, each with who was there; owners and editors record a
    day's attendance while the cohort is running."""

    route_policy = SIGNED_IN
    serializer_class = SessionSerializer
    filter_backends: list[Any] = []

    def get_serializer_class(self) -> Any:
        if self.request.method == "POST":
            return AttendanceDaySerializer
        return SessionSerializer

    def get_queryset(self) -> QuerySet[Session]:
        cohort = _own_cohort(self.request, self.kwargs["org"], self.kwargs["pk"])
        return (
            Session.objects.filter(cohort=cohort)
            .prefetch_related(
                Prefetch(
                    "attendance",
                    queryset=Attendance.objects.only("session_id", "enrollment_id", "present"),
                )
            )
            .order_by("held_on", "pk")
        )

    @extend_schema(
        summary="A cohort's sessions and attendance",
        responses={
            200: SessionSerializer(many=True),
            404: OpenApiResponse(description="Not your organization's cohort."),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Record a day's attendance",
        request=AttendanceDaySerializer,
        responses={
            201: SessionSerializer,
            200: OpenApiResponse(SessionSerializer, description="The day's marks replaced."),
            400: OpenApiResponse(
                description="Invalid values, field by field; or the cohort is not running."
            ),
            403: OpenApiResponse(description="Only owners and editors may."),
            404: OpenApiResponse(description="Not your organization's cohort."),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        cohort = _own_cohort(request, kwargs["org"], kwargs["pk"], write=True)
        incoming = AttendanceDaySerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        existed = Session.objects.filter(cohort=cohort, held_on=data["held_on"]).exists()
        try:
            with transaction.atomic():
                session = attendance_services.session_for(
                    actor=request.user, cohort=cohort, held_on=data["held_on"], topic=data["topic"]
                )
                try:
                    attendance_services.attendance_record(
                        actor=request.user,
                        session=session,
                        present=dict.fromkeys(data["present"], True),
                    )
                except DjangoValidationError as exc:
                    # The cohort is running (session_for said so): what is left to
                    # refuse is who was marked.
                    if hasattr(exc, "error_dict"):
                        raise
                    raise DjangoValidationError({"present": exc.messages}) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(serializers.as_serializer_error(exc)) from exc
        session = self.get_queryset().get(pk=session.pk)
        return Response(
            SessionSerializer(session).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )
