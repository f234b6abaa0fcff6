from typing import Any

from django.db import transaction

from mujtama.core.services import audit_record, record_save
from mujtama.impact.models import TargetGroupSettings, VulnerabilityCriterion


def target_settings_update(
    *, actor: Any, youth_min_age: int, youth_max_age: int
) -> TargetGroupSettings:
    with transaction.atomic():
        current = TargetGroupSettings.current()
        before = [current.youth_min_age, current.youth_max_age]
        current.youth_min_age, current.youth_max_age = youth_min_age, youth_max_age
        current.full_clean()
        current.save()
        if before != [youth_min_age, youth_max_age]:
            audit_record(
                actor=actor,
                verb="impact.youth_range_changed",
                target=current,
                changes={"youth_age_range": [before, [youth_min_age, youth_max_age]]},
            )
    return current


def criterion_save(
    *, actor: Any, criterion: VulnerabilityCriterion | None = None, **fields: Any
) -> VulnerabilityCriterion:
    """Create or change a criterion of the vulnerable-families checklist. Criteria are
    retired (``is_active=False``), never deleted: declarations refer to them."""
    return record_save(
        actor=actor,
        model=VulnerabilityCriterion,
        instance=criterion,
        fields=fields,
        verb="impact.criterion",
    )
