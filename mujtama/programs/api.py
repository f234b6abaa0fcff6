"""The programs API: public calls, eligibility of one's own organizations, one's
organizations' applications, and a reviewer's assigned reviews.

Public reads show only what the public call pages show (never drafts, never other
applications than the awards of published results). Answers that concern an
organization the person does not belong to are 404 (not 403), so that they do not
reveal whether it exists. Messages are in the language of Accept-Language; rule
results also carry both languages."""

import hashlib
from typing import Any
from urllib.parse import urlencode

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from mujtama.accounts.roles import StaffRole
from mujtama.core.policies import PUBLIC, SIGNED_IN, staff
from mujtama.organizations import selectors as organization_selectors
from mujtama.organizations.models import Organization
from mujtama.programs import display, selectors
from mujtama.programs.models import (
    Application,
    ApplicationPartner,
    ApplicationStatus,
    Award,
    Call,
    CallQuestion,
    CallStatus,
    PartnerStatus,
    Program,
    ProgramKind,
    Review,
    ReviewStatus,
    RubricCriterion,
    Score,
)
from mujtama.programs.public_cache import PROGRAMS
from mujtama.programs.services.applications import eligibility
from mujtama.programs.services.calls import QUESTION_FIELDS
from mujtama.programs.workflows import APPLICATION_WORKFLOW, CALL_WORKFLOW, REVIEW_WORKFLOW

TAG_CALLS = "calls"
TAG_MINE = "my applications"
TAG_REVIEWS = "reviews"
PHASE_CHOICES = display.PHASE_CHOICES
# A reviewer sees the application only after declaring no conflict of interest.
OPEN_REVIEW_STATES = (ReviewStatus.ACCEPTED, ReviewStatus.SUBMITTED)


# --- serializers ---------------------------------------------------------------------


class OrganizationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name_ar", "name_en"]
        read_only_fields = fields


class ProgramBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Program
        fields = ["id", "kind", "name_ar", "name_en", "ministry"]
        read_only_fields = fields


class CallBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Call
        fields = ["id", "title_ar", "title_en"]
        read_only_fields = fields


class CallSerializer(serializers.ModelSerializer):
    """A public call. ``status`` says where it stands by the clock (open, upcoming,
    closed); ``state`` is its workflow state."""

    program = ProgramBriefSerializer(read_only=True)
    status = serializers.SerializerMethodField()
    state = serializers.CharField(source="status", read_only=True)
    state_label = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = [
            "id",
            "title_ar",
            "title_en",
            "program",
            "status",
            "state",
            "state_label",
            "opens_at",
            "closes_at",
            "budget",
            "max_award",
            "version",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=PHASE_CHOICES))
    def get_status(self, call: Call) -> str:
        return display.call_phase(call, self.context.get("now"))

    def get_state_label(self, call: Call) -> str:
        return str(CALL_WORKFLOW.label(call.status, public=True))


class EligibilityRuleSerializer(serializers.Serializer):
    """A stored rule (its other keys, such as ``values``, as stored) with what it
    asks for in plain language."""

    type = serializers.CharField()
    description = serializers.CharField(help_text="In the language of the request.")


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CallQuestion
        fields = ["id", "order", *QUESTION_FIELDS]
        read_only_fields = fields


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RubricCriterion
        fields = ["id", "order", "name_ar", "name_en", "description_ar", "description_en", "weight"]
        read_only_fields = fields


class AwardSerializer(serializers.ModelSerializer):
    organization = OrganizationBriefSerializer(source="application.lead", read_only=True)
    project_title = serializers.CharField(source="application.title", read_only=True)

    class Meta:
        model = Award
        fields = ["organization", "project_title", "amount"]
        read_only_fields = fields


class CallDetailSerializer(CallSerializer):
    """A public call with everything an applicant is judged by; ``awards`` once the
    results are published (null before)."""

    eligibility_rules = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()
    rubric = serializers.SerializerMethodField()
    awards = serializers.SerializerMethodField()

    class Meta(CallSerializer.Meta):
        fields = [
            *CallSerializer.Meta.fields,
            "text_ar",
            "text_en",
            "eligibility_rules",
            "questions",
            "rubric",
            "awards",
        ]
        read_only_fields = fields

    @extend_schema_field(EligibilityRuleSerializer(many=True))
    def get_eligibility_rules(self, call: Call) -> list[dict[str, Any]]:
        rules = call.eligibility_rules if isinstance(call.eligibility_rules, list) else []
        descriptions = display.describe_rules(rules)
        return [
            {**(rule if isinstance(rule, dict) else {}), "description": description}
            for rule, description in zip(rules, descriptions, strict=True)
        ]

    @extend_schema_field(QuestionSerializer(many=True))
    def get_questions(self, call: Call) -> Any:
        return QuestionSerializer(call.questions.filter(is_active=True), many=True).data

    @extend_schema_field(CriterionSerializer(many=True))
    def get_rubric(self, call: Call) -> Any:
        return CriterionSerializer(call.rubric.filter(is_active=True), many=True).data

    @extend_schema_field(AwardSerializer(many=True, allow_null=True))
    def get_awards(self, call: Call) -> Any:
        if call.status != CallStatus.RESULTS_PUBLISHED:
            return None
        return AwardSerializer(selectors.awards_of(call), many=True).data


class CallQuerySerializer(serializers.Serializer):
    """The list's filters (query parameters)."""

    status = serializers.ChoiceField(
        choices=PHASE_CHOICES,
        required=False,
        allow_blank=True,
        help_text="open: accepting applications now; upcoming: published, not yet "
        "open; closed: the window has passed.",
    )
    kind = serializers.ChoiceField(choices=ProgramKind.choices, required=False, allow_blank=True)


class EligibilityQuerySerializer(serializers.Serializer):
    organization = serializers.IntegerField(
        min_value=1, help_text="One of the organizations you belong to."
    )


class RuleResultSerializer(serializers.Serializer):
    rule = serializers.CharField()
    description = serializers.CharField(help_text="What the rule asks for, request language.")
    passed = serializers.BooleanField()
    message = serializers.CharField(help_text="In the language of the request.")
    message_ar = serializers.CharField()
    message_en = serializers.CharField()


class EligibilitySerializer(serializers.Serializer):
    call = serializers.IntegerField()
    organization = OrganizationBriefSerializer()
    eligible = serializers.BooleanField()
    results = RuleResultSerializer(many=True)


class PartnerSerializer(serializers.ModelSerializer):
    organization = OrganizationBriefSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = ApplicationPartner
        fields = ["organization", "status", "status_label"]
        read_only_fields = fields


class MyApplicationSerializer(serializers.ModelSerializer):
    """An application of one of the person's organizations, as lead or partner."""

    call = CallBriefSerializer(read_only=True)
    lead = OrganizationBriefSerializer(read_only=True)
    taking_part_as = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    partners = PartnerSerializer(many=True, read_only=True)
    award_amount = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "id",
            "call",
            "lead",
            "taking_part_as",
            "title",
            "requested_amount",
            "status",
            "status_label",
            "submitted_at",
            "decided_at",
            "decision_reason",
            "partners",
            "award_amount",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["lead", "partner"]))
    def get_taking_part_as(self, application: Application) -> str:
        return "lead" if application.lead_id in self.context.get("mine", set()) else "partner"

    def get_status_label(self, application: Application) -> str:
        return str(APPLICATION_WORKFLOW.label(application.status, public=True))

    @extend_schema_field(serializers.DecimalField(max_digits=16, decimal_places=0, allow_null=True))
    def get_award_amount(self, application: Application) -> str | None:
        if application.status != ApplicationStatus.AWARDED:
            return None
        award = getattr(application, "award", None)
        return str(award.amount) if award is not None else None


class ScoreSerializer(serializers.ModelSerializer):
    criterion = CriterionSerializer(read_only=True)

    class Meta:
        model = Score
        fields = ["criterion", "value", "comment"]
        read_only_fields = fields


class ReviewSerializer(serializers.ModelSerializer):
    """An assigned review. The application's title, its lead and the reviewer's own
    scores appear only once the reviewer has declared no conflict of interest (null
    before, and after a declared conflict)."""

    application = serializers.IntegerField(source="application_id", read_only=True)
    call = CallBriefSerializer(source="application.call", read_only=True)
    status_label = serializers.SerializerMethodField()
    application_title = serializers.SerializerMethodField()
    lead = serializers.SerializerMethodField()
    scores = serializers.SerializerMethodField()
    comment = serializers.SerializerMethodField()

    class Meta:
        model = Review
        fields = [
            "id",
            "application",
            "call",
            "status",
            "status_label",
            "assigned_at",
            "declared_at",
            "submitted_at",
            "application_title",
            "lead",
            "scores",
            "comment",
        ]
        read_only_fields = fields

    def get_status_label(self, review: Review) -> str:
        return str(REVIEW_WORKFLOW.label(review.status, public=False))

    @staticmethod
    def _open(review: Review) -> bool:
        return review.status in OPEN_REVIEW_STATES

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_application_title(self, review: Review) -> str | None:
        return review.application.title if self._open(review) else None

    @extend_schema_field(OrganizationBriefSerializer(allow_null=True))
    def get_lead(self, review: Review) -> Any:
        if not self._open(review):
            return None
        return OrganizationBriefSerializer(review.application.lead).data

    @extend_schema_field(ScoreSerializer(many=True, allow_null=True))
    def get_scores(self, review: Review) -> Any:
        if not self._open(review):
            return None
        return ScoreSerializer(review.scores.all(), many=True).data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_comment(self, review: Review) -> str | None:
        return review.comment if self._open(review) else None


# --- public calls ---------------------------------------------------------------------


def _public_call(pk: int) -> Call:
    call = selectors.public_call(pk)
    if call is None:
        raise exceptions.NotFound()
    return call


@extend_schema(
    summary="Calls for applications",
    tags=[TAG_CALLS],
    parameters=[CallQuerySerializer],
    responses={200: CallSerializer(many=True), 400: OpenApiResponse(description="Bad filter.")},
)
class CallList(generics.ListAPIView):
    """Published calls of published programs, closing soonest first, paginated;
    filtered by where they stand by the clock and by the kind of program."""

    route_policy = PUBLIC
    serializer_class = CallSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Call]:
        query = CallQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.public_calls(
            status=query.validated_data.get("status") or "",
            kind=query.validated_data.get("kind") or "",
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "now": timezone.now()}

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        """Served from the cache of public programs data until it changes (see
        public_cache); the answer depends only on the query string, the language and
        the time zone."""
        query = urlencode(sorted(request.query_params.items()))
        key = ":".join(
            [
                "api-calls",
                get_language(),
                timezone.get_current_timezone_name(),
                request.build_absolute_uri("/"),
                query,
            ]
        )

        def build() -> Any:
            return super(CallList, self).list(request, *args, **kwargs).data

        return Response(PROGRAMS.cached(hashlib.sha256(key.encode()).hexdigest(), build))


@extend_schema(
    summary="One call",
    tags=[TAG_CALLS],
    responses={200: CallDetailSerializer, 404: OpenApiResponse(description="Not public.")},
)
class CallDetail(generics.RetrieveAPIView):
    """A public call with its eligibility rules (described), questions, scoring
    rubric and, once the results are published, its awards."""

    route_policy = PUBLIC
    serializer_class = CallDetailSerializer
    filter_backends: list[Any] = []

    def get_object(self) -> Call:
        return _public_call(self.kwargs["pk"])

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "now": timezone.now()}


class CallEligibility(APIView):
    route_policy = SIGNED_IN

    @extend_schema(
        summary="Is my organization eligible for a call?",
        tags=[TAG_CALLS],
        parameters=[EligibilityQuerySerializer],
        responses={
            200: EligibilitySerializer,
            400: OpenApiResponse(description="No organization given."),
            404: OpenApiResponse(description="No such public call, or not your organization."),
        },
    )
    def get(self, request: Request, pk: int) -> Response:
        """Every rule of the call evaluated on one of your organizations now, each
        with its reason in Arabic and English (none stops at the first failure)."""
        call = _public_call(pk)
        query = EligibilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        organization = (
            organization_selectors.organizations_of(request.user)
            .filter(pk=query.validated_data["organization"])
            .first()
        )
        if organization is None:
            raise exceptions.NotFound()
        results = eligibility(call, organization)
        descriptions = display.describe_rules(call.eligibility_rules)
        data = {
            "call": call.pk,
            "organization": organization,
            "eligible": all(result.passed for result in results),
            "results": [
                {**result.as_dict(), "message": result.message, "description": description}
                for result, description in zip(results, descriptions, strict=False)
            ],
        }
        return Response(EligibilitySerializer(data).data)


# --- the person's applications and reviews --------------------------------------------


@extend_schema(summary="My organizations' applications to calls", tags=[TAG_MINE])
class MyApplicationList(generics.ListAPIView):
    """Applications led by the person's organizations, and those they were invited
    to or confirmed as partners, newest first."""

    route_policy = SIGNED_IN
    serializer_class = MyApplicationSerializer
    filter_backends: list[Any] = []

    def _mine(self) -> set[int]:
        if not hasattr(self, "_organization_ids"):
            self._organization_ids = set(organization_selectors.roles_of(self.request.user))
        return self._organization_ids

    def get_queryset(self) -> QuerySet[Application]:
        mine = self._mine()
        taking_part = ApplicationPartner.objects.filter(
            organization_id__in=mine,
            status__in=[PartnerStatus.INVITED, PartnerStatus.CONFIRMED],
        ).values("application_id")
        return (
            Application.objects.filter(Q(lead_id__in=mine) | Q(pk__in=taking_part))
            .select_related("call", "lead", "award")
            .prefetch_related(
                Prefetch(
                    "partners",
                    queryset=ApplicationPartner.objects.select_related("organization").order_by(
                        "pk"
                    ),
                )
            )
            .order_by("-created_at", "-pk")
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "mine": self._mine()}


@extend_schema(
    summary="My reviews",
    tags=[TAG_REVIEWS],
    responses={
        200: ReviewSerializer(many=True),
        403: OpenApiResponse(description="Not a reviewer."),
    },
)
class ReviewList(generics.ListAPIView):
    """The reviews assigned to the signed-in reviewer. Nothing of an application's
    content is shown before the reviewer declares no conflict of interest."""

    route_policy = staff(StaffRole.REVIEWER)
    serializer_class = ReviewSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Review]:
        return selectors.reviews_for(self.request.user).prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("criterion").order_by(
                    "criterion__order", "criterion__pk"
                ),
            )
        )
