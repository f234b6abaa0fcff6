"""The organizations API: the public directory, and each person's own organizations.

Public reads show only what the public directory shows. The "my" endpoints answer
404 (not 403) for an organization the person does not belong to, so that they do not
reveal whether it exists; changes go through ``services.registry.organization_update``,
which checks the person's role and writes the audit event. Errors are in the
language of the request's Accept-Language."""

import hashlib
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from mujtama.core.policies import PUBLIC, SIGNED_IN
from mujtama.core.rules import RuleResult
from mujtama.geo.models import Governorate
from mujtama.organizations import selectors
from mujtama.organizations.models import (
    ExpertiseArea,
    JoiningApplication,
    LegalStatus,
    MemberRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
)
from mujtama.organizations.permissions import can_edit
from mujtama.organizations.public_cache import cached
from mujtama.organizations.services.registry import (
    PROFILE_FIELDS,
    DuplicateOrganization,
    organization_update,
)
from mujtama.organizations.workflows import APPLICATION_WORKFLOW

PUBLIC_FIELDS = [
    "id",
    "name_ar",
    "name_en",
    "kind",
    "scope",
    "legal_status",
    "founding_year",
    "governorates",
    "expertise",
    "membership_status",
    "website",
    "public_email",
    "public_phone",
    "description_ar",
    "description_en",
]
# What the organization's own people see besides the public fields.
PRIVATE_FIELDS = ["registration_number", "members_count", "volunteers_count", "role"]
CURRENT_MEMBERSHIP_CHOICES = [
    (MembershipStatus.ACTIVE.value, MembershipStatus.ACTIVE.label),
    (MembershipStatus.PROVISIONAL.value, MembershipStatus.PROVISIONAL.label),
]


class OrganizationSerializer(serializers.ModelSerializer):
    """A member organization as the public directory shows it."""

    governorates = serializers.SlugRelatedField[Governorate](
        many=True, read_only=True, slug_field="pcode"
    )
    expertise = serializers.SlugRelatedField[ExpertiseArea](
        source="expertise_areas", many=True, read_only=True, slug_field="code"
    )
    membership_status = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = PUBLIC_FIELDS
        read_only_fields = PUBLIC_FIELDS

    @extend_schema_field(serializers.ChoiceField(choices=MembershipStatus.choices, allow_null=True))
    def get_membership_status(self, organization: Organization) -> str | None:
        # Selected with the organization (select_related): no query per row.
        membership = getattr(organization, "membership", None)
        return membership.status if membership is not None else None


class MyOrganizationSerializer(OrganizationSerializer):
    """One of the person's organizations, with their role in it."""

    role = serializers.SerializerMethodField()

    class Meta(OrganizationSerializer.Meta):
        fields = PUBLIC_FIELDS + PRIVATE_FIELDS
        read_only_fields = PUBLIC_FIELDS + PRIVATE_FIELDS

    @extend_schema_field(serializers.ChoiceField(choices=MemberRole.choices, allow_null=True))
    def get_role(self, organization: Organization) -> str | None:
        roles: Mapping[int, str] = self.context.get("roles", {})
        return roles.get(organization.pk)


class OrganizationUpdateSerializer(serializers.ModelSerializer):
    """What owners and editors may change (every field optional: PATCH).
    Governorates are given as P-codes, areas of expertise as codes."""

    governorates = serializers.SlugRelatedField(
        many=True, slug_field="pcode", queryset=Governorate.objects.all(), required=False
    )
    expertise = serializers.SlugRelatedField(
        source="expertise_areas",
        many=True,
        slug_field="code",
        queryset=ExpertiseArea.objects.filter(is_active=True),
        required=False,
    )

    class Meta:
        model = Organization
        fields = [*PROFILE_FIELDS, "governorates", "expertise"]


class DirectoryQuerySerializer(serializers.Serializer):
    """The public list's filters (query parameters)."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Words of the name or description, Arabic or English; spelling "
        "variants of hamza, ta marbuta, alef maqsura and diacritics match.",
    )
    kind = serializers.ChoiceField(
        choices=OrganizationKind.choices, required=False, allow_blank=True
    )
    governorate = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text="Governorate P-code, e.g. SY01."
    )
    expertise = serializers.CharField(
        required=False, allow_blank=True, max_length=50, help_text="Area of expertise code."
    )
    legal_status = serializers.ChoiceField(
        choices=LegalStatus.choices, required=False, allow_blank=True
    )
    membership_status = serializers.ChoiceField(
        choices=CURRENT_MEMBERSHIP_CHOICES, required=False, allow_blank=True
    )


class CheckResultSerializer(serializers.Serializer):
    rule = serializers.CharField()
    passed = serializers.BooleanField()
    message = serializers.CharField(help_text="In the language of the request.")


class ApplicationSerializer(serializers.ModelSerializer):
    """A joining application as the organization's people follow it."""

    status_label = serializers.SerializerMethodField()
    criteria_reference = serializers.SerializerMethodField()
    check_results = serializers.SerializerMethodField()

    class Meta:
        model = JoiningApplication
        fields = [
            "id",
            "status",
            "status_label",
            "submitted_at",
            "decided_at",
            "decision_reason",
            "criteria_reference",
            "check_results",
        ]
        read_only_fields = fields

    def get_status_label(self, application: JoiningApplication) -> str:
        return str(APPLICATION_WORKFLOW.label(application.status, public=True))

    def get_criteria_reference(self, application: JoiningApplication) -> str | None:
        """The criteria version (number/version) it was judged against."""
        return application.criteria.reference if application.criteria else None

    @extend_schema_field(CheckResultSerializer(many=True))
    def get_check_results(self, application: JoiningApplication) -> list[dict[str, Any]]:
        results = []
        for data in application.check_results or []:
            try:
                result = RuleResult.from_dict(data)
            except (KeyError, TypeError):
                continue
            results.append(
                {"rule": result.rule, "passed": result.passed, "message": result.message}
            )
        return results


def _mine(user: Any) -> QuerySet[Organization]:
    # The same lists, in the same order, as the public directory and profile.
    return selectors.with_lists(selectors.organizations_of(user))


def _my_organization(user: Any, pk: int) -> Organization:
    """One of the person's organizations; 404 for any other (existing or not)."""
    organization = _mine(user).filter(pk=pk).first()
    if organization is None:
        raise exceptions.NotFound()
    return organization


# --- public ---------------------------------------------------------------------------


@extend_schema(
    summary="Member organizations",
    tags=["organizations"],
    parameters=[DirectoryQuerySerializer],
)
class OrganizationList(generics.ListAPIView):
    """The public directory: organizations whose membership is active or provisional,
    in Arabic alphabetical order, paginated."""

    route_policy = PUBLIC
    serializer_class = OrganizationSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Organization]:
        query = DirectoryQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        filters: dict[str, str] = {
            str(name): query.validated_data.get(name) or "" for name in query.fields
        }
        return selectors.directory(**filters)

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        """Served from the cache of public data until it changes (see public_cache);
        the answer depends only on the query string and the language."""
        query = urlencode(sorted(request.query_params.items()))
        key = f"api-directory:{get_language()}:{request.build_absolute_uri('/')}:{query}"

        def build() -> Any:
            return super(OrganizationList, self).list(request, *args, **kwargs).data

        data = cached(hashlib.sha256(key.encode()).hexdigest(), build)
        return Response(data)


@extend_schema(
    summary="One member organization",
    tags=["organizations"],
    responses={200: OrganizationSerializer, 404: OpenApiResponse(description="Not a member.")},
)
class OrganizationDetail(generics.RetrieveAPIView):
    """A member organization's public profile (404 unless it is a current member)."""

    route_policy = PUBLIC
    serializer_class = OrganizationSerializer
    filter_backends: list[Any] = []

    def get_object(self) -> Organization:
        organization = selectors.public_profile(self.kwargs["pk"])
        if organization is None:
            raise exceptions.NotFound()
        return organization


# --- the person's own organizations -----------------------------------------------------


@extend_schema(summary="My organizations", tags=["my organizations"])
class MyOrganizationList(generics.ListAPIView):
    """The organizations the signed-in person belongs to, with their role in each."""

    route_policy = SIGNED_IN
    serializer_class = MyOrganizationSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Organization]:
        return _mine(self.request.user)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "roles": selectors.roles_of(self.request.user)}


class MyOrganizationDetail(generics.GenericAPIView):
    """One of the person's organizations: any of its people may read it; owners and
    editors may change it."""

    route_policy = SIGNED_IN
    serializer_class = MyOrganizationSerializer
    filter_backends: list[Any] = []
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "roles": selectors.roles_of(self.request.user)}

    def _answer(self, organization: Organization) -> Response:
        return Response(self.get_serializer(organization).data)

    @extend_schema(
        summary="One of my organizations",
        tags=["my organizations"],
        responses={200: MyOrganizationSerializer, 404: OpenApiResponse(description="Not yours.")},
    )
    def get(self, request: Request, pk: int) -> Response:
        return self._answer(_my_organization(request.user, pk))

    @extend_schema(
        summary="Change one of my organizations",
        tags=["my organizations"],
        request=OrganizationUpdateSerializer,
        responses={
            200: MyOrganizationSerializer,
            400: OpenApiResponse(
                description="Invalid values, or the name or number of an organization "
                "already registered (code: duplicate)."
            ),
            403: OpenApiResponse(description="Only owners and editors may change it."),
            404: OpenApiResponse(description="Not yours."),
        },
    )
    def patch(self, request: Request, pk: int) -> Response:
        organization = _my_organization(request.user, pk)
        decision = can_edit(request.user, organization)
        if not decision:
            raise exceptions.PermissionDenied(str(decision.reason))
        incoming = OrganizationUpdateSerializer(organization, data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        fields = dict(incoming.validated_data)
        governorates = fields.pop("governorates", None)
        expertise_areas = fields.pop("expertise_areas", None)
        try:
            organization_update(
                actor=request.user,
                organization=organization,
                governorates=governorates,
                expertise_areas=expertise_areas,
                **fields,
            )
        except DuplicateOrganization as exc:
            return _duplicate_answer(exc)
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(serializers.as_serializer_error(exc)) from exc
        return self._answer(_my_organization(request.user, pk))


def _duplicate_answer(exc: DuplicateOrganization) -> Response:
    first = exc.duplicates[0]
    return Response(
        {
            "detail": _("An organization with %(reason)s is already registered: %(name)s.")
            % {"reason": first.reason, "name": first.organization.name},
            "code": "duplicate",
            "duplicates": [
                {"id": d.organization.pk, "name": d.organization.name, "reason": d.reason}
                for d in exc.duplicates
            ],
        },
        status=status.HTTP_400_BAD_REQUEST,
    )


@extend_schema(summary="My organization's joining applications", tags=["my organizations"])
class MyOrganizationApplications(generics.ListAPIView):
    """The organization's applications to join the national framework, newest first,
    with the result of each automatic check."""

    route_policy = SIGNED_IN
    serializer_class = ApplicationSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[JoiningApplication]:
        organization = _my_organization(self.request.user, self.kwargs["pk"])
        return (
            JoiningApplication.objects.filter(organization=organization)
            .select_related("criteria")
            .order_by("-created_at", "-pk")
        )
