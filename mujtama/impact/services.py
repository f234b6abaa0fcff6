from typing import Any

from django.db import transaction

from mujtama.core.services import audit_record
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
    with transaction.atomic():
        created = criterion is None
        # Re-read: a bound ModelForm has already written its values on the instance.
        criterion = (
            VulnerabilityCriterion()
            if criterion is None
            else VulnerabilityCriterion.objects.select_for_update().get(pk=criterion.pk)
        )
        before = {name: getattr(criterion, name, None) for name in fields}
        for name, value in fields.items():
            setattr(criterion, name, value)
        criterion.full_clean()
        criterion.save()
        changes = {k: [before[k], v] for k, v in fields.items() if created or before[k] != v}
        if changes:
            audit_record(
                actor=actor,
                verb="impact.criterion_created" if created else "impact.criterion_changed",
                target=criterion,
                changes=changes,
            )
    return criterion
