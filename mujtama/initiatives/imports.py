"""Spreadsheet imports of an initiative's activities (with the people each reached)
and of the people it reached by name. Organizations in the field keep these in Excel.

Both are all or nothing: the file is read and every row checked first; if any row is
bad, the report names each one (row number, column, reason in the person's language)
and nothing is imported; a clean file is imported in one transaction.

Activities come one row per count: the rows that share date, type, title,
governorate, locality and "online" are one activity, and each row adds the count of
one cell (sex × age band × remote × vulnerable family). That long form is what people
already keep, and it needs no 48-column sheet."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.services import audit_record
from mujtama.core.spreadsheets import (
    CellError,
    Column,
    Context,
    ParsedTable,
    RowError,
    parse_bool,
    parse_choice,
    parse_date,
    parse_governorate,
    parse_int,
    parse_phone,
    parse_text,
    read_table,
    template_xlsx,
)
from mujtama.geo.models import Locality
from mujtama.impact import ledger
from mujtama.impact.models import AgeBand, VulnerabilityCriterion
from mujtama.initiatives import permissions as can
from mujtama.initiatives.models import Activity, ActivityType, Initiative, InitiativeStatus

SEXES = {"f": ("أنثى", "female", "F"), "m": ("ذكر", "male", "M")}
AGE_BANDS = {
    "0-14": ("أقل من 15", "under 15"),
    "15-17": ("15-17", "15 to 17"),
    "18-24": ("18-24", "18 to 24"),
    "25-29": ("25-29", "25 to 29"),
    "30-59": ("30-59", "30 to 59"),
    "60+": ("60 فأكثر", "60 and over"),
}
ACTIVITY_TYPES = {
    "training": ("جلسة تدريبية", "training session"),
    "workshop": ("ورشة عمل", "workshop"),
    "hackathon": ("هاكاثون", "hackathon"),
    "help_desk": ("مكتب مساعدة رقمية", "digital-service help desk"),
    "awareness": ("جلسة توعية", "awareness session"),
    "mentoring": ("إرشاد", "mentoring"),
    "other": ("أخرى", "other"),
}
assert set(ACTIVITY_TYPES) == set(ActivityType.values)
assert set(AGE_BANDS) == set(AgeBand.values)


def _localities(context: Context) -> dict[tuple[int, str], Locality]:
    return context.cached(
        "localities",
        lambda: {
            (place.subdistrict.district.governorate_id, normalize_ar(name)): place
            for place in Locality.objects.select_related("subdistrict__district")
            for name in (place.name_ar, place.name_en, place.pcode)
            if name
        },
    )


def _criteria(context: Context) -> dict[str, VulnerabilityCriterion]:
    return context.cached(
        "criteria",
        lambda: {
            normalize_ar(name): criterion
            for criterion in VulnerabilityCriterion.objects.filter(is_active=True)
            for name in (criterion.code, criterion.name_ar, criterion.name_en)
        },
    )


def parse_criteria(value: Any, context: Context) -> tuple[VulnerabilityCriterion, ...]:
    known = _criteria(context)
    found = []
    for part in str(value).replace("،", ",").replace("؛", ",").replace(";", ",").split(","):
        name = normalize_ar(part.strip())
        if not name:
            continue
        if name not in known:
            raise CellError(
                _("“%(value)s” is not one of the vulnerability criteria of the platform.")
                % {"value": part.strip()}
            )
        found.append(known[name])
    return tuple(dict.fromkeys(found))


def _this_initiatives_place(row: dict[str, Any], initiative_governorates: set[int]) -> str | None:
    governorate = row.get("governorate")
    if governorate is not None and governorate.pk not in initiative_governorates:
        return _("The initiative does not work in this governorate.")
    return None


def locality_in_governorate(
    row: dict[str, Any], context: Context, *, required: bool
) -> tuple[Locality | None, str | None]:
    """The row's locality, looked up within its governorate."""
    name = row.get("locality")
    governorate = row.get("governorate")
    if not name:
        return None, (_("Give the locality.") if required else None)
    if governorate is None:
        return None, None  # the governorate's own error is reported already
    place = _localities(context).get((governorate.pk, normalize_ar(name)))
    if place is None:
        return None, _("“%(value)s” is not a locality of %(governorate)s.") % {
            "value": name,
            "governorate": governorate.name,
        }
    return place, None


ACTIVITY_COLUMNS = [
    Column("held_on", "التاريخ", "date", parse_date, required=True, example="2026-03-01"),
    Column(
        "kind",
        "نوع النشاط",
        "activity type",
        parse_choice(ACTIVITY_TYPES),
        True,
        example="ورشة عمل",
    ),
    Column(
        "title",
        "عنوان النشاط",
        "activity title",
        parse_text(200),
        True,
        example="ورشة أساسيات الحاسوب",
    ),
    Column("governorate", "المحافظة", "governorate", parse_governorate, True, example="حلب"),
    Column(
        "locality",
        "البلدة أو المنطقة",
        "locality",
        parse_text(200),
        help_ar="اتركها فارغة إذا كان النشاط عن بعد.",
        help_en="Leave empty if the activity was online.",
        example="منبج",
    ),
    Column("online", "عن بعد", "online", parse_bool, example="لا"),
    Column("facilitators", "الميسّرون", "facilitators", parse_text(300)),
    Column("sex", "الجنس", "sex", parse_choice(SEXES), True, example="أنثى"),
    Column("age_band", "الفئة العمرية", "age band", parse_choice(AGE_BANDS), True, example="18-24"),
    Column("remote", "منطقة نائية", "remote area", parse_bool, True, example="نعم"),
    Column("vulnerable", "أسرة هشة", "vulnerable family", parse_bool, True, example="لا"),
    Column("count", "العدد", "count", parse_int(0, 100000), True, example=12),
]

BENEFICIARY_COLUMNS = [
    Column("full_name", "الاسم الكامل", "full name", parse_text(200), True, example="ليلى حسن"),
    Column(
        "phone",
        "رقم الهاتف",
        "phone",
        parse_phone,
        help_ar="رقم الهاتف أو الرقم الوطني، ليُحسب الشخص مرة واحدة.",
        help_en="A phone number or the national ID number, so the person counts once.",
        example="0933 123 456",
    ),
    Column("national_id", "الرقم الوطني", "national ID", parse_text(20)),
    Column("birth_year", "سنة الولادة", "year of birth", parse_int(1900, 2100), True, example=2004),
    Column("sex", "الجنس", "sex", parse_choice(SEXES), True, example="أنثى"),
    Column("governorate", "المحافظة", "governorate", parse_governorate, True, example="حلب"),
    Column("locality", "البلدة أو المنطقة", "locality", parse_text(200), True, example="منبج"),
    Column(
        "criteria",
        "معايير الهشاشة",
        "vulnerability criteria",
        parse_criteria,
        help_ar="مفصولة بفواصل، كما في قائمة المنصة.",
        help_en="Separated by commas, as in the platform's list.",
    ),
    Column("reached_on", "تاريخ الوصول", "date reached", parse_date, True, example="2026-03-01"),
]


@dataclass
class ImportReport:
    table: ParsedTable
    errors: list[RowError] = field(default_factory=list)
    imported: bool = False
    rows: int = 0
    activities: int = 0
    people: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def template(kind: str) -> bytes:
    columns = ACTIVITY_COLUMNS if kind == "activities" else BENEFICIARY_COLUMNS
    title = "الأنشطة" if kind == "activities" else "المستفيدون"
    return template_xlsx(columns=columns, sheet_title=title)


def _may_import(actor: Any, initiative: Initiative) -> None:
    can.initiative_editor(actor, initiative).require()


def _column_of(table: ParsedTable, columns: list[Column], key: str) -> str:
    """The column's header as the file wrote it."""
    return table.headers.get(key) or next(c.header_ar for c in columns if c.key == key)


def activities_import(
    *, actor: Any, initiative: Initiative, upload: IO[bytes], filename: str, dry_run: bool
) -> ImportReport:
    """Check (and, unless ``dry_run`` or a row is bad, import) a file of activities."""
    _may_import(actor, initiative)
    context = Context(initiative=initiative)
    table = read_table(upload, filename=filename, columns=ACTIVITY_COLUMNS, context=context)
    report = ImportReport(table=table, errors=list(table.errors), rows=len(table.rows))
    if initiative.status == InitiativeStatus.CANCELLED:
        report.errors.append(RowError(None, "", _("A cancelled initiative has no new activities.")))
    places = set(initiative.governorates.values_list("pk", flat=True))
    today = timezone.localdate()
    groups: dict[tuple[Any, ...], list[ledger.Cell]] = {}
    firsts: dict[tuple[Any, ...], dict[str, Any]] = {}
    bad_rows = {error.row for error in table.errors}
    for row in table.rows:
        values = row.values
        if row.number in bad_rows:
            continue
        if values["held_on"] > today:
            report.errors.append(
                RowError(
                    row.number,
                    _column_of(table, ACTIVITY_COLUMNS, "held_on"),
                    _("Record an activity once it has taken place."),
                )
            )
            continue
        problem = _this_initiatives_place(values, places)
        if problem:
            report.errors.append(
                RowError(row.number, _column_of(table, ACTIVITY_COLUMNS, "governorate"), problem)
            )
            continue
        online = bool(values.get("online"))
        locality, problem = locality_in_governorate(values, context, required=not online)
        if problem:
            report.errors.append(
                RowError(row.number, _column_of(table, ACTIVITY_COLUMNS, "locality"), problem)
            )
            continue
        key = (
            values["held_on"],
            values["kind"],
            values["title"],
            values["governorate"].pk,
            locality.pk if locality else None,
            online,
        )
        firsts.setdefault(key, values | {"locality": locality, "online": online})
        groups.setdefault(key, []).append(
            ledger.Cell(
                values["sex"],
                values["age_band"],
                values["remote"],
                values["vulnerable"],
                values["count"],
            )
        )
    report.errors.sort(key=lambda error: (error.row or 0, error.column))
    report.activities = len(groups)
    report.people = sum(cell.count for cells in groups.values() for cell in cells)
    if dry_run or not report.ok or not groups:
        if not groups and report.ok:
            report.errors.append(RowError(None, "", _("The file has no rows to import.")))
        return report
    with transaction.atomic():
        activities = Activity.objects.bulk_create(
            [
                Activity(
                    initiative=initiative,
                    kind=values["kind"],
                    title=values["title"],
                    held_on=values["held_on"],
                    governorate=values["governorate"],
                    locality=values["locality"],
                    online=values["online"],
                    facilitators=values.get("facilitators") or "",
                    recorded_by=actor,
                )
                for values in firsts.values()
            ],
            batch_size=1000,
        )
        ledger.aggregate_bulk_record(
            actor=actor,
            organization=initiative.lead,
            batch=[
                ledger.Reached(activity, activity.held_on, activity.governorate, cells)
                for activity, cells in zip(activities, groups.values(), strict=True)
            ],
        )
        audit_record(
            actor=actor,
            verb="initiatives.activities_imported",
            target=initiative,
            changes={"file": filename, "rows": report.rows, "activities": len(activities)},
        )
    report.imported = True
    return report


def beneficiaries_import(
    *, actor: Any, initiative: Initiative, upload: IO[bytes], filename: str, dry_run: bool
) -> ImportReport:
    """Check (and, unless ``dry_run`` or a row is bad, import) a file of people
    reached by name; the initiative is their source in the ledger."""
    _may_import(actor, initiative)
    context = Context(initiative=initiative)
    table = read_table(upload, filename=filename, columns=BENEFICIARY_COLUMNS, context=context)
    report = ImportReport(table=table, errors=list(table.errors), rows=len(table.rows))
    bad_rows = {error.row for error in table.errors}
    people: list[ledger.Person] = []
    for row in table.rows:
        values = row.values
        if row.number in bad_rows:
            continue
        locality, problem = locality_in_governorate(values, context, required=True)
        if problem:
            report.errors.append(
                RowError(row.number, _column_of(table, BENEFICIARY_COLUMNS, "locality"), problem)
            )
            continue
        assert locality is not None
        person = ledger.Person(
            full_name=values["full_name"],
            birth_year=values["birth_year"],
            sex=values["sex"],
            locality=locality,
            reached_on=values["reached_on"],
            phone=values.get("phone") or "",
            national_id=values.get("national_id") or "",
            criteria=values.get("criteria") or (),
        )
        _key, problems = ledger.person_check(person)
        for name, message in problems.items():
            report.errors.append(
                RowError(row.number, _column_of(table, BENEFICIARY_COLUMNS, name), message)
            )
        if not problems:
            people.append(person)
    report.people = len(people)
    report.errors.sort(key=lambda error: (error.row or 0, error.column))
    if dry_run or not report.ok or not people:
        if not people and report.ok:
            report.errors.append(RowError(None, "", _("The file has no rows to import.")))
        return report
    with transaction.atomic():
        ledger.beneficiaries_bulk_record(
            actor=actor, organization=initiative.lead, source=initiative, people=people
        )
        audit_record(
            actor=actor,
            verb="initiatives.beneficiaries_imported",
            target=initiative,
            changes={"file": filename, "rows": report.rows, "people": len(people)},
        )
    report.imported = True
    return report


IMPORTS: dict[str, Callable[..., ImportReport]] = {
    "activities": activities_import,
    "beneficiaries": beneficiaries_import,
}
