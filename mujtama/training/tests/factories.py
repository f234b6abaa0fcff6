"""Builders for training tests. Everything goes through the services, as the people
concerned would do it: the provider's owner creates courses and cohorts and moves
them along their workflow; applicants with a complete profile (and, if asked, a
consented target-group declaration) apply, confirm or withdraw; the owner selects,
records attendance and finishes the cohort; graduates answer their follow-up survey.

Applying needs the application window open today: when it is not (a cohort built in
the past, to be running or finished now), the builders travel to the window's first
day for that step only (``time_machine``), and come back."""

import hashlib
import itertools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Any
from unittest import mock

import time_machine
from django.utils import timezone

from mujtama.accounts.models import User
from mujtama.accounts.services import declaration_save, profile_update
from mujtama.accounts.tests.factories import UserFactory
from mujtama.geo.models import Governorate
from mujtama.impact.models import VulnerabilityCriterion
from mujtama.organizations.models import Organization
from mujtama.organizations.tests.factories import OrganizationFactory
from mujtama.training.models import Cohort, CohortStatus, Course, Enrollment, FollowUp
from mujtama.training.services import attendance, courses, enrollments, followups

REASON = "لم يكتمل عدد المتقدمين"
_sequence = itertools.count(1)


# --- people and places ----------------------------------------------------------------------


def organization(**fields: Any) -> Organization:
    """A member organization; its ``created_by`` is its owner."""
    return OrganizationFactory(created_by=fields.pop("owner", None) or UserFactory(), **fields)


def owner_of(org: Organization) -> Any:
    return org.created_by


def governorate(pcode: str) -> Governorate:
    return Governorate.objects.get(pcode=pcode)


def applicant(
    *,
    governorate_pcode: str = "SY09",
    age: int = 22,
    sex: str = "female",
    remote: bool = False,
    vulnerable: bool = False,
    full_name: str | None = None,
    **fields: Any,
) -> User:
    """A young person whose profile gives their governorate, year of birth and sex;
    with ``remote`` or ``vulnerable``, they declared it, with consent."""
    user = UserFactory(**({"full_name": full_name} if full_name else {}), **fields)
    profile_update(
        user=user,
        full_name=user.full_name,
        governorate=governorate(governorate_pcode),
        birth_year=timezone.localdate().year - age,
        sex=sex,
    )
    if remote or vulnerable:
        declaration_save(
            user=user,
            consent=True,
            lives_in_remote_area=remote,
            vulnerability_criteria=VulnerabilityCriterion.objects.filter(is_active=True)[:1]
            if vulnerable
            else [],
        )
    return user


@contextmanager
def on(day: date) -> Iterator[None]:
    """The clock at noon, Damascus time, on ``day``."""
    moment = datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())
    with time_machine.travel(moment, tick=False):
        yield


# --- courses and cohorts --------------------------------------------------------------------


def make_course(provider: Organization | None = None, **fields: Any) -> Course:
    provider = provider or organization()
    n = next(_sequence)
    values: dict[str, Any] = {
        "title_ar": f"أساسيات تطوير الويب {n}",
        "title_en": f"Web development basics {n}",
        "description_ar": "مقدمة عملية إلى HTML وCSS وجافاسكربت.",
        "description_en": "A practical introduction to HTML, CSS and JavaScript.",
        "skills": "HTML, CSS, JavaScript",
        "level": "beginner",
        "hours": 60,
        "mode": "in_person",
        **fields,
    }
    return courses.course_create(actor=owner_of(provider), provider=provider, **values)


def dates_for(status: str) -> dict[str, date]:
    """Dates that suit a cohort in ``status`` today: the window open now for one to
    be published; in the past for one already running (still under way) or finished."""
    today = timezone.localdate()
    if status in (CohortStatus.RUNNING, CohortStatus.FINISHED):
        return {
            "applications_open_on": today - timedelta(days=60),
            "applications_close_on": today - timedelta(days=50),
            "starts_on": today - timedelta(days=40),
            "ends_on": today + timedelta(days=30)
            if status == CohortStatus.RUNNING
            else today - timedelta(days=10),
        }
    return {
        "applications_open_on": today - timedelta(days=5),
        "applications_close_on": today + timedelta(days=5),
        "starts_on": today + timedelta(days=10),
        "ends_on": today + timedelta(days=40),
    }


def make_cohort(
    course: Course | None = None,
    *,
    status: str = CohortStatus.PUBLISHED,
    governorate_pcode: str | None = "SY09",
    eligible: Iterable[str] = (),
    **fields: Any,
) -> Cohort:
    """A cohort of ``course`` (a new one if None) moved to ``status`` by the
    provider's owner. A finished cohort has no trainees: build one with trainees by
    ``make_enrollment`` on a published cohort, then ``cohort_start`` and
    ``cohort_end``."""
    course = course or make_course()
    actor = owner_of(course.provider)
    values: dict[str, Any] = {
        "name_ar": "الدفعة الأولى",
        "name_en": "First cohort",
        "capacity": 20,
        "online": governorate_pcode is None,
        "governorate": governorate(governorate_pcode) if governorate_pcode else None,
        **dates_for(status),
        **fields,
    }
    cohort = courses.cohort_create(
        actor=actor,
        course=course,
        eligible_governorates=[governorate(pcode) for pcode in eligible],
        **values,
    )
    if status == CohortStatus.CANCELLED:
        courses.cohort_move(actor=actor, cohort=cohort, action="cancel", reason=REASON)
    elif status != CohortStatus.DRAFT:
        courses.cohort_move(actor=actor, cohort=cohort, action="publish")
        if status in (CohortStatus.RUNNING, CohortStatus.FINISHED):
            cohort_start(cohort)
        if status == CohortStatus.FINISHED:
            cohort_end(cohort)
    return Cohort.objects.get(pk=cohort.pk)


def cohort_start(cohort: Cohort) -> Cohort:
    actor = owner_of(cohort.course.provider)
    return courses.cohort_move(actor=actor, cohort=cohort, action="start")


def attendance_mark(cohort: Cohort, present: Iterable[Enrollment], held_on: date) -> int:
    """The session of ``held_on`` with ``present`` there (everyone else enrolled absent)."""
    actor = owner_of(cohort.course.provider)
    session = attendance.session_for(actor=actor, cohort=cohort, held_on=held_on)
    return attendance.attendance_record(
        actor=actor, session=session, present={e.pk: True for e in present}
    )


def cohort_end(cohort: Cohort, completing: Iterable[Enrollment] = ()) -> dict[str, int]:
    """Finish a running cohort after one session on its first day: those in
    ``completing`` were there and complete; every other trainee did not."""
    cohort = Cohort.objects.get(pk=cohort.pk)
    attendance_mark(cohort, completing, cohort.starts_on)
    return attendance.cohort_finish(actor=owner_of(cohort.course.provider), cohort=cohort)


# --- enrollments ----------------------------------------------------------------------------

# The steps after applying that lead to each status, and who takes each one.
STEPS: dict[str, list[tuple[str, str]]] = {
    "applied": [],
    "accepted": [("accept", "provider")],
    "waitlisted": [("waitlist", "provider")],
    "rejected": [("reject", "provider")],
    "withdrawn": [("withdraw", "applicant")],
    "enrolled": [("accept", "provider"), ("confirm", "applicant")],
}


def make_enrollment(
    cohort: Cohort,
    *,
    status: str = "applied",
    person: User | None = None,
    **person_fields: Any,
) -> Enrollment:
    """``person`` (a new applicant with ``person_fields`` if None) applies to a
    published cohort and is moved to ``status`` (see ``STEPS``; "completed" and
    "dropped" come from ``cohort_end``, "lapsed" from ``enrollment_lapse``)."""
    person = person or applicant(**person_fields)
    provider = owner_of(cohort.course.provider)
    today = timezone.localdate()
    if cohort.applications_open_on <= today <= cohort.applications_close_on:
        enrollment = _apply(cohort, person)
    else:
        with on(cohort.applications_open_on):
            enrollment = _apply(cohort, person)
    for action, who in STEPS[status]:
        enrollment = enrollments.enrollment_move(
            actor=provider if who == "provider" else person,
            enrollment=enrollment,
            action=action,
            reason=REASON if action == "reject" else "",
        )
    return Enrollment.objects.get(pk=enrollment.pk)


def _apply(cohort: Cohort, person: User) -> Enrollment:
    return enrollments.enrollment_apply(
        actor=person,
        cohort=cohort,
        motivation="أريد أن أتعلم مهارة تساعدني في إيجاد عمل.",
        meets_prerequisites=True,
    )


def enrollment_lapse(enrollment: Enrollment) -> Enrollment:
    """An accepted applicant who lets the confirmation deadline pass."""
    assert enrollment.confirm_by is not None
    with time_machine.travel(enrollment.confirm_by + timedelta(hours=1), tick=False):
        enrollments.confirmations_lapse()
    return Enrollment.objects.get(pk=enrollment.pk)


def graduates(
    course: Course, completed: int, dropped: int = 0, **cohort_fields: Any
) -> tuple[Cohort, list[Enrollment]]:
    """A finished cohort of ``course`` where ``completed`` trainees completed and
    ``dropped`` did not; returns the cohort and the graduates."""
    cohort = make_cohort(
        course, **{"status": "published", **dates_for("finished"), **cohort_fields}
    )
    trainees = [make_enrollment(cohort, status="enrolled") for _ in range(completed + dropped)]
    cohort_start(cohort)
    cohort_end(cohort, completing=trainees[:completed])
    done = list(Enrollment.objects.filter(pk__in=[e.pk for e in trainees[:completed]]))
    return Cohort.objects.get(pk=cohort.pk), done


# --- follow-up surveys ------------------------------------------------------------------------


def followups_answer(
    answers: Mapping[Enrollment, str], *, months: int = 3, helped: str = "yes"
) -> list[FollowUp]:
    """Send every survey due by the ``months`` survey of the graduates in
    ``answers`` (on the day it is due) and have each of them answer theirs with the
    outcome given. The links go by SMS or email; here they are caught on the way out."""
    wanted = FollowUp.objects.filter(enrollment__in=list(answers), months=months)
    due = max(wanted.values_list("due_on", flat=True))
    tokens: list[str] = []

    def token(nbytes: int | None = None) -> str:
        tokens.append(f"test-link-{next(_sequence)}-{len(tokens)}")
        return tokens[-1]

    by_pk = {enrollment.pk: outcome for enrollment, outcome in answers.items()}
    answered = []
    with on(due):
        with mock.patch.object(followups.secrets, "token_urlsafe", token):
            followups.followups_send()
        for key in tokens:
            digest = hashlib.sha256(key.encode()).hexdigest()
            followup = FollowUp.objects.filter(token_hash=digest, months=months).first()
            if followup is None or followup.enrollment_id not in by_pk:
                continue
            outcome = by_pk[followup.enrollment_id]
            working = outcome in ("employed", "self_employed", "internship")
            answered.append(
                followups.followup_answer(
                    token=key,
                    outcome=outcome,
                    sector="technology" if working else "",
                    helped=helped,
                )
            )
    return answered
