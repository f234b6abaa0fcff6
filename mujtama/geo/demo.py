"""A small demo slice of geography: real place names under DEMO- P-codes.

The official administrative-boundary table is not shipped (it is third-party data);
import it with `python manage.py import_admin_boundaries FILE` for the real codes."""

import io
from typing import IO

from mujtama.geo.models import Locality, Subdistrict
from mujtama.geo.services import boundaries_import

HEADER = (
    "admin1Pcode,admin1Name_ar,admin1Name_en,admin2Pcode,admin2Name_ar,admin2Name_en,"
    "admin3Pcode,admin3Name_ar,admin3Name_en,admin4Pcode,admin4Name_ar,admin4Name_en"
)
ROWS: list[tuple[str, ...]] = [
    # Deir-ez-Zor: the eastern Euphrates valley
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0901",
        "الميادين",
        "Al Mayadin",
        "DEMO-S090101",
        "الميادين",
        "Al Mayadin",
        "DEMO-L09010101",
        "الميادين",
        "Al Mayadin",
    ),
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0901",
        "الميادين",
        "Al Mayadin",
        "DEMO-S090101",
        "الميادين",
        "Al Mayadin",
        "DEMO-L09010102",
        "محكان",
        "Mhakan",
    ),
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0901",
        "الميادين",
        "Al Mayadin",
        "DEMO-S090102",
        "العشارة",
        "Ashara",
        "DEMO-L09010201",
        "العشارة",
        "Ashara",
    ),
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0901",
        "الميادين",
        "Al Mayadin",
        "DEMO-S090102",
        "العشارة",
        "Ashara",
        "DEMO-L09010202",
        "الصبحة",
        "As-Sabha",
    ),
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0902",
        "البوكمال",
        "Abu Kamal",
        "DEMO-S090201",
        "البوكمال",
        "Abu Kamal",
        "DEMO-L09020101",
        "البوكمال",
        "Abu Kamal",
    ),
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0902",
        "البوكمال",
        "Abu Kamal",
        "DEMO-S090202",
        "هجين",
        "Hajin",
        "DEMO-L09020201",
        "هجين",
        "Hajin",
    ),
    (
        "SY09",
        "دير الزور",
        "Deir-ez-Zor",
        "DEMO-D0902",
        "البوكمال",
        "Abu Kamal",
        "DEMO-S090202",
        "هجين",
        "Hajin",
        "DEMO-L09020202",
        "الشعفة",
        "Ash-Sha'fa",
    ),
    # As-Sweida: the south
    (
        "SY13",
        "السويداء",
        "As-Sweida",
        "DEMO-D1301",
        "صلخد",
        "Salkhad",
        "DEMO-S130101",
        "صلخد",
        "Salkhad",
        "DEMO-L13010101",
        "صلخد",
        "Salkhad",
    ),
    (
        "SY13",
        "السويداء",
        "As-Sweida",
        "DEMO-D1301",
        "صلخد",
        "Salkhad",
        "DEMO-S130102",
        "ملح",
        "Malah",
        "DEMO-L13010201",
        "ملح",
        "Malah",
    ),
    (
        "SY13",
        "السويداء",
        "As-Sweida",
        "DEMO-D1302",
        "شهبا",
        "Shahba",
        "DEMO-S130201",
        "شهبا",
        "Shahba",
        "DEMO-L13020101",
        "شهبا",
        "Shahba",
    ),
    (
        "SY13",
        "السويداء",
        "As-Sweida",
        "DEMO-D1302",
        "شهبا",
        "Shahba",
        "DEMO-S130201",
        "شهبا",
        "Shahba",
        "DEMO-L13020102",
        "عرمان",
        "Orman",
    ),
]
# The other governorates: a district each, with the towns and neighbourhoods where the
# demo's initiatives hold their activities: (governorate, district, [(subdistrict,
# [localities])]), names in Arabic and English.
MORE: list[tuple[str, tuple[str, str], list[tuple[tuple[str, str], list[tuple[str, str]]]]]] = [
    (
        "SY01",
        ("دمشق", "Damascus"),
        [
            (("دمشق", "Damascus"), [("دمشق", "Damascus"), ("برزة", "Barzeh"), ("المزة", "Mezzeh")]),
        ],
    ),
    (
        "SY02",
        ("جبل سمعان", "Jebel Saman"),
        [
            (("حلب", "Aleppo"), [("حلب", "Aleppo")]),
            (("السفيرة", "As-Safira"), [("السفيرة", "As-Safira"), ("دير حافر", "Deir Hafer")]),
            (("الأتارب", "Atareb"), [("الأتارب", "Atareb")]),
        ],
    ),
    (
        "SY03",
        ("دوما", "Duma"),
        [
            (("دوما", "Duma"), [("دوما", "Duma"), ("حرستا", "Harasta"), ("عربين", "Arbin")]),
            (("يبرود", "Yabroud"), [("يبرود", "Yabroud"), ("النبك", "An Nabk")]),
            (("داريا", "Darayya"), [("داريا", "Darayya")]),
        ],
    ),
    (
        "SY04",
        ("حمص", "Homs"),
        [
            (("حمص", "Homs"), [("حمص", "Homs"), ("القصير", "Al-Qusayr")]),
            (("الرستن", "Ar-Rastan"), [("الرستن", "Ar-Rastan"), ("تلبيسة", "Talbiseh")]),
            (("تدمر", "Tadmor"), [("تدمر", "Tadmor")]),
        ],
    ),
    (
        "SY05",
        ("حماة", "Hama"),
        [
            (("حماة", "Hama"), [("حماة", "Hama")]),
            (("السلمية", "As-Salamiyeh"), [("السلمية", "As-Salamiyeh")]),
            (("مصياف", "Masyaf"), [("مصياف", "Masyaf")]),
        ],
    ),
    (
        "SY06",
        ("اللاذقية", "Lattakia"),
        [
            (("اللاذقية", "Lattakia"), [("اللاذقية", "Lattakia")]),
            (("جبلة", "Jableh"), [("جبلة", "Jableh")]),
        ],
    ),
    (
        "SY07",
        ("إدلب", "Idleb"),
        [
            (("إدلب", "Idleb"), [("إدلب", "Idleb"), ("أريحا", "Ariha"), ("سراقب", "Saraqab")]),
            (("معرة النعمان", "Maarrat An Nu'man"), [("معرة النعمان", "Maarrat An Nu'man")]),
            (("الدانا", "Dana"), [("أطمة", "Atma"), ("سرمدا", "Sarmada")]),
        ],
    ),
    (
        "SY08",
        ("الحسكة", "Al-Hasakeh"),
        [
            (("الحسكة", "Al-Hasakeh"), [("الحسكة", "Al-Hasakeh"), ("تل تمر", "Tal Tamer")]),
            (("القامشلي", "Quamishli"), [("القامشلي", "Quamishli")]),
            (("الشدادي", "Ash Shadadi"), [("الشدادي", "Ash Shadadi")]),
        ],
    ),
    (
        "SY10",
        ("طرطوس", "Tartous"),
        [
            (("طرطوس", "Tartous"), [("طرطوس", "Tartous")]),
            (("بانياس", "Banyas"), [("بانياس", "Banyas")]),
            (("صافيتا", "Safita"), [("صافيتا", "Safita")]),
        ],
    ),
    (
        "SY11",
        ("الرقة", "Ar-Raqqa"),
        [
            (("الرقة", "Ar-Raqqa"), [("الرقة", "Ar-Raqqa")]),
            (("الطبقة", "Ath-Thawrah"), [("الطبقة", "At-Tabqa"), ("المنصورة", "Al-Mansura")]),
            (("الكرامة", "Karama"), [("الكرامة", "Karama")]),
        ],
    ),
    (
        "SY12",
        ("درعا", "Dar'a"),
        [
            (("درعا", "Dar'a"), [("درعا", "Dar'a"), ("بصرى الشام", "Busra Esh-Sham")]),
            (
                ("إزرع", "Izra'"),
                [("إزرع", "Izra'"), ("الشيخ مسكين", "Sheikh Miskine"), ("نوى", "Nawa")],
            ),
        ],
    ),
    (
        "SY14",
        ("القنيطرة", "Quneitra"),
        [
            (("القنيطرة", "Quneitra"), [("القنيطرة", "Quneitra"), ("خان أرنبة", "Khan Arnaba")]),
        ],
    ),
]
GOVERNORATE_NAMES = {
    "SY01": ("دمشق", "Damascus"),
    "SY02": ("حلب", "Aleppo"),
    "SY03": ("ريف دمشق", "Rural Damascus"),
    "SY04": ("حمص", "Homs"),
    "SY05": ("حماة", "Hama"),
    "SY06": ("اللاذقية", "Lattakia"),
    "SY07": ("إدلب", "Idleb"),
    "SY08": ("الحسكة", "Al-Hasakeh"),
    "SY10": ("طرطوس", "Tartous"),
    "SY11": ("الرقة", "Ar-Raqqa"),
    "SY12": ("درعا", "Dar'a"),
    "SY14": ("القنيطرة", "Quneitra"),
}


def _more_rows() -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for pcode, (district_ar, district_en), subdistricts in MORE:
        number = pcode[2:]
        district = f"DEMO-D{number}01"
        for s, ((sub_ar, sub_en), localities) in enumerate(subdistricts, start=1):
            subdistrict = f"{district.replace('-D', '-S')}{s:02d}"
            for n, (name_ar, name_en) in enumerate(localities, start=1):
                rows.append(
                    (
                        pcode,
                        *GOVERNORATE_NAMES[pcode],
                        district,
                        district_ar,
                        district_en,
                        subdistrict,
                        sub_ar,
                        sub_en,
                        f"{subdistrict.replace('-S', '-L')}{n:02d}",
                        name_ar,
                        name_en,
                    )
                )
    return rows


ROWS += _more_rows()
REMOTE_SUBDISTRICTS = [
    "DEMO-S090202",
    "DEMO-S130102",
    "DEMO-S040103",  # Tadmor, in the desert
    "DEMO-S020102",  # As-Safira, east of Aleppo
    "DEMO-S070103",  # the camps of Dana
    "DEMO-S080103",  # Ash Shadadi
    "DEMO-S110103",  # Karama
]
REMOTE_LOCALITIES = ["DEMO-L09010102"]


def seed(out: IO[str]) -> None:
    if Locality.objects.filter(pcode=ROWS[-1][9]).exists():
        out.write("Demo geography: already there\n")
        return
    table = "\n".join([HEADER, *(",".join(row) for row in ROWS)]).encode()
    result = boundaries_import(upload=io.BytesIO(table), filename="demo-boundaries.csv")
    if not result.ok:
        raise RuntimeError(f"demo geography failed: {[str(e) for e in result.errors]}")
    Subdistrict.objects.filter(pcode__in=REMOTE_SUBDISTRICTS).update(remote=True)
    Locality.objects.filter(pcode__in=REMOTE_LOCALITIES).update(remote=True)
    out.write(f"Demo geography: {len(ROWS)} localities (DEMO- P-codes)\n")
