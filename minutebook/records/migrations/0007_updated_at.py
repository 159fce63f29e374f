"""``updated_at`` on every public record row, for the API's ``updated_since`` and exports."""

import django.utils.timezone
from django.db import migrations, models

MODELS = [
    "body",
    "committee",
    "meeting",
    "agendaitem",
    "agendaitemversion",
    "document",
    "membership",
    "person",
    "entity",
]


class Migration(migrations.Migration):
    dependencies = [("records", "0006_question_days_default")]

    operations = [
        migrations.AddField(
            model_name=name,
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        )
        for name in MODELS
    ]
