from django.contrib import admin

from mujtama.geo.models import District, Governorate, Locality, Subdistrict


@admin.register(Governorate)
class GovernorateAdmin(admin.ModelAdmin):
    list_display = ["pcode", "iso_code", "name_ar", "name_en"]
    readonly_fields = ["pcode", "iso_code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["pcode", "name_ar", "name_en", "governorate"]
    list_filter = ["governorate"]
    search_fields = ["pcode", "name_ar", "name_en"]
    list_select_related = ["governorate"]


@admin.register(Subdistrict)
class SubdistrictAdmin(admin.ModelAdmin):
    list_display = ["pcode", "name_ar", "name_en", "district", "remote"]
    list_filter = ["remote", "district__governorate"]
    search_fields = ["pcode", "name_ar", "name_en"]
    list_select_related = ["district"]
    readonly_fields = ["remote"]


@admin.register(Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = ["pcode", "name_ar", "name_en", "subdistrict", "remote"]
    list_filter = ["remote", "subdistrict__district__governorate"]
    search_fields = ["pcode", "name_ar", "name_en"]
    list_select_related = ["subdistrict"]
    raw_id_fields = ["subdistrict"]
    readonly_fields = ["remote"]
