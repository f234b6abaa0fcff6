"""The initiatives demo data: about a hundred initiatives in every governorate and
state, their indicators, activities and reach, and volunteering in every state with
hours and statements, made through the services, and made once."""

import io
import re
from collections import Counter
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from mujtama.accounts.models import User
from mujtama.core.models import AuditEvent, VerifiableDocument
from mujtama.core.verification import verify_url
from mujtama.impact.models import AggregateReach, Beneficiary
from mujtama.initiatives import demo_data
from mujtama.initiatives.demo import _texts
from mujtama.initiatives.models import (
    Activity,
    HoursEntry,
    HoursStatement,
    HoursStatus,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativeStatus,
    Origin,
    Publication,
    Volunteering,
    VolunteeringStatus,
    VolunteerOpportunity,
)
from mujtama.initiatives.services.volunteers import LOG_WINDOW_DAYS
from mujtama.notifications.models import Notification
from mujtama.organizations.models import Membership
from mujtama.organizations.models.joining import CURRENT_MEMBERSHIP_STATES

pytestmark = pytest.mark.django_db

ALL_GOVERNORATES = {f"SY{number:02d}" for number in range(1, 15)}
ARABIC = re.compile("[\u0600-\u06ff]")
ACTIVITY = "initiatives.activity"


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def statuses(queryset) -> set[str]:
    return set(queryset.values_list("status", flat=True))


def reached(activity: Activity) -> int:
    return (
        AggregateReach.objects.filter(source_type=ACTIVITY, source_id=str(activity.pk)).aggregate(
            total=Sum("count")
        )["total"]
        or 0
    )


def test_the_data_reads_well():
    titles = [_texts(spec)[0] for spec in demo_data.INITIATIVES]
    assert len(titles) == len(set(titles))
    for spec in demo_data.INITIATIVES:
        title_ar, title_en, description_ar, description_en = _texts(spec)
        assert "{" not in title_ar + title_en + description_ar + description_en
        assert ARABIC.search(title_ar) and ARABIC.search(description_ar)
        assert not ARABIC.search(title_en + description_en)
    keys = {spec.key for spec in demo_data.INITIATIVES}
    assert {o.initiative for o in demo_data.OPPORTUNITIES if o.initiative} <= keys
    assert {p.initiative for p in demo_data.PEOPLE} <= keys


def test_initiatives_in_every_governorate_and_state(demo_seeded):
    assert "Demo initiatives (created" in demo_seeded
    initiatives = Initiative.objects.all()
    assert 90 <= initiatives.count() <= 130
    assert set(initiatives.values_list("governorates__pcode", flat=True)) == ALL_GOVERNORATES
    assert statuses(initiatives) == set(InitiativeStatus.values)
    assert set(initiatives.values_list("origin", flat=True)) == {Origin.AWARD, Origin.OWN}
    assert set(initiatives.values_list("publication", flat=True)) == set(Publication.values)
    publications = Counter(initiatives.values_list("publication", flat=True))
    assert publications[Publication.PUBLIC] > initiatives.count() / 2
    assert len(set(initiatives.values_list("sector", flat=True))) >= 6
    vulnerable = initiatives.filter(concerns_vulnerable=True).count()
    assert 0.1 <= vulnerable / initiatives.count() <= 0.25
    assert initiatives.filter(partners__isnull=False).distinct().count() >= 10
    assert initiatives.exclude(budget=None).count() >= 30

    # Led by member organizations; an award's initiative by the lead of its application.
    members = set(
        Membership.objects.filter(status__in=CURRENT_MEMBERSHIP_STATES).values_list(
            "organization_id", flat=True
        )
    )
    assert set(initiatives.values_list("lead_id", flat=True)) <= members
    for initiative in initiatives.filter(origin=Origin.AWARD).select_related("award__application"):
        award = initiative.award
        assert award is not None
        assert award.application.lead_id == initiative.lead_id
        assert initiative.starts_on > award.awarded_at.date()

    today = timezone.localdate()
    assert all(i.starts_on > today for i in initiatives.filter(status=InitiativeStatus.PLANNED))
    assert all(i.ends_on < today for i in initiatives.filter(status=InitiativeStatus.COMPLETED))
    for initiative in initiatives.filter(status=InitiativeStatus.CANCELLED):
        cancel = AuditEvent.objects.get(
            verb="initiatives.initiative.cancel", object_id=str(initiative.pk)
        )
        assert ARABIC.search(cancel.reason)
        assert cancel.actor_id == initiative.created_by_id


def test_indicators_activities_and_reach(demo_seeded):
    today = timezone.localdate()
    done = Initiative.objects.filter(
        status__in=[InitiativeStatus.ACTIVE, InitiativeStatus.COMPLETED]
    )
    kinds = set()
    vulnerable_places: set[bool] = set()
    for initiative in done:
        indicators = list(initiative.indicators.all())
        assert 1 <= len(indicators) <= 3
        for indicator in indicators:
            updates = list(indicator.updates.order_by("-measured_on", "-pk"))
            assert updates, indicator
            assert indicator.actual == updates[0].value
            assert indicator.target > indicator.baseline
        activities = list(initiative.activities.all())
        assert 2 <= len(activities) <= 6
        for activity in activities:
            kinds.add(activity.kind)
            assert initiative.starts_on <= activity.held_on <= min(initiative.ends_on, today)
            assert 10 <= reached(activity) <= 120
            assert activity.online or activity.locality_id
            if initiative.concerns_vulnerable and activity.locality is not None:
                vulnerable_places.add(activity.locality.is_remote)
    assert len(kinds) >= 6
    # Vulnerable families' activities reach remote localities (and others in towns).
    assert True in vulnerable_places
    planned = Initiative.objects.filter(status=InitiativeStatus.PLANNED)
    assert not Activity.objects.filter(initiative__in=planned).exists()
    assert not IndicatorUpdate.objects.filter(indicator__initiative__in=planned).exists()

    # Activities of vulnerable families' initiatives in remote localities; reach in every
    # kind of cell; records dated when they were made.
    assert Activity.objects.filter(
        initiative__concerns_vulnerable=True, locality__isnull=False
    ).exists()
    cells = AggregateReach.objects.filter(source_type=ACTIVITY)
    assert set(cells.values_list("sex", flat=True)) == {"f", "m"}
    assert len(set(cells.values_list("age_band", flat=True))) == 6
    assert set(cells.values_list("remote", flat=True)) == {True, False}
    assert set(cells.values_list("vulnerable", flat=True)) == {True, False}
    assert cells.filter(created_at__lt=timezone.now() - timedelta(days=90)).exists()
    assert Activity.objects.filter(created_at__lt=timezone.now() - timedelta(days=90)).exists()

    # People recorded by name: one of them by two organizations, counted once.
    # (Trainings record their trainees too; these are the initiatives' own.)
    people = Beneficiary.objects.filter(source_type__startswith="initiatives.")
    assert people.count() >= 10
    keys = Counter(people.values_list("person_key", flat=True))
    twice = [key for key, n in keys.items() if n > 1]
    assert len(twice) == 1
    assert people.filter(person_key=twice[0]).values("organization").distinct().count() == 2
    assert people.filter(national_id="").exclude(phone="").exists()
    assert people.exclude(national_id="").exists()
    assert people.filter(criteria__isnull=False).exists()


def test_volunteering_in_every_state(demo_seeded):
    opportunities = VolunteerOpportunity.objects.all()
    assert 25 <= opportunities.count() <= 40
    assert opportunities.filter(remote=True).exists()
    assert opportunities.filter(status="closed").exists()
    assert opportunities.filter(initiative__isnull=False).exists()
    for opportunity in opportunities.filter(initiative__isnull=False):
        assert opportunity.initiative is not None
        assert opportunity.initiative.lead_id == opportunity.organization_id
    assert statuses(Volunteering.objects) == set(VolunteeringStatus.values)
    assert statuses(HoursEntry.objects) == set(HoursStatus.values)
    today = timezone.localdate()
    for entry in HoursEntry.objects.all():
        assert 0 <= (today - entry.worked_on).days <= LOG_WINDOW_DAYS
    for entry in HoursEntry.objects.exclude(status=HoursStatus.SUBMITTED):
        assert entry.decided_by_id and entry.decided_at
    for entry in HoursEntry.objects.filter(status=HoursStatus.REJECTED):
        assert ARABIC.search(entry.rejection_reason)

    # The citizen persona volunteers, with hours approved, rejected and waiting.
    citizen = User.objects.get(email="citizen@demo.mujtama.sy")
    mine = Volunteering.objects.filter(volunteer=citizen)
    assert VolunteeringStatus.ACCEPTED in statuses(mine)
    assert statuses(HoursEntry.objects.filter(volunteering__volunteer=citizen)) == set(
        HoursStatus.values
    )
    volunteers = User.objects.filter(
        email__startswith="volunteer.", email__endswith="@demo.mujtama.sy"
    )
    assert volunteers.count() >= 10
    for volunteer in volunteers:
        assert ARABIC.search(volunteer.full_name)
        assert EmailAddress.objects.filter(user=volunteer, verified=True).exists()
    assert Notification.objects.filter(recipient=citizen, kind="initiatives_volunteering").exists()


def test_statements_verify_and_one_is_revoked(demo_seeded, client):
    citizen = User.objects.get(email="citizen@demo.mujtama.sy")
    statement = HoursStatement.objects.select_related("document").get(volunteer=citizen)
    assert statement.document.status == "valid"
    approved = HoursEntry.objects.filter(
        volunteering__volunteer=citizen,
        volunteering__opportunity__organization=statement.organization,
        status=HoursStatus.APPROVED,
    ).aggregate(total=Sum("hours"))["total"]
    assert statement.hours == approved
    page = client.get(verify_url(statement.document))
    assert page.status_code == 200
    assert statement.document.code in page.content.decode()

    revoked = VerifiableDocument.objects.get(
        pk__in=HoursStatement.objects.values("document"), status="revoked"
    )
    assert ARABIC.search(revoked.revocation_reason) and revoked.revoked_at
    event = AuditEvent.objects.get(verb="core.document.revoke", object_id=str(revoked.pk))
    owner = HoursStatement.objects.get(document=revoked).organization.memberships_of_people.get(
        role="owner"
    )
    assert event.actor_id == owner.user_id
    assert client.get(verify_url(revoked)).status_code == 200


def test_a_second_run_creates_nothing(demo_seeded):
    def counts():
        return (
            Initiative.objects.count(),
            Indicator.objects.count(),
            IndicatorUpdate.objects.count(),
            Activity.objects.count(),
            AggregateReach.objects.count(),
            Beneficiary.objects.count(),
            VolunteerOpportunity.objects.count(),
            Volunteering.objects.count(),
            HoursEntry.objects.count(),
            HoursStatement.objects.count(),
            User.objects.count(),
            Notification.objects.count(),
            AuditEvent.objects.exclude(verb="geo.boundaries_imported").count(),
        )

    first = counts()
    output = seed()
    assert counts() == first
    assert "Demo initiatives (already present)" in output
