"""``Motion.created_at``: when a motion was recorded or read, for e-mail alerts' "new"."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("records", "0008_minutes_attendance_votes_corrections")]

    operations = [
        migrations.AddField(
            model_name="motion",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True,
                default=django.utils.timezone.now,
                help_text="When it was recorded or read (what e-mail alerts call new).",
            ),
            preserve_default=False,
        ),
    ]
