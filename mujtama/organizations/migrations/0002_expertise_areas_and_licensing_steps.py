from django.db import migrations

EXPERTISE = [
    ("software", "تطوير البرمجيات", "Software development"),
    ("digital_skills", "التدريب على المهارات الرقمية", "Digital skills training"),
    ("cybersecurity", "الأمن السيبراني", "Cybersecurity"),
    ("data_ai", "البيانات والذكاء الاصطناعي", "Data and AI"),
    ("digital_inclusion", "الشمول الرقمي", "Digital inclusion"),
    ("egov", "خدمات الحكومة الإلكترونية", "E-government services"),
    ("hardware_networks", "العتاد والشبكات", "Hardware and networks"),
    ("open_source", "البرمجيات مفتوحة المصدر", "Open-source software"),
    ("digital_content", "المحتوى الرقمي العربي", "Arabic digital content"),
    ("entrepreneurship", "ريادة الأعمال التقنية", "Tech entrepreneurship"),
]

LICENSING_STEPS = [
    (
        "founding_members",
        "قائمة الأعضاء المؤسسين",
        "Founding members list",
        "أسماء الأعضاء المؤسسين (سبعة على الأقل) مع صور بطاقاتهم الشخصية وتواقيعهم.",
        "Names of the founding members (at least seven) with copies of their ID cards and signatures.",
        True,
    ),
    (
        "draft_statutes",
        "مسودة النظام الأساسي",
        "Draft statutes",
        "النظام الأساسي المقترح للجمعية وفق النموذج المعتمد لدى وزارة الشؤون الاجتماعية والعمل.",
        "The association's proposed statutes, on the Ministry of Social Affairs and Labour's model.",
        True,
    ),
    (
        "founding_meeting",
        "محضر الاجتماع التأسيسي",
        "Minutes of the founding meeting",
        "محضر الاجتماع الذي أقرّ فيه المؤسسون النظام الأساسي وانتخبوا مجلس الإدارة المؤقت.",
        "Minutes of the meeting where the founders adopted the statutes and elected an interim board.",
        True,
    ),
    (
        "premises",
        "مقر الجمعية",
        "Premises",
        "عقد إيجار أو وثيقة استخدام لمقر الجمعية.",
        "A lease or other proof of use of the association's premises.",
        True,
    ),
    (
        "funding_plan",
        "خطة التمويل",
        "Funding plan",
        "خطة موجزة لمصادر التمويل المتوقعة للسنة الأولى.",
        "A short plan of the expected sources of funding for the first year.",
        False,
    ),
]


def load(apps, schema_editor):
    Area = apps.get_model("organizations", "ExpertiseArea")
    for order, (code, name_ar, name_en) in enumerate(EXPERTISE, start=1):
        Area.objects.get_or_create(code=code, defaults={"name_ar": name_ar, "name_en": name_en, "order": order})
    Step = apps.get_model("organizations", "LicensingStep")
    for order, (code, name_ar, name_en, desc_ar, desc_en, evidence) in enumerate(LICENSING_STEPS, start=1):
        Step.objects.get_or_create(
            code=code,
            defaults={
                "name_ar": name_ar,
                "name_en": name_en,
                "description_ar": desc_ar,
                "description_en": desc_en,
                "evidence_required": evidence,
                "order": order,
            },
        )
    apps.get_model("organizations", "JoiningSettings").objects.get_or_create(pk=1)


def unload(apps, schema_editor):
    apps.get_model("organizations", "LicensingStep").objects.filter(
        code__in=[step[0] for step in LICENSING_STEPS]
    ).delete()
    apps.get_model("organizations", "ExpertiseArea").objects.filter(
        code__in=[area[0] for area in EXPERTISE]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
