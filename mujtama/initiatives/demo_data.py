"""The data behind ``mujtama.initiatives.demo``: about a hundred initiatives of member
organizations in the fourteen governorates, the indicators and activities of those
under way or done, a few people recorded by name, and volunteer opportunities with the
volunteers who applied to them and the hours they gave.

An initiative is written as a row naming a theme (what is done), a target group (for
whom) and a place (where); its title and description are the theme's sentences with
the group and the place put in. Every name, phone number and figure is invented for
the demo; places are real.
"""

from typing import NamedTuple

# --- Places -----------------------------------------------------------------------------


class Place(NamedTuple):
    governorate: str  # P-code
    ar: str  # "في ريف دير الزور", as it follows a noun
    en: str
    # Localities where activities are held, by their Arabic name in the governorate;
    # a place none of whose localities is in the geography has its activities online.
    localities: tuple[str, ...] = ()
    # Whether the people reached there live in a remote area (when no locality says).
    remote: bool = False


PLACES: dict[str, Place] = {
    # Damascus
    "damascus": Place("SY01", "في دمشق", "in Damascus", ("دمشق",)),
    "old-damascus": Place(
        "SY01", "في أحياء دمشق القديمة", "in the old quarters of Damascus", ("دمشق",)
    ),
    "barzeh": Place("SY01", "في حي برزة", "in Barzeh", ("برزة",)),
    "mezzeh": Place("SY01", "في المزة", "in Mezzeh", ("المزة",)),
    # Aleppo
    "aleppo": Place("SY02", "في حلب", "in Aleppo", ("حلب",)),
    "east-aleppo": Place(
        "SY02", "في الأحياء الشرقية من حلب", "in the eastern neighbourhoods of Aleppo", ("حلب",)
    ),
    "rural-aleppo": Place(
        "SY02", "في ريف حلب", "in rural Aleppo", ("السفيرة", "دير حافر", "الأتارب"), remote=True
    ),
    "safira": Place("SY02", "في السفيرة", "in As-Safira", ("السفيرة",)),
    # Rural Damascus
    "ghouta": Place("SY03", "في الغوطة الشرقية", "in Eastern Ghouta", ("دوما", "حرستا", "عربين")),
    "douma": Place("SY03", "في دوما", "in Douma", ("دوما",)),
    "qalamoun": Place("SY03", "في القلمون", "in Qalamoun", ("يبرود", "النبك")),
    "darayya": Place("SY03", "في داريا", "in Darayya", ("داريا",)),
    # Homs
    "homs": Place("SY04", "في حمص", "in Homs", ("حمص",)),
    "rural-homs": Place(
        "SY04", "في ريف حمص الشمالي", "in rural northern Homs", ("الرستن", "تلبيسة")
    ),
    "palmyra": Place("SY04", "في تدمر", "in Palmyra", ("تدمر",), remote=True),
    "qusayr": Place("SY04", "في القصير", "in Al-Qusayr", ("القصير",)),
    # Hama
    "hama": Place("SY05", "في حماة", "in Hama", ("حماة",)),
    "salamiyah": Place("SY05", "في السلمية", "in Salamiyah", ("السلمية",)),
    "rural-hama": Place(
        "SY05",
        "في ريف حماة الشمالي",
        "in rural northern Hama",
        ("مورك", "كفرزيتا", "اللطامنة"),
        remote=True,
    ),
    "masyaf": Place("SY05", "في مصياف", "in Masyaf", ("مصياف",)),
    # Lattakia
    "lattakia": Place("SY06", "في اللاذقية", "in Lattakia", ("اللاذقية",)),
    "jableh": Place("SY06", "في جبلة", "in Jableh", ("جبلة",)),
    "lattakia-mountains": Place(
        "SY06",
        "في القرى الجبلية من ريف اللاذقية",
        "in the mountain villages of rural Lattakia",
        ("كسب", "ربيعة"),
        remote=True,
    ),
    # Idleb
    "idleb": Place("SY07", "في إدلب", "in Idleb", ("إدلب",)),
    "idleb-camps": Place(
        "SY07", "في مخيمات إدلب", "in the Idleb camps", ("أطمة", "سرمدا"), remote=True
    ),
    "maarrat": Place("SY07", "في معرة النعمان", "in Maarrat al-Nu'man", ("معرة النعمان",)),
    "rural-idleb": Place("SY07", "في ريف إدلب", "in rural Idleb", ("أريحا", "سراقب"), remote=True),
    # Al-Hasakeh
    "hasakeh": Place("SY08", "في الحسكة", "in Al-Hasakeh", ("الحسكة",)),
    "qamishli": Place("SY08", "في القامشلي", "in Qamishli", ("القامشلي",)),
    "rural-hasakeh": Place(
        "SY08", "في ريف الحسكة", "in rural Al-Hasakeh", ("الشدادي", "تل تمر"), remote=True
    ),
    # Deir-ez-Zor: the demo geography has its localities
    "rural-deir": Place(
        "SY09",
        "في ريف دير الزور",
        "in rural Deir-ez-Zor",
        ("الميادين", "العشارة", "محكان", "الصبحة"),
    ),
    "mayadin": Place("SY09", "في الميادين", "in Al Mayadin", ("الميادين", "محكان")),
    "bukamal": Place("SY09", "في البوكمال", "in Abu Kamal", ("البوكمال", "هجين", "الشعفة")),
    "hajin": Place("SY09", "في هجين والشعفة", "in Hajin and Ash-Sha'fa", ("هجين", "الشعفة")),
    "east-deir": Place(
        "SY09",
        "في قرى ريف دير الزور الشرقي",
        "in the villages of eastern rural Deir-ez-Zor",
        ("محكان", "هجين", "الشعفة", "الصبحة"),
    ),
    "ashara": Place("SY09", "في العشارة", "in Ashara", ("العشارة", "الصبحة")),
    "euphrates": Place(
        "SY09",
        "في بلدات وادي الفرات",
        "in the towns of the Euphrates valley",
        ("الميادين", "العشارة", "البوكمال"),
    ),
    # Tartous
    "tartous": Place("SY10", "في طرطوس", "in Tartous", ("طرطوس",)),
    "banias": Place("SY10", "في بانياس", "in Baniyas", ("بانياس",)),
    "safita": Place("SY10", "في صافيتا", "in Safita", ("صافيتا",)),
    # Ar-Raqqa
    "raqqa": Place("SY11", "في الرقة", "in Ar-Raqqa", ("الرقة",)),
    "tabqa": Place("SY11", "في الطبقة", "in At-Tabqa", ("الطبقة",)),
    "rural-raqqa": Place(
        "SY11", "في ريف الرقة", "in rural Ar-Raqqa", ("الكرامة", "المنصورة"), remote=True
    ),
    # Dar'a
    "daraa": Place("SY12", "في درعا", "in Dar'a", ("درعا",)),
    "hauran": Place("SY12", "في سهل حوران", "in the Hauran plain", ("نوى", "الشيخ مسكين")),
    "izraa": Place("SY12", "في إزرع", "in Izra'", ("إزرع",)),
    "bosra": Place("SY12", "في بصرى الشام", "in Bosra", ("بصرى الشام",)),
    # As-Sweida: the demo geography has its localities
    "sweida": Place("SY13", "في السويداء", "in As-Sweida", ("شهبا", "صلخد", "عرمان")),
    "salkhad": Place("SY13", "في صلخد", "in Salkhad", ("صلخد", "ملح")),
    "shahba": Place("SY13", "في شهبا", "in Shahba", ("شهبا", "عرمان")),
    "south-sweida": Place(
        "SY13",
        "في قرى ريف السويداء الجنوبي",
        "in the villages of southern rural As-Sweida",
        ("ملح", "صلخد", "عرمان"),
    ),
    # Quneitra
    "quneitra": Place("SY14", "في القنيطرة", "in Quneitra", ("القنيطرة",)),
    "khan-arnabeh": Place("SY14", "في خان أرنبة", "in Khan Arnabeh", ("خان أرنبة",)),
    "quneitra-villages": Place(
        "SY14", "في قرى القنيطرة", "in the villages of Quneitra", ("جباتا الخشب",), remote=True
    ),
}


# --- Target groups ----------------------------------------------------------------------

# Age bands as the reach ledger counts them (``mujtama.impact.models.AgeBand``).
CHILD, TEEN, YOUNG, YOUNG_ADULT, ADULT, OLDER = "0-14", "15-17", "18-24", "25-29", "30-59", "60+"


class Group(NamedTuple):
    to_ar: str  # "للشباب": the group in a title
    to_en: str
    who_ar: str  # "الشباب والشابات": the group in a sentence
    who_en: str
    women: float  # share of women and girls among the people reached
    ages: dict[str, int]  # weights of the age bands
    vulnerable: float  # share of people from vulnerable families
    concerns_vulnerable: bool = False  # an initiative for vulnerable families


GROUPS: dict[str, Group] = {
    "youth": Group(
        "للشباب",
        "for young people",
        "الشباب والشابات",
        "young women and men",
        0.46,
        {TEEN: 2, YOUNG: 6, YOUNG_ADULT: 3},
        0.1,
    ),
    "women": Group(
        "للنساء", "for women", "النساء", "women", 1.0, {YOUNG: 3, YOUNG_ADULT: 3, ADULT: 5}, 0.15
    ),
    "girls": Group(
        "للفتيات", "for girls", "الفتيات", "girls", 1.0, {CHILD: 4, TEEN: 5, YOUNG: 2}, 0.1
    ),
    "students": Group(
        "لطلاب المدارس",
        "for school students",
        "طلاب المدارس",
        "school students",
        0.5,
        {CHILD: 6, TEEN: 4},
        0.1,
    ),
    "university": Group(
        "لطلاب الجامعات",
        "for university students",
        "طلاب الجامعات",
        "university students",
        0.52,
        {YOUNG: 8, YOUNG_ADULT: 2},
        0.05,
    ),
    "graduates": Group(
        "للخريجين الجدد",
        "for new graduates",
        "الخريجين والخريجات الجدد",
        "new graduates",
        0.5,
        {YOUNG: 5, YOUNG_ADULT: 5},
        0.08,
    ),
    "elderly": Group(
        "لكبار السن",
        "for older people",
        "كبار السن",
        "older people",
        0.55,
        {ADULT: 2, OLDER: 8},
        0.1,
    ),
    "teachers": Group(
        "للمعلمين",
        "for teachers",
        "المعلمين والمعلمات",
        "teachers",
        0.66,
        {YOUNG_ADULT: 3, ADULT: 7},
        0.0,
    ),
    "farmers": Group(
        "للمزارعين",
        "for farmers",
        "المزارعين والمزارعات",
        "farmers",
        0.3,
        {YOUNG: 2, YOUNG_ADULT: 2, ADULT: 6, OLDER: 1},
        0.12,
    ),
    "crafts": Group(
        "للحرفيين وأصحاب المشاريع الصغيرة",
        "for craftspeople and small businesses",
        "الحرفيين وأصحاب المشاريع الصغيرة",
        "craftspeople and small-business owners",
        0.45,
        {YOUNG: 2, YOUNG_ADULT: 3, ADULT: 5},
        0.08,
    ),
    "ngos": Group(
        "للجمعيات الأهلية",
        "for community associations",
        "العاملين في الجمعيات الأهلية",
        "the staff of community associations",
        0.55,
        {YOUNG_ADULT: 4, ADULT: 6},
        0.0,
    ),
    "municipal": Group(
        "لموظفي البلديات",
        "for municipal staff",
        "موظفي البلديات",
        "municipal staff",
        0.4,
        {YOUNG_ADULT: 3, ADULT: 7},
        0.0,
    ),
    # Vulnerable families: initiatives for them never show places publicly.
    "displaced": Group(
        "للأسر النازحة",
        "for displaced families",
        "الأسر النازحة",
        "displaced families",
        0.56,
        {CHILD: 2, TEEN: 1, YOUNG: 2, YOUNG_ADULT: 2, ADULT: 4, OLDER: 1},
        0.9,
        concerns_vulnerable=True,
    ),
    "returnees": Group(
        "للأسر العائدة",
        "for returnee families",
        "الأسر العائدة إلى بلداتها",
        "families returning to their towns",
        0.54,
        {CHILD: 2, TEEN: 1, YOUNG: 2, YOUNG_ADULT: 2, ADULT: 4, OLDER: 1},
        0.85,
        concerns_vulnerable=True,
    ),
    "female_headed": Group(
        "للأسر التي تعيلها نساء",
        "for female-headed households",
        "الأسر التي تعيلها نساء",
        "female-headed households",
        0.85,
        {CHILD: 2, TEEN: 1, YOUNG: 2, YOUNG_ADULT: 2, ADULT: 5},
        0.95,
        concerns_vulnerable=True,
    ),
    "low_income": Group(
        "للأسر محدودة الدخل",
        "for low-income families",
        "الأسر محدودة الدخل",
        "low-income families",
        0.52,
        {CHILD: 2, TEEN: 1, YOUNG: 2, YOUNG_ADULT: 2, ADULT: 4, OLDER: 1},
        0.9,
        concerns_vulnerable=True,
    ),
    "disability": Group(
        "للأشخاص ذوي الإعاقة",
        "for people with disabilities",
        "الأشخاص ذوي الإعاقة",
        "people with disabilities",
        0.45,
        {TEEN: 1, YOUNG: 3, YOUNG_ADULT: 2, ADULT: 4, OLDER: 1},
        0.8,
        concerns_vulnerable=True,
    ),
}


# --- Themes -----------------------------------------------------------------------------


class IndicatorSpec(NamedTuple):
    name_ar: str
    name_en: str
    unit_ar: str
    unit_en: str
    # Of the people the activities reached, the share the indicator counts; or, if
    # ``fixed``, a target of its own that readings approach as the work goes on.
    share: float = 0.0
    fixed: int = 0


class ActivitySpec(NamedTuple):
    kind: str  # mujtama.initiatives.models.ActivityType
    title: str
    online: bool = False


class Theme(NamedTuple):
    # {group}/{who}: the target group in a title/in a sentence; {place}: where.
    title_ar: str
    title_en: str
    description_ar: str
    description_en: str
    sector: str
    indicators: tuple[IndicatorSpec, ...]
    activities: tuple[ActivitySpec, ...]
    ages: dict[str, int] | None = None  # whom the activities reach, if not the group's


COMPLETED_TRAINING = IndicatorSpec(
    "عدد المتدربين الذين أتموا التدريب", "Trainees who completed the training", "متدرب", "trainees"
)

THEMES: dict[str, Theme] = {
    "coding": Theme(
        "أكاديمية البرمجة {group} {place}",
        "Coding academy {group} {place}",
        "دورة مكثفة على مدى اثني عشر أسبوعاً تعلّم {who} {place} أساسيات البرمجة وتطوير "
        "مواقع الويب. ينهي كل متدرب الدورة بمشروع تخرج يحل مشكلة من بيئته المحلية.",
        "A twelve-week intensive course teaching {who} {place} the basics of programming and "
        "web development. Each trainee finishes with a graduation project that solves a "
        "problem from their own community.",
        "education",
        (
            COMPLETED_TRAINING._replace(share=0.8),
            IndicatorSpec(
                "عدد مشاريع التخرج المنجزة",
                "Graduation projects completed",
                "مشروع",
                "projects",
                fixed=12,
            ),
        ),
        (
            ActivitySpec("training", "الوحدة الأولى: أساسيات HTML وCSS"),
            ActivitySpec("training", "الوحدة الثانية: البرمجة بلغة بايثون"),
            ActivitySpec("training", "الوحدة الثالثة: قواعد البيانات وتطبيقات الويب"),
            ActivitySpec("mentoring", "جلسات إرشاد لمشاريع التخرج"),
            ActivitySpec("workshop", "يوم عرض مشاريع التخرج"),
        ),
    ),
    "helpdesk": Theme(
        "مكتب مساعدة رقمية {group} {place}",
        "Digital help desk {group} {place}",
        "مكتب ثابت يساعد {who} {place} على إنجاز المعاملات الحكومية الإلكترونية وحجز "
        "المواعيد وتفعيل الحسابات والبطاقات. يعمل فيه متطوعون مدرَّبون ثلاثة أيام في الأسبوع.",
        "A walk-in desk that helps {who} {place} complete government e-services, book "
        "appointments and activate accounts and cards. Trained volunteers staff it three "
        "days a week.",
        "egovernment",
        (
            IndicatorSpec(
                "عدد الأسر التي حصلت على خدمة رقمية",
                "Families that received a digital service",
                "أسرة",
                "families",
                share=0.6,
            ),
            IndicatorSpec(
                "عدد المعاملات الإلكترونية المنجزة",
                "Electronic transactions completed",
                "معاملة",
                "transactions",
                share=1.4,
            ),
        ),
        (
            ActivitySpec("help_desk", "استقبال طلبات المعاملات الإلكترونية"),
            ActivitySpec("awareness", "جلسة تعريف بالخدمات الحكومية الإلكترونية"),
            ActivitySpec("help_desk", "يوم مفتوح لتفعيل حسابات البوابة الحكومية"),
            ActivitySpec("help_desk", "حجز مواعيد جوازات السفر والبطاقات الشخصية إلكترونياً"),
            ActivitySpec("help_desk", "مساعدة الأسر في طلبات الدعم الإلكترونية"),
        ),
    ),
    "emarketing": Theme(
        "تدريب {who} على التسويق الإلكتروني {place}",
        "E-marketing training {group} {place}",
        "برنامج تدريبي عملي يعرّف {who} {place} بطرق عرض المنتجات وبيعها عبر الإنترنت "
        "وإدارة صفحات البيع والتواصل مع الزبائن. يرافق المدربون كل مشارك حتى إطلاق أول "
        "صفحة بيع له.",
        "A hands-on course that shows {who} {place} how to present and sell products "
        "online, run a sales page and deal with customers. The trainers stay with each "
        "participant until their first sales page is live.",
        "livelihoods",
        (
            IndicatorSpec(
                "عدد المشاركين الذين أطلقوا صفحة بيع إلكترونية",
                "Participants who launched an online sales page",
                "مشارك",
                "participants",
                share=0.45,
            ),
            COMPLETED_TRAINING._replace(share=0.85),
        ),
        (
            ActivitySpec("training", "التصوير بالهاتف وعرض المنتجات"),
            ActivitySpec("training", "إدارة صفحات البيع على وسائل التواصل"),
            ActivitySpec("workshop", "ورشة التسعير والتغليف والتوصيل"),
            ActivitySpec("mentoring", "متابعة فردية لإطلاق صفحات البيع"),
        ),
    ),
    "water-hackathon": Theme(
        "هاكاثون حلول المياه {place}",
        "Water solutions hackathon {place}",
        "مسابقة تقنية لثمانٍ وأربعين ساعة تجمع {who} {place} مع مهندسين من مؤسسة المياه "
        "لتطوير حلول رقمية للإبلاغ عن الأعطال وترشيد الاستهلاك. تحصل الفرق الفائزة على "
        "إرشاد لثلاثة أشهر لتحويل نماذجها إلى خدمات فعلية.",
        "A 48-hour technology contest bringing {who} {place} together with engineers from "
        "the water authority to build digital tools for reporting faults and saving water. "
        "The winning teams get three months of mentoring to turn their prototypes into "
        "working services.",
        "research",
        (
            IndicatorSpec(
                "عدد النماذج الأولية المطوّرة",
                "Prototypes developed",
                "نموذج",
                "prototypes",
                fixed=10,
            ),
            IndicatorSpec(
                "عدد المشاركين في الهاكاثون",
                "Hackathon participants",
                "مشارك",
                "participants",
                share=0.7,
            ),
        ),
        (
            ActivitySpec("workshop", "ورشة تعريف بتحديات شبكة المياه"),
            ActivitySpec("hackathon", "الهاكاثون: ثمانٍ وأربعون ساعة من العمل"),
            ActivitySpec("mentoring", "إرشاد الفرق الفائزة"),
            ActivitySpec("workshop", "عرض النماذج على مؤسسة المياه"),
        ),
    ),
    "literacy": Theme(
        "دورات محو الأمية الرقمية {group} {place}",
        "Digital literacy courses {group} {place}",
        "دورات قصيرة بلغة بسيطة تعلّم {who} {place} استخدام الهاتف الذكي والبريد "
        "الإلكتروني وتطبيقات المراسلة والخدمات الحكومية الإلكترونية بأمان.",
        "Short courses in plain language that teach {who} {place} to use a smartphone, "
        "email, messaging apps and government e-services safely.",
        "digital_skills",
        (
            IndicatorSpec(
                "عدد المشاركين القادرين على استخدام الخدمات الإلكترونية وحدهم",
                "Participants able to use e-services on their own",
                "مشارك",
                "participants",
                share=0.7,
            ),
        ),
        (
            ActivitySpec("training", "أساسيات استخدام الهاتف الذكي"),
            ActivitySpec("training", "البريد الإلكتروني وتطبيقات المراسلة"),
            ActivitySpec("training", "الدخول إلى الخدمات الحكومية الإلكترونية"),
            ActivitySpec("awareness", "جلسة الحماية من الاحتيال الإلكتروني"),
        ),
    ),
    "wifi": Theme(
        "نقاط إنترنت مجتمعية {place}",
        "Community internet points {place}",
        "تركيب نقاط اتصال بالإنترنت تعمل بالطاقة الشمسية في مراكز مجتمعية {place}، "
        "وتدريب متطوعين محليين على تشغيلها وصيانتها. تتيح النقاط لسكان المنطقة، ولا سيما "
        "{who}، متابعة الدراسة والعمل والخدمات الإلكترونية مجاناً.",
        "Solar-powered internet access points in community centres {place}, with local "
        "volunteers trained to run and maintain them. They let residents, especially {who}, "
        "study, work and use e-services free of charge.",
        "connectivity",
        (
            IndicatorSpec(
                "عدد نقاط الاتصال العاملة", "Working access points", "نقطة", "points", fixed=8
            ),
            IndicatorSpec("عدد المستخدمين الشهريين", "Monthly users", "مستخدم", "users", share=1.5),
        ),
        (
            ActivitySpec("other", "تركيب نقاط الاتصال وتجهيزها بالطاقة الشمسية"),
            ActivitySpec("training", "تدريب المتطوعين المحليين على التشغيل والصيانة"),
            ActivitySpec("awareness", "تعريف السكان بنقاط الاتصال وشروط استخدامها"),
            ActivitySpec("help_desk", "يوم دعم فني لمستخدمي النقاط"),
        ),
    ),
    "elearning": Theme(
        "دعم التعليم الإلكتروني {group} {place}",
        "E-learning support {group} {place}",
        "تجهيز قاعات مدرسية بحواسيب محمولة وخوادم محتوى تعمل دون اتصال، وتدريب المعلمين "
        "على استخدامها مع {who} {place}. يتضمن المحتوى دروساً مصوّرة في الرياضيات والعلوم "
        "واللغتين العربية والإنكليزية.",
        "Equipping school classrooms with laptops and offline content servers, and training "
        "teachers to use them with {who} {place}. The content includes video lessons in "
        "mathematics, science, Arabic and English.",
        "education",
        (
            IndicatorSpec(
                "عدد الطلاب المستخدمين للمنصة",
                "Students using the platform",
                "طالب",
                "students",
                share=0.75,
            ),
            IndicatorSpec(
                "عدد القاعات المجهزة", "Classrooms equipped", "قاعة", "classrooms", fixed=6
            ),
        ),
        (
            ActivitySpec("other", "تجهيز القاعات وتركيب خوادم المحتوى"),
            ActivitySpec("training", "تدريب المعلمين على المنصة"),
            ActivitySpec("training", "حصص تجريبية مع الطلاب"),
            ActivitySpec("awareness", "لقاء مع الأهالي حول التعلم الإلكتروني"),
        ),
    ),
    "safety": Theme(
        "حملة التوعية بالأمان الرقمي {group} {place}",
        "Online safety awareness campaign {group} {place}",
        "جلسات توعية تفاعلية تساعد {who} {place} على حماية الحسابات والبيانات الشخصية، "
        "والتعرف على رسائل الاحتيال والابتزاز الإلكتروني، ومعرفة جهات الإبلاغ.",
        "Interactive awareness sessions that help {who} {place} protect their accounts and "
        "personal data, recognise scam and blackmail messages and know where to report them.",
        "digital_skills",
        (
            IndicatorSpec(
                "عدد المشاركين في جلسات التوعية",
                "People who attended the awareness sessions",
                "مشارك",
                "participants",
                share=1.0,
            ),
        ),
        (
            ActivitySpec("awareness", "كلمات المرور والتحقق بخطوتين"),
            ActivitySpec("awareness", "رسائل الاحتيال وكيف نكشفها"),
            ActivitySpec("awareness", "الابتزاز الإلكتروني وجهات الإبلاغ"),
            ActivitySpec("workshop", "ورشة ضبط إعدادات الخصوصية على الهاتف"),
        ),
    ),
    "freelancing": Theme(
        "برنامج العمل الحر عبر الإنترنت {group} {place}",
        "Online freelancing programme {group} {place}",
        "يؤهل البرنامج {who} {place} للعمل الحر عن بُعد في الترجمة والتصميم وإدخال "
        "البيانات، من إعداد الملف المهني وكتابة العروض إلى طرق استلام الأجور. يتابع "
        "المرشدون كل مشارك حتى حصوله على أول عقد.",
        "The programme prepares {who} {place} for remote freelance work in translation, "
        "design and data entry, from building a profile and writing proposals to receiving "
        "payments. Mentors follow each participant until they win a first contract.",
        "livelihoods",
        (
            IndicatorSpec(
                "عدد المشاركين الذين حصلوا على أول عقد عمل حر",
                "Participants who won a first freelance contract",
                "مشارك",
                "participants",
                share=0.3,
            ),
            COMPLETED_TRAINING._replace(share=0.8),
        ),
        (
            ActivitySpec("training", "إعداد الملف المهني على منصات العمل الحر"),
            ActivitySpec("training", "كتابة العروض والتفاوض مع العملاء", online=True),
            ActivitySpec("mentoring", "إرشاد فردي للحصول على أول عقد", online=True),
            ActivitySpec("workshop", "لقاء مع عاملين مستقلين ناجحين"),
        ),
    ),
    "egov-accounts": Theme(
        "حملة تفعيل حسابات الخدمات الحكومية الإلكترونية {group} {place}",
        "Government e-services account drive {group} {place}",
        "حملة ميدانية تساعد {who} {place} على إنشاء حسابات على بوابة الخدمات الحكومية "
        "وتفعيلها، وتشرح الخدمات المتاحة عبرها. تُنفَّذ بالتعاون مع الوحدات الإدارية المحلية.",
        "A field campaign helping {who} {place} create and activate accounts on the "
        "government services portal, and explaining the services it offers. It is run with "
        "the local administrative units.",
        "egovernment",
        (
            IndicatorSpec(
                "عدد الحسابات المفعّلة", "Accounts activated", "حساب", "accounts", share=0.8
            ),
        ),
        (
            ActivitySpec("help_desk", "خيمة تفعيل الحسابات في الساحة العامة"),
            ActivitySpec("awareness", "جلسة تعريف بخدمات البوابة الحكومية"),
            ActivitySpec("help_desk", "جولة تفعيل الحسابات في الأحياء والقرى"),
            ActivitySpec("help_desk", "يوم تفعيل حسابات الدفع الإلكتروني"),
        ),
    ),
    "repair": Theme(
        "مختبر صيانة الحواسيب والهواتف {group} {place}",
        "Computer and phone repair lab {group} {place}",
        "مختبر تدريبي لتعليم {who} {place} صيانة الحواسيب والهواتف المحمولة، يُعاد فيه "
        "تأهيل أجهزة مستعملة توزَّع على طلاب محتاجين. ويحصل كل متخرج على عدة عمل تساعده "
        "على بدء مهنة.",
        "A training lab teaching {who} {place} to repair computers and mobile phones, where "
        "used devices are refurbished and given to students in need. Each graduate receives "
        "a tool kit to start a trade.",
        "livelihoods",
        (
            IndicatorSpec(
                "عدد الأجهزة التي أعيد تأهيلها", "Devices refurbished", "جهاز", "devices", fixed=60
            ),
            COMPLETED_TRAINING._replace(share=0.8),
        ),
        (
            ActivitySpec("training", "أساسيات صيانة الهواتف المحمولة"),
            ActivitySpec("training", "صيانة الحواسيب وتثبيت الأنظمة"),
            ActivitySpec("mentoring", "تدريب عملي في ورش السوق المحلية"),
            ActivitySpec("other", "يوم توزيع الأجهزة المعاد تأهيلها"),
        ),
    ),
    "data-school": Theme(
        "مدرسة تحليل البيانات {group} {place}",
        "Data analysis school {group} {place}",
        "برنامج من ثمانية أسابيع يعلّم {who} {place} جمع البيانات وتنظيفها وتحليلها "
        "بالجداول الإلكترونية ولغة بايثون، وعرض النتائج في لوحات تفاعلية، باستخدام بيانات "
        "مفتوحة عن المحافظة.",
        "An eight-week programme teaching {who} {place} to collect, clean and analyse data "
        "with spreadsheets and Python, and to present the results in interactive dashboards, "
        "using open data about the governorate.",
        "digital_skills",
        (
            COMPLETED_TRAINING._replace(share=0.8),
            IndicatorSpec(
                "عدد لوحات البيانات المنشورة",
                "Dashboards published",
                "لوحة",
                "dashboards",
                fixed=8,
            ),
        ),
        (
            ActivitySpec("training", "الجداول الإلكترونية للتحليل"),
            ActivitySpec("training", "التحليل بلغة بايثون", online=True),
            ActivitySpec("workshop", "ورشة تصميم لوحات البيانات"),
            ActivitySpec("mentoring", "مشاريع تحليل على بيانات المحافظة", online=True),
        ),
    ),
    "divide-study": Theme(
        "دراسة ميدانية للفجوة الرقمية {place}",
        "Field study of the digital divide {place}",
        "مسح ميداني يقيس وصول {who} {place} إلى الإنترنت والأجهزة ومستوى المهارات الرقمية، "
        "وتُنشر نتائجه في تقرير مفتوح يساعد الجهات المحلية على توجيه برامجها.",
        "A field survey measuring how far {who} {place} have access to the internet and "
        "devices and what digital skills they have; the results are published in an open "
        "report to help local bodies target their programmes.",
        "research",
        (
            IndicatorSpec(
                "عدد الأسر المشمولة بالمسح", "Households surveyed", "أسرة", "households", share=0.9
            ),
            IndicatorSpec(
                "عدد التقارير المنشورة", "Reports published", "تقرير", "reports", fixed=2
            ),
        ),
        (
            ActivitySpec("training", "تدريب جامعي البيانات الميدانيين"),
            ActivitySpec("other", "جولة المسح الميداني الأولى"),
            ActivitySpec("other", "جولة المسح الميداني الثانية"),
            ActivitySpec("workshop", "ورشة عرض النتائج على الجهات المحلية"),
        ),
    ),
    "smart-farming": Theme(
        "تطبيقات الزراعة الذكية {group} {place}",
        "Smart farming apps {group} {place}",
        "تدريب {who} {place} على تطبيقات الهاتف لمتابعة الطقس وجدولة الري وتشخيص آفات "
        "المحاصيل، وربطهم بالمهندسين الزراعيين عبر مجموعات إرشاد رقمية.",
        "Training {who} {place} to use phone apps that track the weather, schedule "
        "irrigation and diagnose crop pests, and connecting them with agricultural engineers "
        "through digital extension groups.",
        "livelihoods",
        (
            IndicatorSpec(
                "عدد المزارعين المستخدمين للتطبيقات",
                "Farmers using the apps",
                "مزارع",
                "farmers",
                share=0.6,
            ),
        ),
        (
            ActivitySpec("training", "تطبيقات الطقس وجدولة الري"),
            ActivitySpec("training", "تشخيص آفات المحاصيل بالصور"),
            ActivitySpec("awareness", "إطلاق مجموعات الإرشاد الزراعي الرقمي"),
            ActivitySpec("mentoring", "زيارات متابعة في الحقول"),
        ),
    ),
    "assistive": Theme(
        "التدريب على التقنيات المساعدة {group} {place}",
        "Assistive technology training {group} {place}",
        "تدريب {who} {place} وأسرهم على قارئات الشاشة وأدوات التكبير والإدخال الصوتي، "
        "وتكييف الهواتف والحواسيب بما يناسب احتياجات كل مشارك.",
        "Training {who} {place} and their families in screen readers, magnifiers and voice "
        "input, and adapting phones and computers to each participant's needs.",
        "inclusion",
        (
            IndicatorSpec(
                "عدد المشاركين الذين يستخدمون جهازاً مكيّفاً",
                "Participants using an adapted device",
                "مشارك",
                "participants",
                share=0.6,
            ),
        ),
        (
            ActivitySpec("training", "قارئات الشاشة والإدخال الصوتي"),
            ActivitySpec("other", "تكييف الأجهزة حسب احتياج كل مشارك"),
            ActivitySpec("training", "جلسة للأسر ومقدمي الرعاية"),
            ActivitySpec("awareness", "التعريف بالخدمات الإلكترونية الميسّرة"),
        ),
    ),
    "mobile-lab": Theme(
        "مختبر رقمي متنقل {group} {place}",
        "Mobile digital lab {group} {place}",
        "حافلة مجهزة بحواسيب واتصال بالإنترنت تتنقل بين القرى والبلدات {place}، وتقدّم إلى "
        "{who} دروساً في المهارات الرقمية ومساعدة في المعاملات الإلكترونية حيث لا توجد "
        "مراكز قريبة.",
        "A bus fitted with computers and an internet link that travels between the villages "
        "and towns {place}, offering {who} digital-skills lessons and help with e-services "
        "where there is no centre nearby.",
        "inclusion",
        (
            IndicatorSpec(
                "عدد البلدات التي زارها المختبر", "Towns the lab visited", "بلدة", "towns", fixed=12
            ),
            IndicatorSpec(
                "عدد المستفيدين من الدروس والخدمات",
                "People who used the lessons and services",
                "مستفيد",
                "people",
                share=0.9,
            ),
        ),
        (
            ActivitySpec("training", "محطة المختبر المتنقل: دروس المهارات الأساسية"),
            ActivitySpec("help_desk", "محطة المختبر المتنقل: مساعدة في المعاملات"),
            ActivitySpec("training", "محطة المختبر المتنقل: دروس للأطفال واليافعين"),
            ActivitySpec("awareness", "محطة المختبر المتنقل: جلسة الأمان الرقمي"),
            ActivitySpec("help_desk", "محطة المختبر المتنقل: تفعيل الحسابات الحكومية"),
        ),
    ),
    "teachers": Theme(
        "تأهيل {who} {place} لاستخدام التقانة في الصف",
        "Training {who} {place} to use technology in class",
        "برنامج تدريبي يمكّن {who} {place} من إعداد دروس تفاعلية واستخدام منصات التعلم "
        "الإلكتروني وتقييم الطلاب رقمياً، مع مجتمع ممارسة يتبادلون فيه الدروس.",
        "A training programme enabling {who} {place} to prepare interactive lessons, use "
        "e-learning platforms and assess students digitally, with a community of practice "
        "where they share lessons.",
        "education",
        (
            IndicatorSpec(
                "عدد المعلمين الذين أتموا التدريب",
                "Teachers who completed the training",
                "معلم",
                "teachers",
                share=0.85,
            ),
            IndicatorSpec(
                "عدد الدروس التفاعلية المنشورة",
                "Interactive lessons published",
                "درس",
                "lessons",
                fixed=40,
            ),
        ),
        (
            ActivitySpec("training", "تصميم الدروس التفاعلية"),
            ActivitySpec("training", "منصات التعلم الإلكتروني والتقييم الرقمي", online=True),
            ActivitySpec("workshop", "ورشة تبادل الدروس بين المعلمين"),
            ActivitySpec("mentoring", "زيارات صفية للمتابعة"),
        ),
    ),
    "coding-club": Theme(
        "نادي البرمجة {group} {place}",
        "Coding club {group} {place}",
        "نادٍ أسبوعي يعرّف {who} {place} بالتفكير البرمجي من خلال الألعاب وبرمجة الروبوتات "
        "البسيطة وسكراتش، ويُختتم كل فصل بمعرض للمشاريع.",
        "A weekly club introducing {who} {place} to computational thinking through games, "
        "simple robots and Scratch, with an exhibition of projects at the end of each term.",
        "education",
        (
            IndicatorSpec(
                "عدد الأعضاء المنتظمين في النادي",
                "Regular club members",
                "عضو",
                "members",
                share=0.5,
            ),
            IndicatorSpec(
                "عدد المشاريع المعروضة", "Projects exhibited", "مشروع", "projects", fixed=25
            ),
        ),
        (
            ActivitySpec("training", "لقاءات النادي: التفكير البرمجي بالألعاب"),
            ActivitySpec("training", "لقاءات النادي: برمجة الروبوتات البسيطة"),
            ActivitySpec("training", "لقاءات النادي: مشاريع سكراتش"),
            ActivitySpec("workshop", "معرض مشاريع النادي"),
        ),
    ),
    "open-map": Theme(
        "خريطة مفتوحة للخدمات المحلية {place}",
        "Open map of local services {place}",
        "يرسم متطوعون مع {who} {place} خريطة مفتوحة للمدارس والمراكز الصحية ونقاط المياه "
        "والأفران، وتُتاح الخريطة للجهات المحلية والسكان على الهاتف دون اتصال.",
        "Volunteers and {who} {place} map the schools, health centres, water points and "
        "bakeries, and the open map is shared with local bodies and residents on their "
        "phones, offline.",
        "research",
        (
            IndicatorSpec(
                "عدد المواقع المضافة إلى الخريطة",
                "Places added to the map",
                "موقع",
                "places",
                fixed=400,
            ),
        ),
        (
            ActivitySpec("training", "تدريب المتطوعين على أدوات رسم الخرائط"),
            ActivitySpec("other", "حملة رسم الخرائط الميدانية"),
            ActivitySpec("workshop", "ورشة التحقق من بيانات الخريطة"),
            ActivitySpec("awareness", "عرض الخريطة على السكان والجهات المحلية"),
        ),
    ),
    "startups": Theme(
        "معسكر ريادة الأعمال التقنية {group} {place}",
        "Tech entrepreneurship bootcamp {group} {place}",
        "معسكر لستة أسابيع يساعد {who} {place} على تحويل الأفكار إلى مشاريع تقنية صغيرة، "
        "من دراسة السوق إلى النموذج الأولي وخطة العمل، وينتهي بيوم عرض أمام ممولين محليين.",
        "A six-week bootcamp helping {who} {place} turn ideas into small technology "
        "ventures, from market research to a prototype and a business plan, ending with a "
        "pitch day before local funders.",
        "livelihoods",
        (
            IndicatorSpec(
                "عدد المشاريع الناشئة المؤسسة", "Start-ups founded", "مشروع", "start-ups", fixed=8
            ),
            IndicatorSpec(
                "عدد المشاركين الذين أتموا المعسكر",
                "Participants who completed the bootcamp",
                "مشارك",
                "participants",
                share=0.8,
            ),
        ),
        (
            ActivitySpec("workshop", "ورشة دراسة السوق والتحقق من الفكرة"),
            ActivitySpec("training", "بناء النموذج الأولي"),
            ActivitySpec("mentoring", "إرشاد فردي لخطط العمل"),
            ActivitySpec("workshop", "يوم عرض المشاريع أمام الممولين"),
        ),
    ),
    "ngo-security": Theme(
        "تأمين الأنظمة الرقمية {group} {place}",
        "Securing digital systems {group} {place}",
        "تقييم مجاني لأمن الأنظمة والحسابات لدى {who} {place}، يتبعه تدريب عملي على النسخ "
        "الاحتياطي وإدارة كلمات المرور وحماية بيانات المستفيدين.",
        "A free security assessment of the systems and accounts of {who} {place}, followed "
        "by hands-on training in backups, password management and protecting beneficiaries' "
        "data.",
        "digital_skills",
        (
            IndicatorSpec(
                "عدد الجهات التي أُجري لها تقييم أمني",
                "Organizations assessed",
                "جهة",
                "organizations",
                fixed=15,
            ),
            IndicatorSpec("عدد العاملين المدرَّبين", "Staff trained", "متدرب", "trainees", share=0.9),
        ),
        (
            ActivitySpec("other", "زيارات التقييم الأمني"),
            ActivitySpec("training", "النسخ الاحتياطي وإدارة كلمات المرور"),
            ActivitySpec("training", "حماية بيانات المستفيدين", online=True),
            ActivitySpec("workshop", "ورشة خطة الاستجابة للحوادث"),
        ),
    ),
    "epay": Theme(
        "التوعية بالدفع الإلكتروني {group} {place}",
        "E-payment awareness {group} {place}",
        "جلسات تعرّف {who} {place} بطرق الدفع الإلكتروني المتاحة لفواتير الكهرباء والمياه "
        "والاتصالات والرسوم الحكومية، مع تدريب عملي على الاستخدام الآمن.",
        "Sessions introducing {who} {place} to the ways of paying electricity, water and "
        "telecom bills and government fees electronically, with hands-on practice in using "
        "them safely.",
        "egovernment",
        (
            IndicatorSpec(
                "عدد المشاركين الذين أتموا أول دفعة إلكترونية",
                "Participants who made their first e-payment",
                "مشارك",
                "participants",
                share=0.5,
            ),
        ),
        (
            ActivitySpec("awareness", "طرق الدفع الإلكتروني المتاحة"),
            ActivitySpec("workshop", "تطبيق عملي: دفع فاتورة إلكترونياً"),
            ActivitySpec("help_desk", "يوم المساعدة في تفعيل خدمات الدفع"),
            ActivitySpec("awareness", "الدفع الآمن وتجنب الاحتيال"),
        ),
    ),
    "tutoring": Theme(
        "دروس تقوية عن بُعد لأطفال {who} {place}",
        "Remote tutoring for the children of {who} {place}",
        "دروس تقوية في الرياضيات واللغتين العربية والإنكليزية يقدّمها متطوعون جامعيون عبر "
        "الإنترنت إلى أطفال {who} {place}، مع توزيع باقات بيانات على الأسر التي لا تملك "
        "اتصالاً.",
        "Catch-up lessons in mathematics, Arabic and English given online by university "
        "volunteers to the children of {who} {place}, with data bundles for families that "
        "have no connection.",
        "education",
        (
            IndicatorSpec(
                "عدد الطلاب المنتظمين في الدروس",
                "Students attending regularly",
                "طالب",
                "students",
                share=0.7,
            ),
        ),
        (
            ActivitySpec("other", "توزيع باقات البيانات على الأسر"),
            ActivitySpec("training", "دروس الرياضيات عن بُعد", online=True),
            ActivitySpec("training", "دروس اللغة الإنكليزية عن بُعد", online=True),
            ActivitySpec("mentoring", "متابعة تقدّم الطلاب مع الأهالي"),
        ),
        ages={CHILD: 7, TEEN: 3},
    ),
    "jobs": Theme(
        "منصة فرص العمل المحلية {place}",
        "Local job opportunities platform {place}",
        "منصة على الهاتف تجمع فرص العمل لدى أصحاب الأعمال {place} وتطابقها مع مهارات "
        "الباحثين عن عمل، مع جلسات تدريب {who} على إعداد السيرة الذاتية والمقابلات.",
        "A phone platform that gathers job openings from employers {place} and matches them "
        "with job seekers' skills, with sessions training {who} in writing CVs and "
        "interviewing.",
        "livelihoods",
        (
            IndicatorSpec(
                "عدد الباحثين عن عمل المسجلين",
                "Job seekers registered",
                "باحث عن عمل",
                "job seekers",
                share=1.2,
            ),
            IndicatorSpec(
                "عدد من حصلوا على عمل عبر المنصة",
                "People hired through the platform",
                "شخص",
                "people",
                share=0.15,
            ),
        ),
        (
            ActivitySpec("other", "لقاء أصحاب الأعمال وإطلاق المنصة"),
            ActivitySpec("workshop", "ورشة إعداد السيرة الذاتية"),
            ActivitySpec("workshop", "التحضير لمقابلات العمل"),
            ActivitySpec("help_desk", "يوم تسجيل الباحثين عن عمل"),
        ),
    ),
}


# --- Initiatives ------------------------------------------------------------------------

PLANNED, ACTIVE, COMPLETED, CANCELLED = "planned", "active", "completed", "cancelled"
SUMMARY, PRIVATE = "summary", "private"


class InitiativeSpec(NamedTuple):
    theme: str
    group: str
    place: str
    lead: str  # the slug of the lead organization (organizations' demo data)
    state: str
    publication: str = "public"
    partners: str = ""  # slugs
    budget: int = 0  # SYP; 0 for none given
    also: str = ""  # further places (keys), in other governorates
    # An initiative carrying out an award names the awarded application's title and
    # says what it is in its own words.
    award: str = ""
    title_ar: str = ""
    title_en: str = ""
    description_ar: str = ""
    description_en: str = ""

    @property
    def key(self) -> str:
        return f"{self.theme}:{self.group}:{self.place}"


Row = InitiativeSpec  # a short name for the long table below

INITIATIVES: list[InitiativeSpec] = [
    # --- Carrying out the awards of the digital-skills call -------------------------------
    Row(
        "mobile-lab",
        "youth",
        "rural-idleb",
        "amal",
        ACTIVE,
        partners="hama-university",
        budget=1_850_000,
        also="rural-hama",
        award="مختبرات المهارات الرقمية المتنقلة في ريفي إدلب وحماة",
        title_ar="مختبرات المهارات الرقمية المتنقلة في ريفي إدلب وحماة",
        title_en="Mobile digital-skills labs in rural Idleb and Hama",
        description_ar=(
            "مختبران متنقلان يزوران القرى في ريفي إدلب وحماة أسبوعياً، يقدّمان دورات في "
            "أساسيات الحاسوب والهاتف الذكي للشباب، بتمويل من منحة برنامج المهارات الرقمية. "
            "تتولى جامعة حماة تدريب المدربين واعتماد الشهادات."
        ),
        description_en=(
            "Two mobile labs that visit the villages of rural Idleb and Hama every week, "
            "running computer and smartphone basics courses for young people, funded by an "
            "award of the digital-skills programme. Hama University trains the trainers and "
            "certifies the courses."
        ),
    ),
    Row(
        "coding",
        "youth",
        "euphrates",
        "furat-digital",
        ACTIVE,
        budget=1_600_000,
        also="raqqa",
        award="مراكز التدريب الرقمي في بلدات وادي الفرات",
        title_ar="مراكز التدريب الرقمي في بلدات وادي الفرات",
        title_en="Digital training centres in the towns of the Euphrates valley",
        description_ar=(
            "ثلاثة مراكز تدريب في الميادين والعشارة والبوكمال ومركز رابع في الرقة، تقدّم "
            "للشباب دورات في البرمجة والتصميم والعمل عن بُعد، بتمويل من منحة برنامج المهارات "
            "الرقمية."
        ),
        description_en=(
            "Three training centres in Al Mayadin, Ashara and Abu Kamal and a fourth in "
            "Ar-Raqqa, offering young people courses in programming, design and remote work, "
            "funded by an award of the digital-skills programme."
        ),
    ),
    Row(
        "literacy",
        "youth",
        "quneitra-villages",
        "quneitra-digital",
        ACTIVE,
        budget=1_200_000,
        award="الشباب الرقمي في قرى القنيطرة",
        title_ar="الشباب الرقمي في قرى القنيطرة",
        title_en="Digital youth in the villages of Quneitra",
        description_ar=(
            "برنامج يدرّب شباب قرى القنيطرة على المهارات الرقمية الأساسية ثم يؤهل أفضلهم "
            "ليكونوا مدربين لأقرانهم، بتمويل من منحة برنامج المهارات الرقمية."
        ),
        description_en=(
            "A programme training young people in the villages of Quneitra in basic digital "
            "skills, then preparing the best of them to train their peers, funded by an "
            "award of the digital-skills programme."
        ),
    ),
    # --- Damascus -------------------------------------------------------------------------
    Row(
        "coding",
        "youth",
        "damascus",
        "programmers",
        COMPLETED,
        partners="du-fite",
        budget=3_200_000,
    ),
    Row("data-school", "graduates", "damascus", "hiast", ACTIVE, budget=2_100_000),
    Row("ngo-security", "ngos", "damascus", "shield-cyber", ACTIVE, partners="regulator"),
    Row("teachers", "teachers", "old-damascus", "du-fite", COMPLETED, budget=950_000),
    Row("assistive", "disability", "mezzeh", "arabic-nlp", ACTIVE, SUMMARY, budget=1_400_000),
    Row("epay", "elderly", "barzeh", "yasmin-digital", PLANNED),
    Row("freelancing", "women", "damascus", "women-tech", COMPLETED, budget=780_000),
    Row("open-map", "university", "old-damascus", "sham-content", CANCELLED),
    Row("startups", "graduates", "damascus", "berlin-college", ACTIVE, SUMMARY),
    Row("jobs", "graduates", "mezzeh", "nitsa", PLANNED, partners="syrian-telecom"),
    # --- Aleppo ---------------------------------------------------------------------------
    Row("coding-club", "girls", "aleppo", "amal", COMPLETED, budget=640_000),
    Row(
        "helpdesk",
        "returnees",
        "east-aleppo",
        "amal",
        ACTIVE,
        SUMMARY,
        partners="aleppo-university",
        budget=1_150_000,
    ),
    Row("repair", "youth", "east-aleppo", "aleppo-solutions", COMPLETED, budget=2_300_000),
    Row("data-school", "university", "aleppo", "aleppo-university", ACTIVE),
    Row(
        "egov-accounts",
        "elderly",
        "aleppo",
        "nitsa",
        COMPLETED,
        partners="syrian-telecom",
        budget=1_900_000,
    ),
    Row("emarketing", "crafts", "aleppo", "shahba-soft", ACTIVE, budget=720_000),
    Row("startups", "youth", "aleppo", "aleppo-ai", PLANNED),
    Row("wifi", "youth", "rural-aleppo", "syrian-telecom", ACTIVE, budget=5_400_000),
    Row("literacy", "women", "safira", "berlin-college", CANCELLED),
    Row("divide-study", "low_income", "aleppo", "programmers", COMPLETED, PRIVATE),
    # --- Rural Damascus -------------------------------------------------------------------
    Row("literacy", "elderly", "ghouta", "sham-content", COMPLETED, budget=480_000),
    Row(
        "tutoring",
        "returnees",
        "douma",
        "quneitra-digital",
        ACTIVE,
        SUMMARY,
        partners="du-fite",
    ),
    Row("repair", "youth", "darayya", "kalamoon", ACTIVE, budget=1_750_000),
    Row("teachers", "teachers", "qalamoun", "kalamoon", COMPLETED),
    Row("epay", "crafts", "douma", "yasmin-digital", ACTIVE, budget=600_000),
    Row("coding", "youth", "qalamoun", "du-fite", PLANNED, budget=2_500_000),
    Row("data-school", "municipal", "ghouta", "eidg", CANCELLED, PRIVATE),
    # --- Homs -----------------------------------------------------------------------------
    Row("assistive", "disability", "homs", "nour", COMPLETED, SUMMARY, budget=1_050_000),
    Row("literacy", "elderly", "homs", "nour", ACTIVE, budget=420_000),
    Row("ngo-security", "ngos", "homs", "homs-smart", COMPLETED),
    Row("wifi", "youth", "palmyra", "syrian-telecom", ACTIVE, partners="homs-digital"),
    Row(
        "egov-accounts",
        "elderly",
        "rural-homs",
        "homs-digital",
        ACTIVE,
        partners="nitsa",
        budget=880_000,
    ),
    Row("freelancing", "graduates", "homs", "programmers", COMPLETED, budget=1_300_000),
    Row("emarketing", "women", "qusayr", "women-tech", PLANNED),
    Row("coding-club", "students", "homs", "homs-smart", CANCELLED),
    Row("jobs", "graduates", "homs", "svu", ACTIVE, SUMMARY),
    # --- Hama -----------------------------------------------------------------------------
    Row("smart-farming", "farmers", "rural-hama", "assi-tech", ACTIVE, budget=1_650_000),
    Row("coding", "youth", "hama", "hama-pioneers", COMPLETED, partners="hama-university"),
    Row("emarketing", "women", "salamiyah", "hama-pioneers", ACTIVE, budget=560_000),
    Row("repair", "youth", "hama", "assi-tech", COMPLETED, budget=1_200_000),
    Row("teachers", "teachers", "masyaf", "hama-university", PLANNED),
    Row("helpdesk", "displaced", "rural-hama", "amal", ACTIVE, SUMMARY, budget=900_000),
    Row("data-school", "university", "hama", "hama-university", COMPLETED),
    Row("epay", "elderly", "salamiyah", "shahba-soft", CANCELLED),
    # --- Lattakia -------------------------------------------------------------------------
    Row("data-school", "graduates", "lattakia", "lattakia-data", COMPLETED, budget=1_100_000),
    Row("open-map", "university", "lattakia", "coast-foss", ACTIVE),
    Row(
        "water-hackathon",
        "university",
        "lattakia",
        "emcair",
        COMPLETED,
        partners="tartous-university",
        budget=850_000,
    ),
    Row("wifi", "elderly", "lattakia-mountains", "ugarit-networks", ACTIVE, budget=4_200_000),
    Row("coding-club", "girls", "jableh", "bahr", COMPLETED),
    Row("freelancing", "youth", "jableh", "bahr", ACTIVE, budget=700_000),
    Row("startups", "university", "lattakia", "tartous-university", PLANNED),
    Row("literacy", "elderly", "jableh", "svu", CANCELLED),
    Row("divide-study", "youth", "lattakia", "lattakia-data", ACTIVE, PRIVATE),
    # --- Idleb ----------------------------------------------------------------------------
    Row(
        "helpdesk",
        "displaced",
        "idleb-camps",
        "amal",
        ACTIVE,
        SUMMARY,
        partners="aleppo-university",
        budget=1_350_000,
    ),
    Row("tutoring", "displaced", "idleb-camps", "aleppo-university", ACTIVE, SUMMARY),
    Row("coding", "youth", "idleb", "aleppo-university", COMPLETED, budget=2_000_000),
    Row("mobile-lab", "female_headed", "maarrat", "amal", COMPLETED, SUMMARY, budget=1_500_000),
    Row("literacy", "women", "maarrat", "amal", PLANNED),
    Row("emarketing", "women", "idleb", "aleppo-university", ACTIVE),
    Row("repair", "youth", "maarrat", "amal", CANCELLED),
    # --- Al-Hasakeh -----------------------------------------------------------------------
    Row(
        "water-hackathon",
        "youth",
        "hasakeh",
        "khabour",
        COMPLETED,
        partners="hasakeh-telecom",
        budget=650_000,
    ),
    Row("smart-farming", "farmers", "rural-hasakeh", "khabour", ACTIVE),
    Row("wifi", "displaced", "rural-hasakeh", "hasakeh-telecom", ACTIVE, SUMMARY, budget=3_600_000),
    Row("freelancing", "university", "qamishli", "svu", COMPLETED),
    Row("coding", "youth", "qamishli", "khabour", PLANNED),
    Row("egov-accounts", "elderly", "hasakeh", "hasakeh-telecom", CANCELLED),
    # --- Deir-ez-Zor ----------------------------------------------------------------------
    Row(
        "coding",
        "youth",
        "rural-deir",
        "furat-digital",
        COMPLETED,
        partners="svu",
        budget=2_600_000,
    ),
    Row("helpdesk", "displaced", "east-deir", "jisr", ACTIVE, partners="furat-digital"),
    Row("mobile-lab", "returnees", "hajin", "furat-digital", ACTIVE, budget=1_700_000),
    Row("emarketing", "women", "mayadin", "jisr", COMPLETED, budget=450_000),
    Row("literacy", "women", "bukamal", "furat-digital", COMPLETED),
    Row("smart-farming", "farmers", "ashara", "furat-digital", PLANNED, budget=1_250_000),
    Row("tutoring", "low_income", "east-deir", "jisr", COMPLETED, SUMMARY),
    Row("freelancing", "graduates", "rural-deir", "svu", ACTIVE),
    Row("safety", "girls", "mayadin", "jisr", CANCELLED),
    Row("divide-study", "displaced", "bukamal", "jisr", PLANNED, PRIVATE),
    # --- Tartous --------------------------------------------------------------------------
    Row("assistive", "elderly", "tartous", "tartous-social-affairs", COMPLETED, budget=760_000),
    Row(
        "helpdesk",
        "female_headed",
        "banias",
        "tartous-social-affairs",
        ACTIVE,
        SUMMARY,
        partners="daw",
    ),
    Row("coding-club", "students", "tartous", "daw", COMPLETED),
    Row("teachers", "teachers", "safita", "daw", ACTIVE, budget=520_000),
    Row("open-map", "youth", "tartous", "coast-foss", COMPLETED),
    Row("data-school", "university", "tartous", "tartous-university", PLANNED),
    Row("emarketing", "crafts", "safita", "bahr", ACTIVE, partners="ugarit-networks"),
    Row("safety", "students", "banias", "ugarit-networks", COMPLETED, budget=300_000),
    # --- Ar-Raqqa -------------------------------------------------------------------------
    Row("coding", "youth", "raqqa", "buthoor", ACTIVE, budget=1_100_000),
    Row("wifi", "returnees", "rural-raqqa", "furat-digital", ACTIVE, SUMMARY, budget=3_900_000),
    Row("safety", "youth", "raqqa", "buthoor", COMPLETED),
    Row("literacy", "women", "tabqa", "buthoor", PLANNED),
    Row("helpdesk", "returnees", "tabqa", "buthoor", COMPLETED, SUMMARY),
    Row("startups", "youth", "raqqa", "furat-digital", CANCELLED, PRIVATE),
    Row("elearning", "students", "raqqa", "buthoor", ACTIVE),
    # --- Dar'a ----------------------------------------------------------------------------
    Row(
        "smart-farming",
        "farmers",
        "hauran",
        "horan",
        COMPLETED,
        partners="sanabel",
        budget=1_450_000,
    ),
    Row("coding", "youth", "daraa", "horan", ACTIVE, budget=1_800_000),
    Row("freelancing", "women", "izraa", "women-tech", ACTIVE),
    Row("safety", "students", "daraa", "sanabel", COMPLETED),
    Row("startups", "university", "daraa", "aiu", ACTIVE, budget=2_200_000),
    Row("literacy", "elderly", "bosra", "sanabel", PLANNED),
    Row("emarketing", "crafts", "bosra", "horan", CANCELLED),
    Row("elearning", "students", "izraa", "sanabel", ACTIVE, SUMMARY),
    # --- As-Sweida ------------------------------------------------------------------------
    Row("emarketing", "women", "sweida", "jabal", COMPLETED, budget=540_000),
    Row("coding", "youth", "shahba", "code-sweida", ACTIVE, partners="jabal"),
    Row("mobile-lab", "low_income", "south-sweida", "jabal", ACTIVE, budget=1_300_000),
    Row("open-map", "youth", "salkhad", "code-sweida", COMPLETED),
    Row("data-school", "graduates", "sweida", "code-sweida", PLANNED),
    Row("safety", "girls", "shahba", "jabal", COMPLETED),
    Row("repair", "youth", "salkhad", "code-sweida", CANCELLED),
    # --- Quneitra -------------------------------------------------------------------------
    Row("literacy", "elderly", "quneitra", "quneitra-digital", COMPLETED, budget=380_000),
    Row("wifi", "youth", "khan-arnabeh", "quneitra-digital", COMPLETED, budget=2_900_000),
    Row("safety", "students", "khan-arnabeh", "quneitra-digital", PLANNED),
    Row(
        "helpdesk",
        "displaced",
        "quneitra",
        "quneitra-digital",
        CANCELLED,
        SUMMARY,
        partners="sham-content",
    ),
    Row("elearning", "students", "quneitra", "quneitra-digital", ACTIVE),
]

CANCEL_REASONS = [
    "تعذّر تأمين قاعة التدريب بعد انتهاء عقد المركز المجتمعي، ولم يتوفر بديل قريب.",
    "انسحب الشريك المموّل قبل بدء التنفيذ، ولا تكفي موارد الجهة وحدها.",
    "أُدمجت المبادرة في برنامج وطني أوسع تنفذه الوزارة في المحافظة نفسها.",
    "حال انقطاع الكهرباء والإنترنت المتكرر في المنطقة دون استمرار الجلسات.",
    "لم يبلغ عدد المسجلين الحد الأدنى اللازم لبدء الدورة.",
    "غادر المدرب الرئيسي المحافظة ولم نجد بديلاً بالخبرة المطلوبة.",
]

FACILITATORS = [
    "م. رامي الحسن",
    "م. هبة السيد",
    "أ. فادي الخوري",
    "م. سوسن عيسى",
    "أ. مهند الجاسم",
    "م. نغم الأحمد",
    "أ. وائل درويش",
    "م. علا يوسف",
    "أ. بشرى العبيد",
    "م. طارق المصطفى",
    "أ. رغد حمدان",
    "م. إياد الشهابي",
]

ACTIVITY_NOTES = [
    "انقطعت الكهرباء ساعة، فأُكملت الجلسة على البطارية والطاقة الشمسية.",
    "حضر عدد أكبر من المتوقع، فقُسّم المشاركون إلى مجموعتين.",
    "وُزّعت مواد الجلسة مطبوعة لمن لا يملك هاتفاً ذكياً.",
    "شارك متطوعان من أبناء المنطقة في التنظيم والترجمة.",
    "طلب المشاركون جلسة إضافية عن الموضوع نفسه.",
]

MEASURE_NOTES = [
    "بحسب سجلات الحضور.",
    "بعد انتهاء الجولة الثانية.",
    "تحقّق منها منسق المبادرة ميدانياً.",
    "قراءة منتصف المدة.",
]
FINAL_NOTE = "القراءة النهائية عند إغلاق المبادرة."


# --- People recorded by name ------------------------------------------------------------


class Person(NamedTuple):
    initiative: str  # key of the initiative whose activity reached them
    full_name: str
    birth_year: int
    sex: str  # mujtama.impact.models.Sex: "f" or "m"
    locality: str  # Arabic name, in the initiative's governorate
    phone: str = ""
    national_id: str = ""
    criteria: str = ""  # vulnerability criteria codes


HELPDESK_DEIR = "helpdesk:displaced:east-deir"
MOBILE_HAJIN = "mobile-lab:returnees:hajin"
MOBILE_SWEIDA = "mobile-lab:low_income:south-sweida"

# Fatima al-Hussein is recorded by Jisr's help desk and by Al-Furat's mobile lab, her
# phone written two ways: the ledger counts her once.
PEOPLE: list[Person] = [
    Person(
        HELPDESK_DEIR,
        "فاطمة الحسين",
        1979,
        "f",
        "محكان",
        "0933 123 456",
        "",
        "displaced_returnee female_headed",
    ),
    Person(
        HELPDESK_DEIR,
        "عبد الكريم الدندل",
        1958,
        "m",
        "محكان",
        "0944-218-730",
        "",
        "displaced_returnee elderly_provider",
    ),
    Person(
        HELPDESK_DEIR,
        "هيفاء العبد",
        1991,
        "f",
        "الصبحة",
        "+963 955 402 118",
        "",
        "displaced_returnee",
    ),
    Person(
        HELPDESK_DEIR,
        "محمود الخلف",
        1986,
        "m",
        "هجين",
        "",
        "09012345678",
        "displaced_returnee low_income",
    ),
    Person(
        HELPDESK_DEIR,
        "نجلاء الرمضان",
        1995,
        "f",
        "الشعفة",
        "٠٩٨٨٣٤٥٦٧٢",
        "",
        "displaced_returnee female_headed",
    ),
    Person(
        MOBILE_HAJIN,
        "فاطمة الحسين",
        1979,
        "f",
        "هجين",
        "+963933123456",
        "",
        "displaced_returnee female_headed",
    ),
    Person(
        MOBILE_HAJIN, "أحمد العساف", 2008, "m", "هجين", "0991 507 263", "", "displaced_returnee"
    ),
    Person(
        MOBILE_HAJIN,
        "زينب المحمد",
        1972,
        "f",
        "الشعفة",
        "00963 947 610 385",
        "",
        "orphan_provider low_income",
    ),
    Person(MOBILE_HAJIN, "خليل الجاسم", 1964, "m", "الشعفة", "(0968) 221-904", "", "disability"),
    Person(
        MOBILE_SWEIDA,
        "سهام أبو فخر",
        1969,
        "f",
        "ملح",
        "0932 874 105",
        "",
        "low_income elderly_provider",
    ),
    Person(MOBILE_SWEIDA, "جميل الحلبي", 1953, "m", "ملح", "0945-330-812", "", "low_income"),
    Person(
        MOBILE_SWEIDA, "رشا نصر", 1998, "f", "عرمان", "", "13045678912", "low_income female_headed"
    ),
    Person(MOBILE_SWEIDA, "كنان الأطرش", 2006, "m", "صلخد", "0998 612 457", "", "low_income"),
]


# --- Volunteers -------------------------------------------------------------------------


class Volunteer(NamedTuple):
    key: str  # "v1"… (the account volunteer.1@demo.mujtama.sy)
    full_name: str
    sex: str  # mujtama.accounts.models.Sex
    birth_year: int
    governorate: str


VOLUNTEERS: list[Volunteer] = [
    Volunteer("v1", "لين الخطيب", "female", 2002, "SY01"),
    Volunteer("v2", "عمر الحسين", "male", 1999, "SY09"),
    Volunteer("v3", "سارة النجار", "female", 2000, "SY02"),
    Volunteer("v4", "محمد العلي", "male", 1997, "SY07"),
    Volunteer("v5", "رهف السعدي", "female", 2003, "SY13"),
    Volunteer("v6", "خالد الزعبي", "male", 1995, "SY12"),
    Volunteer("v7", "نور الهدى العمر", "female", 2001, "SY11"),
    Volunteer("v8", "يزن حداد", "male", 2004, "SY06"),
    Volunteer("v9", "تيماء الأسعد", "female", 1998, "SY08"),
    Volunteer("v10", "باسل الشيخ", "male", 1993, "SY04"),
    Volunteer("v11", "دانة القاسم", "female", 2005, "SY10"),
    Volunteer("v12", "حسن المحمد", "male", 2000, "SY14"),
    Volunteer("v13", "ميس الصباغ", "female", 1996, "SY05"),
    Volunteer("v14", "جود إبراهيم", "female", 2003, "SY03"),
]
CITIZEN = "citizen"  # the citizen persona (citizen@demo.mujtama.sy)


class Opportunity(NamedTuple):
    key: str
    organization: str  # slug
    initiative: str  # key of one of the organization's initiatives, or ""
    title_ar: str
    title_en: str
    description_ar: str
    description_en: str
    skills: str
    hours_per_week: int
    governorate: str  # P-code; "" for remote only
    remote: bool = False
    closed: bool = False
    tasks: tuple[str, ...] = ()  # what volunteers say they did, in their hours


OPPORTUNITIES: list[Opportunity] = [
    Opportunity(
        "jisr-helpdesk",
        "jisr",
        HELPDESK_DEIR,
        "متطوعون لمكتب المساعدة الرقمية في ريف دير الزور الشرقي",
        "Volunteers for the digital help desk in eastern rural Deir-ez-Zor",
        "استقبال الأسر في المكتب ومساعدتها في المعاملات الإلكترونية وحجز المواعيد، بعد "
        "تدريب لمدة يومين على الخدمات وحماية البيانات.",
        "Welcoming families at the desk and helping them with e-services and appointments, "
        "after two days of training on the services and on data protection.",
        "استخدام الحاسوب والهاتف، الصبر، التواصل مع الناس",
        6,
        "SY09",
        tasks=(
            "استقبال الأسر في المكتب والمساعدة في حجز مواعيد البطاقات الشخصية",
            "تفعيل حسابات البوابة الحكومية لعدد من الأسر",
            "المساعدة في تعبئة طلبات الدعم الإلكترونية",
            "ترتيب سجل الطلبات اليومي ومتابعة الطلبات المعلقة",
        ),
    ),
    Opportunity(
        "jisr-content",
        "jisr",
        "",
        "كتابة محتوى توعوي عن الخدمات الإلكترونية",
        "Writing awareness content on e-services",
        "كتابة منشورات قصيرة ومبسطة تشرح الخدمات الحكومية الإلكترونية خطوة بخطوة، تُنشر "
        "على صفحات المبادرة وتُطبع للمكتب.",
        "Writing short, simple posts explaining government e-services step by step, for the "
        "initiative's pages and printed for the desk.",
        "الكتابة بالعربية، التصميم البسيط",
        3,
        "",
        remote=True,
        tasks=("كتابة دليل مبسط لحجز موعد جواز السفر", "تصميم منشور عن تفعيل الحساب"),
    ),
    Opportunity(
        "amal-camps",
        "amal",
        "helpdesk:displaced:idleb-camps",
        "مساعدون رقميون في مخيمات إدلب",
        "Digital assistants in the Idleb camps",
        "العمل مع فريق الجمعية في المخيمات لمساعدة الأسر على المعاملات الإلكترونية وشرح "
        "الاستخدام الآمن للهاتف.",
        "Working with the association's team in the camps, helping families with e-services "
        "and explaining safe phone use.",
        "التواصل مع الناس، المعرفة بالخدمات الإلكترونية",
        8,
        "SY07",
        tasks=(
            "مساعدة الأسر في المخيم على تفعيل حسابات الخدمات",
            "جلسة شرح للاستخدام الآمن للهاتف مع مجموعة من النساء",
            "متابعة الطلبات الإلكترونية المعلقة للأسر",
        ),
    ),
    Opportunity(
        "amal-trainers",
        "amal",
        "",
        "مدربون متطوعون لمختبرات المهارات الرقمية في حلب",
        "Volunteer trainers for the digital-skills labs in Aleppo",
        "تقديم جلسات تدريبية أسبوعية في أساسيات الحاسوب والإنترنت للشباب والنساء في "
        "مختبرات الجمعية، وفق منهاج معدّ مسبقاً.",
        "Giving weekly sessions on computer and internet basics to young people and women "
        "in the association's labs, following a prepared curriculum.",
        "خبرة في التدريب، مهارات حاسوب جيدة",
        4,
        "SY02",
        tasks=(
            "تقديم جلسة أساسيات الحاسوب لمجموعة الشباب",
            "تقديم جلسة البريد الإلكتروني لمجموعة النساء",
            "تحضير تمارين الجلسة القادمة وتصحيح الواجبات",
        ),
    ),
    Opportunity(
        "amal-translation",
        "amal",
        "",
        "ترجمة أدلة التدريب إلى الإنكليزية",
        "Translating the training guides into English",
        "ترجمة أدلة المختبرات التدريبية إلى الإنكليزية لمشاركتها مع الشركاء.",
        "Translating the labs' training guides into English to share them with partners.",
        "الترجمة بين العربية والإنكليزية",
        3,
        "",
        remote=True,
        closed=True,
        tasks=("ترجمة الفصل الأول من دليل المدرب", "مراجعة ترجمة دليل المتدرب"),
    ),
    Opportunity(
        "furat-mobile",
        "furat-digital",
        MOBILE_HAJIN,
        "مرافقو المختبر الرقمي المتنقل في هجين والشعفة",
        "Companions of the mobile digital lab in Hajin and Ash-Sha'fa",
        "مرافقة المختبر المتنقل في جولاته، وتنظيم الحضور ومساعدة المدربين في الجلسات "
        "ومساعدة الأسر في المعاملات.",
        "Going along with the mobile lab on its rounds, organizing attendance, helping the "
        "trainers in sessions and helping families with e-services.",
        "التنظيم، الصبر، المعرفة باللهجة المحلية",
        10,
        "SY09",
        tasks=(
            "مرافقة جولة المختبر في هجين وتنظيم الحضور",
            "مساعدة المدرب في جلسة الأطفال واليافعين",
            "مساعدة الأسر في تفعيل الحسابات خلال محطة الشعفة",
        ),
    ),
    Opportunity(
        "furat-trainers",
        "furat-digital",
        "coding:youth:euphrates",
        "مدربو مراكز التدريب الرقمي في وادي الفرات",
        "Trainers for the digital training centres of the Euphrates valley",
        "تقديم دورات في البرمجة والتصميم للشباب في مراكز الميادين والعشارة والبوكمال.",
        "Teaching programming and design courses to young people in the Al Mayadin, Ashara "
        "and Abu Kamal centres.",
        "البرمجة أو التصميم، خبرة في التدريب",
        6,
        "SY09",
        tasks=(
            "تقديم جلسة البرمجة بلغة بايثون في مركز الميادين",
            "متابعة مشاريع المتدربين في مركز العشارة",
        ),
    ),
    Opportunity(
        "programmers-mentors",
        "programmers",
        "",
        "مرشدو مشاريع التخرج في أكاديمية البرمجة",
        "Graduation-project mentors at the coding academy",
        "إرشاد فرق المتدربين في مشاريع تخرجهم عبر لقاءات أسبوعية ومراجعة الشيفرة.",
        "Mentoring the trainees' teams on their graduation projects through weekly meetings "
        "and code review.",
        "خبرة في تطوير البرمجيات",
        3,
        "SY01",
        remote=True,
        closed=True,
        tasks=("لقاء إرشاد أسبوعي مع فريق المشروع", "مراجعة الشيفرة وكتابة الملاحظات"),
    ),
    Opportunity(
        "programmers-review",
        "programmers",
        "",
        "مراجعة الشيفرة لمشاريع مفتوحة المصدر للجمعيات",
        "Code review for open-source projects of community associations",
        "مراجعة طلبات الدمج وكتابة الاختبارات لتطبيقات مفتوحة المصدر تستخدمها الجمعيات الأهلية.",
        "Reviewing merge requests and writing tests for open-source applications used by "
        "community associations.",
        "بايثون أو جافاسكريبت، Git",
        3,
        "",
        remote=True,
        tasks=(
            "مراجعة طلبات الدمج في تطبيق إدارة المستفيدين",
            "كتابة اختبارات لوحدة التقارير",
            "توثيق طريقة تثبيت التطبيق",
        ),
    ),
    Opportunity(
        "nour-literacy",
        "nour",
        "literacy:elderly:homs",
        "مدربون صبورون لدورات محو الأمية الرقمية لكبار السن في حمص",
        "Patient trainers for digital literacy courses for older people in Homs",
        "مساعدة كبار السن خطوة بخطوة في استخدام الهاتف والخدمات الإلكترونية، في مجموعات صغيرة.",
        "Helping older people step by step to use their phones and e-services, in small groups.",
        "الصبر، الوضوح في الشرح",
        4,
        "SY04",
        tasks=(
            "مساعدة مجموعة كبار السن في جلسة الهاتف الذكي",
            "شرح الدخول إلى الخدمات الحكومية لمجموعة صغيرة",
        ),
    ),
    Opportunity(
        "women-tech-mentors",
        "women-tech",
        "freelancing:women:izraa",
        "مرشدات للعمل الحر عبر الإنترنت",
        "Mentors for online freelancing",
        "إرشاد المشاركات في برنامج العمل الحر في إعداد ملفاتهن المهنية وكتابة العروض.",
        "Mentoring the programme's participants in building their profiles and writing proposals.",
        "خبرة سنتين على الأقل في العمل الحر",
        2,
        "",
        remote=True,
        tasks=("جلسة إرشاد فردية عبر الإنترنت",),
    ),
    Opportunity(
        "khabour-farming",
        "khabour",
        "smart-farming:farmers:rural-hasakeh",
        "متطوعون للإرشاد الزراعي الرقمي في ريف الحسكة",
        "Volunteers for digital farming extension in rural Al-Hasakeh",
        "زيارة المزارعين ومساعدتهم في تثبيت تطبيقات الطقس والري واستخدامها، ونقل "
        "أسئلتهم إلى المهندسين.",
        "Visiting farmers, helping them install and use the weather and irrigation apps, and "
        "passing their questions to the engineers.",
        "المعرفة الزراعية، استخدام الهاتف الذكي",
        6,
        "SY08",
        tasks=(
            "زيارة مزارعين في الشدادي وتثبيت تطبيق الطقس",
            "جمع أسئلة المزارعين وإرسالها إلى مجموعة الإرشاد",
        ),
    ),
    Opportunity(
        "khabour-hackathon",
        "khabour",
        "",
        "منظمو هاكاثون حلول المياه في الحسكة",
        "Organizers for the water solutions hackathon in Al-Hasakeh",
        "تنظيم التسجيل والقاعة والوجبات ومساعدة الفرق خلال الهاكاثون.",
        "Handling registration, the hall and meals and helping the teams during the hackathon.",
        "التنظيم، العمل ضمن فريق",
        8,
        "SY08",
        closed=True,
        tasks=("تنظيم التسجيل واستقبال الفرق", "متابعة احتياجات الفرق خلال الليل"),
    ),
    Opportunity(
        "code-sweida-mentors",
        "code-sweida",
        "coding:youth:shahba",
        "مرشدون تقنيون لأكاديمية البرمجة في شهبا",
        "Technical mentors for the coding academy in Shahba",
        "مساعدة المتدربين في التمارين الأسبوعية والإجابة عن أسئلتهم بعد الجلسات.",
        "Helping trainees with the weekly exercises and answering their questions after sessions.",
        "تطوير الويب",
        4,
        "SY13",
        tasks=("حل التمارين مع المتدربين بعد الجلسة", "مراجعة مشاريع المتدربين الصغيرة"),
    ),
    Opportunity(
        "jabal-mobile",
        "jabal",
        MOBILE_SWEIDA,
        "مرافقو المختبر الرقمي المتنقل في ريف السويداء الجنوبي",
        "Companions of the mobile digital lab in southern rural As-Sweida",
        "مرافقة المختبر في جولاته على القرى ومساعدة الأسر في استخدام الخدمات.",
        "Going along with the lab on its village rounds and helping families use the services.",
        "التواصل مع الناس، القيادة (ميزة)",
        8,
        "SY13",
        tasks=("مرافقة جولة المختبر في ملح", "مساعدة الأسر في محطة عرمان"),
    ),
    Opportunity(
        "jabal-photo",
        "jabal",
        "",
        "تصوير أنشطة الجمعية وتوثيقها",
        "Photographing and documenting the association's activities",
        "تصوير الأنشطة وكتابة تقارير قصيرة عنها لصفحات الجمعية.",
        "Photographing activities and writing short reports on them for the association's pages.",
        "التصوير، الكتابة",
        3,
        "SY13",
        closed=True,
        tasks=("تصوير جلسة الأمان الرقمي في شهبا", "كتابة تقرير مصور عن المعرض"),
    ),
    Opportunity(
        "horan-coding",
        "horan",
        "coding:youth:daraa",
        "مساعدو تدريب في أكاديمية البرمجة بدرعا",
        "Teaching assistants at the coding academy in Dar'a",
        "مساعدة المدرب في الجلسات ومتابعة المتدربين في التمارين العملية.",
        "Assisting the trainer in sessions and following trainees in practical exercises.",
        "البرمجة الأساسية",
        6,
        "SY12",
        tasks=("المساعدة في جلسة البرمجة العملية", "متابعة المتدربين المتأخرين في التمارين"),
    ),
    Opportunity(
        "sanabel-literacy",
        "sanabel",
        "literacy:elderly:bosra",
        "متطوعون لدورات محو الأمية الرقمية لكبار السن في بصرى الشام",
        "Volunteers for digital literacy courses for older people in Bosra",
        "مساعدة كبار السن في الدورات التي تبدأ قريباً، في مجموعات من خمسة أشخاص.",
        "Helping older people in the courses starting soon, in groups of five.",
        "الصبر، الوضوح في الشرح",
        4,
        "SY12",
    ),
    Opportunity(
        "buthoor-coding",
        "buthoor",
        "coding:youth:raqqa",
        "مساعدو تدريب في أكاديمية البرمجة بالرقة",
        "Teaching assistants at the coding academy in Ar-Raqqa",
        "مساعدة المدربين في الجلسات وتحضير بيئة العمل على الحواسيب.",
        "Assisting the trainers in sessions and setting up the computers.",
        "البرمجة الأساسية، إعداد الحواسيب",
        6,
        "SY11",
        tasks=("تجهيز الحواسيب وتثبيت البرامج", "المساعدة في جلسة تطبيقات الويب"),
    ),
    Opportunity(
        "daw-teachers",
        "daw",
        "teachers:teachers:safita",
        "منسقو مجتمع الممارسة للمعلمين",
        "Coordinators of the teachers' community of practice",
        "تنسيق مجموعة المعلمين على الإنترنت وتنظيم الدروس المشتركة ونشرها.",
        "Coordinating the teachers' online group and organizing and publishing the shared lessons.",
        "التنظيم، المعرفة بمنصات التعلم",
        3,
        "",
        remote=True,
        tasks=("تنظيم الدروس المشتركة في المكتبة", "إدارة لقاء المعلمين الشهري على الإنترنت"),
    ),
    Opportunity(
        "bahr-emarketing",
        "bahr",
        "emarketing:crafts:safita",
        "مصورون متطوعون لمنتجات الحرفيين في صافيتا",
        "Volunteer photographers for craftspeople's products in Safita",
        "تصوير منتجات الحرفيين المشاركين في البرنامج لصفحات البيع الخاصة بهم.",
        "Photographing the products of the craftspeople in the programme for their sales pages.",
        "التصوير بالهاتف، تحرير الصور",
        4,
        "SY10",
        tasks=("تصوير منتجات ثلاثة حرفيين", "تحرير الصور ورفعها إلى صفحات البيع"),
    ),
    Opportunity(
        "quneitra-villages",
        "quneitra-digital",
        "literacy:youth:quneitra-villages",
        "ميسّرون لجلسات الشباب الرقمي في قرى القنيطرة",
        "Facilitators for the digital youth sessions in the villages of Quneitra",
        "تيسير جلسات المهارات الرقمية للشباب في القرى ومساعدة المدربين الأقران.",
        "Facilitating the digital-skills sessions for young people in the villages and "
        "helping the peer trainers.",
        "التيسير، المهارات الرقمية الأساسية",
        5,
        "SY14",
        tasks=("تيسير جلسة المهارات الأساسية في جباتا الخشب", "تحضير المدربين الأقران"),
    ),
    Opportunity(
        "hasakeh-wifi",
        "hasakeh-telecom",
        "wifi:displaced:rural-hasakeh",
        "فنيو صيانة نقاط الإنترنت المجتمعية",
        "Maintenance technicians for the community internet points",
        "متابعة عمل نقاط الاتصال وألواح الطاقة الشمسية وإصلاح الأعطال البسيطة.",
        "Keeping an eye on the access points and solar panels and fixing simple faults.",
        "الشبكات، الكهرباء",
        6,
        "SY08",
    ),
    Opportunity(
        "arabic-nlp-voices",
        "arabic-nlp",
        "assistive:disability:mezzeh",
        "تسجيل عينات صوتية لتحسين قارئ الشاشة العربي",
        "Recording voice samples to improve the Arabic screen reader",
        "قراءة نصوص قصيرة وتسجيلها بصوت واضح لتحسين جودة قارئ الشاشة العربي.",
        "Reading short texts aloud and recording them clearly to improve the Arabic screen reader.",
        "صوت واضح، هاتف بميكروفون جيد",
        2,
        "",
        remote=True,
        tasks=("تسجيل خمسين جملة من نصوص الأخبار", "مراجعة تسجيلات متطوعين آخرين"),
    ),
    Opportunity(
        "sham-wiki",
        "sham-content",
        "",
        "تحرير مقالات ويكيبيديا العربية عن التقانة",
        "Editing Arabic Wikipedia articles on technology",
        "كتابة مقالات جديدة وتحسين مقالات قائمة عن التقانة والعلوم في ويكيبيديا العربية.",
        "Writing new articles and improving existing ones on technology and science in the "
        "Arabic Wikipedia.",
        "الكتابة بالعربية، البحث",
        3,
        "",
        remote=True,
        tasks=("كتابة مقالة عن الحوسبة السحابية", "تحسين مراجع مقالة عن الأمن السيبراني"),
    ),
    Opportunity(
        "coast-map",
        "coast-foss",
        "open-map:university:lattakia",
        "رسامو خرائط متطوعون في اللاذقية",
        "Volunteer mappers in Lattakia",
        "جمع مواقع الخدمات ميدانياً وإضافتها إلى الخريطة المفتوحة والتحقق منها.",
        "Collecting the locations of services in the field, adding them to the open map and "
        "checking them.",
        "استخدام الهاتف الذكي، الدقة",
        4,
        "SY06",
        tasks=("جولة رسم خرائط في حي الصليبة", "التحقق من مواقع الأفران على الخريطة"),
    ),
    Opportunity(
        "nitsa-accounts",
        "nitsa",
        "",
        "متطوعون لحملة تفعيل الحسابات الحكومية في حلب",
        "Volunteers for the government account drive in Aleppo",
        "مساعدة كبار السن في خيام التفعيل على إنشاء حساباتهم على البوابة.",
        "Helping older people in the activation tents to create their portal accounts.",
        "استخدام الحاسوب، الصبر",
        6,
        "SY02",
        closed=True,
        tasks=(
            "العمل في خيمة التفعيل في الساحة العامة",
            "مساعدة كبار السن في استعادة كلمات المرور",
        ),
    ),
    Opportunity(
        "aleppo-tutors",
        "aleppo-university",
        "tutoring:displaced:idleb-camps",
        "مدرّسون متطوعون للدروس عن بُعد",
        "Volunteer tutors for the remote lessons",
        "تقديم دروس تقوية في الرياضيات أو الإنكليزية عبر الإنترنت لأطفال المخيمات، "
        "ساعتين مرتين في الأسبوع.",
        "Giving online catch-up lessons in mathematics or English to children in the camps, "
        "two hours twice a week.",
        "الرياضيات أو اللغة الإنكليزية، الصبر مع الأطفال",
        4,
        "",
        remote=True,
        tasks=("درس رياضيات عن بُعد للصف السادس", "درس لغة إنكليزية عن بُعد للصف الخامس"),
    ),
    Opportunity(
        "assi-repair",
        "assi-tech",
        "",
        "مدربو صيانة في مختبر حماة",
        "Repair trainers at the Hama lab",
        "تدريب المشاركين عملياً على صيانة الهواتف والحواسيب.",
        "Hands-on training of participants in repairing phones and computers.",
        "صيانة الهواتف أو الحواسيب",
        5,
        "SY05",
        closed=True,
        tasks=("جلسة عملية في تبديل شاشات الهواتف", "تأهيل حواسيب مستعملة للتوزيع"),
    ),
    Opportunity(
        "telecom-palmyra",
        "syrian-telecom",
        "wifi:youth:palmyra",
        "متطوعون لتعريف سكان تدمر بنقاط الإنترنت",
        "Volunteers introducing Palmyra's residents to the internet points",
        "شرح طريقة الاتصال بالنقاط وشروط استخدامها للسكان ومساعدتهم في الاتصال الأول.",
        "Explaining to residents how to connect to the points and the terms of use, and "
        "helping them connect for the first time.",
        "التواصل مع الناس",
        3,
        "SY04",
    ),
    Opportunity(
        "tartous-banias",
        "tartous-social-affairs",
        "helpdesk:female_headed:banias",
        "متطوعات لمكتب المساعدة الرقمية في بانياس",
        "Volunteers for the digital help desk in Baniyas",
        "استقبال النساء المعيلات لأسرهن ومساعدتهن في المعاملات الإلكترونية.",
        "Welcoming women who provide for their families and helping them with e-services.",
        "التواصل، المعرفة بالخدمات الإلكترونية",
        6,
        "SY10",
    ),
]


class VolunteeringSpec(NamedTuple):
    volunteer: str  # "citizen" or a volunteer's key
    opportunity: str
    state: str  # applied, accepted, declined, withdrawn (from applied), stopped
    # (withdrawn after being accepted), ended
    # Hours: "a6 r1 w2" = six approved, one rejected, two waiting.
    hours: str = ""
    applied: int = 60  # days ago
    statement: str = ""  # "valid" or "revoked"


VOLUNTEERINGS: list[VolunteeringSpec] = [
    VolunteeringSpec(CITIZEN, "jisr-helpdesk", "accepted", "a8 r1 w2", 88, statement="valid"),
    VolunteeringSpec(CITIZEN, "jisr-content", "applied", applied=6),
    VolunteeringSpec(CITIZEN, "furat-mobile", "withdrawn", applied=40),
    VolunteeringSpec(CITIZEN, "furat-trainers", "declined", applied=30),
    VolunteeringSpec("v1", "programmers-review", "accepted", "a5 w1", 80),
    VolunteeringSpec("v1", "sham-wiki", "accepted", "a4 r1", 70),
    VolunteeringSpec("v1", "arabic-nlp-voices", "applied", applied=4),
    VolunteeringSpec("v1", "women-tech-mentors", "declined", applied=25),
    VolunteeringSpec("v2", "jisr-helpdesk", "accepted", "a6 w1", 85),
    VolunteeringSpec("v2", "furat-mobile", "accepted", "a5 r1 w1", 75),
    VolunteeringSpec("v3", "amal-trainers", "accepted", "a7", 89, statement="revoked"),
    VolunteeringSpec("v3", "nitsa-accounts", "ended", "a4", 86),
    VolunteeringSpec("v4", "amal-camps", "accepted", "a6 w2", 84),
    VolunteeringSpec("v4", "aleppo-tutors", "declined", applied=20),
    VolunteeringSpec("v5", "code-sweida-mentors", "accepted", "a4 w1", 60),
    VolunteeringSpec("v5", "jabal-mobile", "applied", applied=3),
    VolunteeringSpec("v5", "jabal-photo", "ended", "a3", 80),
    VolunteeringSpec("v6", "horan-coding", "accepted", "a5 r1", 70),
    VolunteeringSpec("v6", "sanabel-literacy", "applied", applied=2),
    VolunteeringSpec("v7", "buthoor-coding", "accepted", "a6 w1", 78),
    VolunteeringSpec("v7", "furat-trainers", "stopped", "a2", 65),
    VolunteeringSpec("v8", "coast-map", "accepted", "a4 w1", 55),
    VolunteeringSpec("v8", "programmers-mentors", "ended", "a5", 87),
    VolunteeringSpec("v9", "khabour-farming", "accepted", "a3 w2", 50),
    VolunteeringSpec("v9", "hasakeh-wifi", "declined", applied=15),
    VolunteeringSpec("v9", "khabour-hackathon", "ended", "a4", 84),
    VolunteeringSpec("v10", "nour-literacy", "accepted", "a5", 72),
    VolunteeringSpec("v10", "telecom-palmyra", "applied", applied=5),
    VolunteeringSpec("v11", "tartous-banias", "applied", applied=7),
    VolunteeringSpec("v11", "bahr-emarketing", "accepted", "a3 r1 w1", 45),
    VolunteeringSpec("v11", "daw-teachers", "withdrawn", applied=35),
    VolunteeringSpec("v12", "quneitra-villages", "accepted", "a4 w1", 62),
    VolunteeringSpec("v12", "jisr-content", "applied", applied=9),
    VolunteeringSpec("v13", "assi-repair", "ended", "a6", 88),
    VolunteeringSpec("v13", "women-tech-mentors", "applied", applied=8),
    VolunteeringSpec("v13", "amal-translation", "ended", "a3", 82),
    VolunteeringSpec("v14", "sham-wiki", "applied", applied=10),
    VolunteeringSpec("v14", "arabic-nlp-voices", "accepted", "a3", 40),
    VolunteeringSpec("v14", "aleppo-tutors", "accepted", "a4 w1", 58),
    VolunteeringSpec("v2", "jisr-content", "withdrawn", applied=22),
    VolunteeringSpec("v4", "tartous-banias", "declined", applied=12),
    VolunteeringSpec("v6", "women-tech-mentors", "applied", applied=6),
    VolunteeringSpec("v8", "telecom-palmyra", "applied", applied=4),
]

MOTIVATIONS = [
    "أدرس هندسة المعلوماتية وأريد أن أستخدم ما أتعلمه في خدمة أهل منطقتي.",
    "ساعدت أهلي وجيراني في المعاملات الإلكترونية وأحب أن أفعل ذلك بشكل منظم.",
    "لدي وقت فراغ في المساء وخبرة في التدريب، وأرغب في المساهمة.",
    "أعمل في البرمجة منذ ثلاث سنوات وأود أن أرد بعض ما تعلمته للمجتمع.",
    "أؤمن بأن المهارات الرقمية تفتح أبواب العمل للشباب في محافظتنا.",
    "تطوعت سابقاً مع فرق محلية وأريد تجربة العمل في مجال التقانة.",
    "أعرف المنطقة وأهلها جيداً ويمكنني الوصول إلى الأسر بسهولة.",
]

DECLINE_REASONS = [
    "اكتمل عدد المتطوعين لهذه الدورة؛ سنتواصل معك عند فتح الدورة القادمة.",
    "نبحث حالياً عن متطوعين لديهم خبرة سنتين على الأقل في هذا المجال.",
    "يتطلب العمل الحضور في المحافظة، وفهمنا من طلبك أنك تقيم خارجها.",
]

HOURS_REJECT_REASONS = [
    "سُجّلت هذه الساعات مرتين للنشاط نفسه.",
    "لم يكن المكتب مفتوحاً في هذا اليوم؛ يرجى التحقق من التاريخ.",
    "تتجاوز الساعات المسجلة مدة النشاط الفعلية، وهي ثلاث ساعات.",
]

STATEMENT_REVOKE_REASON = (
    "صدرت الإفادة قبل تدقيق سجل الحضور، وتبيّن أن بعض الساعات احتُسبت لجلسات أُلغيت؛ "
    "تُصدر إفادة جديدة بعد التصحيح."
)
