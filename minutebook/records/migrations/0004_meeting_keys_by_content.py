"""Meetings imported before identity stopped depending on the path get their new keys.

Before, an undated source's meeting was keyed by the file it was read from
(``source:file:///...``), so the same file in another folder imported again as new items.
Now such a meeting is keyed by its content (``content:<digest of its items' content
hashes>``), a dated one by its date, and an undated JSON Lines item by its id. Rewriting the
old keys here lets a re-import of an existing database find its rows. A key that another
meeting of the committee already holds (the same file imported twice from two folders)
is left as it was.
"""

import hashlib

from django.db import migrations


def content_meeting_key(item_digests) -> str:
    # As minutebook.core.readers.identity.content_meeting_key at the time of writing.
    digest = hashlib.sha256("\n".join(item_digests).encode("ascii")).hexdigest()
    return f"content:{digest[:32]}"


def new_key(meeting, items) -> str:
    if meeting.date is not None:
        return f"date:{meeting.date.isoformat()}"
    keys = [i.key for i in items]
    if len(items) == 1 and keys[0].startswith("id:") and "#" in meeting.key:
        return "item:" + meeting.key.rsplit("#", 1)[1]
    return content_meeting_key([i.content_sha256 for i in items])


def rekey(apps, schema_editor):
    Meeting = apps.get_model("records", "Meeting")
    AgendaItem = apps.get_model("records", "AgendaItem")
    for meeting in Meeting.objects.filter(key__startswith="source:").iterator():
        items = list(AgendaItem.objects.filter(meeting=meeting).order_by("order", "id"))
        if not items:
            continue
        key = new_key(meeting, items)
        if not Meeting.objects.filter(committee_id=meeting.committee_id, key=key).exists():
            Meeting.objects.filter(pk=meeting.pk).update(key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0003_extracted_order_by_item_id"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
