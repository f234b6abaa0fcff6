"""The data behind ``mujtama.programs.demo``: five programs of the two ministries, a
call in every state, applications (many of them consortia) in every state, reviews
and awards.

Organizations are named by their slug in ``mujtama.organizations.demo_data``. Days
are counted from the day the seed runs: negative in the past, positive ahead. Calls
open at 09:00 and close at 23:59, Damascus time. Every project, answer and comment
is invented for the demo.
"""

from typing import Any, NamedTuple

# --- Reviewers ----------------------------------------------------------------------------
# The reviewer persona, and two outside experts with the reviewer role. None of them
# belongs to an organization (a member of a consortium may never review it).

LAILA = "laila"
ZEIN = "zein"
SALEH = "saleh"

REVIEWER_EMAILS = {
    LAILA: "reviewer@demo.mujtama.sy",
    ZEIN: "reviewer.zein@demo.mujtama.sy",
    SALEH: "reviewer.saleh@demo.mujtama.sy",
}


class Expert(NamedTuple):
    key: str
    full_name: str
    governorate: str
    birth_year: int
    sex: str


EXPERTS = [
    # A professor of information systems (e-government services).
    Expert(ZEIN, "د. منى الزين", "SY01", 1971, "female"),
    # A professor of social development (community programs and vulnerable families).
    Expert(SALEH, "د. عمر الصالح", "SY04", 1966, "male"),
]


# --- Programs -----------------------------------------------------------------------------


class ProgramSpec(NamedTuple):
    slug: str
    kind: str
    ministry: str
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str
    co_hosts: str  # organization slugs
    target_groups: str
    published: bool = True


SKILLS = "skills"
EGOV = "egov"
NLP = "nlp"
FAMILIES = "families"
WOMEN = "women"

PROGRAMS: list[ProgramSpec] = [
    ProgramSpec(
        slug=SKILLS,
        kind="training",
        ministry="moct",
        name_ar="برنامج المهارات الرقمية للشباب في المناطق النائية",
        name_en="Digital Skills for Young People in Remote Areas",
        description_ar=(
            "يموّل البرنامج دورات تدريبية عملية في المهارات الرقمية للشباب في الأرياف والبلدات "
            "البعيدة عن مراكز المحافظات. تنفّذ الدورات جمعيات ومبادرات محلية بالشراكة مع "
            "الجامعات، وتعتمد وزارة الاتصالات والتقانة شهاداتها. ويولي البرنامج أولوية للشابات "
            "وللمناطق التي تضررت فيها البنية التحتية."
        ),
        description_en=(
            "The program funds practical digital-skills training for young people in rural "
            "areas and towns far from the governorate centres. Courses are run by local "
            "associations and initiatives in partnership with universities, and their "
            "certificates are recognised by the Ministry of Communications and Information "
            "Technology. Priority goes to young women and to areas where infrastructure was "
            "damaged."
        ),
        co_hosts="svu tartous-university",
        target_groups="youth remote_areas",
    ),
    ProgramSpec(
        slug=EGOV,
        kind="digital_transformation",
        ministry="moct",
        name_ar="شراكات التحول الرقمي للخدمات الحكومية",
        name_en="Partnerships for the Digital Transformation of Government Services",
        description_ar=(
            "يجمع البرنامج الجهات العامة مع الشركات والجمعيات التقنية والجامعات لرقمنة "
            "الخدمات التي يطلبها المواطنون كل يوم، من الوثائق الشخصية إلى الرسوم المحلية. "
            "تُبنى الحلول على المنصات الوطنية القائمة وتُسلَّم مع شيفرتها المصدرية إلى الجهة "
            "العامة المستفيدة، وتُقاس نتائجها بعدد المعاملات المنجزة إلكترونياً وبالوقت الذي "
            "يوفّره المواطن."
        ),
        description_en=(
            "The program brings public bodies together with technology companies, "
            "associations and universities to digitize the services citizens ask for every "
            "day, from personal documents to local fees. Solutions build on the existing "
            "national platforms and are handed over, with their source code, to the public "
            "body that benefits; results are measured by the transactions completed online "
            "and the time citizens save."
        ),
        co_hosts="nitsa eidg",
        target_groups="remote_areas",
    ),
    ProgramSpec(
        slug=NLP,
        kind="joint_research",
        ministry="moct",
        name_ar="البحث المشترك في معالجة اللغة العربية",
        name_en="Joint Research in Arabic Language Processing",
        description_ar=(
            "يدعم البرنامج مشاريع بحثية مشتركة بين الجامعات ومراكز البحث السورية ونظيراتها في "
            "الخارج في التعرف على الكلام العربي وفهم النصوص والترجمة الآلية. تُنشر البيانات "
            "والنماذج الناتجة برخص مفتوحة لتستفيد منها الجهات العامة والشركات الناشئة. ويشترط "
            "البرنامج أن يضم كل تحالف جامعة واحدة على الأقل، وأن يشارك فيه باحثون شباب."
        ),
        description_en=(
            "The program supports joint research between Syrian universities and research "
            "centres and their partners abroad in Arabic speech recognition, text "
            "understanding and machine translation. The data and models produced are "
            "published under open licences for public bodies and start-ups to use. Every "
            "consortium must include at least one university and involve young researchers."
        ),
        co_hosts="hiast berlin-college",
        target_groups="",
    ),
    ProgramSpec(
        slug=FAMILIES,
        kind="partnership",
        ministry="mosal",
        name_ar="شبكة دعم الأسر الأشد هشاشة رقمياً",
        name_en="Digital Support Network for the Most Vulnerable Families",
        description_ar=(
            "تبني وزارة الشؤون الاجتماعية والعمل مع الجمعيات والمبادرات المحلية ومديريات الشؤون "
            "الاجتماعية شبكة من نقاط الدعم الرقمي القريبة من الأسر الأشد هشاشة. تساعد النقاط "
            "الأسر على الوصول إلى الخدمات الإلكترونية وبرامج الدعم، وتدرّب أفرادها على استخدام "
            "الهاتف والإنترنت بأمان، وفق معايير موحدة تحمي بياناتهم الشخصية وتصون كرامتهم."
        ),
        description_en=(
            "With local associations, initiatives and the directorates of social affairs, the "
            "Ministry of Social Affairs and Labour is building a network of digital support "
            "points close to the most vulnerable families. The points help families reach "
            "online services and support programs and train them to use phones and the "
            "internet safely, to shared standards that protect their personal data and their "
            "dignity."
        ),
        co_hosts="tartous-social-affairs svu",
        target_groups="vulnerable_families remote_areas",
    ),
    ProgramSpec(
        slug=WOMEN,
        kind="training",
        ministry="mosal",
        name_ar="برنامج التمكين الرقمي للنساء في سوق العمل",
        name_en="Digital Empowerment of Women in the Labour Market",
        description_ar=(
            "برنامج قيد الإعداد لتدريب النساء المعيلات لأسرهن على العمل عن بعد والتجارة "
            "الإلكترونية وإدارة المشاريع الصغيرة. يربط البرنامج المتدربات بفرص عمل لدى الشركات "
            "الشريكة، ويرافقهن ستة أشهر بعد انتهاء التدريب."
        ),
        description_en=(
            "A program in preparation to train women who support their families in remote "
            "work, e-commerce and running small businesses. It connects trainees with jobs at "
            "partner companies and mentors them for six months after the training."
        ),
        co_hosts="women-tech yasmin-digital",
        target_groups="vulnerable_families youth",
        published=False,
    ),
]


# --- Calls --------------------------------------------------------------------------------

REMOTE = ["SY07", "SY08", "SY09", "SY11", "SY12", "SY13", "SY14"]
EAST_AND_SOUTH = ["SY08", "SY09", "SY11", "SY12", "SY13", "SY14"]
MEMBERS_ONLY = {"type": "membership_current"}


def choices(*options: tuple[str, str, str]) -> list[dict[str, str]]:
    return [{"value": v, "label_ar": ar, "label_en": en} for v, ar, en in options]


def criterion(
    name_ar: str, name_en: str, weight: int, guide_ar: str, guide_en: str
) -> dict[str, Any]:
    return {
        "name_ar": name_ar,
        "name_en": name_en,
        "weight": weight,
        "description_ar": guide_ar,
        "description_en": guide_en,
    }


class CallSpec(NamedTuple):
    slug: str
    program: str
    state: str  # draft, published, open, closed, reviewing, results_published
    title_ar: str
    title_en: str
    text_ar: str
    text_en: str
    opens: int
    closes: int
    budget: int
    max_award: int
    rules: list[dict[str, Any]]
    # Each question has a ``key`` (how applications below refer to it) and the
    # fields of the call services.
    questions: list[dict[str, Any]]
    rubric: list[dict[str, Any]]
    reviewers: int = 2
    published: int = 0  # days before opening that it was published
    # When the program team took each later step (days from today): screening,
    # review (the call moves to review), decided, results.
    steps: dict[str, int] = {}  # never mutated


SKILLS_1 = "skills-1"
SKILLS_2 = "skills-2"
CENTRES = "centres-2026"
PAYMENTS = "payments-2027"
NLP_2027 = "nlp-2027"
FAMILIES_EAST = "families-east"
WOMEN_1 = "women-freelance-1"

SKILLS_RUBRIC = [
    criterion(
        "الوصول إلى شباب المناطق النائية",
        "Reaching young people in remote areas",
        3,
        "هل يصل المشروع فعلاً إلى بلدات وقرى لم تصلها برامج تدريب سابقة؟",
        "Does the project really reach towns and villages that earlier training missed?",
    ),
    criterion(
        "جدوى الخطة وكلفتها",
        "Feasibility and cost",
        2,
        "واقعية الجدول الزمني والميزانية، وخبرة الجهة في تنفيذ دورات مماثلة.",
        "A realistic schedule and budget, and the organization's record with similar courses.",
    ),
    criterion(
        "مشاركة الشابات",
        "Participation of young women",
        2,
        "نسبة المقاعد المخصصة للشابات، ومواعيد التدريب وأماكنه المناسبة لهن.",
        "The share of places for young women, and times and places that suit them.",
    ),
    criterion(
        "استدامة الأثر",
        "Lasting effect",
        1,
        "ما الذي يبقى بعد انتهاء التمويل: مدربون محليون، قاعات، شراكات.",
        "What remains when the funding ends: local trainers, rooms, partnerships.",
    ),
]

CALLS: list[CallSpec] = [
    # Results published: the first round of the skills program.
    CallSpec(
        slug=SKILLS_1,
        program=SKILLS,
        state="results_published",
        title_ar="المهارات الرقمية للشباب في المناطق النائية – الدورة الأولى",
        title_en="Digital skills for young people in remote areas – first round",
        text_ar=(
            "تموّل الدورة الأولى من البرنامج مشاريع تدريبية مدتها ستة أشهر في المهارات الرقمية "
            "الأساسية للشباب بين السادسة عشرة والتاسعة والعشرين في البلدات والقرى البعيدة عن "
            "مراكز المحافظات. يُشترط أن يتضمن المشروع مكان تدريب مجهزاً أو متنقلاً، وأن تشكّل "
            "الشابات نصف المتدربين على الأقل. تتقدم الجهة منفردة أو على رأس تحالف مع جهات محلية "
            "أو جامعات."
        ),
        text_en=(
            "The program's first round funds six-month training projects in basic digital "
            "skills for young people aged 16 to 29 in towns and villages far from the "
            "governorate centres. Each project needs an equipped or mobile training space, "
            "and at least half of the trainees must be young women. An organization applies "
            "alone or as the lead of a consortium with local organizations or universities."
        ),
        opens=-200,
        closes=-150,
        published=7,
        budget=6_000_000,
        max_award=2_000_000,
        rules=[
            MEMBERS_ONLY,
            {"type": "kind_in", "values": ["tech_ngo", "youth_initiative"]},
            {"type": "governorates_any", "values": REMOTE},
            {"type": "min_members", "value": 10},
        ],
        questions=[
            {
                "key": "summary",
                "kind": "long_text",
                "label_ar": "ملخص المشروع",
                "label_en": "Project summary",
                "help_ar": "ما الذي ستفعلونه، وأين، ولمن؟ في حدود ١٥٠٠ حرف.",
                "help_en": "What you will do, where and for whom, in at most 1,500 characters.",
                "required": True,
                "max_length": 1500,
            },
            {
                "key": "towns",
                "kind": "text",
                "label_ar": "البلدات والقرى المستهدفة",
                "label_en": "Towns and villages served",
                "required": True,
            },
            {
                "key": "trainees",
                "kind": "number",
                "label_ar": "عدد المتدربين المتوقع",
                "label_en": "Expected number of trainees",
                "required": True,
                "min_value": 50,
                "max_value": 2000,
            },
            {
                "key": "lab",
                "kind": "choice",
                "label_ar": "هل يتوفر لديكم مكان تدريب مجهز؟",
                "label_en": "Do you have an equipped training space?",
                "required": True,
                "choices": choices(
                    ("yes", "نعم، مجهز بالكامل", "Yes, fully equipped"),
                    ("partly", "جزئياً، ونحتاج إلى أجهزة إضافية", "Partly; we need more devices"),
                    ("no", "لا، سنجهّزه من المنحة", "No; the grant will equip it"),
                ),
            },
        ],
        rubric=SKILLS_RUBRIC,
        steps={"screening": -148, "review": -145, "decided": -100, "results": -95},
    ),
    # Under review: the first call of the government services program.
    CallSpec(
        slug=CENTRES,
        program=EGOV,
        state="reviewing",
        title_ar="رقمنة خدمات مراكز خدمة المواطن – ٢٠٢٦",
        title_en="Digitizing the services of citizen service centres – 2026",
        text_ar=(
            "تدعو وزارة الاتصالات والتقانة الجهات التقنية إلى مشاريع شراكة مع مراكز خدمة "
            "المواطن لرقمنة خمس خدمات على الأقل من الخدمات الأكثر طلباً، مع حجز المواعيد وتتبع "
            "المعاملة إلكترونياً. تُسلَّم الحلول مفتوحة المصدر إلى الهيئة الوطنية لخدمات تقانة "
            "المعلومات، وتُشغَّل تجريبياً في مركزين على الأقل قبل نهاية المشروع."
        ),
        text_en=(
            "The Ministry of Communications and Information Technology invites technology "
            "organizations to partner with citizen service centres to digitize at least five "
            "of their most requested services, with online appointments and tracking. "
            "Solutions are handed over as open source to the National Agency for Information "
            "Technology Services and piloted in at least two centres before the project ends."
        ),
        opens=-80,
        closes=-25,
        published=7,
        budget=20_000_000,
        max_award=5_000_000,
        rules=[
            MEMBERS_ONLY,
            {"type": "expertise_any", "values": ["egov", "software"]},
            {"type": "founded_years_ago", "value": 3},
            {"type": "min_members", "value": 15},
        ],
        questions=[
            {
                "key": "services",
                "kind": "text",
                "label_ar": "الخدمات التي سيرقمنها المشروع",
                "label_en": "The services the project will digitize",
                "required": True,
            },
            {
                "key": "solution",
                "kind": "long_text",
                "label_ar": "الحل المقترح وطريقة تنفيذه",
                "label_en": "The proposed solution and how it will be built",
                "help_ar": "بيّنوا المنصات الوطنية التي ستبنون عليها وكيف ستُحمى البيانات الشخصية.",
                "help_en": "Name the national platforms you build on and how personal data is protected.",
                "required": True,
                "max_length": 3000,
            },
            {
                "key": "centres",
                "kind": "number",
                "label_ar": "عدد المراكز التي سيُشغَّل فيها الحل تجريبياً",
                "label_en": "Number of centres where the solution will be piloted",
                "required": True,
                "min_value": 2,
                "max_value": 20,
            },
            {
                "key": "hosting",
                "kind": "choice",
                "label_ar": "أين ستُستضاف الخدمة؟",
                "label_en": "Where will the service be hosted?",
                "required": True,
                "choices": choices(
                    ("national_dc", "مركز البيانات الوطني", "The national data centre"),
                    ("gov_cloud", "السحابة الحكومية", "The government cloud"),
                    ("partner", "خوادم الجهة العامة الشريكة", "The partner public body's servers"),
                ),
            },
            {
                "key": "support",
                "kind": "file",
                "label_ar": "رسالة دعم من الجهة العامة المستفيدة",
                "label_en": "Letter of support from the public body that benefits",
                "help_ar": "ملف PDF موقّع ومختوم.",
                "help_en": "A signed and stamped PDF.",
                "required": True,
            },
        ],
        rubric=[
            criterion(
                "القيمة العامة للمواطن",
                "Public value for citizens",
                3,
                "عدد المعاملات التي تصبح إلكترونية، والوقت والتنقل الذي يوفّره المواطن.",
                "How many transactions go online, and the time and travel citizens save.",
            ),
            criterion(
                "الجودة التقنية والأمان",
                "Technical quality and security",
                3,
                "ملاءمة الحل للبنية الوطنية القائمة، وحماية البيانات الشخصية.",
                "Fit with the existing national infrastructure, and protection of personal data.",
            ),
            criterion(
                "الفريق والشراكة مع الجهة العامة",
                "Team and partnership with the public body",
                2,
                "خبرة الفريق، ووضوح دور الجهة العامة والتزامها.",
                "The team's experience, and the public body's clear role and commitment.",
            ),
            criterion(
                "الاستدامة ونقل الملكية",
                "Sustainability and handover",
                2,
                "تسليم الشيفرة المصدرية وتدريب موظفي الجهة العامة على التشغيل والصيانة.",
                "Handing over the source code and training the public body's staff to run it.",
            ),
        ],
        steps={"screening": -22, "review": -20, "decided": -3},
    ),
    # Closed three days ago; the program team is screening.
    CallSpec(
        slug=FAMILIES_EAST,
        program=FAMILIES,
        state="closed",
        title_ar="نقاط الدعم الرقمي للأسر في المحافظات الشرقية والجنوبية",
        title_en="Digital support points for families in the eastern and southern governorates",
        text_ar=(
            "تدعو وزارة الشؤون الاجتماعية والعمل الجمعيات والمبادرات ومديريات الشؤون الاجتماعية "
            "إلى إنشاء نقاط دعم رقمي تخدم كل منها خمسمئة أسرة على الأقل من الأسر المسجلة في "
            "برامج الحماية الاجتماعية. تساعد النقطة في المعاملات الإلكترونية، وتدرّب أفراد الأسر "
            "على الاستخدام الآمن للهاتف والإنترنت، وتحيل من يحتاج دعماً إضافياً إلى الجهات "
            "المختصة."
        ),
        text_en=(
            "The Ministry of Social Affairs and Labour invites associations, initiatives and "
            "directorates of social affairs to set up digital support points, each serving at "
            "least five hundred families registered in social protection programs. A point "
            "helps with online procedures, trains family members to use phones and the "
            "internet safely, and refers those who need more support to the services concerned."
        ),
        opens=-45,
        closes=-3,
        published=7,
        budget=9_000_000,
        max_award=2_000_000,
        rules=[
            MEMBERS_ONLY,
            {"type": "kind_in", "values": ["tech_ngo", "youth_initiative", "government_body"]},
            {"type": "governorates_any", "values": EAST_AND_SOUTH},
            {"type": "founded_years_ago", "value": 2},
            {"type": "min_members", "value": 8},
        ],
        questions=[
            {
                "key": "site",
                "kind": "text",
                "label_ar": "موقع نقطة الدعم المقترحة",
                "label_en": "Where the support point will be",
                "required": True,
            },
            {
                "key": "families",
                "kind": "number",
                "label_ar": "عدد الأسر التي ستخدمها النقطة في السنة",
                "label_en": "Families the point will serve in a year",
                "required": True,
                "min_value": 500,
                "max_value": 5000,
            },
            {
                "key": "approach",
                "kind": "long_text",
                "label_ar": "كيف ستصلون إلى الأسر وتحمون بياناتها الشخصية؟",
                "label_en": "How will you reach families and protect their personal data?",
                "required": True,
                "max_length": 2500,
            },
            {
                "key": "agreement",
                "kind": "choice",
                "label_ar": "هل لديكم اتفاق تعاون مع مديرية الشؤون الاجتماعية والعمل في المحافظة؟",
                "label_en": "Do you have a cooperation agreement with the governorate's directorate of social affairs?",
                "required": True,
                "choices": choices(
                    ("signed", "نعم، موقّع", "Yes, signed"),
                    ("in_progress", "قيد التوقيع", "Being signed"),
                    ("none", "لا", "No"),
                ),
            },
        ],
        rubric=[
            criterion(
                "حاجة المنطقة إلى النقطة",
                "The area's need for the point",
                3,
                "عدد الأسر المسجلة في برامج الحماية، وبعدها عن أقرب مركز خدمة.",
                "Families registered in protection programs, and their distance from a service centre.",
            ),
            criterion(
                "الوصول إلى الأسر وحماية بياناتها",
                "Reaching families and protecting their data",
                3,
                "آلية الوصول إلى الأسر الأشد هشاشة، وقواعد حماية البيانات الشخصية والموافقة.",
                "How the most vulnerable families are reached, and the rules for data and consent.",
            ),
            criterion(
                "قدرة الفريق",
                "The team's capacity",
                2,
                "خبرة الفريق في العمل مع الأسر، ووجود متطوعين من المنطقة.",
                "Experience of working with families, and volunteers from the area.",
            ),
            criterion(
                "الكلفة لكل أسرة",
                "Cost per family",
                1,
                "معقولية الكلفة قياساً بعدد الأسر المخدومة.",
                "Whether the cost is reasonable for the number of families served.",
            ),
        ],
        steps={"screening": -2},
    ),
    # Open, closing in five days: drafts get their deadline reminder.
    CallSpec(
        slug=SKILLS_2,
        program=SKILLS,
        state="open",
        title_ar="مدربو المهارات الرقمية في الأرياف – الدورة الثانية",
        title_en="Digital skills trainers in rural areas – second round",
        text_ar=(
            "تموّل هذه الدورة إعداد مدربين محليين من الشباب في الأرياف، يتولى كل منهم بعد "
            "تأهيله تدريب أقرانه في بلدته على المهارات الرقمية الأساسية. تقدّم الجهة مقترحاً "
            "لمدة تسعة أشهر يحدد البلدات المستهدفة وعدد المدربين وأسلوب التدريب وخطة المتابعة. "
            "ويمكن أن تتقدم الجهة منفردة أو على رأس تحالف مع جهات محلية أخرى."
        ),
        text_en=(
            "This round funds the preparation of young local trainers in rural areas, each of "
            "whom then trains their peers in their own town in basic digital skills. The "
            "organization proposes a nine-month project naming the towns served, the number "
            "of trainers, the way of training and the follow-up plan. It may apply alone or "
            "as the lead of a consortium with other local organizations."
        ),
        opens=-25,
        closes=5,
        published=7,
        budget=8_000_000,
        max_award=2_500_000,
        rules=[
            MEMBERS_ONLY,
            {"type": "kind_in", "values": ["tech_ngo", "youth_initiative"]},
            {"type": "governorates_any", "values": REMOTE},
            {"type": "expertise_any", "values": ["digital_skills", "digital_inclusion"]},
            {"type": "min_members", "value": 10},
        ],
        questions=[
            {
                "key": "summary",
                "kind": "long_text",
                "label_ar": "ملخص المشروع",
                "label_en": "Project summary",
                "help_ar": "كيف ستختارون المدربين وتؤهلونهم، وكيف سيدربون أقرانهم؟",
                "help_en": "How you will choose and prepare the trainers, and how they will train their peers.",
                "required": True,
                "max_length": 1500,
            },
            {
                "key": "towns",
                "kind": "text",
                "label_ar": "البلدات المستهدفة",
                "label_en": "Towns served",
                "required": True,
            },
            {
                "key": "trainers",
                "kind": "number",
                "label_ar": "عدد المدربين المحليين الذين ستؤهلونهم",
                "label_en": "Number of local trainers you will prepare",
                "required": True,
                "min_value": 5,
                "max_value": 60,
            },
            {
                "key": "mode",
                "kind": "choice",
                "label_ar": "أسلوب التدريب",
                "label_en": "Way of training",
                "required": True,
                "choices": choices(
                    ("in_person", "حضوري", "In person"),
                    ("blended", "مدمج: حضوري وعن بعد", "Blended: in person and remote"),
                    ("remote", "عن بعد", "Remote"),
                ),
            },
            {
                "key": "plan",
                "kind": "file",
                "label_ar": "خطة العمل والجدول الزمني",
                "label_en": "Work plan and schedule",
                "help_ar": "اختياري: ملف PDF.",
                "help_en": "Optional: a PDF file.",
                "required": False,
            },
        ],
        rubric=SKILLS_RUBRIC,
    ),
    # Open for a month, amended once (see AMENDMENT): version 2.
    CallSpec(
        slug=NLP_2027,
        program=NLP,
        state="open",
        title_ar="منح البحث المشترك في معالجة اللغة العربية ٢٠٢٧",
        title_en="Joint research grants in Arabic language processing 2027",
        text_ar=(
            "تدعو الوزارة تحالفات بحثية تقودها جامعة أو مركز بحث إلى تقديم مشاريع مدتها ثمانية "
            "عشر شهراً في أحد ثلاثة محاور: التعرف الآلي على الكلام باللهجات السورية، وفهم "
            "النصوص الإدارية العربية واستخراج المعلومات منها، والترجمة الآلية للمصطلحات التقنية "
            "بين العربية والإنكليزية. يجب أن يضم التحالف جامعة واحدة على الأقل، وأن تُنشر "
            "البيانات والنماذج الناتجة برخص مفتوحة."
        ),
        text_en=(
            "The Ministry invites research consortia led by a university or research centre "
            "to propose eighteen-month projects on one of three themes: speech recognition "
            "for Syrian dialects, understanding Arabic administrative texts and extracting "
            "information from them, and machine translation of technical terms between Arabic "
            "and English. Each consortium must include at least one university, and the data "
            "and models produced must be published under open licences."
        ),
        opens=-12,
        closes=20,
        published=7,
        budget=18_000_000,
        max_award=6_000_000,
        reviewers=3,
        rules=[
            MEMBERS_ONLY,
            {"type": "kind_in", "values": ["university", "research_institute"]},
            {"type": "consortium_includes_kind", "value": "university"},
            {"type": "expertise_any", "values": ["data_ai", "digital_content"]},
            {"type": "founded_years_ago", "value": 5},
        ],
        questions=[
            {
                "key": "axis",
                "kind": "choice",
                "label_ar": "المحور البحثي",
                "label_en": "Research theme",
                "required": True,
                "choices": choices(
                    (
                        "speech",
                        "التعرف على الكلام باللهجات السورية",
                        "Speech recognition for Syrian dialects",
                    ),
                    (
                        "text",
                        "فهم النصوص الإدارية العربية",
                        "Understanding Arabic administrative texts",
                    ),
                    (
                        "translation",
                        "الترجمة الآلية للمصطلحات التقنية",
                        "Machine translation of technical terms",
                    ),
                ),
            },
            {
                "key": "abstract",
                "kind": "long_text",
                "label_ar": "ملخص المشروع وأسئلته البحثية",
                "label_en": "Abstract and research questions",
                "required": True,
                "max_length": 3000,
            },
            {
                "key": "team",
                "kind": "long_text",
                "label_ar": "فريق البحث ودور كل جهة في التحالف",
                "label_en": "The research team and the role of each organization",
                "required": True,
                "max_length": 2000,
            },
            {
                "key": "young",
                "kind": "number",
                "label_ar": "عدد الباحثين الشباب (دون الخامسة والثلاثين) في الفريق",
                "label_en": "Young researchers (under 35) in the team",
                "required": True,
                "min_value": 1,
                "max_value": 50,
            },
            {
                "key": "cvs",
                "kind": "file",
                "label_ar": "السير الذاتية للباحثين الرئيسيين",
                "label_en": "CVs of the principal researchers",
                "help_ar": "اختياري: ملف PDF واحد.",
                "help_en": "Optional: one PDF file.",
                "required": False,
            },
        ],
        rubric=[
            criterion(
                "القيمة العلمية",
                "Scientific merit",
                3,
                "أصالة الأسئلة البحثية ومتانة المنهجية.",
                "Original research questions and a sound method.",
            ),
            criterion(
                "التحالف والباحثون الشباب",
                "Consortium and young researchers",
                2,
                "تكامل أدوار الجهات، ومشاركة الباحثين الشباب الفعلية.",
                "Complementary roles, and real involvement of young researchers.",
            ),
            criterion(
                "انفتاح المخرجات",
                "Open outputs",
                2,
                "نشر البيانات والنماذج برخص مفتوحة وقابليتها لإعادة الاستخدام.",
                "Data and models published under open licences, ready to reuse.",
            ),
            criterion(
                "الجدوى والميزانية",
                "Feasibility and budget",
                1,
                "واقعية الخطة الزمنية وتناسب الميزانية مع العمل.",
                "A realistic schedule and a budget in proportion to the work.",
            ),
        ],
    ),
    # Published, opening next week.
    CallSpec(
        slug=PAYMENTS,
        program=EGOV,
        state="published",
        title_ar="الدفع الإلكتروني للرسوم والخدمات البلدية",
        title_en="Online payment of municipal fees and services",
        text_ar=(
            "تدعو وزارة الاتصالات والتقانة الشركات والجهات التقنية إلى تقديم مقترحات مشتركة مع "
            "مجالس المدن والبلدات لتمكين المواطنين من دفع الرسوم البلدية إلكترونياً عبر بوابة "
            "الدفع الوطنية. تُعطى الأولوية للبلدات البعيدة عن مراكز المحافظات، وللحلول التي "
            "تعمل على الهواتف البسيطة وفي الشبكات الضعيفة."
        ),
        text_en=(
            "The Ministry of Communications and Information Technology invites companies and "
            "technology organizations to propose, together with town and city councils, ways "
            "for citizens to pay municipal fees online through the national payment gateway. "
            "Priority goes to towns far from the governorate centres and to solutions that "
            "work on basic phones and weak networks."
        ),
        opens=7,
        closes=52,
        published=9,
        budget=24_000_000,
        max_award=4_000_000,
        rules=[
            MEMBERS_ONLY,
            {"type": "kind_in", "values": ["company", "tech_ngo", "university"]},
            {"type": "expertise_any", "values": ["egov", "software"]},
            {"type": "founded_years_ago", "value": 3},
            {"type": "min_members", "value": 10},
        ],
        questions=[
            {
                "key": "councils",
                "kind": "text",
                "label_ar": "المجالس المحلية الشريكة",
                "label_en": "Partner local councils",
                "required": True,
            },
            {
                "key": "solution",
                "kind": "long_text",
                "label_ar": "الحل المقترح",
                "label_en": "The proposed solution",
                "required": True,
                "max_length": 3000,
            },
            {
                "key": "payments",
                "kind": "number",
                "label_ar": "عدد عمليات الدفع الشهرية المتوقعة بعد سنة",
                "label_en": "Expected payments per month after a year",
                "required": True,
                "min_value": 100,
            },
            {
                "key": "channel",
                "kind": "choice",
                "label_ar": "قناة الدفع الرئيسية",
                "label_en": "Main payment channel",
                "required": True,
                "choices": choices(
                    ("app", "تطبيق الهاتف الذكي", "Smartphone app"),
                    ("ussd", "رسائل الهاتف البسيط (USSD)", "Basic-phone menus (USSD)"),
                    ("agents", "وكلاء الدفع في البلدة", "Payment agents in town"),
                ),
            },
        ],
        rubric=[
            criterion(
                "سهولة الاستخدام للجميع",
                "Easy for everyone to use",
                3,
                "هل يستطيع كبار السن ومن لا يملكون هاتفاً ذكياً الدفع بسهولة؟",
                "Can older people and those without a smartphone pay easily?",
            ),
            criterion(
                "الأمان والتكامل مع بوابة الدفع الوطنية",
                "Security and integration with the national gateway",
                3,
                "",
                "",
            ),
            criterion("التزام المجالس المحلية", "Commitment of the local councils", 2, "", ""),
            criterion("الكلفة والاستدامة", "Cost and sustainability", 2, "", ""),
        ],
    ),
    # A draft, in the program that is still being prepared.
    CallSpec(
        slug=WOMEN_1,
        program=WOMEN,
        state="draft",
        title_ar="الدفعة الأولى: العمل الحر عبر الإنترنت للنساء المعيلات",
        title_en="First cohort: online freelancing for women heads of household",
        text_ar=(
            "تدعو وزارة الشؤون الاجتماعية والعمل الجمعيات والمبادرات إلى تقديم مقترحات لتدريب "
            "مئة وخمسين امرأة معيلة على العمل الحر عبر الإنترنت في محافظتين على الأقل. يشمل "
            "المقترح التدريب والإرشاد المهني وربط المتدربات بفرص عمل أولى لدى شركات شريكة."
        ),
        text_en=(
            "The Ministry of Social Affairs and Labour invites associations and initiatives to "
            "propose training for one hundred and fifty women heads of household in online "
            "freelancing, in at least two governorates. Proposals cover the training, career "
            "mentoring and first jobs with partner companies."
        ),
        opens=40,
        closes=85,
        budget=7_500_000,
        max_award=1_500_000,
        rules=[
            MEMBERS_ONLY,
            {"type": "kind_in", "values": ["tech_ngo", "youth_initiative"]},
            {"type": "min_governorates", "value": 2},
            {"type": "founded_years_ago", "value": 2},
        ],
        questions=[
            {
                "key": "plan",
                "kind": "long_text",
                "label_ar": "خطة التدريب والإرشاد",
                "label_en": "Training and mentoring plan",
                "required": True,
                "max_length": 2500,
            },
            {
                "key": "trainees",
                "kind": "number",
                "label_ar": "عدد المتدربات",
                "label_en": "Number of trainees",
                "required": True,
                "min_value": 20,
                "max_value": 150,
            },
            {
                "key": "mentoring",
                "kind": "choice",
                "label_ar": "من سيتولى الإرشاد المهني؟",
                "label_en": "Who will mentor the trainees?",
                "required": True,
                "choices": choices(
                    ("staff", "فريق الجهة", "The organization's team"),
                    ("companies", "الشركات الشريكة", "Partner companies"),
                    ("both", "كلاهما", "Both"),
                ),
            },
        ],
        rubric=[
            criterion("الوصول إلى النساء المعيلات", "Reaching women heads of household", 3, "", ""),
            criterion("فرص العمل بعد التدريب", "Jobs after the training", 3, "", ""),
            criterion("جدوى الخطة", "Feasibility", 2, "", ""),
        ],
    ),
]


class Amendment(NamedTuple):
    call: str
    days_ago: int
    closes: int  # the new closing day
    question: dict[str, Any]
    # Drafts that answered the new question since.
    answers: dict[str, str]


AMENDMENT = Amendment(
    call=NLP_2027,
    days_ago=4,
    closes=31,
    question={
        "key": "data",
        "kind": "long_text",
        "label_ar": "خطة إدارة البيانات وحماية خصوصية المتحدثين وأصحاب النصوص",
        "label_en": "Data management plan and protection of the privacy of speakers and authors",
        "help_ar": "كيف ستُجمع البيانات وتُخزَّن، ومن يوافق على استخدامها، وبأي رخصة ستُنشر؟",
        "help_en": "How the data is collected and stored, who consents to its use, and under which licence it is published.",
        "required": True,
        "max_length": 2500,
    },
    answers={
        "arabic-nlp": (
            "نجمع التسجيلات بموافقة خطية من كل متحدث، ونحذف الأسماء والأرقام من النصوص المفرّغة "
            "قبل حفظها. تُخزَّن البيانات الخام على خوادم المعهد العالي داخل سورية، ولا يطّلع عليها "
            "إلا الباحثون المسمّون في الخطة. ننشر المدوّنة المنقّحة والنماذج برخصة المشاع "
            "الإبداعي (نسب المصنف) بعد مراجعة لجنة الأخلاقيات في جامعة دمشق."
        ),
    },
)


# --- Applications -------------------------------------------------------------------------


class Doc(NamedTuple):
    """A file answer: a generated one-page PDF with this title."""

    title_ar: str
    title_en: str


class ReviewSpec(NamedTuple):
    reviewer: str
    state: str  # assigned, accepted, conflicted, submitted
    scores: tuple[int, ...] = ()  # in rubric order; fewer than the rubric = partial
    comment: str = ""  # the overall comment, or the conflict of interest declared
    notes: tuple[str, ...] = ()  # per criterion, in rubric order


class ApplicationSpec(NamedTuple):
    call: str
    lead: str
    title: str
    amount: int
    # draft, submitted, withdrawn, screening, more_info, screened_out, under_review,
    # shortlisted, awarded, not_selected
    state: str
    days: int  # days ago it was submitted (for a draft: started)
    answers: dict[str, Any]
    partners: str = ""  # "slug:confirmed slug:declined slug:invited"
    reason: str = ""  # the decision, the withdrawal or the information requested
    reviews: tuple[ReviewSpec, ...] = ()
    award: int = 0
    terms_ar: str = ""
    terms_en: str = ""


SUPPORT_LETTER = Doc(
    "رسالة دعم من الجهة العامة المستفيدة", "Letter of support from the public body"
)

AWARD_TERMS_AR = (
    "يُصرف المبلغ على ثلاث دفعات: ٤٠٪ عند توقيع الاتفاقية، و٤٠٪ بعد قبول تقرير منتصف المدة، "
    "و٢٠٪ بعد قبول التقرير الختامي. تلتزم الجهة بتدريب {trainees} شاب وشابة على الأقل، نصفهم "
    "من الشابات، وبرفع تقرير شهري عن الحضور والتقدم على المنصة، وبذكر البرنامج في كل مواد "
    "التدريب والإعلان."
)
AWARD_TERMS_EN = (
    "Paid in three instalments: 40% when the agreement is signed, 40% once the mid-term report "
    "is accepted and 20% once the final report is accepted. The organization trains at least "
    "{trainees} young people, half of them young women, reports attendance and progress on the "
    "platform every month, and credits the program in all training and publicity material."
)

APPLICATIONS: list[ApplicationSpec] = [
    # --- skills-1: results published -----------------------------------------------------
    ApplicationSpec(
        call=SKILLS_1,
        lead="amal",
        partners="hama-university:confirmed",
        title="مختبرات المهارات الرقمية المتنقلة في ريفي إدلب وحماة",
        amount=1_950_000,
        state="awarded",
        days=160,
        answers={
            "summary": (
                "نجهّز مختبرين متنقلين في حافلتين صغيرتين تزوران اثنتي عشرة بلدة في ريفي إدلب "
                "وحماة مرتين في الأسبوع. يتلقى كل متدرب ستين ساعة في أساسيات الحاسوب والبحث "
                "الآمن على الإنترنت واستخدام الخدمات الحكومية الإلكترونية، ويتولى طلاب كلية "
                "الهندسة المعلوماتية في جامعة حماة الإرشاد العملي. نخصص نصف المقاعد للشابات، مع "
                "مواعيد صباحية تناسب الطالبات والعاملات."
            ),
            "towns": "سراقب، أريحا، كفرنبل، معرة النعمان، السقيلبية، محردة، وست قرى في ريف حماة الشمالي",
            "trainees": "360",
            "lab": "yes",
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (5, 4, 5, 4),
                "المختبرات المتنقلة تصل فعلاً إلى القرى التي لا توجد فيها قاعات مجهزة، وجدول "
                "الزيارات مدروس. مشاركة طلاب جامعة حماة مرشدين تضيف قيمة وتبني صلة بين الجامعة "
                "والريف.",
                ("اثنتا عشرة بلدة لم يصلها أي برنامج تدريب سابق.", "", "", ""),
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (4, 4, 5, 4),
                "التزام واضح بمقاعد الشابات ومواعيد تناسبهن. كلفة تشغيل الحافلتين مرتفعة نسبياً، "
                "لكنها مبررة بعدد البلدات المخدومة.",
                (
                    "",
                    "كلفة الوقود والصيانة محسوبة بواقعية.",
                    "نصف المقاعد للشابات مع مواعيد صباحية.",
                    "",
                ),
            ),
        ),
        reason=(
            "حصل المشروع على أعلى تقييم بين المشاريع المقدمة، ويصل إلى بلدات لم تصلها برامج "
            "تدريب سابقة. خُفّض المبلغ قليلاً عن المطلوب بعد مراجعة بند الوقود."
        ),
        award=1_850_000,
        terms_ar=AWARD_TERMS_AR.format(trainees="٣٦٠"),
        terms_en=AWARD_TERMS_EN.format(trainees="360"),
    ),
    ApplicationSpec(
        call=SKILLS_1,
        lead="furat-digital",
        title="مراكز التدريب الرقمي في بلدات وادي الفرات",
        amount=1_600_000,
        state="awarded",
        days=155,
        answers={
            "summary": (
                "نفتتح ثلاثة مراكز تدريب صغيرة في الميادين والبوكمال والكرامة، مجهزة بألواح "
                "شمسية لتستمر الدورات أثناء انقطاع الكهرباء. يتدرب في كل دورة عشرون شاباً وشابة "
                "على المهارات الرقمية الأساسية، ثم يختار المتميزون مساراً في صيانة الحواسيب "
                "والشبكات. تؤمّن المجالس المحلية القاعات مجاناً طوال مدة المشروع."
            ),
            "towns": "الميادين، البوكمال، الكرامة",
            "trainees": "240",
            "lab": "partly",
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (5, 4, 4, 3),
                "الطاقة الشمسية حل عملي لانقطاع الكهرباء في المنطقة، والمراكز في بلدات لم يصلها "
                "تدريب من قبل. أنصح بخطة أوضح لما بعد انتهاء التمويل.",
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (4, 4, 4, 4),
                "فريق محلي يعرف المنطقة، وتعاون المجالس المحلية يخفض الكلفة. المسار المتقدم في "
                "الصيانة يفتح للشباب باباً إلى العمل.",
            ),
        ),
        reason="مشروع واقعي في منطقة شديدة الحاجة، بتقييم مرتفع من المحكّمَين كليهما.",
        award=1_600_000,
        terms_ar=AWARD_TERMS_AR.format(trainees="٢٤٠"),
        terms_en=AWARD_TERMS_EN.format(trainees="240"),
    ),
    ApplicationSpec(
        call=SKILLS_1,
        lead="quneitra-digital",
        title="الشباب الرقمي في قرى القنيطرة",
        amount=1_250_000,
        state="awarded",
        days=152,
        answers={
            "summary": (
                "ننظم دورات مسائية في المهارات الرقمية وأساسيات العمل عن بعد لشباب قرى القنيطرة "
                "في مدارس القرى بعد انتهاء الدوام. يقدّم التدريب متطوعون من أبناء المنطقة أتمّوا "
                "دورة إعداد مدربين، ونعير الحواسيب المحمولة للمتدربين المتميزين بعد انتهاء الدورة."
            ),
            "towns": "خان أرنبة، جباتا الخشب، مسحرة، نبع الصخر",
            "trainees": "150",
            "lab": "partly",
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (4, 4, 3, 3),
                "استخدام مدارس القرى حل ذكي لا يكلّف شيئاً، والمدربون من أبناء المنطقة. عدد "
                "المتدربين متواضع، ونسبة الشابات غير مضمونة في الدورات المسائية.",
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (4, 3, 4, 3),
                "مقترح صغير وواضح. إعارة الحواسيب فكرة جيدة، لكن يلزم تحديد من يتابع استردادها.",
            ),
        ),
        reason="مشروع صغير الكلفة في محافظة لم يصلها البرنامج بعد، بتقييم جيد.",
        award=1_200_000,
        terms_ar=AWARD_TERMS_AR.format(trainees="١٥٠"),
        terms_en=AWARD_TERMS_EN.format(trainees="150"),
    ),
    ApplicationSpec(
        call=SKILLS_1,
        lead="code-sweida",
        title="أكاديمية البرمجة لشباب السويداء",
        amount=1_800_000,
        state="not_selected",
        days=151,
        answers={
            "summary": (
                "نقدّم مساراً مكثفاً مدته ستة أشهر في تطوير الويب بالبرمجيات مفتوحة المصدر، مع "
                "مشروع تخرج حقيقي لجمعية محلية. يُعقد التدريب في مقر المبادرة في مدينة السويداء، "
                "ويستهدف طلاب الجامعة والخريجين الجدد."
            ),
            "towns": "مدينة السويداء",
            "trainees": "60",
            "lab": "yes",
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (2, 4, 3, 3),
                "المحتوى التقني متين، لكن المشروع في مركز المحافظة ويستهدف طلاب الجامعة، لا شباب "
                "القرى كما تشترط الدعوة.",
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (2, 3, 3, 4),
                "فريق كفء وخطة جيدة لمسار متقدم، لكنه لا يخدم الفئة المستهدفة بالبرنامج.",
            ),
        ),
        reason=(
            "المقترح متين تقنياً، لكنه يستهدف طلاب الجامعة في مدينة السويداء، بينما تشترط الدعوة "
            "الوصول إلى شباب القرى والبلدات البعيدة. نشجعكم على التقدم إلى الدورة الثانية بعد "
            "توسيع المشروع إلى الريف."
        ),
    ),
    ApplicationSpec(
        call=SKILLS_1,
        lead="khabour",
        title="صيانة الحواسيب والشبكات لشباب ريف الحسكة",
        amount=1_400_000,
        state="not_selected",
        days=151,
        answers={
            "summary": (
                "ندرّب شباب القرى على صيانة الحواسيب والهواتف وتمديد الشبكات الصغيرة، ليعملوا في "
                "قراهم بعد التدريب. يجري التدريب في قاعة مستأجرة في القامشلي، مع زيارات ميدانية "
                "إلى القرى."
            ),
            "towns": "القامشلي، عامودا، تل تمر",
            "trainees": "80",
            "lab": "no",
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (4, 2, 3, 2),
                "الفكرة مفيدة وتفتح باب العمل، لكن خطة تأمين الأجهزة وكلفة التنقل بين القرى "
                "غير واضحتين.",
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (3, 2, 3, 3),
                "لا تبيّن الميزانية كلفة تجهيز القاعة ولا عدد المدربين. يحتاج المقترح إلى إعادة "
                "صياغة.",
            ),
        ),
        reason=(
            "حصل المقترح على تقييم أدنى من المشاريع الممولة في معيار الجدوى، إذ لم تتضح خطة "
            "تأمين الأجهزة ولا كلفة التنقل بين القرى. نأمل أن نرى مقترحاً معدلاً في الدورة القادمة."
        ),
    ),
    ApplicationSpec(
        call=SKILLS_1,
        lead="horan",
        title="نادي البرمجة للشباب في ريف درعا",
        amount=1_100_000,
        state="withdrawn",
        days=158,
        answers={
            "summary": (
                "نادٍ أسبوعي للبرمجة والمهارات الرقمية في ثلاث بلدات من ريف درعا، يقوده متطوعون "
                "من الجمعية وخريجو كلية الهندسة."
            ),
            "towns": "نوى، جاسم، إنخل",
            "trainees": "90",
            "lab": "no",
        },
        reason="تأخر تجهيز القاعات التدريبية، ونفضّل التقدم في الدورة القادمة بمقترح أكمل.",
    ),
    # --- centres-2026: under review -------------------------------------------------------
    ApplicationSpec(
        call=CENTRES,
        lead="yasmin-digital",
        partners="homs-digital:confirmed",
        title="حجز المواعيد وتتبع المعاملات في مراكز خدمة المواطن بحمص",
        amount=4_800_000,
        state="shortlisted",
        days=30,
        answers={
            "services": "إخراج القيد، بيان العائلة، الوكالات، لا حكم عليه، تجديد جواز السفر",
            "solution": (
                "نبني خدمة حجز المواعيد وتتبع المعاملة على منصة الحجز الوطنية بدلاً من نظام "
                "جديد، ونربطها بأنظمة المراكز القائمة عبر واجهة برمجية موحدة. يتلقى المواطن رسالة "
                "نصية عند كل مرحلة من مراحل معاملته، ويستطيع من لا يملك هاتفاً ذكياً الحجز عبر "
                "رقم قصير. تبقى البيانات الشخصية في مركز البيانات الوطني، ولا تغادره إلا مشفّرة."
            ),
            "centres": "4",
            "hosting": "national_dc",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (5, 4, 4, 5),
                "مقترح ناضج يعالج أكثر ما يشكو منه المراجعون: الانتظار الطويل وتكرار المراجعة. "
                "الشراكة مع مديرية التحول الرقمي في حمص حقيقية وموقّعة، وخطة تسليم الشيفرة "
                "واضحة. أنصح بتوضيح آلية الحجز لمن لا يملك هاتفاً.",
                (
                    "يوفّر على المواطن زيارتين في المتوسط لكل معاملة.",
                    "",
                    "",
                    "خطة التسليم والتدريب مفصلة.",
                ),
            ),
            ReviewSpec(
                ZEIN,
                "submitted",
                (4, 5, 4, 4),
                "الحل مبني على منصة الحجز الوطنية لا على نظام جديد، وهذا قرار تقني صائب. الجدول "
                "الزمني ضيق بعض الشيء في مرحلة التشغيل التجريبي، لكن للفريق مشاريع مماثلة منفذة.",
                ("", "تكامل صحيح مع المنصات القائمة وتشفير للبيانات أثناء النقل.", "", ""),
            ),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="aleppo-solutions",
        partners="aleppo-university:confirmed",
        title="رقمنة خدمات السجل المدني في مراكز خدمة المواطن بحلب",
        amount=4_500_000,
        state="under_review",
        days=28,
        answers={
            "services": "إخراج القيد الفردي والعائلي، تسجيل الولادات، تسجيل الزواج، تصحيح القيود",
            "solution": (
                "نطوّر نماذج إلكترونية لخمس خدمات من خدمات السجل المدني، مع التحقق من هوية "
                "المواطن عبر الرقم الوطني ورسالة تأكيد. يساعد طلاب كلية الهندسة المعلوماتية في "
                "اختبار الخدمات مع المواطنين في مركزين بحلب قبل إطلاقها."
            ),
            "centres": "2",
            "hosting": "gov_cloud",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (4, 4, 3, 4),
                "المشروع يستهدف خدمات كثيرة الطلب في حلب. دور الجامعة في الشراكة غير محدد بدقة، "
                "ويحتاج المقترح إلى خطة أوضح لتدريب موظفي المراكز.",
            ),
            ReviewSpec(
                ZEIN,
                "submitted",
                (4, 3, 4, 3),
                "الفكرة جيدة، لكن الوصف التقني لربط الخدمات بقاعدة بيانات السجل المدني مختصر، ولا "
                "يبيّن كيف تُحمى البيانات أثناء النقل.",
            ),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="shahba-soft",
        partners="svu:confirmed",
        title="بوابة موحدة لطلبات الوثائق الشخصية",
        amount=4_200_000,
        state="under_review",
        days=27,
        answers={
            "services": "بيان العائلة، إخراج القيد، لا حكم عليه، شهادة السكن، وثيقة غير موظف",
            "solution": (
                "بوابة واحدة يطلب منها المواطن الوثائق الشخصية ويتابعها، ويختار استلامها من أقرب "
                "مركز خدمة. تتولى الجامعة الافتراضية السورية تدريب موظفي المراكز عن بعد على "
                "استخدام البوابة والتعامل مع الطلبات."
            ),
            "centres": "3",
            "hosting": "gov_cloud",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(
                ZEIN,
                "submitted",
                (4, 4, 3, 3),
                "بوابة موحدة فكرة طموحة، وخبرة الشركة في المحتوى الرقمي واضحة. لا تبيّن الخطة "
                "كيف ستستمر البوابة بعد انتهاء التمويل ومن سيتحمل كلفة الاستضافة.",
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (4, 3, 4, 4),
                "تدريب الموظفين عن بعد عبر الجامعة الافتراضية نقطة قوة، خصوصاً للمراكز البعيدة. "
                "الجانب التقني مقبول، لكنه يحتاج إلى اختبار أداء مع أعداد كبيرة من الطلبات.",
            ),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="homs-smart",
        title="أكشاك الخدمة الذاتية في مراكز خدمة المواطن",
        amount=5_000_000,
        state="under_review",
        days=26,
        answers={
            "services": "طباعة إخراج القيد وبيان العائلة، دفع الرسوم، حجز الدور، متابعة المعاملة",
            "solution": (
                "نركّب أكشاك خدمة ذاتية بشاشات لمس في مداخل المراكز، يطبع منها المواطن الوثائق "
                "ويدفع الرسوم بالبطاقة دون انتظار الموظف. صُممت الواجهة بخط كبير وإرشاد صوتي "
                "لكبار السن، وتعمل الأكشاك على شبكة المركز الداخلية."
            ),
            "centres": "3",
            "hosting": "partner",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "submitted",
                (5, 4, 5, 4),
                "الأكشاك تخدم كبار السن ومن لا يملكون هواتف ذكية، وهم فئة تغفلها أغلب المقترحات. "
                "للشركة خبرة مثبتة في تركيب الأنظمة وصيانتها في حمص.",
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (2, 2, 3, 2),
                "كلفة الأكشاك وصيانتها مرتفعة قياساً بعدد المعاملات المتوقع، ولا يتضمن المقترح "
                "خطة لتأمين الكهرباء في ساعات الانقطاع. أرى الحل القائم على الهاتف أجدى في هذه "
                "المرحلة.",
                ("", "لا ذكر لمصدر طاقة بديل.", "", "الصيانة تعتمد كلياً على الشركة."),
            ),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="women-tech",
        partners="kalamoon:confirmed",
        title="مساعد رقمي لتعبئة النماذج الحكومية بلغة بسيطة",
        amount=3_600_000,
        state="under_review",
        days=29,
        answers={
            "services": "طلب إخراج القيد، طلب بيان العائلة، تسجيل الولادة، طلب معونة، شكوى",
            "solution": (
                "مساعد رقمي يطرح على المواطن أسئلة بسيطة بالعامية ويملأ النموذج الرسمي نيابة عنه، "
                "ثم يعرضه عليه للتأكد قبل الإرسال. تطوّر جامعة القلمون نموذج فهم الأسئلة، وتختبر "
                "الجمعية المساعد مع النساء وكبار السن في مركزين."
            ),
            "centres": "2",
            "hosting": "national_dc",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "accepted",
                (4, 3),
                "",
                (
                    "لغة مبسطة مفيدة جداً للنساء وكبار السن.",
                    "يحتاج النموذج اللغوي إلى تقييم دقة قبل التشغيل.",
                ),
            ),
            ReviewSpec(ZEIN, "assigned"),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="programmers",
        title="مكتبة مفتوحة المصدر لنماذج الخدمات الحكومية",
        amount=3_000_000,
        state="under_review",
        days=33,
        answers={
            "services": "مكتبة نماذج قابلة لإعادة الاستخدام لأي خدمة: الطلب، التحقق، الدفع، التتبع",
            "solution": (
                "نطوّر مكتبة مفتوحة المصدر من مكوّنات جاهزة للنماذج الحكومية بالعربية، متوافقة مع "
                "دليل تصميم الخدمات الحكومية، يستخدمها مطورو الجهات العامة لبناء خدماتهم بسرعة. "
                "نوثّق المكتبة وندرّب عليها مطوري ثلاث جهات عامة."
            ),
            "centres": "2",
            "hosting": "gov_cloud",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(
                LAILA,
                "conflicted",
                comment=(
                    "أشرفتُ على رسالة الماجستير لمدير المشروع المقترح، وما زلنا نتعاون في بحث "
                    "مشترك قيد النشر."
                ),
            ),
            ReviewSpec(
                SALEH,
                "submitted",
                (3, 3, 3, 2),
                "مكتبة النماذج مفيدة للمطورين، لكن أثرها على المواطن غير مباشر ويتأخر ظهوره، ولا "
                "يحدد المقترح مركز خدمة بعينه للتشغيل التجريبي.",
            ),
            ReviewSpec(ZEIN, "assigned"),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="horan",
        title="رقمنة خدمات مركز خدمة المواطن في درعا",
        amount=2_800_000,
        state="under_review",
        days=31,
        answers={
            "services": "إخراج القيد، بيان العائلة، الوكالات، رخص البناء الصغيرة، شهادة السكن",
            "solution": (
                "نطوّر برنامجاً لإدارة معاملات مركز خدمة المواطن في درعا، يسجّل الطلب ويتابعه حتى "
                "التسليم، مع شاشة لعرض الدور. ندرّب موظفي المركز ونتولى الدعم الفني سنة كاملة."
            ),
            "centres": "2",
            "hosting": "partner",
            "support": SUPPORT_LETTER,
        },
        reviews=(
            ReviewSpec(LAILA, "assigned"),
            ReviewSpec(
                SALEH,
                "submitted",
                (3, 2, 3, 3),
                "المشروع يلبي حاجة حقيقية في درعا، لكن الحل يعتمد على برنامج مكتبي يصعب تحديثه "
                "عن بعد، ولا يتضمن نسخاً احتياطياً خارج المركز.",
            ),
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="coast-foss",
        title="ترحيل خوادم مراكز خدمة المواطن في الساحل إلى البرمجيات الحرة",
        amount=2_500_000,
        state="screened_out",
        days=35,
        answers={
            "services": "البنية التحتية للمراكز: الخوادم، البريد، مشاركة الملفات",
            "solution": (
                "نرحّل خوادم مراكز خدمة المواطن في اللاذقية وطرطوس إلى أنظمة تشغيل وبرمجيات حرة، "
                "وندرّب الفنيين على إدارتها، مما يخفض كلفة التراخيص."
            ),
            "centres": "3",
            "hosting": "partner",
            "support": SUPPORT_LETTER,
        },
        reason=(
            "يقتصر المشروع المقترح على ترحيل الخوادم، ولا يتضمن رقمنة خدمات يطلبها المواطنون كما "
            "تشترط الدعوة. قد يناسب دعوات البنية التحتية القادمة."
        ),
    ),
    ApplicationSpec(
        call=CENTRES,
        lead="aiu",
        title="منصة تدريب موظفي مراكز خدمة المواطن",
        amount=2_000_000,
        state="withdrawn",
        days=40,
        answers={
            "services": "تدريب الموظفين على الخدمات الإلكترونية الجديدة",
            "solution": (
                "منصة تعلم إلكتروني بدورات قصيرة لموظفي المراكز عن كل خدمة تُرقمن، مع اختبارات "
                "وشهادات."
            ),
            "centres": "5",
            "hosting": "gov_cloud",
            "support": SUPPORT_LETTER,
        },
        reason="انتقل رئيس فريق المشروع إلى جامعة أخرى، ولم نعد قادرين على تنفيذه في موعده.",
    ),
    # --- families-east: closed, being screened --------------------------------------------
    ApplicationSpec(
        call=FAMILIES_EAST,
        lead="furat-digital",
        partners="jisr:confirmed",
        title="نقاط دعم رقمي للأسر في دير الزور والميادين",
        amount=1_900_000,
        state="more_info",
        days=10,
        answers={
            "site": "حي الجورة في دير الزور، ومركز ثقافي الميادين",
            "families": "1200",
            "approach": (
                "نصل إلى الأسر عبر قوائم الجمعيات الخيرية ولجان الأحياء، ويتولى متطوعو مبادرة جسر "
                "زيارة الأسر التي لا تستطيع الحضور. لا نحتفظ بأي وثيقة شخصية بعد إنجاز المعاملة، "
                "ونسجّل موافقة كل أسرة خطياً قبل مساعدتها، ويعمل في كل نقطة موظف مدرّب على "
                "حماية البيانات."
            ),
            "agreement": "in_progress",
        },
        reason=(
            "يرجى إرفاق رسالة التعاون من مديرية الشؤون الاجتماعية والعمل في دير الزور، وتوضيح "
            "عدد الأسر المسجلة في برامج الحماية الاجتماعية في محيط كل نقطة."
        ),
    ),
    ApplicationSpec(
        call=FAMILIES_EAST,
        lead="quneitra-digital",
        title="نقطة الدعم الرقمي للأسر في خان أرنبة",
        amount=1_300_000,
        state="screening",
        days=6,
        answers={
            "site": "مبنى الجمعية في خان أرنبة",
            "families": "650",
            "approach": (
                "تعلن النقطة عن خدماتها في المدارس والمستوصف ومراكز توزيع المعونات. يساعد "
                "المتطوعون الأسر في تقديم الطلبات الإلكترونية ومتابعتها، ويدرّبون أفرادها على "
                "كشف الرسائل الاحتيالية. تُحفظ السجلات دون أرقام وطنية، وتُتلف النسخ الورقية شهرياً."
            ),
            "agreement": "signed",
        },
    ),
    ApplicationSpec(
        call=FAMILIES_EAST,
        lead="khabour",
        title="نقطة دعم رقمي متنقلة لأسر ريف الحسكة",
        amount=1_700_000,
        state="submitted",
        days=4,
        answers={
            "site": "سيارة مجهزة تتنقل بين عشر قرى في ريف الحسكة الجنوبي",
            "families": "800",
            "approach": (
                "تزور النقطة المتنقلة كل قرية مرة كل أسبوعين بموعد معلن مسبقاً عبر مختار القرية. "
                "نساعد الأسر في المعاملات الإلكترونية على أجهزة النقطة، ولا نحتفظ بصور الوثائق بعد "
                "إرسال الطلب."
            ),
            "agreement": "none",
        },
    ),
    ApplicationSpec(
        call=FAMILIES_EAST,
        lead="sanabel",
        title="خط هاتفي لمساعدة الأسر في المعاملات الإلكترونية",
        amount=900_000,
        state="screened_out",
        days=8,
        answers={
            "site": "مركز اتصال في مدينة درعا يخدم المحافظة كلها",
            "families": "2000",
            "approach": (
                "خط هاتفي مجاني يرد عليه متطوعون مدرّبون، يرشدون الأسرة خطوة خطوة في المعاملة "
                "الإلكترونية دون أن يطلبوا أي بيانات شخصية."
            ),
            "agreement": "none",
        },
        reason=(
            "تقترح المبادرة خطاً هاتفياً مركزياً دون نقطة دعم حضورية، بينما تشترط الدعوة نقطة "
            "يصل إليها أفراد الأسر بأنفسهم. يمكن التقدم بالمقترح إلى دعوات قادمة تدعم الإرشاد عن بعد."
        ),
    ),
    # --- skills-2: open, closing in five days ---------------------------------------------
    ApplicationSpec(
        call=SKILLS_2,
        lead="amal",
        partners="jisr:invited",
        title="مدربون من أبناء القرى في ريف إدلب ودير الزور",
        amount=2_300_000,
        state="draft",
        days=12,
        answers={
            "summary": (
                "نختار أربعة وعشرين شاباً وشابة من خريجي دوراتنا السابقة في ريف إدلب، ومن متطوعي "
                "مبادرة جسر في دير الزور، ونؤهلهم ستة أسابيع في مهارات التدريب والمحتوى الرقمي. "
                "يدرّب كل منهم بعد ذلك ثلاث مجموعات من أقرانه في بلدته، بمتابعة أسبوعية من مدربينا "
                "وزيارة ميدانية كل شهر."
            ),
            "towns": "سراقب، أريحا، كفرنبل، الميادين، البوكمال",
            "trainers": "24",
            "mode": "blended",
            "plan": Doc("خطة العمل والجدول الزمني", "Work plan and schedule"),
        },
    ),
    ApplicationSpec(
        call=SKILLS_2,
        lead="horan",
        title="مدربو المهارات الرقمية في ريف درعا الشرقي",
        amount=1_500_000,
        state="draft",
        days=9,
        answers={
            "summary": (
                "نؤهل خمسة عشر مدرباً من شباب ريف درعا الشرقي، يعمل كل منهم في مدرسة بلدته بعد "
                "الدوام."
            ),
        },
    ),
    ApplicationSpec(
        call=SKILLS_2,
        lead="jabal",
        title="شبكة المدربين الشباب في قرى جبل العرب",
        amount=1_700_000,
        state="submitted",
        days=6,
        answers={
            "summary": (
                "نبني شبكة من عشرين مدرباً شاباً في قرى جبل العرب، يتلقون تدريباً حضورياً في "
                "السويداء ثم يدرّبون أقرانهم في المراكز الثقافية للقرى. ننشر مواد التدريب بالعربية "
                "على موقع الجمعية ليستخدمها الجميع."
            ),
            "towns": "شهبا، صلخد، القريا، عرمان، المزرعة",
            "trainers": "20",
            "mode": "in_person",
        },
    ),
    ApplicationSpec(
        call=SKILLS_2,
        lead="women-tech",
        partners="sanabel:confirmed daw:declined",
        title="مدرّبات رقميات في ريف درعا وحمص",
        amount=2_400_000,
        state="submitted",
        days=3,
        answers={
            "summary": (
                "نؤهل ثلاثين شابة من ريف درعا وحمص ليصبحن مدرّبات رقميات في بلداتهن، بالشراكة مع "
                "فريق سنابل التطوعي الذي يتولى تنظيم الدورات في درعا. تدرّب كل مدرّبة نساء بلدتها "
                "في مجموعات صغيرة وفي أماكن آمنة ومألوفة لهن."
            ),
            "towns": "نوى، الصنمين، إزرع، تلكلخ، القصير",
            "trainers": "30",
            "mode": "blended",
            "plan": Doc("خطة العمل والجدول الزمني", "Work plan and schedule"),
        },
    ),
    ApplicationSpec(
        call=SKILLS_2,
        lead="buthoor",
        title="مدربو الرقة الرقميون",
        amount=1_200_000,
        state="withdrawn",
        days=9,
        answers={
            "summary": "نؤهل عشرة مدربين من شباب الرقة لتدريب أقرانهم في أحيائهم.",
            "towns": "الرقة، الطبقة",
            "trainers": "10",
            "mode": "in_person",
        },
        reason="نعيد صياغة المقترح بعد استكمال ترخيص المبادرة، وسنتقدم في الدورة القادمة.",
    ),
    # --- nlp-2027: open, amended ----------------------------------------------------------
    ApplicationSpec(
        call=NLP_2027,
        lead="arabic-nlp",
        partners="du-fite:confirmed open-arabic-lab:invited",
        title="التعرف الآلي على الكلام باللهجات السورية",
        amount=5_800_000,
        state="draft",
        days=10,
        answers={
            "axis": "speech",
            "abstract": (
                "تعمل نماذج التعرف على الكلام العربية المتاحة جيداً على الفصحى، ويضعف أداؤها كثيراً "
                "مع اللهجات السورية. نبني مدوّنة صوتية من مئتي ساعة مسجلة في ست محافظات ومفرّغة "
                "يدوياً، وندرّب عليها نموذجاً مفتوحاً نقيس أداءه على مكالمات خدمة المواطن. "
                "السؤال الرئيسي: كم ساعة من كل لهجة تكفي ليقترب الأداء من أدائه على الفصحى؟"
            ),
            "team": (
                "يقود المركز جمع البيانات وتدريب النماذج، وتتولى كلية الهندسة المعلوماتية في جامعة "
                "دمشق التفريغ والتقييم عبر طلاب الدراسات العليا، ويسهم مختبر المعرفة العربية "
                "المفتوحة في نشر المدوّنة وتوثيقها."
            ),
            "young": "9",
        },
    ),
    ApplicationSpec(
        call=NLP_2027,
        lead="emcair",
        partners="aleppo-university:confirmed",
        title="فهم المراسلات الإدارية العربية واستخراج المعلومات منها",
        amount=6_000_000,
        state="submitted",
        days=6,
        answers={
            "axis": "text",
            "abstract": (
                "تصل إلى الجهات العامة آلاف المراسلات الورقية والإلكترونية كل شهر، ويُفرز أغلبها "
                "يدوياً. نطوّر نموذجاً يصنّف المراسلات الإدارية العربية ويستخرج منها الجهة المرسلة "
                "والموضوع والمهل، ونقيس أثره على زمن إحالة المراسلة في جهتين عامتين."
            ),
            "team": (
                "يتولى المركز تصميم النماذج وتدريبها، وتوفر كلية الهندسة المعلوماتية في جامعة حلب "
                "فريق التوصيف اللغوي وطلاب الماجستير الذين يعدّون بيانات الاختبار."
            ),
            "young": "6",
            "cvs": Doc("السير الذاتية للباحثين الرئيسيين", "CVs of the principal researchers"),
        },
    ),
    ApplicationSpec(
        call=NLP_2027,
        lead="aleppo-ai",
        partners="hama-university:confirmed kalamoon:declined",
        title="الترجمة الآلية للمصطلحات التقنية بين العربية والإنكليزية",
        amount=4_500_000,
        state="draft",
        days=8,
        answers={
            "axis": "translation",
            "abstract": (
                "نبني معجماً موازياً مفتوحاً لمصطلحات الاتصالات وتقانة المعلومات، ونضبط عليه نموذج "
                "ترجمة آلية مفتوحاً، ثم نقارن جودة ترجمته بترجمة المختصين على وثائق حكومية حقيقية."
            ),
            "team": (
                "يقود المركز بناء النموذج، وتتولى جامعة حماة جمع المصطلحات ومراجعتها مع أساتذة "
                "اللغة الإنكليزية."
            ),
            "young": "5",
        },
    ),
    ApplicationSpec(
        call=NLP_2027,
        lead="lattakia-data",
        title="مدوّنة نصوص عربية مفتوحة لتدريب النماذج اللغوية",
        amount=3_500_000,
        state="draft",
        days=5,
        answers={
            "axis": "text",
            "abstract": (
                "نجمع مدوّنة من النصوص العربية الحكومية والصحفية المتاحة للعموم، وننقّيها ونوثّقها "
                "لتكون أساساً لتدريب النماذج اللغوية المحلية."
            ),
        },
    ),
]
