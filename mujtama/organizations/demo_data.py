"""The data behind ``mujtama.organizations.demo``: the joining criteria and about sixty
organizations of every kind, in every governorate, each with the path it takes
through joining, membership and licensing.

Every name, number and address here is invented for the demo (public institutions
appear under their real names); email domains are placeholders that are never
written to.
"""

from typing import NamedTuple

# --- Joining criteria -----------------------------------------------------------------
# Document 1: version 1 was in force first (licensed and public bodies only); version 2
# replaced it, opening provisional membership to youth associations whose license is
# in progress.

CRITERIA_TITLE_AR = "معايير الانضمام إلى الإطار الوطني للشراكة في التحول الرقمي"
CRITERIA_TITLE_EN = (
    "Criteria for joining the national framework for partnership in digital transformation"
)

CRITERIA_V1 = {
    "title_ar": CRITERIA_TITLE_AR,
    "title_en": CRITERIA_TITLE_EN,
    "mechanisms_ar": (
        "١. ينشئ ممثل الجهة حساباً شخصياً على المنصة ويؤكد بريده الإلكتروني.\n"
        "٢. يسجّل الجهة ويستكمل ملفها، فيصبح مالكاً له.\n"
        "٣. يرفع النظام الأساسي للجهة.\n"
        "٤. يقدّم طلب الانضمام، فتُجرى الفحوص الآلية فوراً.\n"
        "٥. تدرس وزارة الاتصالات والتقانة ووزارة الشؤون الاجتماعية والعمل الطلب، "
        "ويصدر القرار معللاً."
    ),
    "mechanisms_en": (
        "1. The organization's representative creates a personal account on the platform "
        "and confirms the email address.\n"
        "2. They register the organization and complete its profile, becoming its owner.\n"
        "3. They upload the organization's statutes.\n"
        "4. They submit the joining application; the automatic checks run at once.\n"
        "5. The Ministry of Communications and Technology and the Ministry of Social "
        "Affairs and Labour review the application and give a reasoned decision."
    ),
    "body_ar": (
        "يحق الانضمام إلى الإطار الوطني للجهات العاملة في مجال التقانة المرخّصة أصولاً، "
        "وللجامعات ومراكز البحث والجهات العامة والأجنبية التي لا يلزمها الترخيص، على أن "
        "يكون ملف الجهة مكتملاً، وألا يقل عدد أعضائها عن خمسة، وأن ترفع نظامها الأساسي."
    ),
    "body_en": (
        "Licensed organizations working in technology may join the national framework, as "
        "may universities, research centres and public or foreign bodies that need no "
        "license, provided the profile is complete, the organization has at least five "
        "members and its statutes are uploaded."
    ),
    "automatic_checks": [
        {"type": "profile_complete"},
        {"type": "documents", "kinds": ["statutes"]},
        {"type": "min_members", "value": 5},
        {"type": "legal_status_in", "values": ["licensed", "not_applicable"]},
    ],
    "manual_checks": [
        {
            "code": "board_verified",
            "label_ar": "التحقق من هوية أعضاء مجلس الإدارة أو الإدارة المسؤولة",
            "label_en": "The board or responsible management is verified",
        },
        {
            "code": "activity_real",
            "label_ar": "التحقق من نشاط فعلي في مجال التقانة خلال السنة الأخيرة",
            "label_en": "Real technology activity in the past year is verified",
        },
    ],
}

CRITERIA_V2 = {
    "title_ar": CRITERIA_TITLE_AR,
    "title_en": CRITERIA_TITLE_EN,
    "mechanisms_ar": (
        "١. إنشاء حساب: ينشئ ممثل الجهة حساباً شخصياً على المنصة ويؤكد بريده الإلكتروني.\n"
        "٢. تسجيل الجهة: يسجّل اسمها بالعربية والإنكليزية ونوعها ووضعها القانوني "
        "والمحافظات التي تعمل فيها ومجالات خبرتها، فيصبح مالكاً لملفها ويمكنه دعوة "
        "زملائه محررين أو مطّلعين.\n"
        "٣. رفع الوثائق: النظام الأساسي، وقائمة أعضاء مجلس الإدارة، وشهادة الترخيص أو "
        "السجل إن وُجدت، بصيغة PDF أو صورة.\n"
        "٤. تقديم طلب الانضمام: تُجري المنصة الفحوص الآلية فوراً، وتبيّن سبب كل فحص لم "
        "يُستوفَ ليُستكمل قبل التقديم.\n"
        "٥. الدراسة: تدرس وزارة الاتصالات والتقانة ووزارة الشؤون الاجتماعية والعمل الطلب "
        "خلال مدة الخدمة المعلنة (عشرة أيام)، ويتحقق الموظف المختص من البنود اليدوية، "
        "ويجوز له طلب استكمالات.\n"
        "٦. القرار: يصدر القرار بالقبول أو بطلب التعديل أو بالرفض مع بيان أسبابه كتابةً، "
        "ويُبلَّغ به أصحاب الجهة على المنصة وبالبريد الإلكتروني.\n"
        "٧. العضوية المؤقتة: تُمنح الجمعيات الشبابية التي ما زال ترخيصها قيد الإنجاز لدى "
        "وزارة الشؤون الاجتماعية والعمل عضوية مؤقتة، تتحول إلى عضوية كاملة عند تسجيل "
        "الترخيص، وتسقط إذا لم يصدر الترخيص خلال تسعة أشهر."
    ),
    "mechanisms_en": (
        "1. Create an account: the organization's representative creates a personal account "
        "on the platform and confirms the email address.\n"
        "2. Register the organization: its Arabic and English names, kind, legal status, the "
        "governorates it works in and its areas of expertise. The person registering it "
        "becomes its owner and may invite colleagues as editors or viewers.\n"
        "3. Upload the documents: the statutes, the list of board members, and the license "
        "or registration certificate where there is one, as PDF files or images.\n"
        "4. Submit the joining application: the platform runs the automatic checks at once "
        "and explains any check that is not met, so it can be fixed before submitting.\n"
        "5. Review: the Ministry of Communications and Technology and the Ministry of "
        "Social Affairs and Labour review the application within the published service "
        "level (ten days); the officer verifies the manual checks and may ask for changes.\n"
        "6. Decision: the application is approved, returned for changes or rejected, always "
        "with written reasons, which the organization's people receive on the platform and "
        "by email.\n"
        "7. Provisional membership: youth associations whose license is still in progress at "
        "the Ministry of Social Affairs and Labour become provisional members; the membership "
        "becomes full when the license is recorded and lapses if no license is issued within "
        "nine months."
    ),
    "body_ar": (
        "أولاً – الجهات المؤهلة: الجمعيات والمنظمات العاملة في التقانة، والمبادرات "
        "الشبابية، والجامعات ومراكز البحث داخل سورية وخارجها، والشركات، والجهات العامة.\n"
        "ثانياً – الشروط:\n"
        "١. أن يكون ملف الجهة على المنصة مكتملاً وصحيحاً، بما في ذلك وسيلة تواصل عامة.\n"
        "٢. أن تعمل في مجال واحد على الأقل من مجالات الخبرة المعتمدة في الإطار.\n"
        "٣. ألا يقل عدد أعضائها عن خمسة.\n"
        "٤. أن تكون مرخّصة أصولاً، أو أن يكون ترخيصها قيد الإنجاز لدى وزارة الشؤون "
        "الاجتماعية والعمل، أو أن تكون جهة عامة أو أجنبية لا يلزمها الترخيص.\n"
        "٥. أن ترفع نظامها الأساسي وقائمة أعضاء مجلس إدارتها.\n"
        "ثالثاً – التحقق اليدوي: يتحقق الموظف المختص من هوية أعضاء مجلس الإدارة، ومن "
        "وجود نشاط فعلي في التحول الرقمي خلال السنة الأخيرة، ومن انسجام أهداف الجهة مع "
        "أهداف الإطار الوطني.\n"
        "رابعاً – الالتزامات: تلتزم الجهة العضو بتحديث ملفها، وبرفع تقرير نشاط سنوي عند "
        "تجديد العضوية، ويجوز تعليق عضويتها بقرار معلل عند الإخلال بهذه الالتزامات."
    ),
    "body_en": (
        "First – who may join: associations and organizations working in technology, youth "
        "initiatives, universities and research centres in Syria and abroad, companies and "
        "public bodies.\n"
        "Second – conditions:\n"
        "1. The organization's profile on the platform is complete and accurate, including a "
        "public contact.\n"
        "2. It works in at least one of the framework's areas of expertise.\n"
        "3. It has at least five members.\n"
        "4. It is licensed, or its license is in progress at the Ministry of Social Affairs "
        "and Labour, or it is a public or foreign body that needs no license.\n"
        "5. It has uploaded its statutes and the list of its board members.\n"
        "Third – manual verification: the officer verifies the identity of the board "
        "members, real digital-transformation activity in the past year, and that the "
        "organization's aims are consistent with those of the national framework.\n"
        "Fourth – obligations: a member keeps its profile up to date and uploads an annual "
        "activity report when renewing; its membership may be suspended by a reasoned "
        "decision if it fails these obligations."
    ),
    "automatic_checks": [
        {"type": "profile_complete"},
        {"type": "documents", "kinds": ["statutes", "board_list"]},
        {"type": "min_members", "value": 5},
        {
            "type": "legal_status_in",
            "values": ["licensed", "license_in_progress", "not_applicable"],
        },
        {"type": "min_expertise_areas", "value": 1},
    ],
    "manual_checks": [
        *CRITERIA_V1["manual_checks"],
        {
            "code": "aims_compatible",
            "label_ar": "أهداف الجهة منسجمة مع أهداف الإطار الوطني",
            "label_en": "The organization's aims are consistent with the national framework",
        },
    ],
}

# When each version was published, in days before the seed runs.
CRITERIA_V1_PUBLISHED_DAYS_AGO = 420
CRITERIA_V2_PUBLISHED_DAYS_AGO = 300


# --- Organizations ----------------------------------------------------------------------

NGO = "tech_ngo"
YOUTH = "youth_initiative"
UNIVERSITY = "university"
RESEARCH = "research_institute"
COMPANY = "company"
GOVERNMENT = "government_body"

LICENSED = "licensed"
UNLICENSED = "unlicensed"
NOT_APPLICABLE = "not_applicable"


class Org(NamedTuple):
    """One demo organization.

    ``plan`` is its path through joining, as ``state[:days[:officer]]``:

    - ``none``: registered only; ``draft``: an application started;
      ``blocked``: a submission refused by the automatic checks;
    - ``submitted:D[:who]`` / ``under_review:D[:who]``: waiting D days, assigned to
      moct / mosal / reviewer; ``resubmitted:D[:who]``: returned for changes, submitted
      again and under review; ``changes_requested``; ``rejected``;
    - approved: ``v1:D`` (under criteria version 1, member for D days), ``active:D``,
      ``expiring:D`` (expires in D days), ``renewed``, ``suspended:D``,
      ``expired:D`` (expired D days ago), ``provisional:D`` (provisional for D days),
      ``upgraded:D`` (provisional, then licensed), ``lapsed:D`` (lapsed D days ago).

    ``licensing`` (youth initiatives): ``not_started``, ``preparing:N`` (N steps done),
    ``returned``, ``submitted:D[:who]``, ``licensed``, ``refused``.
    """

    slug: str
    kind: str
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str
    governorates: str  # P-codes it works in; the first is where it is based
    expertise: str
    founded: int
    members: int
    volunteers: int
    email: str
    legal: str
    registration: str
    owner: str  # the owner's full name
    plan: str
    licensing: str = ""
    scope: str = "domestic"


AMAL = "amal"
JISR = "jisr"

ORGANIZATIONS: list[Org] = [
    # --- Technology associations and NGOs -----------------------------------------------
    Org(
        slug=AMAL,
        kind=NGO,
        name_ar="جمعية الأمل للتقانة",
        name_en="Al-Amal Technology Association",
        description_ar=(
            "جمعية أهلية تأسست في حلب لنشر المهارات الرقمية بين الشباب والنساء في الأحياء "
            "المتضررة. تدير مختبرات تدريب مجتمعية وتطوّر تطبيقات بسيطة لخدمة الجمعيات المحلية."
        ),
        description_en=(
            "A community association founded in Aleppo to spread digital skills among young "
            "people and women in affected neighbourhoods. It runs community training labs and "
            "builds simple applications for local associations."
        ),
        governorates="SY02 SY05 SY07",
        expertise="software digital_skills digital_inclusion",
        founded=2014,
        members=48,
        volunteers=120,
        email="info@amal-tech.org.sy",
        legal=LICENSED,
        registration="1187/2015",
        owner="نور الدين قاسم",
        plan="v1:318",
    ),
    Org(
        slug="programmers",
        kind=NGO,
        name_ar="جمعية المبرمجين السوريين",
        name_en="Syrian Programmers Association",
        description_ar=(
            "جمعية مهنية تجمع المبرمجين ومهندسي البرمجيات في دمشق والمحافظات لتبادل الخبرة "
            "وتطوير المهنة. تنظم مؤتمراً سنوياً ودورات متقدمة في هندسة البرمجيات."
        ),
        description_en=(
            "A professional association bringing together programmers and software engineers "
            "in Damascus and the governorates to share experience and develop the profession. "
            "It holds an annual conference and advanced software-engineering courses."
        ),
        governorates="SY01 SY02 SY04 SY06",
        expertise="software open_source digital_skills",
        founded=2008,
        members=310,
        volunteers=60,
        email="info@syrian-programmers.org.sy",
        legal=LICENSED,
        registration="0942/2008",
        owner="مازن الدبس",
        plan="v1:325",
    ),
    Org(
        slug="nour",
        kind=NGO,
        name_ar="جمعية نور للشمول الرقمي",
        name_en="Nour Association for Digital Inclusion",
        description_ar=(
            "تعمل الجمعية على تمكين الأشخاص ذوي الإعاقة وكبار السن من استخدام الخدمات الرقمية "
            "في حمص وحماة. تقدم دورات مبسطة وتكيّف الأجهزة والبرمجيات لتناسب احتياجاتهم."
        ),
        description_en=(
            "The association helps people with disabilities and older people use digital "
            "services in Homs and Hama. It offers simple courses and adapts devices and "
            "software to their needs."
        ),
        governorates="SY04 SY05",
        expertise="digital_inclusion digital_skills",
        founded=2017,
        members=36,
        volunteers=85,
        email="info@nour-inclusion.org.sy",
        legal=LICENSED,
        registration="2045/2017",
        owner="سلمى الحمصي",
        plan="active:240",
    ),
    Org(
        slug="hama-pioneers",
        kind=NGO,
        name_ar="جمعية رواد التقانة في حماة",
        name_en="Hama Technology Pioneers Association",
        description_ar=(
            "جمعية تجمع مهندسي المعلوماتية في حماة لدعم المشاريع التقنية الناشئة. تنظم "
            "مسابقات برمجية سنوية وبرامج إرشاد لرواد الأعمال الشباب."
        ),
        description_en=(
            "An association bringing together Hama's IT engineers to support technology "
            "start-ups. It organises annual programming contests and mentoring programmes for "
            "young entrepreneurs."
        ),
        governorates="SY05",
        expertise="digital_skills entrepreneurship",
        founded=2016,
        members=29,
        volunteers=60,
        email="info@hama-pioneers.org.sy",
        legal=LICENSED,
        registration="1876/2016",
        owner="عبد الرحمن السقا",
        plan="expiring:25",
    ),
    Org(
        slug="bahr",
        kind=NGO,
        name_ar="جمعية البحر للمهارات الرقمية",
        name_en="Al-Bahr Association for Digital Skills",
        description_ar=(
            "جمعية ساحلية تدرّب طلاب المدارس والخريجين الجدد على البرمجة والتصميم الرقمي في "
            "اللاذقية وطرطوس. أطلقت منصة تعليمية مجانية باللغة العربية يستخدمها آلاف المتعلمين."
        ),
        description_en=(
            "A coastal association training school students and new graduates in programming "
            "and digital design in Lattakia and Tartous. It launched a free Arabic learning "
            "platform used by thousands of learners."
        ),
        governorates="SY06 SY10",
        expertise="digital_skills digital_content",
        founded=2015,
        members=41,
        volunteers=95,
        email="info@albahr-skills.org.sy",
        legal=LICENSED,
        registration="1532/2015",
        owner="لمى إبراهيم",
        plan="renewed",
    ),
    Org(
        slug="sham-content",
        kind=NGO,
        name_ar="جمعية شام للمحتوى الرقمي",
        name_en="Sham Digital Content Association",
        description_ar=(
            "جمعية تعنى بإثراء المحتوى العربي على الإنترنت وتوثيق التراث الدمشقي رقمياً. تدير "
            "حملات تحرير تطوعية وتدرّب الشباب على صناعة المحتوى المسؤول."
        ),
        description_en=(
            "An association enriching Arabic content on the internet and documenting the "
            "heritage of Damascus digitally. It runs volunteer editing campaigns and trains "
            "young people in responsible content creation."
        ),
        governorates="SY01 SY03",
        expertise="digital_content open_source",
        founded=2018,
        members=22,
        volunteers=70,
        email="info@sham-content.org.sy",
        legal=LICENSED,
        registration="2290/2018",
        owner="باسل العطار",
        plan="active:95",
    ),
    Org(
        slug="aman",
        kind=NGO,
        name_ar="جمعية أمان للأمن السيبراني",
        name_en="Aman Cybersecurity Association",
        description_ar=(
            "جمعية متخصصة بالتوعية بالأمن السيبراني وحماية البيانات الشخصية للأفراد والجمعيات "
            "الصغيرة. تقدم ورشات عملية وتدقيقاً أمنياً مبسطاً للجهات الأهلية."
        ),
        description_en=(
            "An association specialised in cybersecurity awareness and personal data "
            "protection for individuals and small associations. It offers hands-on workshops "
            "and light security reviews for civil-society groups."
        ),
        governorates="SY01 SY03",
        expertise="cybersecurity digital_skills",
        founded=2019,
        members=18,
        volunteers=40,
        email="info@aman-cyber.org.sy",
        legal=LICENSED,
        registration="2410/2019",
        owner="وسيم حداد",
        plan="suspended:200",
    ),
    Org(
        slug="furat-digital",
        kind=NGO,
        name_ar="جمعية الفرات للتنمية الرقمية",
        name_en="Euphrates Digital Development Association",
        description_ar=(
            "جمعية تعمل في دير الزور والرقة على إعادة تأهيل مراكز الإنترنت المجتمعية وتدريب "
            "الشباب على صيانة الحواسيب والشبكات. تربط المجتمعات الريفية بالخدمات الإلكترونية "
            "الأساسية."
        ),
        description_en=(
            "An association in Deir-ez-Zor and Ar-Raqqa rehabilitating community internet "
            "centres and training young people to maintain computers and networks. It connects "
            "rural communities to essential e-services."
        ),
        governorates="SY09 SY11",
        expertise="digital_inclusion hardware_networks digital_skills",
        founded=2020,
        members=27,
        volunteers=110,
        email="info@furat-digital.org.sy",
        legal=LICENSED,
        registration="2633/2020",
        owner="خالد الحسين",
        plan="active:180",
    ),
    Org(
        slug="jazira",
        kind=NGO,
        name_ar="جمعية الجزيرة للتقانة والتعليم",
        name_en="Al-Jazira Technology and Education Association",
        description_ar=(
            "جمعية في الحسكة والقامشلي تقدم دورات في الحاسوب واللغة الإنكليزية التقنية لطلاب "
            "الجامعات. تساعد المدارس على تجهيز قاعات حاسوب صغيرة بالتعاون مع المجتمع المحلي."
        ),
        description_en=(
            "An association in Al-Hasakeh and Qamishli offering computer and technical English "
            "courses to university students. It helps schools set up small computer rooms "
            "together with the local community."
        ),
        governorates="SY08",
        expertise="digital_skills digital_inclusion",
        founded=2016,
        members=33,
        volunteers=75,
        email="info@jazira-tech.org.sy",
        legal=LICENSED,
        registration="1944/2016",
        owner="جوان يوسف",
        plan="expired:35",
    ),
    Org(
        slug="horan",
        kind=NGO,
        name_ar="جمعية حوران للتقانة",
        name_en="Horan Technology Association",
        description_ar=(
            "جمعية في درعا تدعم الشباب في تعلم البرمجة والعمل الحر عبر الإنترنت. تدير حاضنة "
            "صغيرة للمشاريع التقنية وتربط المتدربين بفرص عمل عن بعد."
        ),
        description_en=(
            "An association in Dar'a helping young people learn programming and freelance "
            "online. It runs a small incubator for tech projects and connects trainees with "
            "remote work."
        ),
        governorates="SY12",
        expertise="software digital_skills entrepreneurship",
        founded=2017,
        members=31,
        volunteers=64,
        email="info@horan-tech.org.sy",
        legal=LICENSED,
        registration="2102/2017",
        owner="محمد الزعبي",
        plan="active:150",
    ),
    Org(
        slug="jabal",
        kind=NGO,
        name_ar="جمعية جبل العرب للمعرفة الرقمية",
        name_en="Jabal al-Arab Digital Knowledge Association",
        description_ar=(
            "جمعية في السويداء تنشر المعرفة الرقمية عبر مكتبات إلكترونية ونوادٍ للقراءة "
            "والبرمجة في القرى. تعمل مع المدارس على تدريب المعلمين على أدوات التعليم الرقمي."
        ),
        description_en=(
            "An association in As-Sweida spreading digital knowledge through e-libraries and "
            "reading and coding clubs in villages. It works with schools to train teachers in "
            "digital teaching tools."
        ),
        governorates="SY13",
        expertise="digital_content digital_skills",
        founded=2015,
        members=26,
        volunteers=58,
        email="info@jabal-knowledge.org.sy",
        legal=LICENSED,
        registration="1611/2015",
        owner="رهف نصر",
        plan="expiring:13",
    ),
    Org(
        slug="coast-foss",
        kind=NGO,
        name_ar="جمعية الساحل للبرمجيات الحرة",
        name_en="Coast Free Software Association",
        description_ar=(
            "جمعية في طرطوس تروّج لاستخدام البرمجيات الحرة ومفتوحة المصدر في الدوائر والمدارس. "
            "تنظم لقاءات شهرية للمطورين وتترجم أدلة البرمجيات الحرة إلى العربية."
        ),
        description_en=(
            "An association in Tartous promoting free and open-source software in public "
            "offices and schools. It holds monthly developer meetups and translates "
            "free-software guides into Arabic."
        ),
        governorates="SY10 SY06",
        expertise="open_source software",
        founded=2018,
        members=19,
        volunteers=45,
        email="info@coast-foss.org.sy",
        legal=LICENSED,
        registration="2277/2018",
        owner="نزار سليمان",
        plan="active:60",
    ),
    Org(
        slug="idleb-tech-edu",
        kind=NGO,
        name_ar="جمعية إدلب للتعليم التقني",
        name_en="Idleb Technical Education Association",
        description_ar=(
            "جمعية تعمل في إدلب على إعادة الشباب المنقطعين عن الدراسة إلى التعلم عبر مسارات "
            "تقنية قصيرة. تدرّب على صيانة الأجهزة وأساسيات الشبكات وتمنح شهادات يعترف بها "
            "شركاؤها."
        ),
        description_en=(
            "An association in Idleb bringing young people who left school back to learning "
            "through short technical tracks. It trains in device repair and networking basics "
            "and awards certificates recognised by its partners."
        ),
        governorates="SY07",
        expertise="digital_skills hardware_networks",
        founded=2021,
        members=24,
        volunteers=90,
        email="info@idleb-techedu.org.sy",
        legal=LICENSED,
        registration="2815/2021",
        owner="عمر الشيخ",
        plan="under_review:11:reviewer",
    ),
    Org(
        slug="ghouta",
        kind=NGO,
        name_ar="جمعية الغوطة للتمكين الرقمي",
        name_en="Ghouta Digital Empowerment Association",
        description_ar=(
            "جمعية في ريف دمشق تمكّن النساء وأرباب الأسر من استخدام الخدمات الحكومية "
            "الإلكترونية والدفع الإلكتروني. تدير نقاط مساعدة متنقلة في بلدات الغوطة الشرقية."
        ),
        description_en=(
            "An association in Rural Damascus helping women and heads of households use "
            "e-government services and electronic payment. It runs mobile help points in the "
            "towns of Eastern Ghouta."
        ),
        governorates="SY03",
        expertise="digital_inclusion digital_skills",
        founded=2019,
        members=21,
        volunteers=68,
        email="info@ghouta-digital.org.sy",
        legal=LICENSED,
        registration="2468/2019",
        owner="هبة الدمشقي",
        plan="submitted:15:mosal",
    ),
    Org(
        slug="open-data",
        kind=NGO,
        name_ar="جمعية البيانات المفتوحة السورية",
        name_en="Syrian Open Data Association",
        description_ar=(
            "جمعية تدعو إلى نشر البيانات العامة بصيغ مفتوحة وتدرّب الصحفيين والباحثين على "
            "تحليلها. تتعاون مع الجهات العامة في إعداد أدلة نشر البيانات."
        ),
        description_en=(
            "An association advocating for public data in open formats and training "
            "journalists and researchers to analyse it. It works with public bodies on "
            "data-publication guidelines."
        ),
        governorates="SY01",
        expertise="data_ai open_source",
        founded=2020,
        members=15,
        volunteers=30,
        email="info@opendata-sy.org.sy",
        legal=LICENSED,
        registration="2701/2020",
        owner="طارق المعلم",
        plan="changes_requested",
    ),
    Org(
        slug="women-tech",
        kind=NGO,
        name_ar="جمعية المرأة والتقانة",
        name_en="Women and Technology Association",
        description_ar=(
            "جمعية تدعم النساء في دخول مهن التقانة عبر منح تدريبية وبرامج إرشاد مهني. تعمل في "
            "دمشق وحمص ودرعا بالشراكة مع الجامعات والشركات."
        ),
        description_en=(
            "An association helping women enter technology careers through training grants and "
            "career mentoring. It works in Damascus, Homs and Dar'a with universities and "
            "companies."
        ),
        governorates="SY01 SY04 SY12",
        expertise="digital_skills entrepreneurship software",
        founded=2016,
        members=52,
        volunteers=140,
        email="info@women-tech.org.sy",
        legal=LICENSED,
        registration="1990/2016",
        owner="ديمة الخوري",
        plan="active:210",
    ),
    Org(
        slug="quneitra-digital",
        kind=NGO,
        name_ar="جمعية القنيطرة للتنمية المجتمعية الرقمية",
        name_en="Quneitra Community Digital Development Association",
        description_ar=(
            "جمعية تعمل في قرى القنيطرة على توفير الإنترنت المجتمعي وتدريب المزارعين والطلاب "
            "على الأدوات الرقمية. تنسق مع البلديات لإنشاء نقاط خدمة صغيرة."
        ),
        description_en=(
            "An association bringing community internet to Quneitra's villages and training "
            "farmers and students in digital tools. It works with municipalities to set up "
            "small service points."
        ),
        governorates="SY14 SY03",
        expertise="digital_inclusion digital_skills",
        founded=2018,
        members=17,
        volunteers=42,
        email="info@quneitra-digital.org.sy",
        legal=LICENSED,
        registration="2333/2018",
        owner="فادي السعدي",
        plan="active:120",
    ),
    # --- Youth initiatives (unlicensed, or licensing in progress) -------------------------
    Org(
        slug=JISR,
        kind=YOUTH,
        name_ar="مبادرة جسر الشبابية",
        name_en="Jisr Youth Initiative",
        description_ar=(
            "مبادرة شبابية في دير الزور تبني جسوراً بين الشباب وسوق العمل الرقمي عبر دورات "
            "قصيرة ومشاريع تطوعية. يدير أعضاؤها مساحة تعلم مشتركة في الميادين."
        ),
        description_en=(
            "A youth initiative in Deir-ez-Zor building bridges between young people and the "
            "digital job market through short courses and volunteer projects. Its members run "
            "a shared learning space in Al Mayadin."
        ),
        governorates="SY09",
        expertise="digital_skills digital_inclusion",
        founded=2022,
        members=14,
        volunteers=35,
        email="info@jisr-youth.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="ريم العبدالله",
        plan="provisional:60",
        licensing="preparing:2",
    ),
    Org(
        slug="buthoor",
        kind=YOUTH,
        name_ar="مبادرة بذور الرقمية",
        name_en="Buthoor Digital Initiative",
        description_ar=(
            "مبادرة شبابية في الرقة تزرع المعرفة الرقمية لدى الأطفال واليافعين عبر نوادٍ "
            "للبرمجة المرئية. تعمل مع المدارس بعد الدوام وفي العطل الصيفية."
        ),
        description_en=(
            "A youth initiative in Ar-Raqqa sowing digital knowledge among children and "
            "teenagers through visual-programming clubs. It works with schools after hours and "
            "during the summer holidays."
        ),
        governorates="SY11",
        expertise="digital_skills digital_content",
        founded=2023,
        members=11,
        volunteers=28,
        email="info@buthoor.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="عبد الله الخلف",
        plan="provisional:150",
        licensing="submitted:12:mosal",
    ),
    Org(
        slug="khabour",
        kind=YOUTH,
        name_ar="مبادرة شباب الخابور للتقانة",
        name_en="Khabour Youth Tech Initiative",
        description_ar=(
            "مبادرة في الحسكة يديرها طلاب هندسة لإصلاح الحواسيب المستعملة وتوزيعها على الطلاب "
            "المحتاجين. تنظم ورشات في أساسيات الشبكات وتشغيل الأجهزة بالطاقة الشمسية."
        ),
        description_en=(
            "An Al-Hasakeh initiative run by engineering students that repairs used computers "
            "and gives them to students in need. It holds workshops on networking basics and "
            "solar power for devices."
        ),
        governorates="SY08",
        expertise="hardware_networks digital_skills",
        founded=2022,
        members=12,
        volunteers=30,
        email="info@khabour-youth.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="آلان عيسى",
        plan="provisional:250",
        licensing="submitted:45:mosal",
    ),
    Org(
        slug="sanabel",
        kind=YOUTH,
        name_ar="فريق سنابل التطوعي للتقانة",
        name_en="Sanabel Volunteer Tech Team",
        description_ar=(
            "فريق تطوعي في درعا يدرّب الشباب على المهارات الرقمية التي يطلبها سوق العمل "
            "ويرافقهم في أول مشاريعهم. ينظم معسكرات تدريبية صيفية مع المراكز الثقافية في "
            "المحافظة."
        ),
        description_en=(
            "A volunteer team in Dar'a training young people in the digital skills the job "
            "market asks for and supporting their first projects. It organises summer boot "
            "camps with the governorate's cultural centres."
        ),
        governorates="SY12",
        expertise="digital_skills entrepreneurship",
        founded=2021,
        members=16,
        volunteers=44,
        email="info@sanabel-team.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="آية المقداد",
        plan="upgraded:130",
        licensing="licensed",
    ),
    Org(
        slug="code-sweida",
        kind=YOUTH,
        name_ar="مبادرة كود السويداء",
        name_en="Code Sweida Initiative",
        description_ar=(
            "مبادرة شبابية تعلّم البرمجة وتطوير الويب لطلاب الثانوية والجامعة في السويداء. "
            "تشارك فرقها في مسابقات البرمجة الوطنية وتطوّر مواقع للجمعيات المحلية مجاناً."
        ),
        description_en=(
            "A youth initiative teaching programming and web development to secondary and "
            "university students in As-Sweida. Its teams take part in national programming "
            "contests and build websites for local associations free of charge."
        ),
        governorates="SY13",
        expertise="software open_source",
        founded=2021,
        members=13,
        volunteers=26,
        email="info@code-sweida.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="مجد أبو حمدان",
        plan="active:45",
        licensing="licensed",
    ),
    Org(
        slug="nabd-golan",
        kind=YOUTH,
        name_ar="مبادرة نبض الجولان الشبابية",
        name_en="Nabd al-Golan Youth Initiative",
        description_ar=(
            "مبادرة في القنيطرة توثّق حكايات القرى وتراثها في محتوى رقمي يصنعه الشباب. تدرّب "
            "المشاركين على التصوير والتحرير والنشر الآمن."
        ),
        description_en=(
            "A Quneitra initiative documenting the stories and heritage of villages in digital "
            "content made by young people. It trains participants in photography, editing and "
            "safe publishing."
        ),
        governorates="SY14",
        expertise="digital_content digital_inclusion",
        founded=2022,
        members=9,
        volunteers=22,
        email="info@nabd-golan.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="يزن العمر",
        plan="lapsed:17",
        licensing="refused",
    ),
    Org(
        slug="maharat-idleb",
        kind=YOUTH,
        name_ar="مبادرة مهارات إدلب",
        name_en="Maharat Idleb Initiative",
        description_ar=(
            "مبادرة شبابية في إدلب تقدم دورات مجانية في أساسيات الحاسوب والعمل عن بعد للنازحين "
            "العائدين. تعتمد على متطوعين من خريجي الجامعات."
        ),
        description_en=(
            "A youth initiative in Idleb offering free courses in computer basics and remote "
            "work to returning displaced people. It relies on volunteer university graduates."
        ),
        governorates="SY07",
        expertise="digital_skills",
        founded=2023,
        members=10,
        volunteers=34,
        email="info@maharat-idleb.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="حسن البكور",
        plan="lapsed:6",
        licensing="preparing:1",
    ),
    Org(
        slug="homs-coders",
        kind=YOUTH,
        name_ar="فريق حمص للبرمجة",
        name_en="Homs Coders Team",
        description_ar=(
            "فريق من المبرمجين الشباب في حمص ينظم لقاءات أسبوعية لتعلم البرمجة والمساهمة في "
            "مشاريع مفتوحة المصدر. يقدم استشارات تقنية مجانية للمبادرات المجتمعية."
        ),
        description_en=(
            "A team of young programmers in Homs holding weekly meetups to learn programming "
            "and contribute to open-source projects. It gives free technical advice to "
            "community initiatives."
        ),
        governorates="SY04",
        expertise="software open_source",
        founded=2022,
        members=12,
        volunteers=25,
        email="info@homs-coders.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="جود الأتاسي",
        plan="submitted:3",
        licensing="returned",
    ),
    Org(
        slug="future-makers",
        kind=YOUTH,
        name_ar="مبادرة صناع المستقبل في حماة",
        name_en="Future Makers Initiative – Hama",
        description_ar=(
            "مبادرة ناشئة في حماة تساعد طلاب الجامعات على تحويل أفكارهم التقنية إلى مشاريع "
            "صغيرة. تنظم جلسات عصف ذهني وأياماً لعرض المشاريع."
        ),
        description_en=(
            "A new initiative in Hama helping university students turn their tech ideas into "
            "small ventures. It runs brainstorming sessions and project demo days."
        ),
        governorates="SY05",
        expertise="entrepreneurship digital_skills",
        founded=2024,
        members=8,
        volunteers=20,
        email="info@future-makers-hama.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="سارة الكيلاني",
        plan="blocked",
        licensing="not_started",
    ),
    Org(
        slug="mawj",
        kind=YOUTH,
        name_ar="مبادرة موج الشبابية",
        name_en="Mawj Youth Initiative",
        description_ar=(
            "مبادرة شبابية حديثة في اللاذقية تنتج محتوى تعليمياً قصيراً عن السلامة الرقمية "
            "لليافعين. يخطط أعضاؤها لبدء مسار الترخيص خلال العام المقبل."
        ),
        description_en=(
            "A new youth initiative in Lattakia producing short learning videos on online "
            "safety for teenagers. Its members plan to start the licensing track next year."
        ),
        governorates="SY06",
        expertise="digital_content",
        founded=2025,
        members=7,
        volunteers=18,
        email="info@mawj-youth.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="علي ديب",
        plan="none",
        licensing="not_started",
    ),
    Org(
        slug="daw",
        kind=YOUTH,
        name_ar="مبادرة ضوء للتعليم الرقمي",
        name_en="Daw Digital Learning Initiative",
        description_ar=(
            "مبادرة في طرطوس تنتج دروساً مصورة في الرياضيات والعلوم وتتيحها دون اتصال "
            "بالإنترنت للمناطق الريفية. تدرّب طلاب الجامعات على إعداد المحتوى التعليمي."
        ),
        description_en=(
            "A Tartous initiative producing video lessons in mathematics and science and making "
            "them available offline for rural areas. It trains university students to prepare "
            "learning content."
        ),
        governorates="SY10",
        expertise="digital_skills digital_content",
        founded=2022,
        members=15,
        volunteers=38,
        email="info@daw-learning.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="تيماء محفوض",
        plan="provisional:40",
        licensing="preparing:4",
    ),
    Org(
        slug="aleppo-digital-youth",
        kind=YOUTH,
        name_ar="مبادرة شباب حلب الرقمي",
        name_en="Aleppo Digital Youth Initiative",
        description_ar=(
            "مبادرة شبابية في حلب تدرّب الخريجين الجدد على تحليل البيانات وتطوير تطبيقات "
            "الهاتف. تربط المتدربين بالشركات البرمجية المحلية عبر برامج تدريب عملي."
        ),
        description_en=(
            "A youth initiative in Aleppo training new graduates in data analysis and mobile "
            "app development. It links trainees with local software companies through "
            "internships."
        ),
        governorates="SY02",
        expertise="software data_ai",
        founded=2023,
        members=18,
        volunteers=50,
        email="info@aleppo-digital-youth.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="يمان الجابري",
        plan="under_review:6:mosal",
        licensing="submitted:8",
    ),
    Org(
        slug="rif-innovation",
        kind=YOUTH,
        name_ar="مبادرة ريف دمشق للابتكار",
        name_en="Rural Damascus Innovation Initiative",
        description_ar=(
            "مبادرة شبابية في ريف دمشق تصمم حلولاً تقنية بسيطة لمشكلات الزراعة والمياه في "
            "البلدات. تنظم هاكاثونات محلية بالتعاون مع البلديات."
        ),
        description_en=(
            "A youth initiative in Rural Damascus designing simple tech solutions to farming "
            "and water problems in the towns. It runs local hackathons with the municipalities."
        ),
        governorates="SY03",
        expertise="entrepreneurship hardware_networks",
        founded=2023,
        members=10,
        volunteers=27,
        email="info@rif-innovation.org.sy",
        legal=UNLICENSED,
        registration="",
        owner="مروان النجار",
        plan="changes_requested",
        licensing="preparing:3",
    ),
    # --- Universities ---------------------------------------------------------------------
    Org(
        slug="du-fite",
        kind=UNIVERSITY,
        name_ar="جامعة دمشق – كلية الهندسة المعلوماتية",
        name_en="Damascus University – Faculty of Information Technology Engineering",
        description_ar=(
            "كلية حكومية تخرّج مهندسي البرمجيات والشبكات والذكاء الاصطناعي منذ أكثر من عقدين. "
            "تشارك في الإطار بمشاريع التخرج التطبيقية وبرامج التدريب الصيفي."
        ),
        description_en=(
            "A public faculty that has graduated software, networking and AI engineers for more "
            "than two decades. It contributes to the framework with applied graduation projects "
            "and summer training programmes."
        ),
        governorates="SY01 SY03",
        expertise="software data_ai cybersecurity hardware_networks",
        founded=1999,
        members=160,
        volunteers=420,
        email="fite@damascus-university.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="غسان العمري",
        plan="v1:331",
    ),
    Org(
        slug="aleppo-university",
        kind=UNIVERSITY,
        name_ar="جامعة حلب – كلية الهندسة المعلوماتية",
        name_en="University of Aleppo – Faculty of Informatics Engineering",
        description_ar=(
            "كلية حكومية في حلب تدرّس هندسة البرمجيات والنظم والشبكات. تستضيف مسابقات برمجية "
            "إقليمية وتدعم الفرق الطلابية العاملة في مشاريع مجتمعية."
        ),
        description_en=(
            "A public faculty in Aleppo teaching software, systems and network engineering. It "
            "hosts regional programming contests and supports student teams working on "
            "community projects."
        ),
        governorates="SY02 SY07",
        expertise="software data_ai",
        founded=2002,
        members=120,
        volunteers=300,
        email="informatics@aleppo-university.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="بشرى قباني",
        plan="active:270",
    ),
    Org(
        slug="svu",
        kind=UNIVERSITY,
        name_ar="الجامعة الافتراضية السورية",
        name_en="Syrian Virtual University",
        description_ar=(
            "جامعة حكومية للتعليم الإلكتروني تتيح برامج جامعية ودراسات عليا عن بعد في جميع "
            "المحافظات. تقدم خبرتها في التعليم المدمج وإدارة منصات التعلم للشركاء."
        ),
        description_en=(
            "A public e-learning university offering degree and postgraduate programmes at a "
            "distance in every governorate. It shares its experience in blended learning and "
            "learning-platform management with partners."
        ),
        governorates="SY01 SY02 SY04 SY06 SY08 SY09",
        expertise="digital_skills egov digital_inclusion",
        founded=2002,
        members=210,
        volunteers=150,
        email="partners@svu-online.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="رامي الصباغ",
        plan="active:230",
    ),
    Org(
        slug="hama-university",
        kind=UNIVERSITY,
        name_ar="جامعة حماة – كلية الهندسة المعلوماتية",
        name_en="Hama University – Faculty of Informatics Engineering",
        description_ar=(
            "كلية حديثة في جامعة حماة تركز على هندسة البرمجيات والنظم المضمنة. تتعاون مع "
            "الجمعيات المحلية في تدريب الطلاب على مشاريع خدمة المجتمع."
        ),
        description_en=(
            "A young faculty at Hama University focusing on software engineering and embedded "
            "systems. It works with local associations to train students on community-service "
            "projects."
        ),
        governorates="SY05",
        expertise="software hardware_networks",
        founded=2014,
        members=65,
        volunteers=140,
        email="informatics@hama-university.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="ياسر الحموي",
        plan="active:85",
    ),
    Org(
        slug="tartous-university",
        kind=UNIVERSITY,
        name_ar="جامعة طرطوس – كلية تقانة المعلومات",
        name_en="Tartous University – Faculty of Information Technology",
        description_ar=(
            "كلية في جامعة طرطوس تدرّس تقانة المعلومات والاتصالات وتطبيقاتها. تنظم سنوياً "
            "معرضاً لمشاريع التخرج مفتوحاً للشركات والجهات العامة."
        ),
        description_en=(
            "A faculty at Tartous University teaching information and communication technology "
            "and its applications. Every year it holds a graduation-projects fair open to "
            "companies and public bodies."
        ),
        governorates="SY10 SY06",
        expertise="software digital_skills",
        founded=2015,
        members=58,
        volunteers=120,
        email="it@tartous-university.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="ريما زيدان",
        plan="active:190",
    ),
    Org(
        slug="furat-university",
        kind=UNIVERSITY,
        name_ar="جامعة الفرات – كلية الهندسة المعلوماتية",
        name_en="Al-Furat University – Faculty of Informatics Engineering",
        description_ar=(
            "كلية حكومية في دير الزور تخدم طلاب المنطقة الشرقية في الهندسة المعلوماتية. تعيد "
            "بناء مخابرها وتبحث عن شراكات لتدريب طلابها."
        ),
        description_en=(
            "A public faculty in Deir-ez-Zor serving students of the eastern region in "
            "informatics engineering. It is rebuilding its labs and seeking partnerships to "
            "train its students."
        ),
        governorates="SY09 SY08 SY11",
        expertise="software digital_skills",
        founded=2007,
        members=70,
        volunteers=160,
        email="informatics@alfurat-university.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="فراس العبيد",
        plan="submitted:8:reviewer",
    ),
    Org(
        slug="kalamoon",
        kind=UNIVERSITY,
        name_ar="جامعة القلمون الخاصة – كلية هندسة الحاسوب والمعلوماتية",
        name_en="University of Kalamoon – Faculty of Computer and Informatics Engineering",
        description_ar=(
            "كلية في جامعة خاصة بدير عطية تدرّس هندسة الحاسوب والأمن السيبراني. تقدم منحاً "
            "جزئية لطلاب المناطق الريفية وتدرّبهم في شركات شريكة."
        ),
        description_en=(
            "A faculty of a private university in Deir Atiyah teaching computer engineering "
            "and cybersecurity. It offers partial scholarships to students from rural areas and "
            "places them in partner companies."
        ),
        governorates="SY03",
        expertise="software cybersecurity",
        founded=2003,
        members=45,
        volunteers=90,
        email="cs@kalamoon-university.edu.sy",
        legal=LICENSED,
        registration="HE-36/2003",
        owner="إياد الحاج",
        plan="active:160",
    ),
    Org(
        slug="aiu",
        kind=UNIVERSITY,
        name_ar="الجامعة العربية الدولية – كلية هندسة المعلوماتية والاتصالات",
        name_en="Arab International University – Faculty of Informatics and Communication "
        "Engineering",
        description_ar=(
            "كلية في جامعة خاصة بغباغب تدرّس هندسة المعلوماتية والاتصالات باللغتين العربية "
            "والإنكليزية. يشارك طلابها في مشاريع بحثية تطبيقية مع الشركات."
        ),
        description_en=(
            "A faculty of a private university in Ghabagheb teaching informatics and "
            "communication engineering in Arabic and English. Its students join applied "
            "research projects with companies."
        ),
        governorates="SY12 SY01",
        expertise="software data_ai hardware_networks",
        founded=2005,
        members=50,
        volunteers=110,
        email="ice@aiu-university.edu.sy",
        legal=LICENSED,
        registration="HE-12/2005",
        owner="حلا شربجي",
        plan="active:100",
    ),
    Org(
        slug="berlin-college",
        kind=UNIVERSITY,
        scope="international",
        name_ar="كلية برلين الدولية للحوسبة",
        name_en="Berlin International College of Computing",
        description_ar=(
            "كلية خاصة في برلين يدرّس فيها عدد من الأكاديميين السوريين، وتقدم برامج تعلم عن "
            "بعد في علوم الحاسوب. تتيح منحاً ومقررات مجانية لطلاب الجامعات السورية."
        ),
        description_en=(
            "A private college in Berlin with several Syrian academics on its faculty, offering "
            "distance-learning programmes in computer science. It provides scholarships and "
            "free courses to students of Syrian universities."
        ),
        governorates="SY01 SY02",
        expertise="software data_ai digital_skills",
        founded=2011,
        members=40,
        volunteers=25,
        email="syria@berlin-computing.example",
        legal=NOT_APPLICABLE,
        registration="",
        owner="لؤي قطان",
        plan="active:70",
    ),
    Org(
        slug="istanbul-academy",
        kind=UNIVERSITY,
        scope="international",
        name_ar="أكاديمية إسطنبول للعلوم الرقمية",
        name_en="Istanbul Academy of Digital Sciences",
        description_ar=(
            "أكاديمية في إسطنبول تقدم برامج تدريب مهني في البرمجة وتحليل البيانات للطلاب "
            "الناطقين بالعربية. تسعى إلى تنفيذ برامج تدريب مشتركة مع الجامعات في شمال سورية."
        ),
        description_en=(
            "An academy in Istanbul offering vocational training in programming and data "
            "analysis to Arabic-speaking students. It seeks to run joint training programmes "
            "with universities in northern Syria."
        ),
        governorates="SY02 SY07",
        expertise="digital_skills software",
        founded=2016,
        members=35,
        volunteers=60,
        email="syria@istanbul-digital.example",
        legal=NOT_APPLICABLE,
        registration="",
        owner="عبير الشهابي",
        plan="resubmitted:2:moct",
    ),
    # --- Research institutes --------------------------------------------------------------
    Org(
        slug="hiast",
        kind=RESEARCH,
        name_ar="المعهد العالي للعلوم التطبيقية والتكنولوجيا",
        name_en="Higher Institute for Applied Sciences and Technology",
        description_ar=(
            "مؤسسة تعليمية وبحثية حكومية تُعِدّ مهندسين وباحثين في المعلوماتية والاتصالات "
            "والعلوم التطبيقية. تشارك في الإطار بخبراتها في الذكاء الاصطناعي وأمن المعلومات."
        ),
        description_en=(
            "A public teaching and research institution educating engineers and researchers in "
            "informatics, telecommunications and applied sciences. It brings to the framework "
            "its expertise in AI and information security."
        ),
        governorates="SY01",
        expertise="data_ai software cybersecurity",
        founded=1983,
        members=230,
        volunteers=60,
        email="partnerships@hiast-institute.edu.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="معتز الدالاتي",
        plan="v1:312",
    ),
    Org(
        slug="arabic-nlp",
        kind=RESEARCH,
        name_ar="مركز المعالجة الحاسوبية للغة العربية",
        name_en="Centre for Arabic Language Processing",
        description_ar=(
            "مركز بحثي يطوّر أدوات مفتوحة المصدر لمعالجة النصوص العربية والتعرف على الكلام. "
            "يبني مدونات لغوية سورية ويتيحها للباحثين والمطورين."
        ),
        description_en=(
            "A research centre building open-source tools for Arabic text processing and speech "
            "recognition. It compiles Syrian language corpora and shares them with researchers "
            "and developers."
        ),
        governorates="SY01",
        expertise="data_ai digital_content open_source",
        founded=2012,
        members=24,
        volunteers=15,
        email="info@arabic-nlp.org.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="نادين السمان",
        plan="active:260",
    ),
    Org(
        slug="aleppo-ai",
        kind=RESEARCH,
        name_ar="مركز حلب للبحوث التطبيقية في الذكاء الاصطناعي",
        name_en="Aleppo Centre for Applied AI Research",
        description_ar=(
            "مركز بحثي مستقل في حلب يطبّق تقنيات الذكاء الاصطناعي في الصحة والزراعة والخدمات "
            "البلدية. ينشر نتائجه ومجموعات بياناته برخص مفتوحة."
        ),
        description_en=(
            "An independent research centre in Aleppo applying AI to health, agriculture and "
            "municipal services. It publishes its findings and datasets under open licences."
        ),
        governorates="SY02",
        expertise="data_ai",
        founded=2019,
        members=19,
        volunteers=12,
        email="info@aleppo-ai.org.sy",
        legal=LICENSED,
        registration="2521/2019",
        owner="زياد حلاق",
        plan="expiring:7",
    ),
    Org(
        slug="lattakia-data",
        kind=RESEARCH,
        name_ar="مركز اللاذقية لعلوم البيانات",
        name_en="Lattakia Data Science Centre",
        description_ar=(
            "مركز بحثي في اللاذقية يحلل بيانات المناخ والموانئ ويطوّر لوحات معلومات للجهات "
            "المحلية. يدرّب طلاب الدراسات العليا على أساليب علم البيانات."
        ),
        description_en=(
            "A research centre in Lattakia analysing climate and port data and building "
            "dashboards for local authorities. It trains postgraduate students in data-science "
            "methods."
        ),
        governorates="SY06",
        expertise="data_ai hardware_networks",
        founded=2017,
        members=21,
        volunteers=18,
        email="info@lattakia-data.org.sy",
        legal=LICENSED,
        registration="2066/2017",
        owner="غدير ملحم",
        plan="active:140",
    ),
    Org(
        slug="emcair",
        kind=RESEARCH,
        scope="international",
        name_ar="مركز شرق المتوسط لأبحاث الذكاء الاصطناعي",
        name_en="Eastern Mediterranean Centre for AI Research",
        description_ar=(
            "مركز بحثي إقليمي مقره نيقوسيا يعمل على نماذج اللغة العربية وتطبيقات الذكاء "
            "الاصطناعي المسؤول. يستضيف باحثين سوريين زائرين ويشارك في الإشراف على رسائل جامعية."
        ),
        description_en=(
            "A regional research centre based in Nicosia working on Arabic language models and "
            "responsible AI. It hosts visiting Syrian researchers and co-supervises university "
            "theses."
        ),
        governorates="SY01 SY06",
        expertise="data_ai",
        founded=2018,
        members=38,
        volunteers=10,
        email="syria@emcair.example",
        legal=NOT_APPLICABLE,
        registration="",
        owner="هاني عبود",
        plan="active:110",
    ),
    Org(
        slug="eidg",
        kind=RESEARCH,
        scope="international",
        name_ar="المعهد الأوروبي للحوكمة الرقمية",
        name_en="European Institute for Digital Governance",
        description_ar=(
            "معهد بحثي في بروكسل يدرس سياسات الحكومة الإلكترونية وحماية البيانات. يقدم "
            "استشارات وتدريباً للجهات العامة السورية في تصميم الخدمات الرقمية."
        ),
        description_en=(
            "A Brussels research institute studying e-government and data-protection policy. "
            "It offers advice and training to Syrian public bodies on designing digital "
            "services."
        ),
        governorates="SY01 SY03",
        expertise="egov data_ai",
        founded=2010,
        members=45,
        volunteers=8,
        email="mena@eidg.example",
        legal=NOT_APPLICABLE,
        registration="",
        owner="سوسن الرفاعي",
        plan="active:30",
    ),
    Org(
        slug="open-arabic-lab",
        kind=RESEARCH,
        scope="international",
        name_ar="مختبر المعرفة العربية المفتوحة",
        name_en="Open Arabic Knowledge Lab",
        description_ar=(
            "مختبر بحثي مقره عمّان يطوّر موارد تعليمية مفتوحة باللغة العربية ويترجم البرمجيات "
            "الحرة. يعمل مع متطوعين سوريين على إتاحة المعرفة التقنية للجميع."
        ),
        description_en=(
            "An Amman-based research lab building open Arabic learning resources and "
            "translating free software. It works with Syrian volunteers to make technical "
            "knowledge available to all."
        ),
        governorates="SY01 SY02 SY09",
        expertise="open_source digital_content",
        founded=2015,
        members=16,
        volunteers=55,
        email="hello@open-arabic-lab.example",
        legal=NOT_APPLICABLE,
        registration="",
        owner="أنس الحكيم",
        plan="submitted:22",
    ),
    # --- Companies ------------------------------------------------------------------------
    Org(
        slug="aleppo-solutions",
        kind=COMPANY,
        name_ar="شركة حلب للحلول البرمجية",
        name_en="Aleppo Software Solutions",
        description_ar=(
            "شركة برمجيات في حلب تطوّر أنظمة إدارة للمستشفيات والمدارس والبلديات. تدرّب "
            "سنوياً دفعة من الخريجين الجدد وتوظّف المتميزين منهم."
        ),
        description_en=(
            "A software company in Aleppo building management systems for hospitals, schools "
            "and municipalities. Every year it trains a cohort of new graduates and hires the "
            "best of them."
        ),
        governorates="SY02",
        expertise="software egov",
        founded=2009,
        members=45,
        volunteers=0,
        email="info@aleppo-solutions.com.sy",
        legal=LICENSED,
        registration="CR-ALP-31842",
        owner="أيهم كيالي",
        plan="active:250",
    ),
    Org(
        slug="shahba-soft",
        kind=COMPANY,
        name_ar="شركة الشهباء للبرمجيات",
        name_en="Al-Shahba Software",
        description_ar=(
            "شركة ناشئة في حلب متخصصة بتطبيقات الهاتف المحمول والتجارة الإلكترونية باللغة "
            "العربية. تساهم في تدريب طلاب الجامعات عبر برامج تدريب صيفي مدفوعة."
        ),
        description_en=(
            "A start-up in Aleppo specialising in Arabic mobile apps and e-commerce. It helps "
            "train university students through paid summer internships."
        ),
        governorates="SY02 SY05",
        expertise="software digital_content",
        founded=2013,
        members=28,
        volunteers=0,
        email="contact@shahba-soft.com.sy",
        legal=LICENSED,
        registration="CR-ALP-40517",
        owner="ليث الطويل",
        plan="active:175",
    ),
    Org(
        slug="homs-smart",
        kind=COMPANY,
        name_ar="شركة حمص للأنظمة الذكية",
        name_en="Homs Smart Systems",
        description_ar=(
            "شركة في حمص تصمم أنظمة المراقبة والتحكم الذكي في المباني والمنشآت الصناعية. تنفذ "
            "مشاريع لإعادة تأهيل شبكات الاتصالات في المدينة."
        ),
        description_en=(
            "A Homs company designing smart monitoring and control systems for buildings and "
            "industrial sites. It carries out projects to rehabilitate the city's communication "
            "networks."
        ),
        governorates="SY04",
        expertise="hardware_networks software",
        founded=2012,
        members=34,
        volunteers=0,
        email="info@homs-smart.com.sy",
        legal=LICENSED,
        registration="CR-HMS-22906",
        owner="كريم جبور",
        plan="active:205",
    ),
    Org(
        slug="assi-tech",
        kind=COMPANY,
        name_ar="شركة العاصي للتقانة",
        name_en="Al-Assi Technology",
        description_ar=(
            "شركة في حماة تقدم حلول الشبكات والطاقة الشمسية لمراكز التدريب والمدارس. تدير "
            "مركز تدريب معتمداً في تقنيات الشبكات."
        ),
        description_en=(
            "A Hama company providing networking and solar-power solutions to training centres "
            "and schools. It runs an accredited training centre for networking technologies."
        ),
        governorates="SY05",
        expertise="hardware_networks digital_skills",
        founded=2010,
        members=22,
        volunteers=0,
        email="info@assi-tech.com.sy",
        legal=LICENSED,
        registration="CR-HMA-15377",
        owner="مهند الدروبي",
        plan="active:55",
    ),
    Org(
        slug="yasmin-digital",
        kind=COMPANY,
        name_ar="شركة ياسمين الشام للحلول الرقمية",
        name_en="Yasmin al-Sham Digital Solutions",
        description_ar=(
            "شركة دمشقية تطوّر بوابات الخدمات الإلكترونية وأنظمة الدفع للجهات العامة والخاصة. "
            "تلتزم بمعايير إتاحة المواقع للأشخاص ذوي الإعاقة."
        ),
        description_en=(
            "A Damascus company building e-service portals and payment systems for public and "
            "private organisations. It follows web-accessibility standards for people with "
            "disabilities."
        ),
        governorates="SY01 SY03",
        expertise="egov software",
        founded=2015,
        members=60,
        volunteers=0,
        email="info@yasmin-digital.com.sy",
        legal=LICENSED,
        registration="CR-DAM-48213",
        owner="رولا القباني",
        plan="active:280",
    ),
    Org(
        slug="shield-cyber",
        kind=COMPANY,
        name_ar="شركة درع للأمن السيبراني",
        name_en="Shield Cybersecurity",
        description_ar=(
            "شركة متخصصة باختبار الاختراق والاستجابة للحوادث الأمنية للمصارف والشركات. تقدم "
            "برنامجاً مجانياً لتوعية الجمعيات الأهلية بالأمن الرقمي."
        ),
        description_en=(
            "A company specialising in penetration testing and incident response for banks and "
            "businesses. It runs a free digital-security awareness programme for civil-society "
            "associations."
        ),
        governorates="SY01",
        expertise="cybersecurity",
        founded=2017,
        members=18,
        volunteers=0,
        email="info@shield-security.com.sy",
        legal=LICENSED,
        registration="CR-DAM-52760",
        owner="حازم السيد",
        plan="active:125",
    ),
    Org(
        slug="smart-data",
        kind=COMPANY,
        name_ar="شركة البيانات الذكية",
        name_en="Smart Data Company",
        description_ar=(
            "شركة في ريف دمشق تقدم خدمات تحليل البيانات وبناء نماذج التنبؤ للشركات الصناعية "
            "والتجارية. تتعاون مع الجامعات في تدريب طلاب علوم البيانات."
        ),
        description_en=(
            "A company in Rural Damascus providing data analysis and forecasting models for "
            "industrial and trading firms. It works with universities to train data-science "
            "students."
        ),
        governorates="SY03 SY01",
        expertise="data_ai software",
        founded=2019,
        members=15,
        volunteers=0,
        email="info@smartdata.com.sy",
        legal=LICENSED,
        registration="CR-RDM-9184",
        owner="عمار البيطار",
        plan="expired:20",
    ),
    Org(
        slug="ugarit-networks",
        kind=COMPANY,
        name_ar="شركة أوغاريت للشبكات",
        name_en="Ugarit Networks",
        description_ar=(
            "شركة في اللاذقية تنفذ شبكات الألياف الضوئية والشبكات اللاسلكية للمؤسسات. تدرّب "
            "فنيين شباباً من المنطقة الساحلية على تركيب الشبكات وصيانتها."
        ),
        description_en=(
            "A Lattakia company installing fibre-optic and wireless networks for organisations. "
            "It trains young technicians from the coast to install and maintain networks."
        ),
        governorates="SY06 SY10",
        expertise="hardware_networks",
        founded=2008,
        members=40,
        volunteers=0,
        email="info@ugarit-networks.com.sy",
        legal=LICENSED,
        registration="CR-LTK-11650",
        owner="جورج نصور",
        plan="active:200",
    ),
    Org(
        slug="nukhba-trade",
        kind=COMPANY,
        name_ar="شركة النخبة للتجارة الإلكترونية",
        name_en="Al-Nukhba E-Trade Company",
        description_ar=(
            "شركة تبيع الهواتف المحمولة وملحقاتها عبر متجر إلكتروني في دمشق. توصل الطلبات إلى "
            "المحافظات عبر شركات الشحن."
        ),
        description_en=(
            "A company selling mobile phones and accessories through an online shop in "
            "Damascus. It delivers orders to the governorates through courier companies."
        ),
        governorates="SY01",
        expertise="entrepreneurship",
        founded=2020,
        members=9,
        volunteers=0,
        email="sales@nukhba-trade.com.sy",
        legal=LICENSED,
        registration="CR-DAM-61022",
        owner="وائل الحلاق",
        plan="rejected",
    ),
    Org(
        slug="south-pioneers",
        kind=COMPANY,
        name_ar="شركة رواد الجنوب للبرمجيات",
        name_en="Southern Pioneers Software",
        description_ar=(
            "شركة برمجيات ناشئة في درعا تطوّر أنظمة محاسبة وإدارة للمنشآت الصغيرة. تعمل مع "
            "مطورين من درعا والسويداء عن بعد."
        ),
        description_en=(
            "A software start-up in Dar'a building accounting and management systems for small "
            "businesses. It works remotely with developers from Dar'a and As-Sweida."
        ),
        governorates="SY12 SY13",
        expertise="software egov",
        founded=2024,
        members=7,
        volunteers=0,
        email="info@south-pioneers.com.sy",
        legal=LICENSED,
        registration="CR-DRA-3307",
        owner="قصي المحاميد",
        plan="draft",
    ),
    Org(
        slug="qasioun-cloud",
        kind=COMPANY,
        name_ar="شركة قاسيون للحوسبة السحابية",
        name_en="Qasioun Cloud Computing",
        description_ar=(
            "شركة تقدم خدمات الاستضافة والحوسبة السحابية المحلية للجهات العامة والخاصة. تشغّل "
            "مركز بيانات في دمشق وفق معايير الأمان واستمرارية العمل."
        ),
        description_en=(
            "A company providing local hosting and cloud computing to public and private "
            "organisations. It runs a data centre in Damascus built for security and "
            "continuity."
        ),
        governorates="SY01",
        expertise="hardware_networks software",
        founded=2016,
        members=26,
        volunteers=0,
        email="info@qasioun-cloud.com.sy",
        legal=LICENSED,
        registration="CR-DAM-50934",
        owner="نبيل الأيوبي",
        plan="suspended:150",
    ),
    # --- Government bodies ----------------------------------------------------------------
    Org(
        slug="nitsa",
        kind=GOVERNMENT,
        name_ar="الهيئة الوطنية لخدمات تقانة المعلومات",
        name_en="National Agency for Information Technology Services",
        description_ar=(
            "هيئة عامة تتبع وزارة الاتصالات والتقانة تدير البنية الوطنية للتصديق الإلكتروني "
            "وأسماء النطاقات السورية. تضع معايير الخدمات الحكومية الإلكترونية وتدعم الجهات "
            "العامة في تطبيقها."
        ),
        description_en=(
            "A public agency of the Ministry of Communications and Technology running the "
            "national electronic-certification infrastructure and Syrian domain names. It sets "
            "standards for e-government services and helps public bodies apply them."
        ),
        governorates="SY01 SY02 SY04",
        expertise="egov cybersecurity hardware_networks",
        founded=2009,
        members=140,
        volunteers=0,
        email="partners@nitsa-services.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="عماد سلوم",
        plan="v1:306",
    ),
    Org(
        slug="syrian-telecom",
        kind=GOVERNMENT,
        name_ar="المؤسسة السورية للاتصالات",
        name_en="Syrian Telecom",
        description_ar=(
            "المؤسسة العامة المشغّلة لشبكة الهاتف الثابت والإنترنت في سورية. تدعم الإطار بربط "
            "المراكز المجتمعية والمدارس بالإنترنت."
        ),
        description_en=(
            "The public operator of Syria's fixed telephone and internet network. It supports "
            "the framework by connecting community centres and schools to the internet."
        ),
        governorates="SY01 SY02 SY04 SY06",
        expertise="hardware_networks egov",
        founded=1975,
        members=600,
        volunteers=0,
        email="partnerships@syrian-telecom.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="منذر العاني",
        plan="active:220",
    ),
    Org(
        slug="regulator",
        kind=GOVERNMENT,
        name_ar="الهيئة الناظمة لقطاع الاتصالات والبريد",
        name_en="Syrian Telecommunications and Post Regulatory Authority",
        description_ar=(
            "هيئة عامة تنظّم قطاع الاتصالات والبريد وتحمي حقوق المشتركين. تسهم في الإطار "
            "بإعداد السياسات التي توسّع النفاذ إلى الإنترنت في المناطق النائية."
        ),
        description_en=(
            "A public authority regulating the telecommunications and postal sector and "
            "protecting subscribers' rights. It contributes policies that widen internet access "
            "in remote areas."
        ),
        governorates="SY01",
        expertise="egov hardware_networks",
        founded=2010,
        members=85,
        volunteers=0,
        email="info@telecom-regulator.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="لينا الحسن",
        plan="active:165",
    ),
    Org(
        slug="homs-digital",
        kind=GOVERNMENT,
        name_ar="مديرية التحول الرقمي في محافظة حمص",
        name_en="Homs Governorate Directorate of Digital Transformation",
        description_ar=(
            "مديرية في محافظة حمص تقود رقمنة خدمات المحافظة والوحدات الإدارية. تعمل مع "
            "الجمعيات على تدريب الموظفين والمواطنين على الخدمات الجديدة."
        ),
        description_en=(
            "A directorate of Homs Governorate leading the digitisation of governorate and "
            "municipal services. It works with associations to train staff and citizens in the "
            "new services."
        ),
        governorates="SY04",
        expertise="egov digital_inclusion",
        founded=2021,
        members=30,
        volunteers=12,
        email="digital@homs-governorate.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="علا منصور",
        plan="expiring:20",
    ),
    Org(
        slug="tartous-social-affairs",
        kind=GOVERNMENT,
        name_ar="مديرية الشؤون الاجتماعية والعمل في طرطوس",
        name_en="Tartous Directorate of Social Affairs and Labour",
        description_ar=(
            "مديرية تتبع وزارة الشؤون الاجتماعية والعمل وتشرف على الجمعيات والمبادرات في "
            "محافظة طرطوس. ترافق الجمعيات الشبابية في مسار الترخيص وتدعم مشاريع الشمول الرقمي."
        ),
        description_en=(
            "A directorate of the Ministry of Social Affairs and Labour overseeing associations "
            "and initiatives in Tartous Governorate. It guides youth associations through "
            "licensing and supports digital-inclusion projects."
        ),
        governorates="SY10",
        expertise="digital_inclusion egov",
        founded=1972,
        members=75,
        volunteers=0,
        email="info@tartous-social-affairs.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="هيام ديوب",
        plan="active:135",
    ),
    Org(
        slug="raqqa-citizen-centre",
        kind=GOVERNMENT,
        name_ar="مركز خدمة المواطن في الرقة",
        name_en="Ar-Raqqa Citizen Service Centre",
        description_ar=(
            "مركز حكومي يقدم معاملات الأحوال المدنية والسجل العقاري عبر نافذة واحدة مؤتمتة. "
            "يسعى إلى شراكات لتدريب كوادره وتوسيع خدماته الإلكترونية."
        ),
        description_en=(
            "A government centre offering civil-registry and land-registry transactions through "
            "one automated window. It seeks partnerships to train its staff and extend its "
            "e-services."
        ),
        governorates="SY11",
        expertise="egov digital_inclusion",
        founded=2024,
        members=20,
        volunteers=10,
        email="csc@raqqa-governorate.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="محمود الجاسم",
        plan="under_review:13:moct",
    ),
    Org(
        slug="hasakeh-telecom",
        kind=GOVERNMENT,
        name_ar="مديرية اتصالات الحسكة",
        name_en="Al-Hasakeh Telecom Directorate",
        description_ar=(
            "مديرية فرعية للمؤسسة السورية للاتصالات تدير شبكات الهاتف والإنترنت في محافظة "
            "الحسكة. تتعاون مع الجمعيات المحلية في إيصال الإنترنت إلى المراكز المجتمعية."
        ),
        description_en=(
            "A branch directorate of Syrian Telecom running the telephone and internet networks "
            "of Al-Hasakeh Governorate. It works with local associations to bring the internet "
            "to community centres."
        ),
        governorates="SY08",
        expertise="hardware_networks",
        founded=1980,
        members=90,
        volunteers=0,
        email="info@hasakeh-telecom.gov.sy",
        legal=NOT_APPLICABLE,
        registration="",
        owner="دلشاد حسو",
        plan="active:90",
    ),
]

# --- Reasons written by the officers ------------------------------------------------------

APPROVE_REASON = (
    "استوفت الجهة الفحوص الآلية لمعايير الانضمام، وتحقق الموظف المختص من البنود اليدوية، "
    "وتقرر قبولها عضواً في الإطار الوطني."
)
APPROVE_PROVISIONAL_REASON = (
    "استوفت المبادرة معايير الانضمام وترخيصها قيد الإنجاز لدى وزارة الشؤون الاجتماعية والعمل، "
    "وتقرر قبولها عضواً مؤقتاً إلى حين تسجيل الترخيص."
)
CHANGES_REASONS = {
    "open-data": (
        "يرجى تحديث قائمة أعضاء مجلس الإدارة بعد انتخابات هذا العام، ورفع تقرير نشاط يبيّن "
        "مشاريع البيانات المفتوحة التي نفذتها الجمعية خلال السنة الأخيرة."
    ),
    "rif-innovation": (
        "يرجى توضيح الأنشطة التقنية التي نفذتها المبادرة فعلياً خلال العام الماضي وإرفاق ما "
        "يثبتها، وتصحيح عدد الأعضاء المسجل في الملف بما يطابق قائمة المؤسسين."
    ),
    "istanbul-academy": (
        "يرجى رفع ما يثبت الصفة القانونية للأكاديمية في بلد المقر، واتفاقية التعاون مع الجامعة "
        "السورية الشريكة المذكورة في الطلب."
    ),
}
REJECT_REASONS = {
    "nukhba-trade": (
        "يقتصر نشاط الشركة على تجارة الأجهزة وملحقاتها، ولا يتضمن إسهاماً في بناء القدرات "
        "الرقمية أو في التحول الرقمي، وهو ما يخرج عن نطاق الإطار الوطني. يمكن التقدم مجدداً "
        "عند إطلاق الشركة برامج تدريب أو خدمات رقمية ذات صلة."
    ),
}
SUSPEND_REASONS = {
    "aman": (
        "لم تُبلغ الجمعية الوزارة بتغيير مجلس إدارتها خلال المدة المحددة، ولم ترد على طلب "
        "التوضيح المرسل إليها. تُرفع العضوية المعلقة عند تحديث قائمة مجلس الإدارة."
    ),
    "qasioun-cloud": (
        "استخدمت الشركة شعار الإطار الوطني في إعلانات تجارية بما يوحي بتزكية حكومية لخدماتها، "
        "خلافاً لالتزامات العضوية. تعلّق العضوية إلى حين سحب الإعلانات وتقديم تعهد خطي."
    ),
}
LICENSING_RETURN_REASON = (
    "محضر الاجتماع التأسيسي المرفوع غير موقّع من جميع الأعضاء المؤسسين؛ يرجى إعادة رفعه موقّعاً "
    "مع صور البطاقات الشخصية."
)
LICENSING_REFUSE_REASON = (
    "انخفض عدد الأعضاء المؤسسين إلى أقل من سبعة بعد انسحاب اثنين منهم، ولم يُقدَّم عقد إيجار "
    "موثّق للمقر. يمكن إعادة إعداد الملف وتقديمه عند استكمال هذه الشروط."
)
FUNDING_PLAN_NOTE = "اشتراكات الأعضاء ومنحة صغيرة متوقعة من برنامج دعم المبادرات الشبابية."
JOIN_REQUEST_MESSAGE = (
    "أرغب في التطوع مع المبادرة في تدريب الشباب على المهارات الرقمية في الميادين، "
    "ولديّ خبرة في تصميم المواقع."
)

# (kind of document, Arabic title, English title) uploaded for each organization.
DOCUMENT_TITLES = {
    "statutes": ("النظام الأساسي", "Statutes"),
    "board_list": ("قائمة أعضاء مجلس الإدارة", "Board members list"),
    "license": ("شهادة الترخيص أو السجل", "License or registration certificate"),
    "activity_report": ("تقرير النشاط السنوي", "Annual activity report"),
    "founding_members": ("قائمة الأعضاء المؤسسين", "Founding members list"),
}
