"""The admin site shows the registry to platform administrators. Workflow states,
decisions and memberships change only through the staff pages (audited, notified),
so they are read-only here."""

from django.contrib import admin

from mujtama.organizations.models import (
    ExpertiseArea,
    JoiningApplication,
    JoiningCriteria,
    LicensingFile,
    LicensingStep,
    Membership,
    Organization,
    OrganizationDocument,
    OrganizationMember,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MemberInline(admin.TabularInline):
    model = OrganizationMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_en", "kind", "legal_status", "created_at"]
    list_filter = ["kind", "legal_status", "scope", "governorates"]
    search_fields = ["name_ar", "name_en", "registration_number", "search_text"]
    readonly_fields = ["legal_status", "created_by", "logo"]
    filter_horizontal = ["governorates", "expertise_areas"]
    inlines = [MemberInline]


@admin.register(JoiningApplication)
class JoiningApplicationAdmin(ReadOnlyAdmin):
    list_display = ["organization", "status", "submitted_at", "assigned_to", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["organization", "assigned_to"]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["organization", "status", "started_at", "expires_at", "provisional_until"]
    list_filter = ["status"]
    list_select_related = ["organization"]


@admin.register(LicensingFile)
class LicensingFileAdmin(ReadOnlyAdmin):
    list_display = ["organization", "status", "submitted_at", "license_number"]
    list_filter = ["status"]
    list_select_related = ["organization"]


@admin.register(JoiningCriteria)
class JoiningCriteriaAdmin(ReadOnlyAdmin):
    list_display = ["title_ar", "number", "version", "status", "published_at"]


@admin.register(OrganizationDocument)
class OrganizationDocumentAdmin(ReadOnlyAdmin):
    list_display = ["organization", "kind", "original_name", "size", "uploaded_at"]
    list_filter = ["kind"]
    list_select_related = ["organization"]


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_ar", "name_en", "is_active", "order"]


@admin.register(LicensingStep)
class LicensingStepAdmin(ReadOnlyAdmin):
    list_display = ["code", "name_ar", "name_en", "is_active", "order"]
