"""Helpers for programs tests: programs and calls built through the services (as a
program manager would), member organizations, and applications in any state.

Set-up that is not under test (an application put straight into a state) goes
through ``force()``, a raw update, and says so."""

import io
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, cast

from django.utils import timezone

from mujtama.accounts.tests.factories import staff_user
from mujtama.core.workflows import transition
from mujtama.organizations.models import Organization
from mujtama.organizations.tests.factories import OrganizationFactory, make_member
from mujtama.programs.models import Application, Call, CallQuestion, Program, QuestionKind
from mujtama.programs.services.applications import (
    application_save,
    application_start,
    application_submit,
)
from mujtama.programs.services.calls import (
    CALL_FIELDS,
    QUESTION_FIELDS,
    RUBRIC_FIELDS,
    call_publish,
    call_save_draft,
    program_save,
)

REASON = "السبب مكتوب بوضوح للجهة المتقدمة"
ARABIC_LETTER = "[\u0600-\u06ff]"

QUESTIONS: list[dict[str, Any]] = [
    {
        "kind": QuestionKind.TEXT,
        "label_ar": "ملخص المشروع",
        "label_en": "Project summary",
        "required": True,
        "max_length": 200,
    },
    {
        "kind": QuestionKind.NUMBER,
        "label_ar": "عدد المستفيدين",
        "label_en": "Number of beneficiaries",
        "required": True,
        "min_value": Decimal(1),
        "max_value": Decimal(10000),
    },
    {
        "kind": QuestionKind.CHOICE,
        "label_ar": "الفئة المستهدفة",
        "label_en": "Target group",
        "required": True,
        "choices": [
            {"value": "youth", "label_ar": "الشباب", "label_en": "Young people"},
            {"value": "remote", "label_ar": "المناطق النائية", "label_en": "Remote areas"},
        ],
    },
    {
        "kind": QuestionKind.LONG_TEXT,
        "label_ar": "خطة العمل",
        "label_en": "Work plan",
        "required": False,
    },
    {
        "kind": QuestionKind.FILE,
        "label_ar": "الموازنة التفصيلية",
        "label_en": "Detailed budget",
        "required": False,
    },
]

# Weights 3, 2, 1: the ranking tests compute by hand with these.
RUBRIC: list[dict[str, Any]] = [
    {"name_ar": "الأثر", "name_en": "Impact", "weight": 3},
    {"name_ar": "الجدوى", "name_en": "Feasibility", "weight": 2},
    {"name_ar": "الاستدامة", "name_en": "Sustainability", "weight": 1},
]

MEMBERS_ONLY: list[dict[str, Any]] = [{"type": "membership_current"}]

# What a complete set of answers to QUESTIONS looks like, by kind.
GOOD_ANSWERS: dict[str, str] = {
    QuestionKind.TEXT: "تدريب ثلاثمئة شاب على البرمجة في دمشق",
    QuestionKind.NUMBER: "300",
    QuestionKind.CHOICE: "youth",
}

# A Windows executable, whatever its name says.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def manager() -> Any:
    """Another program manager (with the second factor)."""
    return staff_user("program_manager")


def make_program(actor: Any, **fields: Any) -> Program:
    values = {
        "kind": "training",
        "ministry": "moct",
        "name_ar": "برنامج المهارات الرقمية للشباب",
        "name_en": "Digital skills for young people",
        "description_ar": "برنامج تدريبي تموله وزارة الاتصالات.",
        "description_en": "A training program funded by the Ministry.",
        "is_published": True,
        **fields,
    }
    return program_save(actor=actor, **values)


def call_fields(**fields: Any) -> dict[str, Any]:
    now = timezone.now()
    values = {
        "title_ar": "دعوة لتقديم مشاريع التدريب الرقمي",
        "title_en": "Call for digital training projects",
        "text_ar": "تدعو الوزارة الجهات الأعضاء إلى تقديم مشاريعها.",
        "text_en": "The Ministry invites member organizations to apply.",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=20),
        "budget": Decimal(50_000_000),
        "max_award": Decimal(5_000_000),
        "reviewers_per_application": 2,
    }
    values.update(fields)
    return values


def make_call(
    actor: Any,
    *,
    program: Program | None = None,
    state: str = "open",
    rules: list[dict[str, Any]] | None = None,
    questions: list[dict[str, Any]] | None = None,
    rubric: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Call:
    """A call drafted (and by default published and opened) through the services.
    By default it opened yesterday and closes in 20 days (no deadline reminder due)."""
    call = call_save_draft(
        actor=actor,
        program=program or make_program(actor),
        eligibility_rules=MEMBERS_ONLY if rules is None else rules,
        questions=QUESTIONS if questions is None else questions,
        rubric=RUBRIC if rubric is None else rubric,
        **call_fields(**fields),
    )
    if state == "draft":
        return call
    call = call_publish(actor=actor, call=call)
    if state == "published":
        return call
    call = transition(obj=call, action="open", actor=None)
    if state == "open":
        return call
    return force(call, state)


def edit_lists(call: Call) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The call's questions and rubric as a form would send them back (with ids)."""
    questions = [
        {"id": q.pk, **{name: getattr(q, name) for name in _QUESTION_NAMES}}
        for q in call.questions.filter(is_active=True)
    ]
    rubric = [
        {"id": c.pk, **{name: getattr(c, name) for name in _RUBRIC_NAMES}}
        for c in call.rubric.filter(is_active=True)
    ]
    return questions, rubric


def current_fields(call: Call) -> dict[str, Any]:
    call = Call.objects.get(pk=call.pk)
    return {name: getattr(call, name) for name in _CALL_NAMES}


_QUESTION_NAMES = QUESTION_FIELDS
_RUBRIC_NAMES = RUBRIC_FIELDS
_CALL_NAMES = CALL_FIELDS


def member_org(owner: Any = None, *, status: str = "active", **fields: Any) -> Organization:
    """An organization (owned by ``owner``) that is a current member of the framework.
    ``places=[...]`` sets its governorates (default SY01 Damascus, SY09)."""
    organization = cast(
        Organization, OrganizationFactory(**({"created_by": owner} if owner else {}), **fields)
    )
    if status:
        make_member(organization, status)
    return organization


def question(call: Call, kind: str) -> CallQuestion:
    return call.questions.filter(kind=kind, is_active=True).order_by("order", "pk").first()  # type: ignore[return-value]


def good_answers(call: Call) -> dict[int, Any]:
    """Valid answers to every non-file question of the call the helpers built."""
    return {
        q.pk: GOOD_ANSWERS[q.kind]
        for q in call.questions.filter(is_active=True)
        if q.kind in GOOD_ANSWERS
    }


def start(
    call: Call,
    owner: Any,
    organization: Organization | None = None,
    *,
    answered: bool = True,
    title: str = "أكاديمية البرمجة للشباب",
) -> Application:
    """A draft application by ``organization`` (a new member organization owned by
    ``owner`` by default), with every question answered unless ``answered=False``."""
    organization = organization or member_org(owner)
    application = application_start(actor=owner, call=call, lead=organization, title=title)
    if answered:
        errors = application_save(
            actor=owner,
            application=application,
            answers=good_answers(call),
            requested_amount=Decimal(1_000_000),
        )
        assert errors == {}, errors
    return Application.objects.get(pk=application.pk)


def submitted(call: Call, owner: Any, organization: Organization | None = None) -> Application:
    return application_submit(actor=owner, application=start(call, owner, organization))


def force(obj: Any, state: str, **fields: Any) -> Any:
    """Put a workflow object in a state (a raw update: set-up only, not under test)."""
    model = type(obj)
    model.objects.filter(pk=obj.pk).update(status=state, **fields)
    return model.objects.get(pk=obj.pk)


def upload(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A moment in Damascus time."""
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone.get_default_timezone())
