"""The feedback API, mounted under /api/v1/ (namespace "v1"): the public catalogue of
services, anonymous submission with an Idempotency-Key, following an item by its
tracking code, and the SMS gateway's webhook."""

import hashlib
import hmac
import json
import re
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from mujtama.core.phones import normalize_phone
from mujtama.core.policies import PUBLIC
from mujtama.core.ratelimit import hit
from mujtama.feedback import codes
from mujtama.feedback.forms import BIDI_CONTROLS, MAX_TEXT, FeedbackForm
from mujtama.feedback.models import DigitalService, Feedback, FeedbackChannel, Ministry
from mujtama.feedback.services.intake import feedback_submit
from mujtama.feedback.views.public import (
    LOOKUP_MESSAGE,
    RATE_MESSAGE,
    client_hash,
    submissions_allowed,
)
from mujtama.feedback.workflows import FEEDBACK_WORKFLOW


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


FEEDBACK_IN = inline_serializer(
    "FeedbackIn",
    {
        "service": serializers.IntegerField(help_text="id from /api/v1/services/"),
        "text": serializers.CharField(max_length=MAX_TEXT),
        "rating": serializers.IntegerField(required=False, min_value=1, max_value=5),
        "governorate": serializers.CharField(required=False, help_text="P-code, e.g. SY01"),
        "contact": serializers.CharField(required=False, help_text="phone or email"),
        "consent_contact": serializers.BooleanField(required=False),
    },
)
FEEDBACK_CREATED = inline_serializer(
    "FeedbackCreated",
    {
        "tracking_code": serializers.CharField(),
        "status": serializers.CharField(),
        "tracking_url": serializers.CharField(),
    },
)
REPLY_OUT = inline_serializer(
    "FeedbackReply",
    {
        "text": serializers.CharField(),
        "sent_at": serializers.DateTimeField(),
        "from_citizen": serializers.BooleanField(),
    },
    many=True,
)
FEEDBACK_STATUS = inline_serializer(
    "FeedbackStatus",
    {
        "tracking_code": serializers.CharField(),
        "service": serializers.IntegerField(allow_null=True),
        "status": serializers.CharField(),
        "status_label": serializers.CharField(),
        "received_at": serializers.DateTimeField(),
        "replies": REPLY_OUT,
    },
)
ERRORS = inline_serializer(
    "FieldErrors", {"errors": serializers.DictField(child=serializers.ListField())}
)
MAX_KEY = 200


def _created(feedback: Feedback) -> dict[str, Any]:
    from mujtama.feedback.notices import tracking_link

    return {
        "tracking_code": codes.display(feedback.tracking_code),
        "status": feedback.status,
        "tracking_url": settings.SITE_URL + tracking_link(feedback),
    }


def _body_hash(data: Any) -> str:
    plain = data.dict() if hasattr(data, "dict") else data
    return hashlib.sha256(
        json.dumps(plain, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()


def _replay(existing: Feedback, body_hash: str) -> Response:
    if existing.request_hash != body_hash:
        return Response(
            {
                "errors": {
                    "Idempotency-Key": [
                        _("This key was already used with a different request body.")
                    ]
                }
            },
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    return Response(_created(existing), status=status.HTTP_201_CREATED)


class FeedbackCreate(APIView):
    """Send feedback on a government digital service, without an account.

    With an `Idempotency-Key` header, sending the same request again (e.g. after a
    lost connection) returns the first answer and creates nothing; the same key with
    another body is refused with 422. Errors are given field by field, in the language
    of `Accept-Language`."""

    route_policy = PUBLIC
    authentication_classes = [TokenAuthentication]

    @extend_schema(
        summary="Send feedback",
        tags=["feedback"],
        request=FEEDBACK_IN,
        parameters=[
            OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, required=False)
        ],
        responses={201: FEEDBACK_CREATED, 400: ERRORS, 422: ERRORS, 429: ERRORS},
    )
    def post(self, request: Request) -> Response:
        key = request.headers.get("Idempotency-Key", "").strip() or None
        if not isinstance(request.data, dict):
            return Response(
                {"errors": {"body": [_("Send a JSON object.")]}}, status=status.HTTP_400_BAD_REQUEST
            )
        if key is not None and len(key) > MAX_KEY:
            return Response(
                {
                    "errors": {
                        "Idempotency-Key": [_("The key is too long (200 characters at most).")]
                    }
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        body_hash = _body_hash(request.data)
        if key is not None:
            existing = Feedback.objects.filter(idempotency_key=key).first()
            if existing is not None:
                return _replay(existing, body_hash)
        data = {
            name: ("" if value is None else value)
            for name, value in request.data.items()
            if not isinstance(value, (dict, list))
        }
        form = FeedbackForm(data)
        if not form.is_valid():
            return Response(
                {
                    "errors": {
                        field: [str(e) for e in errors] for field, errors in form.errors.items()
                    }
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        if not submissions_allowed(request):
            return Response(
                {"errors": {"__all__": [str(RATE_MESSAGE)]}},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        cleaned = form.cleaned_data
        try:
            with transaction.atomic():
                feedback = feedback_submit(
                    channel=FeedbackChannel.API,
                    service=cleaned["service"],
                    text=cleaned["text"],
                    rating=cleaned["rating"],
                    governorate=cleaned["governorate"],
                    contact=cleaned["contact"],
                    consent_contact=cleaned["consent_contact"],
                    language=get_language() or "ar",
                    client_hash=client_hash(request),
                    idempotency_key=key,
                    request_hash=body_hash,
                )
        except IntegrityError:
            # The same key won a race a moment ago.
            existing = Feedback.objects.filter(idempotency_key=key).first() if key else None
            if existing is None:
                raise
            return _replay(existing, body_hash)
        return Response(_created(feedback), status=status.HTTP_201_CREATED)


class FeedbackStatusView(APIView):
    """Where a piece of feedback stands and the replies, by its tracking code. The
    contact details are never part of the answer."""

    route_policy = PUBLIC
    authentication_classes = [TokenAuthentication]

    @extend_schema(
        summary="Follow feedback", tags=["feedback"], responses={200: FEEDBACK_STATUS, 404: ERRORS}
    )
    def get(self, request: Request, tracking_code: str) -> Response:
        code = codes.normalize(tracking_code)
        feedback = Feedback.objects.filter(tracking_code=code).first() if code else None
        if feedback is None:
            if not hit(
                "feedback-lookup",
                client_hash(request),
                limit=settings.FEEDBACK_LOOKUP_LIMIT,
                window=3600,
            ):
                return Response(
                    {"errors": {"__all__": [str(LOOKUP_MESSAGE)]}},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            return Response(
                {"errors": {"tracking_code": [_("No feedback has this tracking code.")]}},
                status=status.HTTP_404_NOT_FOUND,
            )
        return Response(
            {
                "tracking_code": codes.display(feedback.tracking_code),
                "service": feedback.service_id,
                "status": feedback.status,
                "status_label": str(FEEDBACK_WORKFLOW.label(feedback.status, public=True)),
                "received_at": feedback.received_at,
                "replies": [
                    {
                        "text": reply.text,
                        "sent_at": reply.created_at,
                        "from_citizen": reply.from_citizen,
                    }
                    for reply in feedback.replies.all()
                ],
            }
        )


SHORT_CODE = re.compile(r"^\s*#\s*([0-9٠-٩]{1,4})\s*")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _signature_ok(request: Request) -> bool:
    secret = settings.SMS_WEBHOOK_SECRET
    given = request.headers.get("X-Signature", "").strip()
    if not secret or not given:
        return False
    given = given.removeprefix("sha256=")
    expected = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(given.lower(), expected)


def _received_at(value: Any) -> datetime:
    """The gateway's time of receipt if it is plausible, else now."""
    now = timezone.now()
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        return now
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    return when if now - timedelta(days=7) <= when <= now else now


class SmsInbound(APIView):
    """An SMS sent to the platform's number, forwarded by the SMS gateway.

    The body is signed with HMAC-SHA256 under `SMS_WEBHOOK_SECRET` (header
    `X-Signature`, hex); a bad or missing signature gets 403 and nothing is stored. A
    repeated `message_id` creates nothing new. A leading `#12` selects the service with
    that short code. The sender gets the tracking code back by SMS."""

    route_policy = PUBLIC
    authentication_classes: list[Any] = []

    @extend_schema(
        summary="Inbound SMS (gateway webhook)",
        tags=["feedback"],
        request=inline_serializer(
            "SmsIn",
            {
                "message_id": serializers.CharField(),
                "from": serializers.CharField(),
                "text": serializers.CharField(),
                "received_at": serializers.DateTimeField(),
            },
        ),
        responses={201: FEEDBACK_CREATED, 200: FEEDBACK_CREATED, 400: ERRORS, 403: ERRORS},
    )
    def post(self, request: Request) -> Response:
        if not _signature_ok(request):
            return Response(
                {"errors": {"X-Signature": [_("The signature is missing or wrong.")]}},
                status=status.HTTP_403_FORBIDDEN,
            )
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            payload = None
        if not isinstance(payload, dict):
            return Response({"errors": {"body": [_("Send a JSON object.")]}}, status=400)
        errors: dict[str, list[str]] = {}
        message_id = str(payload.get("message_id") or "").strip()
        if not message_id or len(message_id) > MAX_KEY:
            errors["message_id"] = [_("A message id of at most 200 characters is required.")]
        phone = normalize_phone(str(payload.get("from") or ""))
        if phone is None:
            errors["from"] = [_("The sender's number is missing or not a phone number.")]
        raw_text = BIDI_CONTROLS.sub("", str(payload.get("text") or ""))
        match = SHORT_CODE.match(raw_text)
        service = None
        if match:
            number = int(match.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
            service = DigitalService.objects.filter(short_code=number, is_active=True).first()
            raw_text = raw_text[match.end() :]
        text = raw_text.strip()[:MAX_TEXT]
        if not text:
            errors["text"] = [_("The message has no text.")]
        if errors:
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        existing = Feedback.objects.filter(sms_message_id=message_id).first()
        if existing is not None:
            return Response(_created(existing), status=status.HTTP_200_OK)
        if not hit(
            "feedback-sms",
            hashlib.sha256(f"{settings.HASHING_KEY}:{phone}".encode()).hexdigest()[:32],
            limit=settings.FEEDBACK_SMS_RATE_LIMIT,
            window=settings.FEEDBACK_RATE_WINDOW,
        ):
            return Response(
                {"errors": {"from": [str(RATE_MESSAGE)]}}, status=status.HTTP_429_TOO_MANY_REQUESTS
            )
        try:
            with transaction.atomic():
                feedback = feedback_submit(
                    channel=FeedbackChannel.SMS,
                    service=service,
                    text=text,
                    # Writing to the platform's number is asking for an answer there.
                    contact={"phone": phone or ""},
                    consent_contact=True,
                    language="ar" if ARABIC_LETTER.search(text) else "en",
                    sms_message_id=message_id,
                    received_at=_received_at(payload.get("received_at")),
                )
        except IntegrityError:
            existing = Feedback.objects.filter(sms_message_id=message_id).first()
            if existing is None:
                raise
            return Response(_created(existing), status=status.HTTP_200_OK)
        return Response(_created(feedback), status=status.HTTP_201_CREATED)
