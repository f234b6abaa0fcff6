import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from mujtama.core.models import AppendOnlyError, AuditEvent
from mujtama.core.services import audit_record
from mujtama.geo.models import Governorate


@pytest.fixture
def event(citizen):
    return audit_record(
        actor=citizen, verb="test.something", target=Governorate.objects.get(pcode="SY01")
    )


def test_audit_record_describes_the_object(event, citizen):
    assert event.actor == citizen
    assert (event.object_type, event.object_id) == ("geo.governorate", str(event.object_id))
    assert event.object_repr


def test_an_event_cannot_be_changed_by_save(event):
    event.verb = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()


def test_an_event_cannot_be_deleted(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_an_event_cannot_be_changed_by_queryset_update(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(verb="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_update([event], ["verb"])


def test_the_database_refuses_raw_updates(event):
    with (
        pytest.raises((DatabaseError, IntegrityError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_auditevent SET verb = 'x' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.verb == "test.something"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger")
def test_postgresql_refuses_raw_deletes(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_events_written_during_a_request_carry_its_id_and_hashed_address(client, platform_admin):
    client.force_login(platform_admin)
    response = client.post("/ar/staff/target-groups/", {"youth_min_age": 16, "youth_max_age": 30})
    assert response.status_code == 302
    event = AuditEvent.objects.get(verb="impact.youth_range_changed")
    assert event.request_id == response["X-Request-ID"]
    assert len(event.ip_hash) == 32
    assert "127.0.0.1" not in str(event.__dict__)
