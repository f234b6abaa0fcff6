"""The 14 built-in governorates (migration 0002) and the public API that lists them."""

import re

import pytest

from mujtama.geo.models import Governorate

# ISO 3166-2:SY subdivision codes by OCHA admin1 P-code, written out independently of
# mujtama/geo/data.py so that a slip there shows up here.
ISO_BY_PCODE = {
    "SY01": "SY-DI",  # Damascus
    "SY02": "SY-HL",  # Aleppo
    "SY03": "SY-RD",  # Rural Damascus
    "SY04": "SY-HI",  # Homs
    "SY05": "SY-HM",  # Hama
    "SY06": "SY-LA",  # Lattakia
    "SY07": "SY-ID",  # Idleb
    "SY08": "SY-HA",  # Al-Hasakeh
    "SY09": "SY-DY",  # Deir-ez-Zor
    "SY10": "SY-TA",  # Tartous
    "SY11": "SY-RA",  # Ar-Raqqa
    "SY12": "SY-DR",  # Dar'a
    "SY13": "SY-SU",  # As-Sweida
    "SY14": "SY-QU",  # Quneitra
}
ARABIC_LETTERS = re.compile(r"^[\u0621-\u064a ]+$")
API_URL = "/api/v1/governorates/"

pytestmark = pytest.mark.django_db


def test_exactly_the_fourteen_pcodes_sy01_to_sy14_exist():
    pcodes = list(Governorate.objects.order_by("pcode").values_list("pcode", flat=True))
    assert pcodes == [f"SY{n:02d}" for n in range(1, 15)]


def test_each_governorate_has_a_unique_iso_code_and_both_names():
    governorates = list(Governorate.objects.all())
    iso_codes = [g.iso_code for g in governorates]
    assert len(set(iso_codes)) == len(iso_codes) == 14
    for governorate in governorates:
        assert re.fullmatch(r"SY-[A-Z]{2}", governorate.iso_code), governorate.pcode
        assert ARABIC_LETTERS.match(governorate.name_ar), governorate.pcode
        assert re.fullmatch(r"[A-Za-z][A-Za-z' -]+", governorate.name_en), governorate.pcode


def test_iso_codes_match_iso_3166_2_sy():
    actual = dict(Governorate.objects.values_list("pcode", "iso_code"))
    assert actual == ISO_BY_PCODE


@pytest.mark.parametrize(
    ("pcode", "name_ar", "name_en", "iso_code"),
    [
        ("SY01", "دمشق", "Damascus", "SY-DI"),
        ("SY03", "ريف دمشق", "Rural Damascus", "SY-RD"),
        ("SY09", "دير الزور", "Deir-ez-Zor", "SY-DY"),
        ("SY14", "القنيطرة", "Quneitra", "SY-QU"),
    ],
)
def test_spot_checks(pcode, name_ar, name_en, iso_code):
    governorate = Governorate.objects.get(pcode=pcode)
    assert (governorate.name_ar, governorate.name_en, governorate.iso_code) == (
        name_ar,
        name_en,
        iso_code,
    )


def test_search_text_is_filled_by_the_migration():
    # The migration writes rows without Place.save, so it must fill search_text itself.
    rural = Governorate.objects.get(pcode="SY03")
    assert rural.search_text == "ريف دمشق rural damascus"
    assert Governorate.objects.filter(search_text__contains="حماه").get().pcode == "SY05"
    assert not Governorate.objects.filter(search_text="").exists()


def test_name_follows_the_active_language():
    from django.utils import translation

    quneitra = Governorate.objects.get(pcode="SY14")
    with translation.override("ar"):
        assert str(quneitra) == "القنيطرة"
    with translation.override("en"):
        assert str(quneitra) == "Quneitra"


def test_api_lists_the_fourteen_governorates_to_anyone(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(API_URL)
    assert response.status_code == 200
    data = response.json()
    assert isinstance(data, list)
    assert len(data) == 14
    for item in data:
        assert set(item) == {"pcode", "iso_code", "name_ar", "name_en"}
    assert [item["pcode"] for item in data] == [f"SY{n:02d}" for n in range(1, 15)]
    by_pcode = {item["pcode"]: item for item in data}
    assert by_pcode["SY01"] == {
        "pcode": "SY01",
        "iso_code": "SY-DI",
        "name_ar": "دمشق",
        "name_en": "Damascus",
    }
    assert {item["pcode"]: item["iso_code"] for item in data} == ISO_BY_PCODE


def test_api_is_the_same_for_a_signed_in_citizen(client, citizen):
    anonymous = client.get(API_URL).json()
    client.force_login(citizen)
    response = client.get(API_URL)
    assert response.status_code == 200
    assert response.json() == anonymous


def test_api_does_not_accept_writes(client, platform_admin):
    client.force_login(platform_admin)
    response = client.post(
        API_URL, {"pcode": "SY15", "iso_code": "SY-XX", "name_ar": "س", "name_en": "X"}
    )
    assert response.status_code in (403, 405)
    assert Governorate.objects.count() == 14
