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
ROWS = [
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
REMOTE_SUBDISTRICTS = ["DEMO-S090202", "DEMO-S130102"]
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
