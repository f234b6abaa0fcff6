"""The reach ledger: every time the platform learns that people were reached (by an
activity of an initiative, by a training cohort), the service that learned it writes
here, so that "people reached" means one thing everywhere.

Two kinds of record: counts per cell (``aggregate_record``) and named people
(``beneficiary_record``). Named people carry a keyed hash of their national ID number
or, without one, of their phone number (``person_key``): the same person recorded by
two organizations counts once in ``reach_totals`` while neither organization can see
the other's record. The key is an HMAC with ``HASHING_KEY``, so it cannot be reversed
by trying every phone number without the key.

Limits: counts in aggregate records cannot be told apart from each other or from named
people, so totals add them as they are; a person recorded once by phone and once by
national ID alone gets two keys."""

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.phones import normalize_phone
from mujtama.core.policies import has_second_factor
from mujtama.core.services import audit_record
from mujtama.geo.models import Governorate, Locality
from mujtama.impact.models import AgeBand, AggregateReach, Beneficiary, Sex, VulnerabilityCriterion
from mujtama.organizations.models import MemberRole, Organization
from mujtama.organizations.permissions import role_in

# Staff who may open a named record, with a reason, for oversight.
OVERSIGHT_ROLES = frozenset({"platform_admin", "mosal_officer", "moct_officer"})
NATIONAL_ID = re.compile(r"^[0-9]{6,14}$")


def person_key(*, phone: str = "", national_id: str = "") -> str:
    """The keyed hash that stands for a person: of the national ID number if given,
    else of the phone number (both normalized first)."""
    number = re.sub(r"[\s\-]", "", normalize_ar(national_id))
    if number:
        if not NATIONAL_ID.match(number):
            raise ValidationError(
                {"national_id": _("A national ID number is 6 to 14 digits.")}, code="invalid"
            )
        material = f"national-id:{number}"
    else:
        normalized = normalize_phone(phone) if phone.strip() else None
        if normalized is None:
            raise ValidationError(
                {
                    "phone": _(
                        "Give a valid phone number or a national ID number, so that the "
                        "person is counted once."
                    )
                },
                code="invalid",
            )
        material = f"phone:{normalized}"
    return hmac.new(
        settings.HASHING_KEY.encode(), f"reach-person:{material}".encode(), hashlib.sha256
    ).hexdigest()


def account_key(*, phone: str, account_id: int) -> str:
    """The key of a person who has an account: of their phone number if they gave one
    (so they meet the records organizations keep by phone), else of the account."""
    if phone.strip() and normalize_phone(phone):
        return person_key(phone=phone)
    return hmac.new(
        settings.HASHING_KEY.encode(), f"reach-person:account:{account_id}".encode(), hashlib.sha256
    ).hexdigest()


def trainee_record(
    *,
    organization: Organization,
    source: models.Model,
    reached_on: date,
    user: Any,
    birth_year: int,
    sex: str,
    governorate: Governorate,
    remote: bool,
    criteria: Iterable[VulnerabilityCriterion] = (),
) -> Beneficiary:
    """A person the platform itself knows reached (a trainee, from their account and
    what they declared with consent): recorded by the platform for the organization,
    with no locality, audited like any named record."""
    phone = getattr(getattr(user, "profile", None), "phone", "") or ""
    with transaction.atomic():
        beneficiary = Beneficiary.objects.create(
            organization=organization,
            reached_on=reached_on,
            governorate=governorate,
            recorded_by=None,
            full_name=user.full_name,
            phone=(normalize_phone(phone) or "") if phone.strip() else "",
            birth_year=birth_year,
            sex=sex,
            locality=None,
            remote=remote,
            person_key=account_key(phone=phone, account_id=user.pk),
            **_source(source),
        )
        beneficiary.criteria.set(list(criteria))
        audit_record(
            actor=None,
            verb="impact.beneficiary_recorded",
            target=beneficiary,
            changes={"source": f"{source._meta.label_lower}:{source.pk}"},
        )
    return beneficiary


def may_record(actor: Any, organization: Organization) -> Decision:
    if role_in(actor, organization) in {MemberRole.OWNER, MemberRole.EDITOR}:
        return ALLOW
    return deny(_("Only the organization's owners and editors may record the people it reached."))


def _source(source: models.Model) -> dict[str, str]:
    return {"source_type": source._meta.label_lower, "source_id": str(source.pk)}


@dataclass(frozen=True)
class Cell:
    sex: str
    age_band: str
    remote: bool
    vulnerable: bool
    count: int


def aggregate_record(
    *,
    actor: Any,
    organization: Organization,
    source: models.Model,
    reached_on: date,
    governorate: Governorate,
    cells: Sequence[Cell],
) -> list[AggregateReach]:
    """Record counts of people reached, one row per cell with people in it."""
    may_record(actor, organization).require()
    rows = []
    for cell in cells:
        if cell.sex not in Sex.values or cell.age_band not in AgeBand.values:
            raise ValidationError(_("Unknown sex or age band."), code="invalid")
        if cell.count < 0:
            raise ValidationError(_("A count cannot be negative."), code="invalid")
        if cell.count:
            rows.append(
                AggregateReach(
                    organization=organization,
                    reached_on=reached_on,
                    governorate=governorate,
                    recorded_by=actor,
                    sex=cell.sex,
                    age_band=cell.age_band,
                    remote=cell.remote,
                    vulnerable=cell.vulnerable,
                    count=cell.count,
                    **_source(source),
                )
            )
    if not rows:
        raise ValidationError(_("Enter the number of people reached."), code="required")
    with transaction.atomic():
        created = AggregateReach.objects.bulk_create(rows)
        audit_record(
            actor=actor,
            verb="impact.reach_recorded",
            target=organization,
            changes={
                "source": f"{source._meta.label_lower}:{source.pk}",
                "people": sum(row.count for row in rows),
            },
        )
    return created


@dataclass(frozen=True)
class Person:
    """One named person to record, as read from a form or a spreadsheet row."""

    full_name: str
    birth_year: int
    sex: str
    locality: Locality
    reached_on: date
    phone: str = ""
    national_id: str = ""
    criteria: tuple[VulnerabilityCriterion, ...] = ()


def person_check(person: Person) -> tuple[str, dict[str, str]]:
    """The person's key and, by field, what prevents recording them."""
    this_year = timezone.localdate().year
    problems: dict[str, str] = {}
    if not this_year - 110 <= person.birth_year <= this_year:
        problems["birth_year"] = _("Enter a year of birth between %(first)s and %(last)s.") % {
            "first": this_year - 110,
            "last": this_year,
        }
    if person.sex not in Sex.values:
        problems["sex"] = _("Choose female or male.")
    if not person.full_name.strip():
        problems["full_name"] = _("Please give the person's name.")
    key = ""
    try:
        key = person_key(phone=person.phone, national_id=person.national_id)
    except ValidationError as refused:
        problems |= {field: msgs[0] for field, msgs in refused.message_dict.items()}
    return key, problems


def beneficiary_record(
    *,
    actor: Any,
    organization: Organization,
    source: models.Model,
    reached_on: date,
    full_name: str,
    birth_year: int,
    sex: str,
    locality: Locality,
    phone: str = "",
    national_id: str = "",
    criteria: Iterable[VulnerabilityCriterion] = (),
) -> Beneficiary:
    """Record one person reached by name. The audit event names the record, never
    the person."""
    may_record(actor, organization).require()
    key, errors = person_check(
        Person(full_name, birth_year, sex, locality, reached_on, phone, national_id)
    )
    if errors:
        raise ValidationError(errors)
    locality = Locality.objects.select_related("subdistrict__district__governorate").get(
        pk=locality.pk
    )
    with transaction.atomic():
        beneficiary = Beneficiary.objects.create(
            organization=organization,
            reached_on=reached_on,
            governorate=locality.subdistrict.district.governorate,
            recorded_by=actor,
            full_name=full_name.strip(),
            phone=(normalize_phone(phone) or "") if phone.strip() else "",
            national_id=re.sub(r"[\s\-]", "", normalize_ar(national_id)),
            birth_year=birth_year,
            sex=sex,
            locality=locality,
            remote=locality.is_remote,
            person_key=key,
            **_source(source),
        )
        beneficiary.criteria.set(list(criteria))
        audit_record(
            actor=actor,
            verb="impact.beneficiary_recorded",
            target=beneficiary,
            changes={"source": f"{source._meta.label_lower}:{source.pk}"},
        )
    return beneficiary


def beneficiaries_of(actor: Any, organization: Organization) -> models.QuerySet[Beneficiary]:
    """The named people an organization recorded, for its own people only."""
    if not role_in(actor, organization):
        raise PermissionDenied(_("Only the organization's people may see the people it reached."))
    return Beneficiary.objects.filter(organization=organization).order_by("-reached_on", "-pk")


def beneficiary_read_by_staff(*, actor: Any, beneficiary: Beneficiary, reason: str) -> Beneficiary:
    """A named record opened by oversight staff: needs the role, the second factor and a
    reason, and every read is audited."""
    if not (set(getattr(actor, "roles", ())) & OVERSIGHT_ROLES and has_second_factor(actor)):
        raise PermissionDenied(
            _("Only ministry oversight staff with a second factor may open named records.")
        )
    if not reason.strip():
        raise ValidationError(_("Please give a reason."), code="reason_required")
    audit_record(
        actor=actor, verb="impact.beneficiary_viewed", target=beneficiary, reason=reason.strip()
    )
    return beneficiary


@dataclass(frozen=True)
class Totals:
    unique_people: int  # named people, each counted once across organizations
    counted: int  # people in aggregate records
    records: int  # named records, before counting each person once

    @property
    def total(self) -> int:
        return self.unique_people + self.counted


def reach_totals(
    *, organization: Organization | None = None, governorate: Governorate | None = None
) -> Totals:
    """People reached, nationally or for one organization or governorate."""
    named = Beneficiary.objects.all()
    counts = AggregateReach.objects.all()
    if organization is not None:
        named = named.filter(organization=organization)
        counts = counts.filter(organization=organization)
    if governorate is not None:
        named = named.filter(governorate=governorate)
        counts = counts.filter(governorate=governorate)
    figures = named.aggregate(unique=Count("person_key", distinct=True), records=Count("pk"))
    return Totals(
        unique_people=figures["unique"],
        counted=counts.aggregate(total=Sum("count"))["total"] or 0,
        records=figures["records"],
    )


def beneficiaries_bulk_record(
    *, actor: Any, organization: Organization, source: models.Model, people: Sequence[Person]
) -> int:
    """Record many named people at once (a spreadsheet import): all or nothing, in one
    transaction, with one audit event for the batch. The caller checks each person
    with ``person_check`` first, to report problems row by row; a person that still
    fails refuses the whole batch."""
    may_record(actor, organization).require()
    errors: list[str] = []
    rows: list[Beneficiary] = []
    for person in people:
        key, problems = person_check(person)
        if problems:
            errors.extend(problems.values())
            continue
        rows.append(
            Beneficiary(
                organization=organization,
                reached_on=person.reached_on,
                governorate_id=person.locality.subdistrict.district.governorate_id,
                recorded_by=actor,
                full_name=person.full_name.strip(),
                phone=(normalize_phone(person.phone) or "") if person.phone.strip() else "",
                national_id=re.sub(r"[\s\-]", "", normalize_ar(person.national_id)),
                birth_year=person.birth_year,
                sex=person.sex,
                locality=person.locality,
                remote=person.locality.is_remote,
                person_key=key,
                **_source(source),
            )
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        created = Beneficiary.objects.bulk_create(rows, batch_size=1000)
        links = [
            Beneficiary.criteria.through(beneficiary_id=row.pk, vulnerabilitycriterion_id=c.pk)
            for row, person in zip(created, people, strict=True)
            for c in person.criteria
        ]
        Beneficiary.criteria.through.objects.bulk_create(links, batch_size=1000)
        audit_record(
            actor=actor,
            verb="impact.beneficiaries_imported",
            target=organization,
            changes={"source": f"{source._meta.label_lower}:{source.pk}", "people": len(created)},
        )
    return len(created)


@dataclass(frozen=True)
class Reached:
    """The counts of people one source reached on a day in a governorate."""

    source: models.Model
    reached_on: date
    governorate: Governorate
    cells: Sequence[Cell]


def aggregate_bulk_record(
    *, actor: Any, organization: Organization, batch: Sequence[Reached]
) -> int:
    """Record the counts of many sources at once (a spreadsheet import), in one
    transaction with one audit event; returns the number of people counted."""
    may_record(actor, organization).require()
    rows = [
        AggregateReach(
            organization=organization,
            reached_on=reached.reached_on,
            governorate=reached.governorate,
            recorded_by=actor,
            sex=cell.sex,
            age_band=cell.age_band,
            remote=cell.remote,
            vulnerable=cell.vulnerable,
            count=cell.count,
            **_source(reached.source),
        )
        for reached in batch
        for cell in reached.cells
        if cell.count > 0
    ]
    with transaction.atomic():
        AggregateReach.objects.bulk_create(rows, batch_size=1000)
        people = sum(row.count for row in rows)
        audit_record(
            actor=actor,
            verb="impact.reach_imported",
            target=organization,
            changes={"sources": len(batch), "people": people},
        )
    return people
