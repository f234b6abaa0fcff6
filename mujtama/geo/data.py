"""The 14 governorates with their OCHA P-codes (admin1Pcode of the Syria common
operational dataset, COD-AB), ISO 3166-2 codes and names.

``import_admin_boundaries`` cross-checks these against the official table it is
given and refuses a file whose governorate names contradict a code here."""

GOVERNORATES: list[tuple[str, str, str, str]] = [
    # (P-code, ISO 3166-2, Arabic, English)
    ("SY01", "SY-DI", "دمشق", "Damascus"),
    ("SY02", "SY-HL", "حلب", "Aleppo"),
    ("SY03", "SY-RD", "ريف دمشق", "Rural Damascus"),
    ("SY04", "SY-HI", "حمص", "Homs"),
    ("SY05", "SY-HM", "حماة", "Hama"),
    ("SY06", "SY-LA", "اللاذقية", "Lattakia"),
    ("SY07", "SY-ID", "إدلب", "Idleb"),
    ("SY08", "SY-HA", "الحسكة", "Al-Hasakeh"),
    ("SY09", "SY-DY", "دير الزور", "Deir-ez-Zor"),
    ("SY10", "SY-TA", "طرطوس", "Tartous"),
    ("SY11", "SY-RA", "الرقة", "Ar-Raqqa"),
    ("SY12", "SY-DR", "درعا", "Dar'a"),
    ("SY13", "SY-SU", "السويداء", "As-Sweida"),
    ("SY14", "SY-QU", "القنيطرة", "Quneitra"),
]
