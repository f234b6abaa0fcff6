"""Public reads of training: the course catalogue, cohorts, providers and their
results, as anyone may see them, for the pages and the public API alike. Nothing
here is scoped to a person.

What the public may see is decided here once:
- a cohort is public once published, and stays public while it runs and after it
  finishes; a draft or cancelled cohort never is;
- a course is public while it has at least one public cohort;
- completion and employment rates come from fewer than 5 people are published as
  "fewer than 5" (``core.statistics.share``).

Lists read a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.core.statistics import Figure, count, share
from mujtama.geo.models import Governorate
from mujtama.organizations.models import Organization
from mujtama.training.models import (
    Cohort,
    CohortStatus,
    Course,
    Enrollment,
    EnrollmentStatus,
    FollowUp,
    Outcome,
)

VISIBLE = (CohortStatus.PUBLISHED, CohortStatus.RUNNING, CohortStatus.FINISHED)
# A graduate "works" when their latest answered follow-up says so.
WORKING = (Outcome.EMPLOYED, Outcome.SELF_EMPLOYED)


class Applications:
    """Where a cohort's application window stands, for the public and the API."""

    OPEN = "open"
    UPCOMING = "upcoming"
    CLOSED = "closed"
    CHOICES = (
        (OPEN, _("Open now")),
        (UPCOMING, _("Opening later")),
        (CLOSED, _("Closed")),
    )


def applications(cohort: Cohort, today: date | None = None) -> str:
    """Open: published, today within the window (the rule of
    ``enrollments.window_open``, which ``enrollment_apply`` applies); upcoming: published, the window still to come; closed: anything else
    (the window past, running, finished)."""
    today = today or timezone.localdate()
    if cohort.status != CohortStatus.PUBLISHED:
        return Applications.CLOSED
    if today < cohort.applications_open_on:
        return Applications.UPCOMING
    if today <= cohort.applications_close_on:
        return Applications.OPEN
    return Applications.CLOSED


def public_cohorts() -> QuerySet[Cohort]:
    return Cohort.objects.filter(status__in=VISIBLE)


def filter_cohorts(
    cohorts: QuerySet[Cohort], *, governorate: str = "", status: str = ""
) -> QuerySet[Cohort]:
    """The cohort filters, shared by the catalogue and the API.

    ``governorate`` (a P-code) keeps the cohorts held there and the online cohorts
    that people from there may apply to (no governorate restriction, or that one
    among those allowed). ``status`` is one of ``Applications``. No filter joins more
    than one row per cohort, so no DISTINCT is needed."""
    if governorate:
        allowed = Cohort.eligible_governorates.through.objects.filter(cohort_id=OuterRef("pk"))
        cohorts = cohorts.filter(
            Q(governorate__pcode=governorate)
            | (
                Q(online=True)
                & Exists(Governorate.objects.filter(pcode=governorate))
                & (~Exists(allowed) | Exists(allowed.filter(governorate__pcode=governorate)))
            )
        )
    if status:
        today = timezone.localdate()
        open_now = Q(
            status=CohortStatus.PUBLISHED,
            applications_open_on__lte=today,
            applications_close_on__gte=today,
        )
        upcoming = Q(status=CohortStatus.PUBLISHED, applications_open_on__gt=today)
        if status == Applications.OPEN:
            cohorts = cohorts.filter(open_now)
        elif status == Applications.UPCOMING:
            cohorts = cohorts.filter(upcoming)
        elif status == Applications.CLOSED:
            cohorts = cohorts.exclude(open_now | upcoming)
        else:
            raise ValueError(f"unknown applications status {status!r}")
    return cohorts


def _with_places(cohorts: QuerySet[Cohort]) -> QuerySet[Cohort]:
    return cohorts.select_related("governorate", "locality").prefetch_related(
        Prefetch("eligible_governorates", queryset=Governorate.objects.order_by("pcode"))
    )


# --- the catalogue ----------------------------------------------------------------------


def public_courses(
    *, governorate: str = "", level: str = "", mode: str = "", open_now: bool = False
) -> QuerySet[Course]:
    """Courses with at least one published cohort that matches the filters, those
    whose next cohort starts soonest first. Each carries ``next_cohorts``: its
    published cohorts (matching the filters) whose applications have not closed,
    soonest first, the first of which is the one to show."""
    today = timezone.localdate()
    cohorts = filter_cohorts(
        Cohort.objects.filter(status=CohortStatus.PUBLISHED),
        governorate=governorate,
        status=Applications.OPEN if open_now else "",
    )
    coming = cohorts.filter(applications_close_on__gte=today)
    courses = Course.objects.filter(pk__in=cohorts.values("course_id"))
    if level:
        courses = courses.filter(level=level)
    if mode:
        courses = courses.filter(mode=mode)
    first_start = coming.filter(course=OuterRef("pk")).order_by("starts_on", "pk")
    return (
        courses.select_related("provider", "co_provider")
        .defer("description_ar", "description_en")
        .annotate(next_start=Subquery(first_start.values("starts_on")[:1]))
        .order_by(F("next_start").asc(nulls_last=True), "title_ar", "pk")
        .prefetch_related(
            Prefetch(
                "cohorts",
                queryset=coming.select_related("governorate", "locality").order_by(
                    "starts_on", "pk"
                ),
                to_attr="next_cohorts",
            )
        )
    )


def public_course(pk: int) -> Course | None:
    """A course the public may see (it has a public cohort), or None."""
    return (
        Course.objects.filter(pk=pk)
        .filter(Exists(public_cohorts().filter(course=OuterRef("pk"))))
        .select_related("provider", "co_provider")
        .first()
    )


def course_cohorts(course: Course) -> list[Cohort]:
    """The course's public cohorts, the latest first."""
    return list(_with_places(public_cohorts().filter(course=course)).order_by("-starts_on", "-pk"))


# --- results: completion and employment ---------------------------------------------------


@dataclass(frozen=True)
class Results:
    """What a provider's (or a course's) finished cohorts achieved."""

    cohorts_finished: int
    completion: Figure
    employment: Figure


NO_RESULTS = Results(0, share(0, 0), share(0, 0))


def _latest_outcome() -> Subquery:
    """The outcome a graduate gave in their latest answered follow-up survey."""
    return Subquery(
        FollowUp.objects.filter(enrollment=OuterRef("pk"), answered_at__isnull=False)
        .order_by("-months", "-answered_at")
        .values("outcome")[:1]
    )


def results(key: str, ids: list[int]) -> dict[int, Results]:
    """Results per course (``key`` "course") or per provider ("course__provider"),
    in two queries whatever the number of ids, cohorts and people.

    Completion: those who completed over those who completed or did not (withdrawn
    people never finished the training and are left out). Employment: graduates
    whose latest answered follow-up says employed or self-employed, over graduates
    who answered one."""
    if not ids:
        return {}
    finished = dict(
        Cohort.objects.filter(status=CohortStatus.FINISHED, **{f"{key}__in": ids})
        .order_by()
        .values_list(key)
        .annotate(n=Count("pk"))
    )
    completed = Q(status=EnrollmentStatus.COMPLETED)
    rows = (
        Enrollment.objects.filter(
            status__in=[EnrollmentStatus.COMPLETED, EnrollmentStatus.DROPPED],
            **{f"cohort__{key}__in": ids},
        )
        .annotate(latest=_latest_outcome())
        .order_by()
        .values(f"cohort__{key}")
        .annotate(
            ended=Count("pk"),
            completed=Count("pk", filter=completed),
            answered=Count("pk", filter=completed & Q(latest__isnull=False)),
            working=Count("pk", filter=completed & Q(latest__in=WORKING)),
        )
    )
    people: dict[int, dict[str, Any]] = {row[f"cohort__{key}"]: row for row in rows}
    found = {}
    for pk in ids:
        row = people.get(pk, {})
        found[pk] = Results(
            cohorts_finished=finished.get(pk, 0),
            completion=share(row.get("completed", 0), row.get("ended", 0)),
            employment=share(row.get("working", 0), row.get("answered", 0)),
        )
    return found


def course_results(course: Course) -> Results:
    return results("course", [course.pk]).get(course.pk, NO_RESULTS)


# --- providers ----------------------------------------------------------------------------


def public_providers() -> QuerySet[Organization]:
    """Organizations that provide at least one public course, by name, each with
    ``public_courses``: those courses, by title."""
    courses = Course.objects.filter(Exists(public_cohorts().filter(course=OuterRef("pk"))))
    return (
        Organization.objects.filter(pk__in=courses.values("provider_id"))
        .order_by("name_ar", "pk")
        .prefetch_related(
            Prefetch(
                "courses",
                queryset=courses.only("provider_id", "title_ar", "title_en").order_by(
                    "title_ar", "pk"
                ),
                to_attr="public_courses",
            )
        )
    )


def provider_results(providers: list[Organization]) -> dict[int, Results]:
    return results("course__provider", [provider.pk for provider in providers])


def governorate_results() -> list[tuple[Governorate, Figure, Results]]:
    """By the governorate the trainees come from (their profile's, when they applied):
    how many finished a cohort, completion and employment; two queries, every
    governorate listed, each figure from fewer than 5 people suppressed."""
    rows: dict[int, dict[str, Any]] = {
        row["governorate"]: dict(row)
        for row in Enrollment.objects.filter(
            status__in=[EnrollmentStatus.COMPLETED, EnrollmentStatus.DROPPED]
        )
        .annotate(latest=_latest_outcome())
        .order_by()
        .values("governorate")
        .annotate(
            ended=Count("pk"),
            completed=Count("pk", filter=Q(status=EnrollmentStatus.COMPLETED)),
            answered=Count("pk", filter=Q(status=EnrollmentStatus.COMPLETED, latest__isnull=False)),
            working=Count("pk", filter=Q(status=EnrollmentStatus.COMPLETED, latest__in=WORKING)),
        )
    }
    found = []
    for place in Governorate.objects.order_by("pcode"):
        row = rows.get(place.pk, {})
        found.append(
            (
                place,
                count(row.get("ended", 0)),
                Results(
                    cohorts_finished=0,
                    completion=share(row.get("completed", 0), row.get("ended", 0)),
                    employment=share(row.get("working", 0), row.get("answered", 0)),
                ),
            )
        )
    return found
