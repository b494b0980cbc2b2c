"""The "Editors" group: exactly the permissions the correction workflow needs.

Editors see and correct quotes, see, create and edit actors and their aliases,
and read the audit trail. Nothing else: no uploads, jobs, events or users.
(They also need `is_staff` to enter the admin; see README, "For editors".)
"""

from django.db import migrations

EDITORS = "Editors"
PERMISSIONS = [
    ("quote", "view"),
    ("quote", "change"),
    ("actor", "view"),
    ("actor", "add"),
    ("actor", "change"),
    ("actoralias", "view"),
    ("actoralias", "add"),
    ("actoralias", "change"),
    ("actoralias", "delete"),
    ("attributioncorrection", "view"),
    ("actorcorrection", "view"),
]


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    wanted = [
        Permission.objects.get(content_type__app_label="articles", codename=f"{action}_{model}")
        for model, action in PERMISSIONS
    ]
    group.permissions.set(wanted)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_correction_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
