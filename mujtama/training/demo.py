"""Demo training (development only): about forty courses of fifteen member
organizations, some of them co-taught with a university, and some sixty cohorts in
the fourteen governorates and online in every state: being prepared, published with
applications open or opening later, places offered, under way, finished and
cancelled. Young people apply to them and end in every state of an application;
those who take part have their attendance recorded, graduates get certificates (two
of them revoked) and answer the follow-up surveys.

Everything goes through the services, as people would do it on the site, so the audit
log, the notifications and the reach ledger are real: the provider's owner creates,
publishes, starts, cancels and finishes cohorts, rejects applications, makes the
selection, records sessions, attendance and assessments and revokes certificates;
applicants apply, confirm, give up and leave; the platform lapses unconfirmed places,
offers them to the next on the waiting list and sends the follow-up surveys, which
graduates answer by the link they were sent (read back from the notification, as the
person would open it).

The services only take applications while the window is open today and record
attendance only for days that are past, so a cohort whose story lies in the past is
made with its window open today, its applicants apply and are selected, and then its
dates are moved to where they belong before it starts. The only direct writes move
dates into the past: a cohort's dates, when a course, cohort, application or
certificate was made, when a confirmation was due, when attendance was recorded,
when a certificate was revoked, when a survey was sent, expires and was answered, when
each notification was sent and when each trainee entered the reach ledger.

Besides the citizen persona (who completed a course with a certificate and was sent
its first follow-up survey, is enrolled in a running cohort, has a place to confirm
and an application waiting), the applicants are the demo volunteers and young people
with accounts of their own (trainee.<n>@demo.mujtama.sy, verified, with the
personas' demo password, complete profiles and, for about a third of them, a
target-group declaration given with consent).

The data lives in ``demo_data``; what is already there is never created twice.
"""

import math
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import IO, Any

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from mujtama.accounts.models import Profile, User
from mujtama.accounts.services import declaration_save
from mujtama.core.models import VerifiableDocument
from mujtama.core.verification import document_revoke
from mujtama.impact.models import Beneficiary
from mujtama.initiatives import demo_data as initiatives_data
from mujtama.notifications.models import Channel, Notification
from mujtama.organizations.demo_world import (
    DAMASCUS,
    DemoWorld,
    demo_account,
    demo_world,
    stable_rng,
)
from mujtama.training import demo_data as data
from mujtama.training.demo_data import CohortSpec, CourseSpec
from mujtama.training.models import (
    Attendance,
    Certificate,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    FollowUp,
    Session,
)
from mujtama.training.services.attendance import (
    assessment_record,
    attendance_record,
    cohort_finish,
    session_for,
)
from mujtama.training.services.courses import cohort_create, cohort_move, course_create
from mujtama.training.services.enrollments import (
    cohort_select,
    confirmations_lapse,
    enrollment_apply,
    enrollment_move,
)
from mujtama.training.services.followups import (
    LINK_DAYS,
    followup_answer,
    followup_url,
    followups_send,
)

CITIZEN_EMAIL = "citizen@demo.mujtama.sy"
SESSION_WEEKDAYS = {6, 1, 3}  # Sunday, Tuesday, Thursday
WITH_APPLICANTS = {data.OPEN, data.SELECTING, data.RUNNING, data.FINISHED}
TAKEN_PLACES = {data.SELECTING, data.RUNNING, data.FINISHED}


@dataclass(frozen=True)
class Person:
    user: User
    governorate: str  # P-code
    birth_year: int
    sex: str


@dataclass
class Plan:
    """When a cohort takes applications and runs, as its state says."""

    open_on: date
    close_on: date
    starts_on: date
    ends_on: date
    sessions: list[date]
    created: datetime
    published: datetime

    def window_today(self, today: date) -> "Plan":
        """The same cohort with its window open today (and its days after it), to
        take applications that the story places in the past."""
        close = max(self.close_on, today)
        starts = max(self.starts_on, close + timedelta(days=1))
        shift = starts - self.starts_on
        return Plan(
            min(self.open_on, today),
            close,
            starts,
            self.ends_on + shift,
            self.sessions,
            self.created,
            self.published,
        )


@dataclass
class Context(DemoWorld):
    citizen: Person | None = None
    people: list[Person] = field(default_factory=list)
    load: Counter[int] = field(default_factory=Counter)  # applications per user id

    @contextmanager
    def dated(self, when: datetime) -> Iterator[None]:
        """Notifications sent and trainees entered in the reach ledger inside the block
        are dated ``when``."""
        last = Beneficiary.objects.aggregate(last=Max("pk"))["last"] or 0
        with super().dated(when):
            yield
        Beneficiary.objects.filter(pk__gt=last).update(
            reached_on=timezone.localtime(when, DAMASCUS).date(), created_at=when
        )


def seed(out: IO[str]) -> None:
    ctx = _context()
    if not ctx.organizations:
        out.write("Demo training: skipped (no demo organizations)\n")
        return
    _people(ctx)
    plans = [_plan(ctx, index, spec) for index, spec in enumerate(data.COHORTS)]
    courses = _courses(ctx, plans)
    names = _names(ctx, plans)
    for index, spec in enumerate(data.COHORTS):
        course = courses.get(spec.course)
        if course is not None:
            _cohort(ctx, index, spec, plans[index], names[index], course)
    _followups(ctx)
    made = ", ".join(f"{n} {what}" for what, n in ctx.created.items())
    out.write(_summary(f"created {made}" if made else "already present"))


# --- setting up ---------------------------------------------------------------------------


def _context() -> Context:
    return demo_world(Context)


_rng = stable_rng


def _person(user: User) -> Person | None:
    profile = Profile.objects.filter(user=user).select_related("governorate").first()
    if profile is None or not (profile.governorate and profile.birth_year and profile.sex):
        return None
    return Person(user, profile.governorate.pcode, profile.birth_year, profile.sex)


def _people(ctx: Context) -> None:
    """The persona, the demo volunteers and the trainees (made if missing)."""
    citizen = User.objects.filter(email=CITIZEN_EMAIL).first()
    ctx.citizen = _person(citizen) if citizen is not None else None
    for number in range(1, len(initiatives_data.VOLUNTEERS) + 1):
        volunteer = User.objects.filter(email=f"volunteer.{number}@demo.mujtama.sy").first()
        person = _person(volunteer) if volunteer is not None else None
        if person is not None:
            ctx.people.append(person)
    for number, trainee in enumerate(data.TRAINEES, start=1):
        user = _trainee_account(ctx, number, trainee)
        ctx.people.append(Person(user, trainee.governorate, trainee.birth_year, trainee.sex))


def _trainee_account(ctx: Context, number: int, trainee: data.Trainee) -> User:
    user, created = demo_account(
        ctx,
        email=f"trainee.{number}@demo.mujtama.sy",
        full_name=trainee.full_name,
        counter="trainee accounts",
        governorate=ctx.governorates[trainee.governorate],
        birth_year=trainee.birth_year,
        sex=trainee.sex,
        phone=trainee.phone,
    )
    if created and trainee.declares:
        declaration_save(
            user=user,
            consent=True,
            lives_in_remote_area=trainee.remote,
            vulnerability_criteria=[
                ctx.criteria[code] for code in trainee.criteria.split() if code in ctx.criteria
            ],
        )
    return user


# --- when things happen -------------------------------------------------------------------


def sessions_count(course: CourseSpec) -> int:
    """The meetings whose attendance is recorded: one for every six hours or so,
    four at least and eight at most (long courses have work between meetings)."""
    return min(8, max(4, math.ceil(course.hours / 6)))


def _session_days(first: date, count: int) -> list[date]:
    days: list[date] = []
    day = first
    while len(days) < count:
        if day.weekday() in SESSION_WEEKDAYS:
            days.append(day)
        day += timedelta(days=1)
    return days


def _session_days_until(last: date, count: int) -> list[date]:
    days: list[date] = []
    day = last
    while len(days) < count:
        if day.weekday() in SESSION_WEEKDAYS:
            days.append(day)
        day -= timedelta(days=1)
    return days[::-1]


def _course_spec(key: str) -> CourseSpec:
    return next(course for course in data.COURSES if course.key == key)


def _plan(ctx: Context, index: int, spec: CohortSpec) -> Plan:
    """The cohort's dates: the window is open two weeks and closes five days before
    the first day; sessions are on Sundays, Tuesdays and Thursdays."""
    count = sessions_count(_course_spec(spec.course))
    today = ctx.today
    if spec.state == data.FINISHED:
        sessions = _session_days_until(ctx.ago(spec.days), count)
        close = sessions[0] - timedelta(days=5)
        opens = close - timedelta(days=14)
    elif spec.state == data.RUNNING:
        # Sessions since ``days`` ago, and at least one still to come.
        held = [day for day in _session_days(ctx.ago(spec.days), count) if day <= today]
        held = held[-(count - 1) :] if count > 1 else []
        ahead = _session_days(today + timedelta(days=1), count - len(held))
        sessions = held + ahead
        close = sessions[0] - timedelta(days=5)
        opens = close - timedelta(days=14)
    elif spec.state == data.SELECTING:
        close = ctx.ago(spec.days)
        opens = close - timedelta(days=14)
        sessions = _session_days(today + timedelta(days=6), count)
    elif spec.state == data.OPEN:
        opens = ctx.ago(spec.days)
        close = max(opens + timedelta(days=21), today + timedelta(days=3))
        sessions = _session_days(close + timedelta(days=5), count)
    else:  # not open yet: draft, upcoming, cancelled
        opens = today + timedelta(days=spec.days)
        close = opens + timedelta(days=14)
        sessions = _session_days(close + timedelta(days=5), count)
    made_on = opens - timedelta(days=9)
    if made_on < today:
        created = ctx.at(made_on, 11, index * 7)
        published = ctx.at(opens - timedelta(days=2), 12, index * 11)
    else:
        created = ctx.now - timedelta(days=2 + index % 5, hours=index % 7)
        published = min(created + timedelta(days=1), ctx.now)
    return Plan(opens, close, sessions[0], sessions[-1], sessions, created, published)


def _place(ctx: Context, spec: CohortSpec) -> tuple[str, str]:
    if spec.place == data.ONLINE_PLACE:
        return "عن بُعد", "Online"
    locality = ctx.localities.get((spec.place, spec.locality))
    if locality is not None:
        return locality.name_ar, locality.name_en or locality.name_ar
    governorate = ctx.governorates[spec.place]
    return governorate.name_ar, governorate.name_en


def _names(ctx: Context, plans: Sequence[Plan]) -> list[tuple[str, str]]:
    """Each cohort is numbered among those of its course by its first day."""
    order: dict[str, list[int]] = {}
    for index, spec in enumerate(data.COHORTS):
        order.setdefault(spec.course, []).append(index)
    names: list[tuple[str, str]] = [("", "")] * len(data.COHORTS)
    for indexes in order.values():
        for number, index in enumerate(sorted(indexes, key=lambda i: plans[i].starts_on)):
            place_ar, place_en = _place(ctx, data.COHORTS[index])
            names[index] = (
                f"الدفعة {data.ORDINALS_AR[number]} – {place_ar}",
                f"Cohort {number + 1} – {place_en}",
            )
    return names


# --- courses ------------------------------------------------------------------------------


def _courses(ctx: Context, plans: Sequence[Plan]) -> dict[str, Course]:
    """Each course of a member organization, made a few days before its first
    cohort."""
    courses: dict[str, Course] = {}
    for spec in data.COURSES:
        provider = ctx.organizations.get(spec.provider)
        owner = ctx.owner(spec.provider)
        if provider is None or owner is None:
            continue
        found = Course.objects.filter(provider=provider, title_ar=spec.title_ar).first()
        if found is not None:
            courses[spec.key] = found
            continue
        if provider.pk not in ctx.members:
            continue
        course = course_create(
            actor=owner,
            provider=provider,
            co_provider=ctx.organizations.get(spec.co_provider) if spec.co_provider else None,
            title_ar=spec.title_ar,
            title_en=spec.title_en,
            description_ar=spec.description_ar,
            description_en=spec.description_en,
            skills=spec.skills,
            level=spec.level,
            hours=spec.hours,
            mode=spec.mode,
        )
        first = min(
            plans[index].created
            for index, cohort in enumerate(data.COHORTS)
            if cohort.course == spec.key
        )
        Course.objects.filter(pk=course.pk).update(created_at=first - timedelta(days=4))
        courses[spec.key] = course
        ctx.created["courses"] += 1
    return courses


# --- one cohort ---------------------------------------------------------------------------


def _cohort(
    ctx: Context, index: int, spec: CohortSpec, plan: Plan, name: tuple[str, str], course: Course
) -> None:
    owner = ctx.owner(_course_spec(spec.course).provider)
    if owner is None or Cohort.objects.filter(course=course, name_ar=name[0]).exists():
        return
    online = spec.place == data.ONLINE_PLACE
    live = plan.window_today(ctx.today) if spec.state in TAKEN_PLACES else plan
    cohort = cohort_create(
        actor=owner,
        course=course,
        name_ar=name[0],
        name_en=name[1],
        starts_on=live.starts_on,
        ends_on=live.ends_on,
        capacity=spec.capacity,
        applications_open_on=live.open_on,
        applications_close_on=live.close_on,
        online=online,
        governorate=None if online else ctx.governorates[spec.place],
        locality=None if online else ctx.localities.get((spec.place, spec.locality)),
        eligible_governorates=[ctx.governorates[pcode] for pcode in spec.eligible.split()],
        min_age=spec.min_age,
        max_age=spec.max_age,
        prerequisites=spec.prerequisites,
        remote_points=spec.remote_points,
        vulnerable_points=spec.vulnerable_points,
        gender_balance=spec.balance,
        attendance_share=spec.attendance_share,
        assessment=spec.assessment,
    )
    Cohort.objects.filter(pk=cohort.pk).update(created_at=plan.created)
    ctx.created["cohorts"] += 1
    reason = data.CANCEL_REASONS[index % len(data.CANCEL_REASONS)]
    if spec.state == data.DRAFT:
        return
    if spec.state == data.CANCELLED_DRAFT:
        with ctx.dated(plan.published):
            cohort_move(actor=owner, cohort=cohort, action="cancel", reason=reason)
        return
    with ctx.dated(plan.published):
        cohort = cohort_move(actor=owner, cohort=cohort, action="publish")
    if spec.state == data.UPCOMING:
        return
    if spec.state == data.CANCELLED:
        cancelled = min(plan.published + timedelta(days=1, hours=3), ctx.now)
        with ctx.dated(cancelled):
            cohort_move(actor=owner, cohort=cohort, action="cancel", reason=reason)
        return
    enrollments = _applications(ctx, index, spec, plan, cohort)
    if spec.state == data.OPEN:
        _before_selection(ctx, index, spec, owner, enrollments, window_open=True)
        return
    _before_selection(ctx, index, spec, owner, enrollments, window_open=False)
    _selection(ctx, index, spec, plan, owner, cohort)
    # The story's dates, now that the applications are in.
    Cohort.objects.filter(pk=cohort.pk).update(
        applications_open_on=plan.open_on,
        applications_close_on=plan.close_on,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
    )
    if spec.state == data.SELECTING:
        return
    cohort = Cohort.objects.get(pk=cohort.pk)
    with ctx.dated(ctx.at(plan.starts_on, 8, index)):
        cohort = cohort_move(actor=owner, cohort=cohort, action="start")
    if spec.state == data.FINISHED:
        # Nobody joins once it has started: the waiting list is told so.
        with ctx.dated(ctx.at(plan.starts_on, 9, index)):
            for waiting in cohort.enrollments.filter(status=EnrollmentStatus.WAITLISTED):
                enrollment_move(
                    actor=owner,
                    enrollment=waiting,
                    action="reject",
                    reason=data.WAITLIST_CLOSED_REASON,
                )
    _attendance(ctx, index, spec, plan, owner, cohort)
    if spec.state == data.FINISHED:
        _finish(ctx, index, spec, plan, owner, cohort)


def _is_citizen(ctx: Context, user: Any) -> bool:
    return ctx.citizen is not None and user.pk == ctx.citizen.user.pk


def _applicants(ctx: Context, index: int, spec: CohortSpec) -> list[Person]:
    """Who applies: people old enough and from where the cohort takes people; for a
    cohort held in a place, those who live in its governorate first, then in its
    region; those who applied least so far first."""
    year = ctx.today.year
    allowed = set(spec.eligible.split())
    online = spec.place == data.ONLINE_PLACE
    region = next((r for r in data.REGIONS if spec.place in r), set())

    def fits(person: Person) -> bool:
        return (
            spec.min_age <= year - person.birth_year <= spec.max_age
            and (not allowed or person.governorate in allowed)
            and (online or person.governorate in region)
        )

    rng = _rng(f"applicants:{index}")
    pool = [person for person in ctx.people if fits(person)]
    weights = {
        person.user.pk: (
            ctx.load[person.user.pk] + (0 if online or person.governorate == spec.place else 2),
            rng.random(),
        )
        for person in pool
    }
    pool.sort(key=lambda person: weights[person.user.pk])
    wanted = spec.applicants
    citizen = ctx.citizen if spec.citizen and ctx.citizen is not None else None
    if citizen is not None and fits(citizen):
        wanted -= 1
    else:
        citizen = None
    if spec.lean:
        leaning = math.ceil(wanted * 0.7)
        chosen = [p for p in pool if p.sex == spec.lean][:leaning]
        chosen += [p for p in pool if p not in chosen][: wanted - len(chosen)]
        chosen.sort(key=lambda person: weights[person.user.pk])
    else:
        chosen = pool[:wanted]
    if citizen is not None:
        chosen.insert(len(chosen) // 3, citizen)
    for person in chosen:
        ctx.load[person.user.pk] += 1
    return chosen


def _applications(
    ctx: Context, index: int, spec: CohortSpec, plan: Plan, cohort: Cohort
) -> list[Enrollment]:
    """Everyone applies, spread over the days the window was open."""
    people = _applicants(ctx, index, spec)
    last = min(plan.close_on, ctx.today)
    span = (last - plan.open_on).days
    enrollments = []
    for number, person in enumerate(people):
        rng = _rng(f"application:{index}:{person.user.email}")
        enrollment = enrollment_apply(
            actor=person.user,
            cohort=cohort,
            motivation=data.MOTIVATIONS[(index * 5 + number) % len(data.MOTIVATIONS)],
            name_shown="initials" if rng.random() < 0.2 else "full",
            meets_prerequisites=bool(spec.prerequisites),
        )
        day = plan.open_on + timedelta(days=span * number // max(len(people), 1))
        applied = ctx.at(day, 8 + (number * 5 + index) % 14, number * 17 + index)
        Enrollment.objects.filter(pk=enrollment.pk).update(created_at=applied)
        enrollment.created_at = applied
        enrollments.append(enrollment)
        ctx.created["applications"] += 1
    return enrollments


def _before_selection(
    ctx: Context,
    index: int,
    spec: CohortSpec,
    owner: User,
    enrollments: list[Enrollment],
    *,
    window_open: bool,
) -> None:
    """Before the places are given: in some cohorts an applicant withdraws, and the
    provider turns down an application that does not fit (always where prerequisites
    are asked)."""
    others = [e for e in enrollments if not _is_citizen(ctx, e.applicant)]
    withdraws = len(enrollments) >= 6 if window_open else index % 2 == 1
    if withdraws and len(others) > 2:
        leaving = others[2]
        when = ctx.at(leaving.created_at.date() + timedelta(days=1), 21, index)
        with ctx.dated(when):
            enrollment_move(actor=leaving.applicant, enrollment=leaving, action="withdraw")
    turns_down = spec.prerequisites or (not window_open and index % 3 == 1)
    if turns_down and len(others) > 4:
        turned_down = others[4]
        reason = data.REJECT_REASONS[0 if spec.prerequisites else 1 + index % 2]
        when = ctx.at(turned_down.created_at.date() + timedelta(days=2), 11, index)
        with ctx.dated(when):
            enrollment_move(actor=owner, enrollment=turned_down, action="reject", reason=reason)


def _selection(
    ctx: Context, index: int, spec: CohortSpec, plan: Plan, owner: User, cohort: Cohort
) -> None:
    """The provider offers the places the day after the window closes. Most confirm
    within the days they have; in some cohorts the last one offered a place gives it
    up, in others someone lets it lapse; both places go to the next on the waiting
    list. Where the confirmations are still running, those whose days are not up yet
    have not confirmed."""
    selected_on = plan.close_on + timedelta(days=1)
    with ctx.dated(ctx.at(selected_on, 10, index)):
        cohort_select(actor=owner, cohort=cohort)
    offered = list(
        cohort.enrollments.filter(status=EnrollmentStatus.ACCEPTED)
        .select_related("applicant", "cohort__course")
        .order_by("rank")
    )
    others = [e for e in offered if not _is_citizen(ctx, e.applicant)]
    settled = spec.state != data.SELECTING
    gives_up = others[-1] if settled and index % 3 == 0 and others else None
    lapses = others[-2] if settled and index % 2 == 0 and len(others) >= 2 else None
    days = cohort.confirmation_days
    confirming: dict[date, list[Enrollment]] = {}
    for number, enrollment in enumerate(offered):
        confirm_on = selected_on + timedelta(days=1 + number % days)
        if enrollment == gives_up:
            with ctx.dated(ctx.at(confirm_on, 20, number)):
                enrollment_move(
                    actor=enrollment.applicant, enrollment=enrollment, action="withdraw"
                )
        elif enrollment == lapses or confirm_on > ctx.today:
            continue
        elif not (spec.citizen == "accepted" and _is_citizen(ctx, enrollment.applicant)):
            confirming.setdefault(confirm_on, []).append(enrollment)
    for number, (day, enrollments) in enumerate(confirming.items()):
        with ctx.dated(ctx.at(day, 9 + number * 4, index)):
            for enrollment in enrollments:
                enrollment_move(actor=enrollment.applicant, enrollment=enrollment, action="confirm")
    if lapses is not None:
        deadline = ctx.at(selected_on + timedelta(days=days), 10, index)
        Enrollment.objects.filter(pk=lapses.pk).update(confirm_by=deadline)
        with ctx.dated(deadline):
            confirmations_lapse()
    if settled:
        # Those offered a freed place take it the next day.
        promoted = cohort.enrollments.filter(status=EnrollmentStatus.ACCEPTED).select_related(
            "applicant", "cohort__course"
        )
        with ctx.dated(ctx.at(selected_on + timedelta(days=days + 1), 12, index)):
            for enrollment in promoted:
                enrollment_move(actor=enrollment.applicant, enrollment=enrollment, action="confirm")


def _attends(ctx: Context, index: int, enrollment: Enrollment, session: int, total: int) -> bool:
    """Most come nearly always, some now and then, and a few stop half way; the
    persona always comes."""
    if _is_citizen(ctx, enrollment.applicant):
        return True
    habit = _rng(f"habit:{index}:{enrollment.applicant.email}").random()
    chance = _rng(f"present:{index}:{enrollment.applicant.email}:{session}").random()
    if habit < 0.84:
        return chance < 0.95
    if habit < 0.94:
        return chance < 0.72
    return session < total * 0.45 and chance < 0.9


def _attendance(
    ctx: Context, index: int, spec: CohortSpec, plan: Plan, owner: User, cohort: Cohort
) -> None:
    """A session on each day held so far, with who came. Where a trainee leaves half
    way, the place goes to the next on the waiting list."""
    held = [day for day in plan.sessions if day <= ctx.today]
    topics = [topic.strip() for topic in _course_spec(spec.course).skills.split("،")]
    enrolled = list(
        cohort.enrollments.filter(status=EnrollmentStatus.ENROLLED).select_related(
            "applicant", "cohort__course"
        )
    )
    for number, day in enumerate(held):
        if spec.leaves and number == len(held) // 2:
            leaving = next(e for e in reversed(enrolled) if not _is_citizen(ctx, e.applicant))
            with ctx.dated(ctx.at(day - timedelta(days=1), 20, index)):
                enrollment_move(actor=leaving.applicant, enrollment=leaving, action="withdraw")
            enrolled.remove(leaving)
        session = session_for(
            actor=owner, cohort=cohort, held_on=day, topic=topics[number % len(topics)]
        )
        present = {e.pk: _attends(ctx, index, e, number, len(plan.sessions)) for e in enrolled}
        attendance_record(actor=owner, session=session, present=present)
        Attendance.objects.filter(session=session).update(recorded_at=ctx.at(day, 19, number))
        ctx.created["sessions"] += 1


def _finish(
    ctx: Context, index: int, spec: CohortSpec, plan: Plan, owner: User, cohort: Cohort
) -> None:
    """The assessment, where there is one, on the last day; then the provider finishes
    the cohort, which settles who completed and issues the certificates."""
    enrolled = list(
        cohort.enrollments.filter(status=EnrollmentStatus.ENROLLED).select_related(
            "applicant", "cohort__course"
        )
    )
    if spec.assessment:
        for enrollment in enrolled:
            passed = _is_citizen(ctx, enrollment.applicant) or (
                _rng(f"assessment:{index}:{enrollment.applicant.email}").random() > 0.12
            )
            assessment_record(actor=owner, enrollment=enrollment, passed=passed)
    finished = ctx.at(plan.ends_on, 18, index)
    with ctx.dated(finished):
        counts = cohort_finish(actor=owner, cohort=cohort)
    issued = ctx.at(plan.ends_on + timedelta(days=1), 11, index)
    certificates = Certificate.objects.filter(enrollment__cohort=cohort)
    VerifiableDocument.objects.filter(pk__in=certificates.values("document")).update(
        created_at=issued
    )
    certificates.update(created_at=issued)
    ctx.created["certificates"] += counts["completed"]
    if spec.revoke:
        certificate = (
            certificates.exclude(enrollment__applicant__email=CITIZEN_EMAIL)
            .select_related("document")
            .order_by("-pk")
            .first()
        )
        if certificate is not None:
            document = document_revoke(
                actor=owner,
                document=certificate.document,
                reason=data.REVOKE_REASONS[spec.revoke - 1],
            )
            revoked = ctx.at(plan.ends_on + timedelta(days=24), 13, index)
            VerifiableDocument.objects.filter(pk=document.pk).update(revoked_at=revoked)
            ctx.created["certificates revoked"] += 1


# --- follow-up surveys --------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _link_token(followup: FollowUp) -> str | None:
    """The token of the link the graduate was sent, read from the notification, as
    they would open it."""
    user = followup.enrollment.applicant
    language = user.language or settings.LANGUAGE_CODE
    placeholder = "DEMOTOKEN"
    pattern = re.escape(followup_url(placeholder, language)).replace(placeholder, "([\\w-]+)")
    body = (
        Notification.objects.filter(dedupe_key=f"training-followup:{followup.pk}:{Channel.INBOX}")
        .values_list("body", flat=True)
        .first()
    )
    found = re.search(pattern, body or "")
    return found.group(1) if found else None


def _followups(ctx: Context) -> None:
    """The platform sends the surveys that are due; about seven graduates in ten
    answer (never the persona, whose link is still open). Each survey is dated as
    sent on the day it was due."""
    followups_send()
    fresh = (
        FollowUp.objects.filter(sent_at__gte=ctx.now, answered_at__isnull=True)
        .select_related("enrollment__applicant", "enrollment__cohort__course")
        .order_by("pk")
    )
    sectors = {spec.title_ar: spec.sectors.split() for spec in data.COURSES}
    for followup in fresh:
        ctx.created["follow-up surveys sent"] += 1
        enrollment = followup.enrollment
        sent = ctx.at(followup.due_on, 10, followup.pk)
        values: dict[str, Any] = {
            "sent_at": sent,
            "expires_at": sent + timedelta(days=LINK_DAYS),
        }
        rng = _rng(
            f"followup:{enrollment.applicant.email}:{enrollment.cohort_id}:{followup.months}"
        )
        token = _link_token(followup)
        if (
            token
            and not _is_citizen(ctx, enrollment.applicant)
            and rng.random() < data.ANSWERED_SHARE
        ):
            outcome = _weighted(rng, data.OUTCOMES.get(followup.months, data.OUTCOMES[12]))
            choices = sectors.get(enrollment.cohort.course.title_ar, ["technology"])
            followup_answer(
                token=token,
                outcome=outcome,
                sector=rng.choice([*choices, choices[0], "other"]),
                helped=_weighted(rng, data.HELPED_LOOKING if outcome == "looking" else data.HELPED),
            )
            answered = sent + timedelta(days=rng.randint(0, 9), hours=rng.randint(1, 10))
            values["answered_at"] = min(answered, values["expires_at"], ctx.now)
            ctx.created["follow-up answers"] += 1
        FollowUp.objects.filter(pk=followup.pk).update(**values)
        Notification.objects.filter(
            dedupe_key__startswith=f"training-followup:{followup.pk}:"
        ).update(created_at=sent)


# --- summary ------------------------------------------------------------------------------


def _summary(what: str) -> str:
    def counts(values: Any) -> str:
        return ", ".join(f"{key} {n}" for key, n in sorted(Counter(values).items()))

    certificates = Certificate.objects.values_list("document__status", flat=True)
    followups = FollowUp.objects.exclude(sent_at=None)
    return (
        f"Demo training ({what}): {Course.objects.count()} courses; "
        f"cohorts [{counts(Cohort.objects.values_list('status', flat=True))}]; "
        f"enrollments [{counts(Enrollment.objects.values_list('status', flat=True))}]; "
        f"sessions {Session.objects.count()}; certificates [{counts(certificates)}]; "
        f"follow-ups sent {followups.count()}, answered {followups.exclude(answered_at=None).count()}\n"
    )
