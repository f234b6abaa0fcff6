from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="feedback_officer")


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="feedback_officer").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_user_time_zone")]

    operations = [migrations.RunPython(create_group, remove_group)]
