"""`minutebook sites`: add a ModernGov site to be synced nightly, list, queue a sync."""

from __future__ import annotations

from tests.conftest import cli_runner


def test_sites_add_list_and_sync(tmp_path):
    run = cli_runner(tmp_path)
    assert run("migrate").returncode == 0
    added = run("sites", "add", "https://democracy.fernbridge.example", "--body", "Fernbridge")
    assert added.returncode == 0, added.stderr
    assert "added Fernbridge (https://democracy.fernbridge.example), synced at" in added.stdout
    assert "first sync queued" in added.stdout
    listed = run("sites", "list").stdout
    assert "Fernbridge\thttps://democracy.fernbridge.example\tQueued\tlast success never" in listed
    again = run("sites", "add", "https://democracy.fernbridge.example", "--cron", "0 3 * * 1")
    assert "updated" in again.stdout and "'0 3 * * 1'" in again.stdout
    assert "sync of" in run("sites", "sync", "1").stdout


def test_sites_refuses_what_it_cannot_use(tmp_path):
    run = cli_runner(tmp_path)
    run("migrate")
    bad_url = run("sites", "add", "ftp://example.org")
    assert bad_url.returncode == 2 and "URL" in bad_url.stderr
    bad_cron = run("sites", "add", "https://democracy.a.example", "--cron", "at midnight")
    assert bad_cron.returncode == 2 and "is not a cron expression" in bad_cron.stderr
    missing = run("sites", "sync", "9")
    assert missing.returncode == 1 and "no site 9" in missing.stderr
