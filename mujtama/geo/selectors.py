from django.db.models import Count, Q, QuerySet

from mujtama.core.arabic import normalize_ar
from mujtama.geo.models import Governorate, Locality, Subdistrict


def governorates() -> QuerySet[Governorate]:
    return Governorate.objects.order_by("pcode")


def governorates_with_counts() -> QuerySet[Governorate]:
    return governorates().annotate(
        district_count=Count("districts", distinct=True),
        subdistrict_count=Count("districts__subdistricts", distinct=True),
        locality_count=Count("districts__subdistricts__localities", distinct=True),
        remote_locality_count=Count(
            "districts__subdistricts__localities",
            filter=Q(districts__subdistricts__localities__remote=True)
            | Q(districts__subdistricts__remote=True),
            distinct=True,
        ),
    )


def subdistricts_of(governorate: Governorate) -> QuerySet[Subdistrict]:
    return (
        Subdistrict.objects.filter(district__governorate=governorate)
        .select_related("district")
        .annotate(locality_count=Count("localities"))
        .order_by("district__pcode", "pcode")
    )


def localities_of(governorate: Governorate, *, query: str = "") -> QuerySet[Locality]:
    localities = Locality.objects.filter(
        subdistrict__district__governorate=governorate
    ).select_related("subdistrict")
    needle = normalize_ar(query)
    if needle:
        localities = localities.filter(Q(search_text__contains=needle) | Q(pcode__iexact=query))
    return localities.order_by("subdistrict__pcode", "pcode")
