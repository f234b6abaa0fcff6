from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from mujtama.accounts.services import declaration_save, profile_update
from mujtama.accounts.tests.factories import UserFactory
from mujtama.geo.models import Governorate
from mujtama.impact.models import VulnerabilityCriterion
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import OrganizationFactory, add_member
from mujtama.training.services import courses


def young_person(
    name: str = "سارة الخطيب",
    *,
    pcode: str = "SY09",
    birth_year: int | None = None,
    sex: str = "female",
    remote: bool = False,
    vulnerable: bool = False,
) -> Any:
    user = UserFactory(full_name=name)
    profile_update(
        user=user,
        full_name=name,
        governorate=Governorate.objects.get(pcode=pcode),
        birth_year=birth_year or timezone.localdate().year - 20,
        sex=sex,
    )
    if remote or vulnerable:
        declaration_save(
            user=user,
            consent=True,
            lives_in_remote_area=remote,
            vulnerability_criteria=VulnerabilityCriterion.objects.all()[:1] if vulnerable else [],
        )
    return user


@pytest.fixture
def provider(db: Any) -> dict[str, Any]:
    owner = UserFactory(full_name="رامي الحسن")
    organization = OrganizationFactory(created_by=owner)
    editor = add_member(organization, UserFactory(full_name="دانة السيد"))
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    other = OrganizationFactory()
    course = courses.course_create(
        actor=owner,
        provider=organization,
        title_ar="تطوير الويب للمبتدئين",
        title_en="Web development for beginners",
        description_ar="أساسيات HTML وCSS وجافاسكربت.",
        description_en="HTML, CSS and JavaScript basics.",
        skills="HTML, CSS, JavaScript",
        level="beginner",
        hours=60,
        mode="in_person",
    )
    return {
        "owner": owner,
        "organization": organization,
        "editor": editor,
        "viewer": viewer,
        "other_editor": add_member(other, UserFactory()),
        "course": course,
    }


def make_cohort(world: dict[str, Any], *, publish: bool = True, **fields: Any) -> Any:
    today = timezone.localdate()
    values = {
        "actor": world["editor"],
        "course": world["course"],
        "name_ar": "الدفعة الأولى — دير الزور",
        "name_en": "First cohort — Deir-ez-Zor",
        "starts_on": today + timedelta(days=10),
        "ends_on": today + timedelta(days=40),
        "capacity": 3,
        "applications_open_on": today - timedelta(days=5),
        "applications_close_on": today + timedelta(days=5),
        "governorate": Governorate.objects.get(pcode="SY09"),
        "remote_points": 30,
        "vulnerable_points": 20,
    } | fields
    cohort = courses.cohort_create(**values)
    if publish:
        cohort = courses.cohort_move(actor=world["editor"], cohort=cohort, action="publish")
    return cohort
