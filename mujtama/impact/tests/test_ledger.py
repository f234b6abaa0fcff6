"""The reach ledger: people counted once across organizations without sharing their
records; who may record and who may read."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.geo.models import District, Governorate, Locality, Subdistrict
from mujtama.impact.ledger import (
    Cell,
    aggregate_record,
    beneficiaries_of,
    beneficiary_read_by_staff,
    beneficiary_record,
    person_key,
    reach_totals,
)
from mujtama.impact.models import AgeBand, Beneficiary, VulnerabilityCriterion
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import OrganizationFactory, add_member

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 10, 3)


@pytest.fixture
def village():
    homs = Governorate.objects.get(pcode="SY04")
    district = District.objects.create(
        pcode="SY0401", name_ar="حمص", name_en="Homs", governorate=homs
    )
    subdistrict = Subdistrict.objects.create(
        pcode="SY040100", name_ar="حمص", name_en="Homs", district=district, remote=True
    )
    return Locality.objects.create(
        pcode="C9001", name_ar="قرية الحصن", name_en="Al-Husn", subdistrict=subdistrict
    )


def record(organization, village, phone="", national_id="", **overrides):
    fields = {
        "actor": organization.created_by,
        "organization": organization,
        "source": organization,
        "reached_on": DAY,
        "full_name": "سلمى يوسف الأحمد",
        "birth_year": 2004,
        "sex": "f",
        "locality": village,
        "phone": phone,
        "national_id": national_id,
    }
    return beneficiary_record(**(fields | overrides))


def test_one_person_recorded_by_three_organizations_counts_once(village):
    first, second, third = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    record(first, village, phone="0933 123 456")
    record(second, village, phone="+963933123456")
    record(third, village, phone="٠٩٣٣-١٢٣-٤٥٦")
    record(first, village, phone="0944 555 666", full_name="خالد العمر", sex="m")
    national = reach_totals()
    assert national.unique_people == 2 and national.records == 4
    assert reach_totals(organization=second).unique_people == 1
    # Each organization sees only its own records; the others' stay out of reach.
    assert [b.organization for b in beneficiaries_of(second.created_by, second)] == [second]
    with pytest.raises(PermissionDenied):
        beneficiaries_of(first.created_by, second)


def test_the_national_id_decides_when_there_is_one(village):
    first, second = OrganizationFactory(), OrganizationFactory()
    record(first, village, phone="0933123456", national_id="01020304050")
    record(second, village, phone="0999888777", national_id="٠١٠٢٠٣٠٤٠٥٠")
    assert reach_totals().unique_people == 1


def test_the_key_is_keyed_and_does_not_hold_the_number(settings):
    key = person_key(phone="0933123456")
    assert "933123456" not in key and len(key) == 64
    settings.HASHING_KEY = "another-key"
    assert person_key(phone="0933123456") != key


@pytest.mark.parametrize(
    ("phone", "national_id", "field"),
    [("", "", "phone"), ("12", "", "phone"), ("", "12ab", "national_id")],
)
def test_a_person_without_a_usable_number_is_refused_with_the_field(
    village, phone, national_id, field
):
    organization = OrganizationFactory()
    with pytest.raises(ValidationError) as refused:
        record(organization, village, phone=phone, national_id=national_id)
    assert field in refused.value.message_dict
    assert not Beneficiary.objects.exists()


def test_bad_name_year_sex_and_phone_are_refused_together(village):
    with pytest.raises(ValidationError) as refused:
        record(OrganizationFactory(), village, phone="12", full_name=" ", birth_year=1800, sex="x")
    assert set(refused.value.message_dict) == {"full_name", "birth_year", "sex", "phone"}


def test_a_named_record_knows_its_place_and_flags(village):
    criterion = VulnerabilityCriterion.objects.first()  # from the checklist staff keep
    person = record(OrganizationFactory(), village, phone="0933123456", criteria=[criterion])
    assert person.governorate.pcode == "SY04" and person.remote and person.vulnerable
    assert person.phone == "+963933123456"
    event = AuditEvent.objects.get(verb="impact.beneficiary_recorded")
    assert "سلمى" not in str(event.changes) and "933123456" not in str(event.changes)


def test_only_owners_and_editors_record(village):
    organization = OrganizationFactory()
    viewer = add_member(organization, UserFactory(), role=MemberRole.VIEWER)
    editor = add_member(organization, UserFactory(), role=MemberRole.EDITOR)
    for outsider in (viewer, UserFactory(), None):
        with pytest.raises(PermissionDenied):
            record(organization, village, phone="0933123456", actor=outsider)
    assert record(organization, village, phone="0933123456", actor=editor).recorded_by == editor


def test_counts_are_recorded_per_cell_and_added_to_the_named_people(village):
    organization = OrganizationFactory()
    homs = Governorate.objects.get(pcode="SY04")

    def counts(*cells, actor=organization.created_by):
        return aggregate_record(
            actor=actor,
            organization=organization,
            source=organization,
            reached_on=DAY,
            governorate=homs,
            cells=cells,
        )

    rows = counts(
        Cell("f", AgeBand.FROM_18, remote=True, vulnerable=False, count=12),
        Cell("m", AgeBand.FROM_18, remote=True, vulnerable=True, count=9),
        Cell("m", AgeBand.FROM_60, remote=False, vulnerable=False, count=0),
    )
    assert len(rows) == 2
    record(organization, village, phone="0933123456")
    totals = reach_totals(governorate=homs)
    assert (totals.counted, totals.unique_people, totals.total) == (21, 1, 22)
    assert AuditEvent.objects.get(verb="impact.reach_recorded").changes["people"] == 21
    with pytest.raises(ValidationError):
        counts(Cell("f", AgeBand.FROM_18, remote=True, vulnerable=False, count=-1))
    with pytest.raises(ValidationError):  # nothing to record
        counts(Cell("f", AgeBand.FROM_18, remote=True, vulnerable=False, count=0))
    with pytest.raises(PermissionDenied):
        counts(actor=UserFactory())


def test_staff_open_a_named_record_only_with_a_reason_and_it_is_audited(
    village, platform_admin, staff_without_second_factor, citizen
):
    person = record(OrganizationFactory(), village, phone="0933123456")
    with pytest.raises(ValidationError):
        beneficiary_read_by_staff(actor=platform_admin, beneficiary=person, reason=" ")
    for refused in (citizen, staff_without_second_factor):
        with pytest.raises(PermissionDenied):
            beneficiary_read_by_staff(actor=refused, beneficiary=person, reason="تدقيق")
    assert not AuditEvent.objects.filter(verb="impact.beneficiary_viewed").exists()
    beneficiary_read_by_staff(actor=platform_admin, beneficiary=person, reason="تدقيق شكوى")
    event = AuditEvent.objects.get(verb="impact.beneficiary_viewed")
    assert event.actor == platform_admin and event.reason == "تدقيق شكوى"


def test_totals_take_the_same_queries_however_many_records(village):
    organization = OrganizationFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            reach_totals()
        return len(captured)

    record(organization, village, phone="0933000001")
    few = queries()
    for number in range(2, 12):
        record(organization, village, phone=f"09330000{number:02d}")
    assert queries() == few == 2
