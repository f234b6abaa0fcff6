"""Programs and calls: writing them, publishing, amending, and the clock."""

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.rules import rule_problem
from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.geo.data import GOVERNORATES
from mujtama.organizations.models import ExpertiseArea
from mujtama.programs import notices
from mujtama.programs.models import (
    Application,
    ApplicationStatus,
    Call,
    CallQuestion,
    CallStatus,
    CallVersion,
    Program,
    ProgramKind,
    QuestionKind,
    RubricCriterion,
    TargetGroup,
)
from mujtama.programs.permissions import is_program_manager

GOVERNORATE_CODES = {pcode for pcode, _iso, _ar, _en in GOVERNORATES}
PROGRAM_FIELDS = [
    "kind",
    "ministry",
    "name_ar",
    "name_en",
    "description_ar",
    "description_en",
    "is_published",
]
CALL_FIELDS = [
    "title_ar",
    "title_en",
    "text_ar",
    "text_en",
    "opens_at",
    "closes_at",
    "budget",
    "max_award",
    "reviewers_per_application",
]
QUESTION_FIELDS = [
    "kind",
    "label_ar",
    "label_en",
    "help_ar",
    "help_en",
    "required",
    "choices",
    "max_length",
    "min_value",
    "max_value",
]
RUBRIC_FIELDS = ["name_ar", "name_en", "description_ar", "description_en", "weight"]
REMINDER_DAYS = (7, 1)


def _require_manager(actor: Any) -> None:
    if not is_program_manager(actor):
        raise PermissionDenied(_("Only program managers manage programs and calls."))


def program_save(
    *,
    actor: Any,
    program: Program | None = None,
    co_hosts: Any = (),
    target_groups: list[str] | None = None,
    **fields: Any,
) -> Program:
    _require_manager(actor)
    if fields.get("kind") and fields["kind"] not in ProgramKind.values:
        raise ValidationError({"kind": _("Choose a kind of program.")})
    groups = list(target_groups or [])
    if any(group not in TargetGroup.values for group in groups):
        raise ValidationError({"target_groups": _("Choose target groups from the list.")})
    with transaction.atomic():
        created = program is None
        program = program or Program(created_by=actor)
        if not created:
            program = Program.objects.select_for_update().get(pk=program.pk)
        for name, value in fields.items():
            if name not in PROGRAM_FIELDS:
                raise TypeError(f"unknown program field {name}")
            setattr(program, name, value)
        program.target_groups = groups
        program.full_clean(exclude=["created_by"])
        program.save()
        program.co_hosts.set(co_hosts)
        audit_record(
            actor=actor,
            verb="programs.program_created" if created else "programs.program_changed",
            target=program,
            changes={"fields": sorted(fields)},
        )
    return program


def clean_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules as stored: each well formed, naming only governorates and areas of
    expertise that exist, with the areas' names written in (so a rule explains
    itself in both languages without reading anything else)."""
    cleaned = []
    for rule in rules:
        problem = rule_problem(rule)
        if problem:
            raise ValidationError(problem)
        rule = dict(rule)
        if rule["type"] == "governorates_any":
            unknown = [code for code in rule["values"] if code not in GOVERNORATE_CODES]
            if unknown:
                raise ValidationError(
                    _("Unknown governorate: %(codes)s") % {"codes": ", ".join(unknown)}
                )
        if rule["type"] == "expertise_any":
            areas = {
                area.code: area for area in ExpertiseArea.objects.filter(code__in=rule["values"])
            }
            unknown = [code for code in rule["values"] if code not in areas]
            if unknown:
                raise ValidationError(
                    _("Unknown area of expertise: %(codes)s") % {"codes": ", ".join(unknown)}
                )
            rule["names"] = {
                code: [areas[code].name_ar, areas[code].name_en] for code in rule["values"]
            }
        cleaned.append(rule)
    return cleaned


def _check_questions(questions: list[dict[str, Any]]) -> None:
    for number, question in enumerate(questions, start=1):
        if question.get("kind") not in QuestionKind.values:
            raise ValidationError(_("Question %(n)s: choose the kind of answer.") % {"n": number})
        if not (question.get("label_ar") and question.get("label_en")):
            raise ValidationError(
                _("Question %(n)s needs its wording in Arabic and in English.") % {"n": number}
            )
        if question["kind"] == QuestionKind.CHOICE and len(question.get("choices") or []) < 2:
            raise ValidationError(
                _("Question %(n)s: a choice question needs at least two options.") % {"n": number}
            )


def _check_rubric(rubric: list[dict[str, Any]]) -> None:
    if not rubric:
        raise ValidationError(_("The scoring rubric needs at least one criterion."))
    for number, criterion in enumerate(rubric, start=1):
        if not (criterion.get("name_ar") and criterion.get("name_en")):
            raise ValidationError(
                _("Criterion %(n)s needs its name in Arabic and in English.") % {"n": number}
            )
        if int(criterion.get("weight") or 0) < 1:
            raise ValidationError(
                _("Criterion %(n)s needs a weight of at least 1.") % {"n": number}
            )


def _check_window(fields: dict[str, Any]) -> None:
    opens_at, closes_at = fields.get("opens_at"), fields.get("closes_at")
    if opens_at is None:
        raise ValidationError({"opens_at": _("Give the date and time the call opens.")})
    if closes_at is None:
        raise ValidationError({"closes_at": _("Give the date and time the call closes.")})
    if opens_at >= closes_at:
        raise ValidationError({"closes_at": _("The call must close after it opens.")})


def _write_items(
    model: Any,
    related: Any,
    items: list[dict[str, Any]],
    names: list[str],
    *,
    keep_removed: bool,
    call: Call,
    problem: str,
) -> None:
    """Update the items that carry an ``id``, create the others, and delete (draft
    call) or retire (published call) the ones no longer listed."""
    existing = {obj.pk: obj for obj in related.all()}
    kept = set()
    for order, item in enumerate(items, start=1):
        values = {name: item[name] for name in names if name in item}
        obj = existing.get(int(item["id"])) if item.get("id") else None
        if obj is None:
            obj = model(call=call, order=order, **values)
        else:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.order = order
            obj.is_active = True
        try:
            obj.full_clean(exclude=["call"])
        except ValidationError as exc:
            raise ValidationError(
                problem % {"n": order, "problems": " ".join(exc.messages)}
            ) from exc
        obj.save()
        kept.add(obj.pk)
    removed = [pk for pk in existing if pk not in kept]
    if removed:
        if keep_removed:
            related.filter(pk__in=removed).update(is_active=False)
        else:
            related.filter(pk__in=removed).delete()


def _write_parts(call: Call, questions: list[dict[str, Any]], rubric: list[dict[str, Any]]) -> None:
    published = call.status != CallStatus.DRAFT
    _write_items(
        CallQuestion,
        call.questions,
        questions,
        QUESTION_FIELDS,
        keep_removed=published,
        call=call,
        problem=_("Question %(n)s: %(problems)s"),
    )
    _write_items(
        RubricCriterion,
        call.rubric,
        rubric,
        RUBRIC_FIELDS,
        keep_removed=published,
        call=call,
        problem=_("Criterion %(n)s: %(problems)s"),
    )


def _checked(
    eligibility_rules: list[dict[str, Any]],
    questions: list[dict[str, Any]],
    rubric: list[dict[str, Any]],
    fields: dict[str, Any],
) -> list[dict[str, Any]]:
    """Everything a call holds, checked before anything is written; returns the
    rules as stored."""
    rules = clean_rules(eligibility_rules)
    _check_questions(questions)
    _check_rubric(rubric)
    _check_window(fields)
    return rules


def _write_call(
    call: Call,
    fields: dict[str, Any],
    eligibility_rules: list[dict[str, Any]],
    questions: list[dict[str, Any]],
    rubric: list[dict[str, Any]],
) -> None:
    for name, value in fields.items():
        if name not in CALL_FIELDS:
            raise TypeError(f"unknown call field {name}")
        setattr(call, name, value)
    call.eligibility_rules = eligibility_rules
    call.full_clean(exclude=["created_by", "program"], validate_constraints=False)
    call.save()
    _write_parts(call, questions, rubric)


def call_save_draft(
    *,
    actor: Any,
    program: Program,
    call: Call | None = None,
    eligibility_rules: list[dict[str, Any]],
    questions: list[dict[str, Any]],
    rubric: list[dict[str, Any]],
    **fields: Any,
) -> Call:
    """Create or change a call that is still a draft (a published call is amended
    with ``call_amend`` instead, which keeps a version)."""
    _require_manager(actor)
    eligibility_rules = _checked(eligibility_rules, questions, rubric, fields)
    with transaction.atomic():
        created = call is None
        if call is None:
            call = Call(program=program, created_by=actor)
        else:
            call = Call.objects.select_for_update().get(pk=call.pk)
            if call.status != CallStatus.DRAFT:
                raise ValidationError(_("A published call is amended, not edited."))
        _write_call(call, fields, eligibility_rules, questions, rubric)
        audit_record(
            actor=actor,
            verb="programs.call_created" if created else "programs.call_changed",
            target=call,
            changes={"fields": sorted(fields)},
        )
    return call


def call_snapshot(call: Call) -> dict[str, Any]:
    """Everything an applicant is judged by, as plain data."""
    return {
        **{name: str(getattr(call, name)) for name in CALL_FIELDS},
        "eligibility_rules": call.eligibility_rules,
        "questions": [
            {
                k: str(getattr(q, k)) if k in ("min_value", "max_value") else getattr(q, k)
                for k in QUESTION_FIELDS
            }
            for q in call.questions.filter(is_active=True)
        ],
        "rubric": [
            {k: getattr(c, k) for k in RUBRIC_FIELDS} for c in call.rubric.filter(is_active=True)
        ],
    }


def call_publish(*, actor: Any, call: Call) -> Call:
    """Publish a draft: it opens by the clock at ``opens_at``. A call whose closing
    time has already passed is refused (it would open and close at once)."""
    if Call.objects.filter(pk=call.pk, closes_at__lte=timezone.now()).exists():
        raise ValidationError(
            _("The call's closing date has passed: set a new one before publishing.")
        )
    with transaction.atomic():
        published = transition(
            obj=call,
            action="publish",
            actor=actor,
            apply=lambda locked: setattr(locked, "published_at", timezone.now()),
        )
        CallVersion.objects.create(
            call=published,
            version=published.version,
            snapshot=call_snapshot(published),
            created_by=actor,
        )
    return published


CHANGE_LABELS = {
    "title_ar": "title",
    "title_en": "title",
    "text_ar": "text",
    "text_en": "text",
    "opens_at": "opens_at",
    "closes_at": "closes_at",
    "budget": "budget",
    "max_award": "max_award",
    "reviewers_per_application": "reviewers_per_application",
    "eligibility_rules": "eligibility_rules",
    "questions": "questions",
    "rubric": "rubric",
}


def call_amend(
    *,
    actor: Any,
    call: Call,
    eligibility_rules: list[dict[str, Any]],
    questions: list[dict[str, Any]],
    rubric: list[dict[str, Any]],
    **fields: Any,
) -> Call:
    """Change a published or open call. The call moves to a new version (the old one
    is kept), and every organization with a draft is told what changed. Applications
    already submitted keep the version they were judged against."""
    _require_manager(actor)
    eligibility_rules = _checked(eligibility_rules, questions, rubric, fields)
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        if locked.status not in (CallStatus.PUBLISHED, CallStatus.OPEN):
            raise ValidationError(_("Only a published or open call can be amended."))
        before = call_snapshot(locked)
        _write_call(locked, fields, eligibility_rules, questions, rubric)
        # Compare what the database now holds: a form gives dates in the user's time
        # zone and amounts with decimals, which are the same values when stored.
        locked.refresh_from_db()
        after = call_snapshot(locked)
        changes = sorted({CHANGE_LABELS[k] for k in after if after[k] != before[k]})
        if not changes:
            return locked
        Call.objects.filter(pk=locked.pk).update(version=locked.version + 1)
        locked.version += 1
        CallVersion.objects.create(
            call=locked, version=locked.version, snapshot=after, changes=changes, created_by=actor
        )
        audit_record(
            actor=actor,
            verb="programs.call_amended",
            target=locked,
            changes={"version": locked.version, "changed": changes},
        )
        notices.call_amended(locked, changes)
    return locked


def call_start_review(*, actor: Any, call: Call) -> Call:
    return transition(obj=call, action="start_review", actor=actor)


def call_publish_results(*, actor: Any, call: Call) -> Call:
    """Publish the results: awarded applications are listed publicly. Every
    application must be decided (awarded, not selected or withdrawn) first."""
    undecided = call.applications.exclude(
        status__in=[
            ApplicationStatus.AWARDED,
            ApplicationStatus.NOT_SELECTED,
            ApplicationStatus.WITHDRAWN,
            ApplicationStatus.DRAFT,
        ]
    ).count()
    if undecided:
        raise ValidationError(
            _("Decide every application before publishing the results (%(count)s left).")
            % {"count": undecided}
        )
    return transition(
        obj=call,
        action="publish_results",
        actor=actor,
        apply=lambda locked: setattr(locked, "results_published_at", timezone.now()),
    )


@dataclass
class TickReport:
    opened: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    reminders: int = 0


def calls_tick(*, now: datetime | None = None) -> TickReport:
    """Open and close calls by the clock, and remind organizations with unsubmitted
    drafts 7 and 1 days before a call closes (each reminder once)."""
    now = now or timezone.now()
    report = TickReport()
    for pk in list(
        Call.objects.filter(status=CallStatus.PUBLISHED, opens_at__lte=now).values_list(
            "pk", flat=True
        )
    ):
        with transaction.atomic():
            transition(obj=Call.objects.get(pk=pk), action="open", actor=None)
        report.opened.append(pk)
    for pk in list(
        Call.objects.filter(status=CallStatus.OPEN, closes_at__lte=now).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            transition(obj=Call.objects.get(pk=pk), action="close", actor=None)
        report.closed.append(pk)
    horizon = now + timedelta(days=max(REMINDER_DAYS))
    drafts = Application.objects.filter(
        status=ApplicationStatus.DRAFT,
        call__status__in=[CallStatus.PUBLISHED, CallStatus.OPEN],
        call__closes_at__gt=now,
        call__closes_at__lte=horizon,
    ).select_related("call", "lead")
    for application in drafts:
        left = (application.call.closes_at - now).total_seconds() / 86400
        due = [day for day in REMINDER_DAYS if left <= day]
        if due:
            with transaction.atomic():
                sent = notices.deadline_reminder(application, min(due), max(1, math.ceil(left)))
                report.reminders += 1 if sent else 0
    return report
