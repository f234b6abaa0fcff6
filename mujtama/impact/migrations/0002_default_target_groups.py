from django.db import migrations

CRITERIA = [
    ("female_headed", "أسرة تعيلها امرأة", "Female-headed household"),
    ("disability", "فرد من الأسرة من ذوي الإعاقة", "A family member with a disability"),
    ("displaced_returnee", "أسرة نازحة أو عائدة", "Displaced or returnee family"),
    ("low_income", "أسرة محدودة الدخل", "Low-income family"),
    ("orphan_provider", "يتيم أو أسرة فقدت معيلها", "Orphan or family that lost its provider"),
    ("elderly_provider", "المعيل الوحيد مسنّ", "The only provider is elderly"),
]


def load(apps, schema_editor):
    Criterion = apps.get_model("impact", "VulnerabilityCriterion")
    for order, (code, name_ar, name_en) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            code=code, defaults={"name_ar": name_ar, "name_en": name_en, "order": order}
        )
    apps.get_model("impact", "TargetGroupSettings").objects.get_or_create(
        pk=1, defaults={"youth_min_age": 15, "youth_max_age": 29}
    )


def unload(apps, schema_editor):
    apps.get_model("impact", "VulnerabilityCriterion").objects.filter(
        code__in=[code for code, _ar, _en in CRITERIA]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("impact", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
