from django.contrib import admin

from mujtama.impact.models import VulnerabilityCriterion


@admin.register(VulnerabilityCriterion)
class VulnerabilityCriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ar", "name_en", "is_active", "order"]
    # Edited on the target-groups staff page, where changes are audited.
    readonly_fields = ["code", "name_ar", "name_en", "is_active", "order"]
