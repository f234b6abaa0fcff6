from django.db import migrations

from mujtama.core.arabic import normalize_ar
from mujtama.geo.data import GOVERNORATES


def load(apps, schema_editor):
    Governorate = apps.get_model("geo", "Governorate")
    for pcode, iso_code, name_ar, name_en in GOVERNORATES:
        Governorate.objects.update_or_create(
            pcode=pcode,
            defaults={
                "iso_code": iso_code,
                "name_ar": name_ar,
                "name_en": name_en,
                "search_text": normalize_ar(f"{name_ar} {name_en}"),
            },
        )


def unload(apps, schema_editor):
    apps.get_model("geo", "Governorate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
