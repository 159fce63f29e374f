"""`minutebook questions add-user`: bootstrap back-office accounts from the command line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from minutebook.cli.main import cli
from minutebook.questions.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_cli_add_user_creates_a_clerk_with_committees_and_audits_it(committee, far_meeting):
    from django.contrib.auth.models import User

    from minutebook.questions.permissions import can_moderate

    result = CliRunner().invoke(
        cli,
        ["questions", "add-user", "jo", "--role", "clerk", "--committee", str(committee.pk)],
        input="a long enough passphrase 9\na long enough passphrase 9\n",
    )
    assert result.exit_code == 0, result.output
    jo = User.objects.get(username="jo")
    assert jo.check_password("a long enough passphrase 9") and not jo.is_staff
    assert can_moderate(jo, far_meeting)
    actions = set(AuditEntry.objects.values_list("model", "action"))
    assert actions == {("auth.user", "add"), ("questions.clerkassignment", "add")}
    promoted = CliRunner().invoke(cli, ["questions", "add-user", "jo", "--role", "admin"])
    assert promoted.exit_code == 0, promoted.output
    jo.refresh_from_db()
    assert jo.is_staff and jo.groups.filter(name="admin").exists()


def test_cli_add_user_refuses_weak_passwords_and_unknown_committees(committee):
    from django.contrib.auth.models import User

    weak = CliRunner().invoke(
        cli, ["questions", "add-user", "kim", "--role", "clerk"], input="password\npassword\n"
    )
    assert weak.exit_code != 0 and "too common" in weak.output
    unknown = CliRunner().invoke(
        cli, ["questions", "add-user", "kim", "--role", "clerk", "--committee", "424242"]
    )
    assert unknown.exit_code != 0 and "no such committee: 424242" in unknown.output
    assert not User.objects.filter(username="kim").exists()
