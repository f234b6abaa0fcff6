"""Demo catalogue (development only): ministries and their digital services, with
the short codes that select a service in an SMS. Idempotent: rows are matched by
ministry code and by short code."""

from typing import IO, Any

from django.db import transaction

from mujtama.feedback.models import DigitalService, Ministry

# code, Arabic name, English name
MINISTRIES = [
    (
        "communications",
        "وزارة الاتصالات وتقانة المعلومات",
        "Ministry of Communications and Information Technology",
    ),
    ("interior", "وزارة الداخلية", "Ministry of Interior"),
    ("finance", "وزارة المالية", "Ministry of Finance"),
    ("economy", "وزارة الاقتصاد والصناعة", "Ministry of Economy and Industry"),
    ("energy", "وزارة الطاقة", "Ministry of Energy"),
    ("education", "وزارة التربية والتعليم", "Ministry of Education"),
    (
        "higher_education",
        "وزارة التعليم العالي والبحث العلمي",
        "Ministry of Higher Education and Scientific Research",
    ),
    ("health", "وزارة الصحة", "Ministry of Health"),
    (
        "local_administration",
        "وزارة الإدارة المحلية والبيئة",
        "Ministry of Local Administration and Environment",
    ),
    ("social_affairs", "وزارة الشؤون الاجتماعية والعمل", "Ministry of Social Affairs and Labour"),
    ("transport", "وزارة النقل", "Ministry of Transport"),
]

# short code, ministry, channel, Arabic name, English name, Arabic description, English description
SERVICES = [
    (
        10,
        "communications",
        "website",
        "بوابة الحكومة الإلكترونية",
        "E-government portal",
        "البوابة الموحدة للخدمات الحكومية الإلكترونية وحساب المواطن.",
        "The single portal of government e-services and the citizen's account.",
    ),
    (
        11,
        "communications",
        "website",
        "الاستعلام عن فاتورة الهاتف الأرضي والإنترنت",
        "Landline and internet bill inquiry",
        "الاستعلام عن فواتير السورية للاتصالات ودفعها.",
        "Look up and pay Syrian Telecom bills.",
    ),
    (
        12,
        "interior",
        "website",
        "حجز دور جواز السفر",
        "Passport appointment booking",
        "حجز موعد في فروع الهجرة والجوازات ودفع الرسوم إلكترونياً.",
        "Book an appointment at an immigration and passports branch and pay the fee online.",
    ),
    (
        13,
        "interior",
        "website",
        "إخراج القيد الإلكتروني",
        "Electronic civil registry extract",
        "طلب إخراج قيد فردي أو بيان عائلي مع رمز تحقق.",
        "Request an individual or family civil registry extract with a verification code.",
    ),
    (
        14,
        "interior",
        "kiosk",
        "أكشاك الأحوال المدنية",
        "Civil registry kiosks",
        "أكشاك في مراكز خدمة المواطن لطباعة الوثائق المدنية.",
        "Kiosks in citizen service centres that print civil documents.",
    ),
    (
        15,
        "finance",
        "website",
        "بوابة الضرائب الإلكترونية",
        "Tax e-portal",
        "تقديم البيانات الضريبية ودفع الضرائب والرسوم وطلب براءة الذمة.",
        "File tax returns, pay taxes and fees and request a tax clearance.",
    ),
    (
        16,
        "finance",
        "mobile_app",
        "تطبيق الدفع الإلكتروني",
        "E-payment app",
        "دفع الفواتير والرسوم الحكومية من الحساب المصرفي أو المحفظة.",
        "Pay bills and government fees from a bank account or wallet.",
    ),
    (
        17,
        "economy",
        "mobile_app",
        "البطاقة الذكية: المحروقات",
        "Smart card: fuel",
        "رسائل تعبئة البنزين والمازوت ومتابعة المخصصات.",
        "Petrol and diesel fill-up messages and allocation tracking.",
    ),
    (
        18,
        "economy",
        "sms",
        "البطاقة الذكية: الخبز والغاز",
        "Smart card: bread and gas",
        "رسائل استلام الخبز وأسطوانات الغاز.",
        "Messages for collecting bread and gas cylinders.",
    ),
    (
        19,
        "economy",
        "website",
        "السجل التجاري الإلكتروني",
        "Electronic commercial registry",
        "حجز الاسم التجاري وتسجيل الشركات ومستخرجات السجل.",
        "Trade name reservation, company registration and registry extracts.",
    ),
    (
        20,
        "energy",
        "website",
        "الاستعلام عن فاتورة الكهرباء",
        "Electricity bill inquiry",
        "الاستعلام عن فاتورة الكهرباء برقم الاشتراك ودفعها.",
        "Look up the electricity bill by subscription number and pay it.",
    ),
    (
        21,
        "energy",
        "sms",
        "رسائل فاتورة المياه",
        "Water bill messages",
        "إشعار بقيمة فاتورة المياه وموعد استحقاقها.",
        "Notice of the water bill amount and due date.",
    ),
    (
        22,
        "education",
        "website",
        "نتائج الامتحانات العامة",
        "Public exam results",
        "نتائج شهادتي التعليم الأساسي والثانوي برقم الاكتتاب.",
        "Basic and secondary certificate results by exam number.",
    ),
    (
        23,
        "education",
        "website",
        "طلبات الاعتراض على النتائج",
        "Exam result objections",
        "تقديم طلب إعادة جمع أو اعتراض على علامة.",
        "Apply for a re-count of or an objection to a mark.",
    ),
    (
        24,
        "higher_education",
        "website",
        "المفاضلة الجامعية الإلكترونية",
        "Online university admission",
        "التسجيل في المفاضلة وترتيب الرغبات ودفع الرسوم.",
        "Register for admission, rank preferences and pay the fees.",
    ),
    (
        25,
        "higher_education",
        "website",
        "تصديق الشهادات الجامعية",
        "University certificate attestation",
        "طلب تصديق الشهادات وكشوف العلامات.",
        "Request attestation of certificates and transcripts.",
    ),
    (
        26,
        "health",
        "website",
        "حجز مواعيد المشافي العامة",
        "Public hospital appointments",
        "حجز موعد في العيادات التخصصية للمشافي العامة.",
        "Book an appointment at public hospitals' specialist clinics.",
    ),
    (
        27,
        "health",
        "sms",
        "تذكير مواعيد اللقاح",
        "Vaccination reminders",
        "رسائل تذكير بمواعيد لقاح الأطفال.",
        "Reminders of children's vaccination dates.",
    ),
    (
        28,
        "local_administration",
        "kiosk",
        "أكشاك خدمات البلدية",
        "Municipal service kiosks",
        "طلبات رخص البناء وبيانات العقارات في البلديات.",
        "Building permit requests and property statements at municipalities.",
    ),
    (
        29,
        "local_administration",
        "website",
        "مراكز خدمة المواطن: حجز دور",
        "Citizen service centres: queue booking",
        "حجز دور في مراكز خدمة المواطن ومتابعة المعاملات.",
        "Book a turn at citizen service centres and follow transactions.",
    ),
    (
        30,
        "social_affairs",
        "website",
        "التسجيل في برامج المعونة الاجتماعية",
        "Social assistance registration",
        "تسجيل الأسر في برامج المعونة ومتابعة الطلب.",
        "Register families for assistance programmes and follow the request.",
    ),
    (
        31,
        "social_affairs",
        "website",
        "بوابة التأمينات الاجتماعية",
        "Social insurance portal",
        "الاستعلام عن الاشتراكات والرواتب التقاعدية.",
        "Look up contributions and pensions.",
    ),
    (
        32,
        "transport",
        "website",
        "تسجيل المركبات وتجديد الترخيص",
        "Vehicle registration and licence renewal",
        "نقل ملكية المركبات وتجديد الترخيص السنوي ودفع المخالفات.",
        "Vehicle ownership transfer, annual licence renewal and paying fines.",
    ),
    (
        33,
        "transport",
        "website",
        "حجز موعد فحص رخصة القيادة",
        "Driving test booking",
        "حجز موعد الفحص النظري والعملي لرخصة القيادة.",
        "Book the theory and practical driving tests.",
    ),
]


def seed(out: IO[str]) -> None:
    seed_catalogue(out)
    seed_feedback(out)


def seed_catalogue(out: IO[str]) -> None:
    created = {"ministries": 0, "services": 0}
    with transaction.atomic():
        ministries: dict[str, Ministry] = {}
        for code, name_ar, name_en in MINISTRIES:
            ministries[code], made = Ministry.objects.get_or_create(
                code=code, defaults={"name_ar": name_ar, "name_en": name_en}
            )
            created["ministries"] += made
        for short_code, ministry_code, channel, name_ar, name_en, about_ar, about_en in SERVICES:
            _service, made = DigitalService.objects.get_or_create(
                short_code=short_code,
                defaults={
                    "ministry": ministries[ministry_code],
                    "channel": channel,
                    "name_ar": name_ar,
                    "name_en": name_en,
                    "description_ar": about_ar,
                    "description_en": about_en,
                },
            )
            created["services"] += made
    out.write(
        f"Demo service catalogue (created {created['ministries']} ministries, "
        f"{created['services']} services): {Ministry.objects.count()} ministries, "
        f"{DigitalService.objects.count()} services\n"
    )


# The demo feedback officer answers these ministries; the MoCT officer answers all.
FEEDBACK_OFFICER_MINISTRIES = ("interior", "transport")
# The share of items left in each state, in this order, as they arrive.
STATES = (
    ["received"] * 6
    + ["triaged"] * 3
    + ["in_progress"] * 3
    + ["needs_info"] * 2
    + ["resolved"] * 3
    + ["closed"] * 3
    + ["rejected"]
)


def seed_feedback(out: IO[str]) -> None:
    """About 180 pieces of feedback over the last two months, classified and grouped
    into needs, moved through triage by the real services (replies, questions,
    "was it solved?"), with their times spread as if it had happened then."""
    import random
    from datetime import timedelta

    from django.utils import timezone

    from mujtama.accounts.models import User
    from mujtama.feedback.demo_feedback_data import FEEDBACK, REPLIES
    from mujtama.feedback.models import Feedback, FeedbackDesk
    from mujtama.feedback.services.intake import due_times, feedback_submit, service_level_of
    from mujtama.feedback.services.triage import feedback_classify_arrival
    from mujtama.geo.models import Governorate

    if Feedback.objects.exists():
        out.write(f"Demo feedback: {Feedback.objects.count()} items already there\n")
        return
    moct = User.objects.get(email="moct@demo.mujtama.sy")
    desk_officer = User.objects.get(email="feedback@demo.mujtama.sy")
    for ministry in Ministry.objects.all():
        FeedbackDesk.objects.get_or_create(user=moct, ministry=ministry)
        if ministry.code in FEEDBACK_OFFICER_MINISTRIES:
            FeedbackDesk.objects.get_or_create(user=desk_officer, ministry=ministry)
    randomness = random.Random(2026)  # noqa: S311 - demo data, not security
    governorates = list(Governorate.objects.order_by("pcode"))
    now = timezone.now()
    made = 0
    for short_code, texts in sorted(FEEDBACK.items()):
        service = DigitalService.objects.get(short_code=short_code)
        for number, (text, rating) in enumerate(texts):
            received = now - timedelta(hours=randomness.randint(2, 24 * 60))
            contact = {"phone": f"+9639330{randomness.randint(10000, 99999)}"}
            consent = randomness.random() < 0.4
            feedback = feedback_submit(
                channel=randomness.choice(["web", "web", "web", "api", "sms"]),
                service=service,
                text=text,
                rating=rating,
                governorate=randomness.choice(governorates),
                contact=contact if consent else {},
                consent_contact=consent,
                received_at=received,
            )
            feedback_classify_arrival(feedback.pk)
            state = STATES[(short_code * 7 + number) % len(STATES)]
            _walk(feedback, state, moct, randomness, REPLIES)
            _backdate(feedback.pk, received, randomness)
            made += 1
    # Due times follow the arrival times set above.
    for feedback in Feedback.objects.select_related("service"):
        due_times(feedback, service_level_of(feedback.service))
        Feedback.objects.filter(pk=feedback.pk).update(
            response_due_at=feedback.response_due_at, resolution_due_at=feedback.resolution_due_at
        )
    out.write(f"Demo feedback: {made} items in every triage state\n")


def _walk(feedback: Any, state: str, officer: Any, randomness: Any, replies: Any) -> None:
    from mujtama.feedback.services.triage import citizen_solved, feedback_act, reply_send

    def act(action: str, reason: str = "") -> None:
        feedback_act(feedback=feedback, action=action, actor=officer, reason=reason)

    if state == "received":
        return
    if state == "rejected":
        act("reject", "رسالة دعائية لا علاقة لها بالخدمة")
        return
    act("triage")
    if state == "triaged":
        return
    if state == "needs_info":
        act("ask_info", randomness.choice(replies["ask_info"]))
        return
    act("start")
    reply_send(feedback=feedback, actor=officer, text=randomness.choice(replies["reply"]))
    if state == "in_progress":
        return
    act("resolve", randomness.choice(replies["resolve"]))
    if state == "closed":
        citizen_solved(feedback=feedback, code=feedback.tracking_code, solved=True)


def _backdate(pk: int, received: Any, randomness: Any) -> None:
    """Spread what was just done over the hours after the item arrived, so the demo's
    response and resolution times look like a real desk's."""
    from datetime import timedelta

    from mujtama.feedback.models import Feedback, Reply

    moment = received
    for reply in Reply.objects.filter(feedback_id=pk).order_by("pk"):
        moment = moment + timedelta(hours=randomness.randint(3, 96))
        Reply.objects.filter(pk=reply.pk).update(created_at=moment)
    feedback = Feedback.objects.get(pk=pk)
    first = Reply.objects.filter(feedback_id=pk, from_citizen=False).order_by("pk").first()
    Feedback.objects.filter(pk=pk).update(
        first_response_at=first.created_at if first else None,
        resolved_at=moment if feedback.resolved_at else None,
        closed_at=moment + timedelta(hours=20) if feedback.closed_at else None,
    )
