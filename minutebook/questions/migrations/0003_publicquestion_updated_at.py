"""``updated_at`` on public questions, for the API's ``updated_since`` and exports."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("questions", "0002_audit_committee")]

    operations = [
        migrations.AddField(
            model_name="publicquestion",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
    ]
