"""Exports of initiatives' activities and of the people they reached: three datasets
(activities, reach, the 4W table) for three audiences (one organization, national
staff, the public), written as CSV, HXL-tagged CSV or XLSX by ``mujtama.core.exports``.

Where the figures come from. The reach ledger (``mujtama.impact``) names an activity
as the source of each record. Counted records add their count; records of people
recorded by name add one each, under their sex, age band (from the year of birth and
the date reached), remote area and vulnerability. Only these cells are read from
named records: never a name, phone number, ID number, locality or person key, so no
export can contain them. Totals therefore count records as recorded; a person recorded
twice counts twice (``impact.ledger.reach_totals`` counts named people once each).
Where and when people were reached is the ledger's governorate and date, as
``reach_totals`` and the public pages count them; the initiative and activity type
come from the activity.

Who gets what.
- ``organization``: every initiative the organization leads, whatever its
  publication level; its own figures in full, localities included.
- ``national`` (ministry staff): every organization's initiatives, figures in full;
  still never a person's name or details.
- ``public``: what the public pages show (``selectors``), and no more:
  * only initiatives published in full (publication "public") contribute activities
    and figures;
  * an initiative published as a summary contributes one 4W row per governorate it
    works in, with its organization, sector and governorate, and nothing else (no
    activity type, no dates, no figures); a private one contributes nothing;
  * for an initiative that concerns vulnerable families, nothing below the
    governorate: no locality and no activity title (free text that may name a
    place), and its people only in the governorate-level grid below;
  * small cells are suppressed, as follows.

Small-cell suppression (public only). All public figures come from one grid of cells,
the same for the three datasets: organization × initiative × governorate × activity
type × month × sex × age band × remote × vulnerable. A cell of fewer than
``SMALL_CELL`` (5) people is dropped before anything is added up: it is not a row of
the reach dataset, and no total or breakdown of the 4W counts it. Every published
number is thus a sum of cells of at least 5 people, and no difference between two
published numbers (within a row, between rows or between datasets) is made of a
dropped cell, so subtraction cannot recover one. A 4W figure that comes to less than
5 (only 0 can, after dropping) is an empty cell: in a public export an empty count
always means "fewer than 5, possibly none", never zero. Public counts are therefore
lower than the true totals, and their column headers say so. Activities carry no
counts in public: one activity's figure beside its month's total would give away the
rest of the month.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from operator import itemgetter
from typing import Any

from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractYear, TruncMonth
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mujtama.core.exports import Column
from mujtama.core.models import bilingual
from mujtama.core.services import name_verbs
from mujtama.core.statistics import SMALL_CELL
from mujtama.geo.models import Governorate
from mujtama.impact.models import AgeBand, AggregateReach, Beneficiary, Sex
from mujtama.initiatives.models import (
    Activity,
    ActivityType,
    Initiative,
    InitiativeStatus,
    Publication,
    Sector,
)
from mujtama.initiatives.selectors import ACTIVITY_SOURCE
from mujtama.organizations.models import Organization, OrganizationKind

EXPORTED = "initiatives.exported"
name_verbs({EXPORTED: _("Initiatives data exported")})

# Rows fetched from the database at a time while streaming.
CHUNK = 2000


class Audience(StrEnum):
    ORGANIZATION = "organization"
    NATIONAL = "national"
    PUBLIC = "public"


class Dataset(StrEnum):
    ACTIVITIES = "activities"
    REACH = "reach"
    FOUR_W = "4w"


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    HXL = "hxl"  # CSV with the HXL hashtag row under the headers


DATASET_TITLES: dict[str, Any] = {
    Dataset.ACTIVITIES: _("Activities"),
    Dataset.REACH: _("People reached"),
    Dataset.FOUR_W: _("Who does what where (4W)"),
}


@dataclass(frozen=True)
class Scope:
    audience: Audience
    organization: Organization | None = None

    def __post_init__(self) -> None:
        if (self.audience == Audience.ORGANIZATION) != (self.organization is not None):
            raise ValueError("an organization scope, and only it, names an organization")

    @property
    def public(self) -> bool:
        return self.audience == Audience.PUBLIC

    @property
    def audit_id(self) -> str:
        """Whose export the audit event names (``organization:12``, ``national``);
        the view adds the dataset (``organization:12:4w``)."""
        if self.organization is not None:
            return f"{self.audience}:{self.organization.pk}"
        return str(self.audience)


@dataclass(frozen=True)
class Export:
    columns: list[Column]
    rows: Iterator[dict[str, Any]]
    sheet_title: str


def filename(scope: Scope, dataset: Dataset, fmt: Format) -> str:
    """``mujtama-4w-2026-11-29.csv``; the organization and national exports say
    whose they are (``mujtama-org-12-reach-…``, ``mujtama-national-…``)."""
    parts = ["mujtama"]
    if scope.organization is not None:
        parts += ["org", str(scope.organization.pk)]
    elif scope.audience == Audience.NATIONAL:
        parts.append("national")
    parts.append(str(dataset))
    if fmt == Format.HXL:
        parts.append("hxl")
    parts.append(timezone.localdate().isoformat())
    return "-".join(parts) + (".xlsx" if fmt == Format.XLSX else ".csv")


def build(scope: Scope, dataset: Dataset) -> Export:
    """The columns and the (lazy) rows of one dataset for one scope. The reference
    data (organizations, initiatives, governorates, labels) is read now, in the
    active language; the rows are read from the database as they are consumed."""
    builders: dict[Dataset, Callable[[Scope], Export]] = {
        Dataset.ACTIVITIES: activities_export,
        Dataset.REACH: reach_export,
        Dataset.FOUR_W: four_w_export,
    }
    return builders[dataset](scope)


# --- scope ------------------------------------------------------------------------------


def scope_initiatives(scope: Scope) -> QuerySet[Initiative]:
    """The initiatives whose activities and figures the scope exports."""
    initiatives = Initiative.objects.all()
    if scope.organization is not None:
        return initiatives.filter(lead=scope.organization)
    if scope.public:
        return initiatives.filter(publication=Publication.PUBLIC)
    return initiatives


def summary_initiatives(scope: Scope) -> QuerySet[Initiative]:
    """Public only: initiatives published as a summary, as the public pages list them
    (a cancelled one is not listed)."""
    if not scope.public:
        return Initiative.objects.none()
    return Initiative.objects.filter(publication=Publication.SUMMARY).exclude(
        status=InitiativeStatus.CANCELLED
    )


def scope_activities(scope: Scope) -> QuerySet[Activity]:
    return Activity.objects.filter(initiative__in=scope_initiatives(scope).values("pk"))


# --- reference data, read once ------------------------------------------------------------


@dataclass(frozen=True)
class _Org:
    name: str
    kind: str


@dataclass(frozen=True)
class _Initiative:
    title: str
    sector: str
    lead_id: int
    shows_places: bool


@dataclass(frozen=True)
class _Place:
    name: str
    pcode: str


class _Reference:
    """Names and labels in the active language, in dicts, so that no row costs a
    query: organizations and initiatives of the scope, all governorates."""

    def __init__(self, initiatives: QuerySet[Initiative]) -> None:
        self.english = (get_language() or "ar").startswith("en")
        kinds = dict(OrganizationKind.choices)
        sectors = dict(Sector.choices)
        self.initiatives = {
            row["pk"]: _Initiative(
                title=bilingual(row["title_ar"], row["title_en"]),
                sector=str(sectors.get(row["sector"], row["sector"])),
                lead_id=row["lead_id"],
                shows_places=not row["concerns_vulnerable"],
            )
            for row in initiatives.order_by().values(
                "pk", "title_ar", "title_en", "sector", "lead_id", "concerns_vulnerable"
            )
        }
        self.organizations = {
            row["pk"]: _Org(
                name=bilingual(row["name_ar"], row["name_en"]),
                kind=str(kinds.get(row["kind"], row["kind"])),
            )
            for row in Organization.objects.filter(
                pk__in=initiatives.order_by().values("lead_id")
            ).values("pk", "name_ar", "name_en", "kind")
        }
        self.governorates = {
            row["pk"]: _Place(bilingual(row["name_ar"], row["name_en"]), row["pcode"])
            for row in Governorate.objects.values("pk", "name_ar", "name_en", "pcode")
        }
        self.kinds = {value: str(label) for value, label in ActivityType.choices}
        self.sexes = {value: str(label) for value, label in Sex.choices}
        self.bands = {value: str(label) for value, label in AgeBand.choices}
        self.yes, self.no = str(_("Yes")), str(_("No"))
        self.online = str(_("Online"))

    def place(self, governorate_id: int) -> _Place:
        return self.governorates.get(governorate_id, _Place("", ""))

    def org(self, organization_id: int) -> _Org:
        return self.organizations.get(organization_id, _Org("", ""))

    def flag(self, value: bool) -> str:
        return self.yes if value else self.no


def _resolved(columns: Sequence[Column]) -> list[Column]:
    """Headers as text in the active language now: the rows are written later,
    while the response streams."""
    return [Column(column.key, str(column.header), column.hxl) for column in columns]


# --- the reach ledger, as a stream of cells ----------------------------------------------

CELLS = ("sex", "age_band", "remote", "vulnerable")


def _age_bands() -> list[tuple[str, int]]:
    """Each age band with the oldest age in it, from ``AgeBand.of_age`` itself."""
    oldest: dict[str, int] = {}
    for age in range(131):
        oldest[AgeBand.of_age(age).value] = age
    return sorted(oldest.items(), key=itemgetter(1))


def _named_band() -> Case:
    bands = _age_bands()
    return Case(
        *[When(age__lte=oldest, then=Value(band)) for band, oldest in bands[:-1]],
        default=Value(bands[-1][0]),
        output_field=CharField(),
    )


def _activity_field(name: str) -> Subquery:
    return Subquery(
        Activity.objects.filter(pk=OuterRef("activity_key")).order_by().values(name)[:1]
    )


# How a ledger record's cell and source are read: the counted and the named ledgers
# give the same names, so that their rows can be put one after the other.
_CELL_OF: dict[str, dict[str, Callable[[], Any]]] = {
    "counted": {
        "sex": lambda: F("sex"),
        "age_band": lambda: F("age_band"),
        "remote": lambda: F("remote"),
        "vulnerable": lambda: F("vulnerable"),
    },
    "named": {
        "sex": lambda: F("sex"),
        "age_band": _named_band,
        "remote": lambda: F("remote"),
        "vulnerable": lambda: Exists(
            Beneficiary.criteria.through.objects.filter(beneficiary_id=OuterRef("pk"))
        ),
    },
}
BY_ACTIVITY: dict[str, Callable[[], Any]] = {"activity": lambda: F("activity_key")}
# The grid of the reach and 4W datasets (and of every public figure).
BY_GROUP: dict[str, Callable[[], Any]] = {
    "organization": lambda: F("organization_id"),
    "initiative": lambda: _activity_field("initiative_id"),
    "governorate": lambda: F("governorate_id"),
    "kind": lambda: _activity_field("kind"),
    "month": lambda: TruncMonth("reached_on"),
}


def _ledger(which: str, activities: QuerySet[Activity]) -> QuerySet[Any]:
    sources = activities.order_by().annotate(source_key=Cast("pk", CharField()))
    model: type[AggregateReach] | type[Beneficiary] = (
        AggregateReach if which == "counted" else Beneficiary
    )
    records = model.objects.filter(
        source_type=ACTIVITY_SOURCE, source_id__in=sources.values("source_key")
    ).alias(activity_key=Cast("source_id", BigIntegerField()))
    if which == "named":
        records = records.alias(
            age=ExpressionWrapper(
                ExtractYear("reached_on") - F("birth_year"), output_field=IntegerField()
            )
        )
    return records


def cells(
    activities: QuerySet[Activity],
    by: Mapping[str, Callable[[], Any]],
    cell_fields: Sequence[str] = CELLS,
) -> Iterator[dict[str, Any]]:
    """People reached by the activities, one dict per (``by`` keys, cell), ordered by
    the keys then the cell, with ``people``: the counted and the named ledgers are
    grouped by the database in one query and added up here (at most two rows per
    cell, one after the other), so memory stays flat however many rows stream."""
    names = [f"k_{key}" for key in by] + [f"c_{field}" for field in cell_fields]
    parts = []
    for which, people in (("counted", Sum("count")), ("named", Count("pk"))):
        expressions = {f"k_{key}": make() for key, make in by.items()} | {
            f"c_{field}": _CELL_OF[which][field]() for field in cell_fields
        }
        parts.append(
            _ledger(which, activities).values(**expressions).annotate(people=people).order_by()
        )
    rows = parts[0].union(parts[1], all=True).order_by(*names)
    for _key, same in groupby(rows.iterator(chunk_size=CHUNK), key=itemgetter(*names)):
        first, *rest = same
        if rest:
            first = {**first, "people": first["people"] + sum(row["people"] for row in rest)}
        yield first


def _publishable(stream: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The public grid: cells of fewer than SMALL_CELL people are dropped here,
    before any total is made of them."""
    return (cell for cell in stream if cell["people"] >= SMALL_CELL)


def public_by_governorate(activities: QuerySet[Activity]) -> dict[int, int]:
    """People reached per governorate as the public may see them: the sum of the
    public grid's cells of at least SMALL_CELL people (0 for a governorate with people
    only in smaller cells). The public page shows these, so that nothing on it can be
    subtracted from an export to recover a dropped cell."""
    totals: dict[int, int] = {}
    for cell in cells(activities, BY_GROUP):
        governorate = cell["k_governorate"]
        published = cell["people"] if cell["people"] >= SMALL_CELL else 0
        totals[governorate] = totals.get(governorate, 0) + published
    return totals


def _month_end(month: datetime.date) -> datetime.date:
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _count_header(header: Any, public: bool) -> Any:
    """A public count column says in its header that small groups are left out."""
    if not public:
        return header
    note = _("groups of fewer than %(n)s people left out; empty means fewer than %(n)s")
    return format_lazy("{} ({})", header, note % {"n": SMALL_CELL})


# --- activities -------------------------------------------------------------------------


def activities_export(scope: Scope) -> Export:
    """One row per activity: who, which initiative, what, when, where, and (except
    in public) how many people it reached, women and men."""
    reference = _Reference(scope_initiatives(scope))
    columns = [
        Column("organization", _("Organization"), "#org+name"),
        Column("initiative", _("Initiative"), "#activity+project+name"),
        Column("kind", _("Activity type"), "#activity+type"),
        Column("title", _("Activity"), "#activity+session+name"),
        Column("date", _("Date"), "#date"),
        Column("governorate", _("Governorate"), "#adm1+name"),
        Column("pcode", _("Governorate P-code"), "#adm1+code"),
        Column("locality", _("Locality"), "#loc+name"),
        Column("locality_pcode", _("Locality P-code"), "#loc+code"),
    ]
    if not scope.public:
        columns += [
            Column("total", _("People reached"), "#reached+total"),
            Column("f", _("Women and girls reached"), "#reached+f"),
            Column("m", _("Men and boys reached"), "#reached+m"),
        ]
    activities = scope_activities(scope)
    rows: Iterator[Any] = (
        activities.order_by("pk")
        .values(
            "pk",
            "initiative_id",
            "kind",
            "title",
            "held_on",
            "governorate_id",
            "online",
            "locality__name_ar",
            "locality__name_en",
            "locality__pcode",
        )
        .iterator(chunk_size=CHUNK)
    )
    if scope.public:
        stream: Iterator[tuple[dict[str, Any], dict[str, int]]] = ((row, {}) for row in rows)
    else:
        stream = _with_sexes(rows, cells(activities, BY_ACTIVITY, ("sex",)))
    return Export(
        _resolved(columns),
        _activity_rows(stream, reference, counts=not scope.public, public=scope.public),
        str(DATASET_TITLES[Dataset.ACTIVITIES]),
    )


def _with_sexes(
    activities: Iterator[Any], sexes: Iterator[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any], dict[str, int]]]:
    """Pair each activity with its people by sex. Both streams are ordered by the
    activity's id, so they are walked side by side (a merge join), never held."""
    pending = next(sexes, None)
    for activity in activities:
        people: dict[str, int] = {}
        while pending is not None and pending["k_activity"] <= activity["pk"]:
            if pending["k_activity"] == activity["pk"]:
                people[pending["c_sex"]] = pending["people"]
            pending = next(sexes, None)
        yield activity, people


def _activity_rows(
    stream: Iterator[tuple[dict[str, Any], dict[str, int]]],
    reference: _Reference,
    *,
    counts: bool,
    public: bool,
) -> Iterator[dict[str, Any]]:
    for activity, people in stream:
        initiative = reference.initiatives.get(activity["initiative_id"])
        if initiative is None:  # added since the reference data was read
            continue
        place = reference.place(activity["governorate_id"])
        # In public, nothing below the governorate for vulnerable families: not even
        # the activity's title, which may name the place.
        places = initiative.shows_places or not public
        if activity["online"]:
            locality, locality_pcode = reference.online, ""
        elif places and activity["locality__pcode"]:
            locality = (activity["locality__name_en"] if reference.english else "") or activity[
                "locality__name_ar"
            ]
            locality_pcode = activity["locality__pcode"]
        else:
            locality, locality_pcode = "", ""
        row = {
            "organization": reference.org(initiative.lead_id).name,
            "initiative": initiative.title,
            "kind": reference.kinds.get(activity["kind"], activity["kind"]),
            "title": activity["title"] if places else "",
            "date": activity["held_on"],
            "governorate": place.name,
            "pcode": place.pcode,
            "locality": locality,
            "locality_pcode": locality_pcode,
        }
        if counts:
            female, male = people.get(Sex.FEMALE, 0), people.get(Sex.MALE, 0)
            row |= {"total": female + male, "f": female, "m": male}
        yield row


# --- reach ------------------------------------------------------------------------------


def reach_export(scope: Scope) -> Export:
    """One row per cell of the grid: organization, initiative, governorate, activity
    type and month, by sex, age band, remote area and vulnerable family, with the
    number of people. In public only cells of at least 5 people are rows."""
    reference = _Reference(scope_initiatives(scope))
    columns = _resolved(
        [
            Column("organization", _("Organization"), "#org+name"),
            Column("initiative", _("Initiative"), "#activity+project+name"),
            Column("kind", _("Activity type"), "#activity+type"),
            Column("governorate", _("Governorate"), "#adm1+name"),
            Column("pcode", _("Governorate P-code"), "#adm1+code"),
            Column("start", _("From"), "#date+start"),
            Column("end", _("Until"), "#date+end"),
            Column("sex", _("Sex"), "#group+sex"),
            Column("age_band", _("Age band"), "#group+age"),
            Column("remote", _("Remote area"), "#group+remote"),
            Column("vulnerable", _("Vulnerable family"), "#group+vulnerable"),
            Column("people", _count_header(_("People reached"), scope.public), "#reached"),
        ]
    )
    stream = cells(scope_activities(scope), BY_GROUP)
    if scope.public:
        stream = _publishable(stream)
    return Export(columns, _reach_rows(stream, reference), str(DATASET_TITLES[Dataset.REACH]))


def _reach_rows(
    stream: Iterator[dict[str, Any]], reference: _Reference
) -> Iterator[dict[str, Any]]:
    for cell in stream:
        initiative = reference.initiatives.get(cell["k_initiative"])
        if initiative is None:  # added since the reference data was read
            continue
        place = reference.place(cell["k_governorate"])
        month = _as_date(cell["k_month"])
        yield {
            "organization": reference.org(cell["k_organization"]).name,
            "initiative": initiative.title,
            "kind": reference.kinds.get(cell["k_kind"], cell["k_kind"]),
            "governorate": place.name,
            "pcode": place.pcode,
            "start": month,
            "end": _month_end(month),
            "sex": reference.sexes.get(cell["c_sex"], cell["c_sex"]),
            "age_band": reference.bands.get(cell["c_age_band"], cell["c_age_band"]),
            "remote": reference.flag(cell["c_remote"]),
            "vulnerable": reference.flag(cell["c_vulnerable"]),
            "people": cell["people"],
        }


# --- 4W ---------------------------------------------------------------------------------

# HXL attributes are lowercase letters, digits and underscores: "60+" becomes "60plus".
AGE_ATTRIBUTES = {
    band: "age" + band.replace("-", "_").replace("+", "plus") for band in AgeBand.values
}
FIGURES = ("total", "f", "m", "remote", "vulnerable", *(f"age_{b}" for b in AgeBand.values))


def four_w_export(scope: Scope) -> Export:
    """Who does what, where, when and for whom: one row per organization, initiative,
    governorate, activity type and month, with the people reached in total, by sex,
    in remote areas, from vulnerable families and by age band. HXL-tagged."""
    public = scope.public
    reference = _Reference(scope_initiatives(scope) | summary_initiatives(scope))
    columns = [
        Column("organization", _("Organization"), "#org+name"),
        Column("org_type", _("Type of organization"), "#org+type"),
        Column("initiative", _("Initiative"), "#activity+project+name"),
        Column("sector", _("Sector"), "#sector"),
        Column("kind", _("Activity type"), "#activity+type"),
        Column("governorate", _("Governorate"), "#adm1+name"),
        Column("pcode", _("Governorate P-code"), "#adm1+code"),
        Column("start", _("From"), "#date+start"),
        Column("end", _("Until"), "#date+end"),
        Column("total", _count_header(_("People reached"), public), "#reached+total"),
        Column("f", _count_header(_("Women and girls"), public), "#reached+f"),
        Column("m", _count_header(_("Men and boys"), public), "#reached+m"),
        Column("remote", _count_header(_("In remote areas"), public), "#reached+remote"),
        Column(
            "vulnerable",
            _count_header(_("From vulnerable families"), public),
            "#reached+vulnerable",
        ),
    ]
    columns += [
        Column(
            f"age_{value}",
            _count_header(format_lazy("{}: {}", _("Age"), label), public),
            f"#reached+{AGE_ATTRIBUTES[value]}",
        )
        for value, label in AgeBand.choices
    ]
    rows = _four_w_rows(cells(scope_activities(scope), BY_GROUP), reference, public=public)
    if public:
        rows = _chain(rows, _summary_rows(summary_initiatives(scope), reference))
    return Export(_resolved(columns), rows, "4W")


def _chain(*streams: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for stream in streams:
        yield from stream


def _figures(cells: Iterable[dict[str, Any]], *, public: bool) -> dict[str, int | None]:
    """One 4W row's figures from its cells. In public, a cell under SMALL_CELL is
    left out before anything is added up, and a figure under SMALL_CELL (only 0 can
    be, then) is empty, as every suppressed figure, so that empty has one meaning."""
    sums = dict.fromkeys(FIGURES, 0)
    for cell in cells:
        people = cell["people"]
        if public and people < SMALL_CELL:
            continue
        sums["total"] += people
        sums[cell["c_sex"]] += people
        sums[f"age_{cell['c_age_band']}"] += people
        if cell["c_remote"]:
            sums["remote"] += people
        if cell["c_vulnerable"]:
            sums["vulnerable"] += people
    if not public:
        return dict(sums)
    return {name: (value if value >= SMALL_CELL else None) for name, value in sums.items()}


def _four_w_rows(
    stream: Iterator[dict[str, Any]], reference: _Reference, *, public: bool
) -> Iterator[dict[str, Any]]:
    group = itemgetter("k_organization", "k_initiative", "k_governorate", "k_kind", "k_month")
    for (organization_id, initiative_id, governorate_id, kind, month), same in groupby(
        stream, key=group
    ):
        initiative = reference.initiatives.get(initiative_id)
        if initiative is None:  # added since the reference data was read
            continue
        figures = _figures(same, public=public)
        organization = reference.org(organization_id)
        place = reference.place(governorate_id)
        start = _as_date(month)
        yield {
            "organization": organization.name,
            "org_type": organization.kind,
            "initiative": initiative.title,
            "sector": initiative.sector,
            "kind": reference.kinds.get(kind, kind),
            "governorate": place.name,
            "pcode": place.pcode,
            "start": start,
            "end": _month_end(start),
            **figures,
        }


def _summary_rows(
    initiatives: QuerySet[Initiative], reference: _Reference
) -> Iterator[dict[str, Any]]:
    """Initiatives published as a summary: who, in which sector, where; no activity
    type, no dates, no figures."""
    places = (
        Initiative.governorates.through.objects.filter(initiative__in=initiatives.values("pk"))
        .order_by("initiative__lead_id", "initiative_id", "governorate__pcode")
        .values_list("initiative_id", "governorate_id")
    )
    blank = dict.fromkeys(("kind", "start", "end", *FIGURES))
    for initiative_id, governorate_id in places.iterator(chunk_size=CHUNK):
        initiative = reference.initiatives.get(initiative_id)
        if initiative is None:  # added since the reference data was read
            continue
        organization = reference.org(initiative.lead_id)
        place = reference.place(governorate_id)
        yield {
            "organization": organization.name,
            "org_type": organization.kind,
            "initiative": initiative.title,
            "sector": initiative.sector,
            "governorate": place.name,
            "pcode": place.pcode,
            **blank,
        }


__all__ = [
    "EXPORTED",
    "Audience",
    "Dataset",
    "Export",
    "Format",
    "Scope",
    "build",
    "cells",
    "filename",
    "scope_activities",
    "scope_initiatives",
]
