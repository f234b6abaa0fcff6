"""Sessions, attendance, assessments and finishing a cohort."""

from collections.abc import Mapping
from datetime import date
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.spreadsheets import (
    Column,
    Context,
    RowError,
    parse_bool,
    parse_date,
    parse_text,
    read_table,
)
from mujtama.core.workflows import transition
from mujtama.training.models import (
    Attendance,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from mujtama.training.permissions import provider_editor

TAKING_PART = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED, EnrollmentStatus.DROPPED)


def _may(actor: Any, cohort: Cohort) -> None:
    provider_editor(actor, cohort).require()


def _running(cohort: Cohort) -> None:
    if cohort.status != CohortStatus.RUNNING:
        raise ValidationError(_("Attendance is recorded while the cohort is running."))


def session_for(*, actor: Any, cohort: Cohort, held_on: date, topic: str = "") -> Session:
    """The cohort's session of that day, made if needed."""
    _may(actor, cohort)
    _running(cohort)
    if not cohort.starts_on <= held_on <= cohort.ends_on:
        raise ValidationError({"held_on": _("The day is outside the dates of the cohort.")})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Attendance is recorded on the day or after.")})
    session, created = Session.objects.get_or_create(
        cohort=cohort, held_on=held_on, defaults={"topic": topic.strip()}
    )
    if not created and topic.strip() and session.topic != topic.strip():
        session.topic = topic.strip()
        session.save(update_fields=["topic"])
    return session


def attendance_record(*, actor: Any, session: Session, present: Mapping[int, bool]) -> int:
    """Mark who came to a session (enrollment id → present); anyone enrolled and not
    named is marked absent. Returns how many were marked."""
    cohort = session.cohort
    _may(actor, cohort)
    _running(cohort)
    enrolled = set(
        cohort.enrollments.filter(status=EnrollmentStatus.ENROLLED).values_list("pk", flat=True)
    )
    unknown = set(present) - enrolled
    if unknown:
        raise ValidationError(_("Some of the people marked are not enrolled in this cohort."))
    with transaction.atomic():
        for enrollment_id in enrolled:
            Attendance.objects.update_or_create(
                session=session,
                enrollment_id=enrollment_id,
                defaults={"present": present.get(enrollment_id, False), "recorded_by": actor},
            )
        audit_record(
            actor=actor,
            verb="training.attendance_recorded",
            target=session,
            changes={
                "present": sum(1 for e in enrolled if present.get(e)),
                "enrolled": len(enrolled),
            },
        )
    return len(enrolled)


ATTENDANCE_COLUMNS = [
    Column("email", "البريد الإلكتروني", "email", parse_text(254), True, example="sara@example.sy"),
    Column("held_on", "التاريخ", "date", parse_date, True, example="2026-03-01"),
    Column("present", "حاضر", "present", parse_bool, True, example="نعم"),
]


def attendance_import(
    *, actor: Any, cohort: Cohort, upload: IO[bytes], filename: str, dry_run: bool
) -> tuple[int, list[RowError]]:
    """Attendance from a spreadsheet (email, date, present), with the same rules as
    every import: all or nothing, every bad row reported. Returns (marks, errors)."""
    _may(actor, cohort)
    _running(cohort)
    table = read_table(upload, filename=filename, columns=ATTENDANCE_COLUMNS, context=Context())
    errors = list(table.errors)
    bad = {e.row for e in errors}
    enrolled = {
        e.applicant.email.casefold(): e
        for e in cohort.enrollments.filter(status=EnrollmentStatus.ENROLLED).select_related(
            "applicant"
        )
    }
    marks: list[tuple[date, Enrollment, bool]] = []
    today = timezone.localdate()
    for row in table.rows:
        if row.number in bad:
            continue
        values = row.values
        enrollment = enrolled.get(str(values["email"]).strip().casefold())
        if enrollment is None:
            errors.append(
                RowError(
                    row.number,
                    table.headers.get("email", "email"),
                    _("Nobody enrolled in this cohort has this email address."),
                )
            )
            continue
        if not cohort.starts_on <= values["held_on"] <= min(cohort.ends_on, today):
            errors.append(
                RowError(
                    row.number,
                    table.headers.get("held_on", "date"),
                    _("The day is outside the dates of the cohort."),
                )
            )
            continue
        marks.append((values["held_on"], enrollment, values["present"]))
    if errors or dry_run or not marks:
        if not marks and not errors:
            errors.append(RowError(None, "", _("The file has no rows to import.")))
        return (0 if errors or dry_run else len(marks)), errors
    with transaction.atomic():
        sessions = {s.held_on: s for s in cohort.sessions.all()}
        for held_on, enrollment, present in marks:
            session = sessions.get(held_on)
            if session is None:
                session = sessions[held_on] = Session.objects.create(cohort=cohort, held_on=held_on)
            Attendance.objects.update_or_create(
                session=session,
                enrollment=enrollment,
                defaults={"present": present, "recorded_by": actor},
            )
        audit_record(
            actor=actor,
            verb="training.attendance_recorded",
            target=cohort,
            changes={"file": filename, "marks": len(marks)},
        )
    return len(marks), []


def assessment_record(*, actor: Any, enrollment: Enrollment, passed: bool) -> Enrollment:
    _may(actor, enrollment.cohort)
    if enrollment.status != EnrollmentStatus.ENROLLED:
        raise ValidationError(_("Assessments are recorded for enrolled trainees."))
    Enrollment.objects.filter(pk=enrollment.pk).update(assessment_passed=passed)
    audit_record(
        actor=actor,
        verb="training.assessment_recorded",
        target=enrollment,
        changes={"passed": passed},
    )
    enrollment.assessment_passed = passed
    return enrollment


def attendance_shares(cohort: Cohort) -> dict[int, tuple[int, int]]:
    """Enrollment id → (sessions attended, sessions held), in two queries."""
    held = cohort.sessions.count()
    attended = dict(
        Attendance.objects.filter(session__cohort=cohort, present=True)
        .values_list("enrollment")
        .annotate(n=Count("pk"))
    )
    return {
        pk: (attended.get(pk, 0), held)
        for pk in cohort.enrollments.filter(status__in=TAKING_PART).values_list("pk", flat=True)
    }


def completes(cohort: Cohort, enrollment: Enrollment, attended: int, held: int) -> str | None:
    """Why the trainee does not complete (None if they do)."""
    if held == 0 or 100 * attended < cohort.attendance_share * held:
        return _("Attended %(attended)s of %(held)s sessions; %(share)s%% were needed.") % {
            "attended": attended,
            "held": held,
            "share": cohort.attendance_share,
        }
    if cohort.assessment and not enrollment.assessment_passed:
        return _("The assessment was not passed.")
    return None


def cohort_finish(*, actor: Any, cohort: Cohort) -> dict[str, int]:
    """Finish a running cohort: each enrolled trainee completes (attendance share and,
    where set, a passed assessment) or does not, with the reason; those who complete
    get their certificate and, later, the follow-up surveys."""
    from mujtama.training.services.certificates import certificate_issue
    from mujtama.training.services.followups import followups_schedule
    from mujtama.training.services.reach import enrollment_reached

    _may(actor, cohort)
    if cohort.status != CohortStatus.RUNNING:
        raise ValidationError(_("Only a running cohort can be finished."))
    if not cohort.sessions.exists():
        raise ValidationError(_("Record the attendance of at least one session first."))
    counts = {"completed": 0, "dropped": 0}
    with transaction.atomic():
        shares = attendance_shares(cohort)
        for enrollment in cohort.enrollments.filter(
            status=EnrollmentStatus.ENROLLED
        ).select_related(
            "applicant__profile", "cohort__course__provider", "cohort__course__co_provider"
        ):
            attended, held = shares.get(enrollment.pk, (0, 0))
            reason = completes(cohort, enrollment, attended, held)
            if reason is None:
                done = transition(obj=enrollment, action="complete", actor=actor)
                certificate_issue(enrollment=done, actor=actor)
                followups_schedule(done)
                enrollment_reached(done)
                counts["completed"] += 1
            else:
                transition(obj=enrollment, action="drop", actor=actor, reason=reason)
                counts["dropped"] += 1
        transition(obj=cohort, action="finish", actor=actor, changes=counts)
    return counts


def present_counts(cohort: Cohort) -> dict[int, int]:
    return dict(
        cohort.sessions.annotate(
            present=Count("attendance", filter=Q(attendance__present=True))
        ).values_list("pk", "present")
    )
