"""Every transition of initiatives, opportunities, volunteering and hours, pair by
pair, with who may and who may not take it; hours approval rules; statements."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mujtama.core.models import AuditEvent
from mujtama.core.verification import document_revoke
from mujtama.core.workflows import TransitionNotAllowed, WorkflowViolation
from mujtama.geo.models import Governorate
from mujtama.impact.ledger import Cell, reach_totals
from mujtama.impact.models import AggregateReach
from mujtama.initiatives.models import HoursEntry, Initiative, Volunteering
from mujtama.initiatives.services import initiatives as services
from mujtama.initiatives.services import volunteers as vs
from mujtama.initiatives.workflows import (
    HOURS_WORKFLOW,
    INITIATIVE_WORKFLOW,
    OPPORTUNITY_WORKFLOW,
    VOLUNTEERING_WORKFLOW,
)
from mujtama.notifications.models import Notification
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import add_member

pytestmark = pytest.mark.django_db


def make_initiative(world: dict[str, Any], **fields: Any) -> Initiative:
    today = timezone.localdate()
    values = {
        "actor": world["editor"],
        "lead": world["organization"],
        "origin": "own",
        "title_ar": "أكاديمية البرمجة للشباب في ريف دير الزور",
        "title_en": "Coding academy for young people in rural Deir ez-Zor",
        "description_ar": "تدريب مئة شاب وشابة على البرمجة.",
        "description_en": "Training a hundred young people in programming.",
        "sector": "digital_skills",
        "starts_on": today,
        "ends_on": today + timedelta(days=90),
        "governorates": [Governorate.objects.get(pcode="SY09")],
    } | fields
    return services.initiative_create(**values)


def make_opportunity(world: dict[str, Any]) -> Any:
    today = timezone.localdate()
    return vs.opportunity_post(
        actor=world["editor"],
        organization=world["organization"],
        title_ar="مدرّب متطوع في أساسيات الحاسوب",
        title_en="Volunteer trainer in computer basics",
        description_ar="تدريب الأسر على استخدام الخدمات الحكومية الإلكترونية.",
        description_en="Helping families use e-government services.",
        skills="تدريب، صبر",
        hours_per_week=4,
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=60),
        remote=True,
    )


def accepted(world: dict[str, Any]) -> Volunteering:
    volunteering = vs.volunteering_apply(
        actor=world["volunteer"], opportunity=make_opportunity(world), motivation="أحب التعليم."
    )
    return vs.volunteering_move(actor=world["editor"], volunteering=volunteering, action="accept")


def log(world: dict[str, Any], volunteering: Volunteering, hours: str = "3", days: int = 1) -> Any:
    return vs.hours_log(
        actor=world["volunteer"],
        volunteering=volunteering,
        worked_on=timezone.localdate() - timedelta(days=days),
        hours=Decimal(hours),
        description="درّبت عشر سيدات على تطبيق الدفع الإلكتروني.",
    )


# Initiatives


def initiative_in(world: dict[str, Any], state: str) -> Initiative:
    initiative = make_initiative(world)
    path = {"planned": [], "active": ["start"], "completed": ["start", "complete"]}
    for action in path.get(state, ["cancel"]):
        initiative = services.initiative_move(
            actor=world["editor"], initiative=initiative, action=action, reason="سبب"
        )
    assert initiative.status == state
    return initiative


@pytest.mark.parametrize(("source", "action", "target"), list(INITIATIVE_WORKFLOW.pairs()))
def test_every_initiative_transition(world: dict[str, Any], source: str, action: str, target: str):
    initiative = initiative_in(world, source)
    for outsider in ("viewer", "other_editor", "stranger"):
        with pytest.raises(PermissionDenied):
            services.initiative_move(
                actor=world[outsider], initiative=initiative, action=action, reason="سبب"
            )
    moved = services.initiative_move(
        actor=world["owner"], initiative=initiative, action=action, reason="انتهى التمويل"
    )
    assert moved.status == target
    assert AuditEvent.objects.filter(verb=f"initiatives.initiative.{action}").exists()


@pytest.mark.parametrize("state", ["completed", "cancelled"])
def test_finished_initiatives_move_no_more(world: dict[str, Any], state: str):
    initiative = initiative_in(world, state)
    for action in ("start", "complete", "cancel"):
        with pytest.raises(TransitionNotAllowed):
            services.initiative_move(
                actor=world["owner"], initiative=initiative, action=action, reason="x"
            )
    with pytest.raises(ValidationError):
        services.initiative_update(
            actor=world["owner"],
            initiative=initiative,
            governorates=[Governorate.objects.get(pcode="SY09")],
            title_ar="جديد",
        )


def test_cancelling_needs_a_reason(world: dict[str, Any]):
    initiative = make_initiative(world)
    with pytest.raises(ValidationError):
        services.initiative_move(actor=world["owner"], initiative=initiative, action="cancel")


def test_state_changes_only_through_the_service(world: dict[str, Any]):
    initiative = Initiative.objects.get(pk=make_initiative(world).pk)
    initiative.status = "completed"
    with pytest.raises(WorkflowViolation):
        initiative.save()


def test_only_editors_of_the_lead_create_and_bad_dates_or_places_are_refused(world):
    with pytest.raises(PermissionDenied):
        make_initiative(world, actor=world["viewer"])
    with pytest.raises(PermissionDenied):
        make_initiative(world, actor=world["other_editor"])
    with pytest.raises(ValidationError) as refused:
        make_initiative(world, ends_on=timezone.localdate() - timedelta(days=1))
    assert "ends_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_initiative(world, governorates=[])
    assert "governorates" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_initiative(world, origin="award")
    assert "award" in refused.value.message_dict


def test_indicator_history_keeps_every_reading_and_the_latest_by_date_counts(world):
    initiative = make_initiative(world)
    indicator = services.indicator_add(
        actor=world["editor"],
        initiative=initiative,
        name_ar="عدد المتدربين الذين أتموا التدريب",
        name_en="Trainees who completed",
        unit_ar="متدرب",
        unit_en="trainees",
        baseline=Decimal(0),
        target=Decimal(100),
    )
    today = timezone.localdate()
    services.indicator_measure(
        actor=world["editor"], indicator=indicator, value=Decimal(40), measured_on=today
    )
    services.indicator_measure(
        actor=world["editor"],
        indicator=indicator,
        value=Decimal(25),
        measured_on=today - timedelta(days=30),
    )
    indicator.refresh_from_db()
    assert indicator.actual == 40
    assert indicator.progress == 40
    assert indicator.updates.count() == 2
    with pytest.raises(PermissionDenied):
        services.indicator_measure(
            actor=world["viewer"], indicator=indicator, value=Decimal(50), measured_on=today
        )
    with pytest.raises(ValidationError):
        services.indicator_add(
            actor=world["editor"],
            initiative=initiative,
            name_ar="س",
            name_en="x",
            unit_ar="و",
            unit_en="u",
            baseline=Decimal(10),
            target=Decimal(10),
        )


def test_an_activity_writes_the_people_it_reached_to_the_ledger(world: dict[str, Any]):
    initiative = make_initiative(world)
    deir = Governorate.objects.get(pcode="SY09")
    activity = services.activity_record(
        actor=world["editor"],
        initiative=initiative,
        kind="training",
        title="الجلسة الأولى: أساسيات الحاسوب",
        held_on=timezone.localdate(),
        governorate=deir,
        online=True,
        reached=[
            Cell("f", "18-24", remote=True, vulnerable=False, count=12),
            Cell("m", "15-17", remote=True, vulnerable=True, count=7),
            Cell("m", "30-59", remote=False, vulnerable=False, count=0),
        ],
    )
    rows = AggregateReach.objects.filter(source_type="initiatives.activity", source_id=activity.pk)
    assert sorted(rows.values_list("count", flat=True)) == [7, 12]
    assert reach_totals(organization=world["organization"]).total == 19
    with pytest.raises(ValidationError) as refused:
        services.activity_record(
            actor=world["editor"],
            initiative=initiative,
            kind="workshop",
            title="ورشة",
            held_on=timezone.localdate(),
            governorate=deir,
        )
    assert "locality" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        services.activity_record(
            actor=world["other_editor"],
            initiative=initiative,
            kind="workshop",
            title="ورشة",
            held_on=timezone.localdate(),
            governorate=deir,
            online=True,
        )


# Opportunities and volunteering


@pytest.mark.parametrize(("source", "action", "target"), list(OPPORTUNITY_WORKFLOW.pairs()))
def test_every_opportunity_transition(world: dict[str, Any], source: str, action: str, target):
    opportunity = make_opportunity(world)
    if source == "closed":
        opportunity = vs.opportunity_move(
            actor=world["editor"], opportunity=opportunity, action="close"
        )
    with pytest.raises(PermissionDenied):
        vs.opportunity_move(actor=world["viewer"], opportunity=opportunity, action=action)
    assert (
        vs.opportunity_move(actor=world["owner"], opportunity=opportunity, action=action).status
        == target
    )


def volunteering_in(world: dict[str, Any], state: str) -> Volunteering:
    volunteering = vs.volunteering_apply(
        actor=world["volunteer"], opportunity=make_opportunity(world), motivation="أريد المساعدة."
    )
    if state == "accepted":
        volunteering = vs.volunteering_move(
            actor=world["editor"], volunteering=volunteering, action="accept"
        )
    return volunteering


DECIDERS = {"accept": "editor", "decline": "editor", "end": "editor", "withdraw": "volunteer"}


@pytest.mark.parametrize(("source", "action", "target"), list(VOLUNTEERING_WORKFLOW.pairs()))
def test_every_volunteering_transition(world: dict[str, Any], source: str, action: str, target):
    volunteering = volunteering_in(world, source)
    wrong = ["other_editor", "viewer", "stranger"]
    wrong.append("editor" if DECIDERS[action] == "volunteer" else "volunteer")
    for outsider in wrong:
        with pytest.raises(PermissionDenied):
            vs.volunteering_move(
                actor=world[outsider], volunteering=volunteering, action=action, reason="سبب"
            )
    Notification.objects.all().delete()
    moved = vs.volunteering_move(
        actor=world[DECIDERS[action]], volunteering=volunteering, action=action, reason="لا مكان"
    )
    assert moved.status == target
    told = Notification.objects.filter(kind="initiatives_volunteering")
    if action == "withdraw":
        assert told.filter(recipient=world["editor"]).exists()
    else:
        assert told.filter(recipient=world["volunteer"]).exists()


def test_applying_twice_or_to_a_closed_opportunity_is_refused(world: dict[str, Any]):
    volunteering = volunteering_in(world, "applied")
    assert Notification.objects.filter(recipient=world["owner"], kind="initiatives_volunteering")
    with pytest.raises(ValidationError):
        vs.volunteering_apply(
            actor=world["volunteer"], opportunity=volunteering.opportunity, motivation="مرة ثانية"
        )
    closed = vs.opportunity_move(
        actor=world["editor"], opportunity=make_opportunity(world), action="close"
    )
    with pytest.raises(ValidationError):
        vs.volunteering_apply(actor=world["stranger"], opportunity=closed, motivation="أريد")
    with pytest.raises(ValidationError) as refused:
        vs.volunteering_apply(
            actor=world["stranger"], opportunity=volunteering.opportunity, motivation="  "
        )
    assert "motivation" in refused.value.message_dict


# Hours


@pytest.mark.parametrize(("source", "action", "target"), list(HOURS_WORKFLOW.pairs()))
def test_every_hours_transition(world: dict[str, Any], source: str, action: str, target: str):
    entry = log(world, accepted(world))
    moved = vs.hours_decide(actor=world["editor"], entry=entry, action=action, reason="لم يحصل")
    assert moved.status == target
    assert moved.decided_by == world["editor"]
    for again in ("approve", "reject"):
        with pytest.raises(TransitionNotAllowed):
            vs.hours_decide(actor=world["owner"], entry=moved, action=again, reason="x")


def test_nobody_approves_their_own_hours_nor_another_organization(world: dict[str, Any]):
    volunteering = accepted(world)
    entry = log(world, volunteering)
    # Even as an editor of the organization, the volunteer may not approve their own.
    add_member(world["organization"], world["volunteer"], MemberRole.EDITOR)
    for actor in ("volunteer", "other_editor", "other_owner", "viewer", "stranger"):
        with pytest.raises(PermissionDenied):
            vs.hours_decide(actor=world[actor], entry=entry, action="approve")
    with pytest.raises(ValidationError):
        vs.hours_decide(actor=world["editor"], entry=entry, action="reject", reason=" ")
    assert HoursEntry.objects.get(pk=entry.pk).status == "submitted"


def test_bad_hours_are_refused_field_by_field(world: dict[str, Any]):
    volunteering = accepted(world)
    today = timezone.localdate()
    cases = [
        (today + timedelta(days=1), "2", "x", "worked_on"),
        (today - timedelta(days=200), "2", "x", "worked_on"),
        (today, "0", "x", "hours"),
        (today, "17", "x", "hours"),
        (today, "2", "  ", "description"),
    ]
    for worked_on, hours, description, field in cases:
        with pytest.raises(ValidationError) as refused:
            vs.hours_log(
                actor=world["volunteer"],
                volunteering=volunteering,
                worked_on=worked_on,
                hours=Decimal(hours),
                description=description,
            )
        assert field in refused.value.message_dict
    log(world, volunteering, "10", days=0)
    with pytest.raises(ValidationError) as refused:
        log(world, volunteering, "7", days=0)
    assert "hours" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        vs.hours_log(
            actor=world["stranger"],
            volunteering=volunteering,
            worked_on=today,
            hours=Decimal(1),
            description="x",
        )
    applied = volunteering_in(world, "applied")
    with pytest.raises(ValidationError):
        log(world, applied)


def test_approved_hours_add_up_and_the_statement_verifies_then_shows_revoked(world, client):
    volunteering = accepted(world)
    for hours, days in (("3", 1), ("2.5", 2), ("4", 3)):
        entry = log(world, volunteering, hours, days)
        vs.hours_decide(
            actor=world["editor"],
            entry=entry,
            action="approve" if hours != "4" else "reject",
            reason="لم يُسجّل الحضور",
        )
    assert vs.approved_hours(world["volunteer"]) == Decimal("5.5")
    statement = vs.hours_statement(actor=world["volunteer"], organization=world["organization"])
    assert statement.hours == Decimal("5.5")
    assert (
        vs.hours_statement(actor=world["volunteer"], organization=world["organization"])
        == statement
    )
    page = client.get(f"/ar/verify/{statement.document.code}/")
    assert page.status_code == 200
    assert "ليلى عبد الرحمن الحسن" in page.content.decode()
    with pytest.raises(PermissionDenied):
        document_revoke(actor=world["editor"], document=statement.document, reason="خطأ")
    with pytest.raises(PermissionDenied):
        document_revoke(actor=world["other_owner"], document=statement.document, reason="خطأ")
    document_revoke(actor=world["owner"], document=statement.document, reason="ساعات مكررة")
    page = client.get(f"/en/verify/{statement.document.code}/")
    assert "Revoked" in page.content.decode()
    # A revoked statement is not handed out again: a new one is issued.
    again = vs.hours_statement(actor=world["volunteer"], organization=world["organization"])
    assert again.pk != statement.pk


def test_the_public_page_shows_initials_when_the_volunteer_chooses(world, client):
    volunteering = accepted(world)
    vs.hours_decide(actor=world["editor"], entry=log(world, volunteering), action="approve")
    statement = vs.hours_statement(
        actor=world["volunteer"], organization=world["organization"], full_name_public=False
    )
    page = client.get(f"/ar/verify/{statement.document.code}/").content.decode()
    assert "ليلى عبد الرحمن الحسن" not in page
    assert statement.document.holder_name == "ل. ر. ح."


def test_no_statement_without_approved_hours(world: dict[str, Any]):
    log(world, accepted(world))
    with pytest.raises(ValidationError):
        vs.hours_statement(actor=world["volunteer"], organization=world["organization"])
