from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction

from mujtama.core.arabic import normalize_ar
from mujtama.core.services import audit_record
from mujtama.geo.boundaries import RowError, Unit, parse_boundary_table
from mujtama.geo.models import District, Governorate, Locality, Place, Subdistrict


@dataclass
class ImportResult:
    rows: int = 0
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def boundaries_import(
    *, upload: IO[bytes], filename: str, actor: Any = None, dry_run: bool = False
) -> ImportResult:
    """Import districts, subdistricts and localities from the official table.

    All or nothing: if any row fails, nothing is written and every failing row is
    reported with its number and reason. Re-importing a table updates names and
    parents and keeps the remote flags staff have set. Raises BoundaryFileError when
    the file as a whole cannot be read.
    """
    known = {g.pcode: (g.name_ar, g.name_en) for g in Governorate.objects.all()}
    parsed = parse_boundary_table(upload, filename, known)
    result = ImportResult(rows=parsed.rows, errors=parsed.errors)
    if parsed.errors or dry_run:
        return result
    with transaction.atomic():
        governorates = {g.pcode: g for g in Governorate.objects.all()}
        districts = _upsert(District, "governorate", parsed.units[2], governorates, result)
        subdistricts = _upsert(Subdistrict, "district", parsed.units[3], districts, result)
        _upsert(Locality, "subdistrict", parsed.units[4], subdistricts, result)
        audit_record(
            actor=actor,
            verb="geo.boundaries_imported",
            object_type="geo.boundaries",
            object_id=filename[:64],
            changes={"rows": result.rows, "created": result.created, "updated": result.updated},
        )
    return result


def _upsert(
    model: type[Place],
    parent_field: str,
    units: dict[str, Unit],
    parents: dict[str, Any],
    result: ImportResult,
) -> dict[str, Any]:
    label = model._meta.model_name or ""
    existing = {obj.pcode: obj for obj in model._default_manager.filter(pcode__in=list(units))}
    to_create, to_update = [], []
    for pcode, unit in units.items():
        parent = parents[unit.parent]
        obj = existing.get(pcode)
        search_text = normalize_ar(f"{unit.name_ar} {unit.name_en}")
        if obj is None:
            obj = model(
                pcode=pcode,
                name_ar=unit.name_ar,
                name_en=unit.name_en,
                search_text=search_text,
                **{parent_field: parent},
            )
            to_create.append(obj)
        elif (obj.name_ar, obj.name_en, getattr(obj, f"{parent_field}_id")) != (
            unit.name_ar,
            unit.name_en,
            parent.pk,
        ):
            obj.name_ar, obj.name_en, obj.search_text = unit.name_ar, unit.name_en, search_text
            setattr(obj, parent_field, parent)
            to_update.append(obj)
    model._default_manager.bulk_create(to_create, batch_size=1000)
    model._default_manager.bulk_update(
        to_update, ["name_ar", "name_en", "search_text", parent_field], batch_size=1000
    )
    result.created[label] = len(to_create)
    result.updated[label] = len(to_update)
    return {obj.pcode: obj for obj in model._default_manager.filter(pcode__in=list(units))}


def place_set_remote[P: (Subdistrict, Locality)](*, place: P, remote: bool, actor: Any) -> P:
    """Flag or unflag a subdistrict or locality as remote (audited)."""
    with transaction.atomic():
        locked = type(place)._default_manager.select_for_update().get(pk=place.pk)
        if locked.remote == remote:
            return locked
        locked.remote = remote
        locked.save(update_fields=["remote"])
        audit_record(
            actor=actor,
            verb="geo.remote_flag_set" if remote else "geo.remote_flag_cleared",
            target=locked,
            changes={"remote": [not remote, remote]},
        )
    return locked
