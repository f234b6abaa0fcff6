"""Every write to courses and cohorts."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.geo.models import Governorate, Locality
from mujtama.initiatives.permissions import edits
from mujtama.organizations.models import Organization
from mujtama.training.models import Cohort, Course


def course_create(
    *,
    actor: Any,
    provider: Organization,
    title_ar: str,
    title_en: str,
    description_ar: str,
    description_en: str,
    skills: str,
    level: str,
    hours: int,
    mode: str,
    co_provider: Organization | None = None,
) -> Course:
    edits(actor, provider).require()
    if co_provider is not None and co_provider.pk == provider.pk:
        co_provider = None
    with transaction.atomic():
        course = Course.objects.create(
            provider=provider,
            co_provider=co_provider,
            title_ar=title_ar.strip(),
            title_en=title_en.strip(),
            description_ar=description_ar.strip(),
            description_en=description_en.strip(),
            skills=skills.strip(),
            level=level,
            hours=hours,
            mode=mode,
            created_by=actor,
        )
        audit_record(actor=actor, verb="training.course_created", target=course)
    return course


def cohort_create(
    *,
    actor: Any,
    course: Course,
    name_ar: str,
    name_en: str,
    starts_on: date,
    ends_on: date,
    capacity: int,
    applications_open_on: date,
    applications_close_on: date,
    online: bool = False,
    governorate: Governorate | None = None,
    locality: Locality | None = None,
    eligible_governorates: Sequence[Governorate] = (),
    min_age: int = 15,
    max_age: int = 29,
    prerequisites: str = "",
    remote_points: int = 30,
    vulnerable_points: int = 30,
    gender_balance: bool = False,
    attendance_share: int = 75,
    assessment: bool = False,
    confirmation_days: int = 3,
) -> Cohort:
    """A new cohort, in draft until the provider publishes it."""
    edits(actor, course.provider_id).require()
    errors: dict[str, str] = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("The last day must not be before the first day.")
    if applications_close_on < applications_open_on:
        errors["applications_close_on"] = _("Applications must close after they open.")
    elif applications_close_on >= starts_on:
        errors["applications_close_on"] = _(
            "Applications must close before the first day, to leave time to confirm places."
        )
    if max_age < min_age:
        errors["max_age"] = _("The oldest age must not be below the youngest age.")
    if not online and governorate is None:
        errors["governorate"] = _("Choose the governorate, or say it is online.")
    if (
        locality is not None
        and governorate is not None
        and locality.subdistrict.district.governorate_id != governorate.pk
    ):
        errors["locality"] = _("%(place)s is not in that governorate.") % {"place": locality.name}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        cohort = Cohort.objects.create(
            course=course,
            name_ar=name_ar.strip(),
            name_en=name_en.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            capacity=capacity,
            applications_open_on=applications_open_on,
            applications_close_on=applications_close_on,
            online=online,
            governorate=governorate,
            locality=locality,
            min_age=min_age,
            max_age=max_age,
            prerequisites=prerequisites.strip(),
            remote_points=remote_points,
            vulnerable_points=vulnerable_points,
            gender_balance=gender_balance,
            attendance_share=attendance_share,
            assessment=assessment,
            confirmation_days=confirmation_days,
            created_by=actor,
        )
        cohort.eligible_governorates.set(eligible_governorates)
        audit_record(actor=actor, verb="training.cohort_created", target=cohort)
    return cohort


def cohort_move(*, actor: Any, cohort: Cohort, action: str, reason: str = "") -> Any:
    """Publish, start, cancel. Starting closes what selection left open: applicants
    still waiting are not selected, places offered and not confirmed lapse. Cancelling
    closes every open enrollment (the applicants are told once, by the cohort's
    notice). Finishing goes through ``attendance.cohort_finish``, which settles every
    enrollment first."""
    if action == "finish":
        raise ValidationError(_("Finish the cohort from its attendance page."))
    with transaction.atomic():
        moved = transition(obj=cohort, action=action, actor=actor, reason=reason)
        if action == "start":
            for enrollment in moved.enrollments.filter(status__in=["applied", "waitlisted"]):
                transition(
                    obj=enrollment,
                    action="reject",
                    actor=actor,
                    reason=_("The training has started and every place was taken."),
                )
            for enrollment in moved.enrollments.filter(status="accepted"):
                transition(obj=enrollment, action="lapse", actor=None)
        elif action == "cancel":
            for enrollment in moved.enrollments.filter(
                status__in=["applied", "waitlisted", "accepted", "enrolled"]
            ):
                transition(obj=enrollment, action="cancel", actor=None, reason=reason)
    return moved
