"""Questions by e-mail: .eml and mbox, the Date header decides lateness, re-import is safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from minutebook.cli.main import cli
from minutebook.questions.mailimport import body_text, import_file, read_messages
from minutebook.questions.models import AuditEntry, PublicQuestion

pytestmark = pytest.mark.django_db


def eml(
    *,
    sender="Ann Example <ann@example.org>",
    date="Wed, 14 Feb 2018 23:58:10 +0000",
    body="Why is the Archway library closing on Sundays?\n",
    message_id="<q1@example.org>",
    subject="Question for the committee",
    content_type="text/plain; charset=utf-8",
) -> str:
    headers = [f"From: {sender}"] if sender else []
    headers += ["To: democracy@islington.gov.uk", f"Subject: {subject}"]
    if date:
        headers.append(f"Date: {date}")
    if message_id:
        headers.append(f"Message-ID: {message_id}")
    headers += ["MIME-Version: 1.0", f"Content-Type: {content_type}"]
    return "\r\n".join(headers) + "\r\n\r\n" + body


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def mbox(*messages: str) -> str:
    parts = []
    for m in messages:
        escaped = "\n".join(
            (">" + line if line.startswith("From ") else line)
            for line in m.replace("\r\n", "\n").split("\n")
        )
        parts.append(f"From MAILER-DAEMON Thu Feb 15 08:00:00 2018\n{escaped}\n")
    return "\n".join(parts)


def test_in_time_eml_is_stored_with_the_date_header_time(tmp_path, seed_meeting):
    path = write(tmp_path, "q.eml", eml())
    [outcome] = import_file(seed_meeting, path, "command:test")
    assert outcome.status == "stored"
    q = PublicQuestion.objects.get()
    assert q.channel == "email" and q.status == "pending"
    assert q.name == "Ann Example" and q.email == "ann@example.org"
    assert q.submitted_at.isoformat() == "2018-02-14T23:58:10+00:00"
    assert q.text == "Why is the Archway library closing on Sundays?"
    assert q.publish_name is False  # no consent line: name withheld
    entry = AuditEntry.objects.get()
    assert (
        entry.actor == "command:test"
        and entry.before is None
        and entry.after["status"] == "pending"
    )


def test_date_header_one_minute_late_is_refused_but_kept(tmp_path, seed_meeting):
    path = write(tmp_path, "late.eml", eml(date="Thu, 15 Feb 2018 00:00:00 +0000"))
    [outcome] = import_file(seed_meeting, path, "command:test")
    assert outcome.status == "refused" and "after the deadline" in outcome.detail
    q = PublicQuestion.objects.get()
    assert q.status == "refused" and "after the deadline" in q.reason


def test_date_header_zone_is_respected(tmp_path, seed_meeting):
    # 00:30 in Paris (+0100) is 23:30 in London: in time.
    path = write(tmp_path, "paris.eml", eml(date="Thu, 15 Feb 2018 00:30:00 +0100"))
    [outcome] = import_file(seed_meeting, path, "command:test")
    assert outcome.status == "stored"


def test_mbox_with_several_messages_and_every_rule(tmp_path, seed_meeting, settings):
    settings.MINUTEBOOK_QUESTION_MAX_LENGTH = 300
    box = mbox(
        eml(message_id="<a@x>", body="From the residents' association: why the cuts?\n"),
        eml(
            message_id="<b@x>",
            body="FROM the residents association -- why the cuts\n",
            sender="ann@example.org",
        ),
        eml(message_id="<c@x>", body="\n"),
        eml(message_id="<d@x>", body="z" * 301, sender="zed@example.org"),
        eml(
            message_id="<e@x>",
            sender="Bob <bob@example.org>",
            body="You may publish my name.\nHow many nurseries?\n",
        ),
    )
    path = write(tmp_path, "inbox.mbox", box)
    outcomes = import_file(seed_meeting, path, "command:test")
    assert [o.status for o in outcomes] == ["stored", "refused", "refused", "refused", "stored"], (
        outcomes
    )
    assert "already sent this question" in outcomes[1].detail
    assert "empty" in outcomes[2].detail
    assert "limit is 300" in outcomes[3].detail
    bob = PublicQuestion.objects.get(email="bob@example.org")
    assert bob.publish_name is True and bob.text == "How many nurseries?"
    # mbox 'From ' escaping is undone for the body line that began with 'From'.
    assert PublicQuestion.objects.get(message_id="<a@x>").text.startswith("From the residents")


def test_reimport_skips_messages_already_imported(tmp_path, seed_meeting):
    path = write(tmp_path, "q.eml", eml())
    import_file(seed_meeting, path, "command:test")
    [again] = import_file(seed_meeting, path, "command:test")
    assert again.status == "skipped"
    assert PublicQuestion.objects.count() == 1


def test_missing_date_or_sender_is_reported_not_stored(tmp_path, seed_meeting):
    no_date = write(tmp_path, "nodate.eml", eml(date=None))
    no_from = write(tmp_path, "nofrom.eml", eml(sender=None, message_id="<z@x>"))
    [a] = import_file(seed_meeting, no_date, "command:test")
    [b] = import_file(seed_meeting, no_from, "command:test")
    assert a.status == "unreadable" and "no Date header" in a.detail
    assert b.status == "unreadable" and "no sender" in b.detail


def test_html_only_body_signature_and_quoted_reply_are_dropped(tmp_path):
    html = eml(
        content_type="text/html; charset=utf-8",
        body="<p>Why is <b>the pool</b> shut?</p><p>-- </p>",
    )
    [(_, msg)] = read_messages(write(tmp_path, "h.eml", html))
    assert body_text(msg).startswith("Why is the pool shut?")
    plain = eml(body="Why the delay?\n\nOn Tue, 13 Feb 2018, clerk wrote:\n> earlier\n-- \nAnn\n")
    [(_, msg)] = read_messages(write(tmp_path, "p.eml", plain))
    assert body_text(msg) == "Why the delay?"


def test_cli_import_mail_reports_each_message_and_a_summary(tmp_path, seed_meeting):
    box = write(
        tmp_path,
        "inbox.mbox",
        mbox(
            eml(message_id="<a@x>"),
            eml(message_id="<b@x>", date="Fri, 16 Feb 2018 09:00:00 +0000", body="Later?\n"),
        ),
    )
    runner = CliRunner()
    result = runner.invoke(
        cli, ["questions", "import-mail", str(box), "--meeting", str(seed_meeting.pk)]
    )
    assert result.exit_code == 0, result.output
    assert "<a@x>: stored Q-" in result.output
    assert "<b@x>: refused Q-" in result.output and "after the deadline" in result.output
    assert "1 stored, 1 refused, 0 skipped, 0 unreadable" in result.output
    again = runner.invoke(
        cli, ["questions", "import-mail", str(box), "--meeting", str(seed_meeting.pk)]
    )
    assert "0 stored, 0 refused, 2 skipped" in again.output


def test_cli_refuses_a_meeting_not_taking_questions(tmp_path, seed_meeting):
    seed_meeting.question_deadline = None
    seed_meeting.save()
    path = write(tmp_path, "q.eml", eml())
    result = CliRunner().invoke(
        cli, ["questions", "import-mail", str(path), "--meeting", str(seed_meeting.pk)]
    )
    assert result.exit_code != 0 and "not taking questions" in result.output
    missing = CliRunner().invoke(
        cli, ["questions", "import-mail", str(path), "--meeting", "999999"]
    )
    assert missing.exit_code != 0 and "no such meeting" in missing.output


def test_cli_exit_status_is_nonzero_when_a_message_is_unreadable(tmp_path, seed_meeting):
    path = write(tmp_path, "q.eml", eml(date=None))
    result = CliRunner().invoke(
        cli, ["questions", "import-mail", str(path), "--meeting", str(seed_meeting.pk)]
    )
    assert result.exit_code == 1 and "unreadable" in result.output
