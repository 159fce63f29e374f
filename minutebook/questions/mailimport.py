"""Questions that arrived by e-mail: read .eml or mbox files and apply the intake rules.

The message's own Date header decides lateness (not when a clerk runs the import), so a
question sent at 23:58 and imported next morning is in time. Messages that break a rule
are stored as 'refused' with the reason so a clerk can reply; a message already
imported (same Message-ID for the meeting) is skipped, so re-running an import is safe.
"""

from __future__ import annotations

import email
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

import lxml.html
from django.db import transaction

from minutebook.questions import audit, intake
from minutebook.questions.models import PublicQuestion
from minutebook.questions.rules import Refused
from minutebook.records.models import Meeting

# A line giving (or refusing) permission to publish the sender's name. Without such a
# line the name is withheld, as the form's unticked box would do.
CONSENT_LINE = re.compile(
    r"^[^\S\n]*(?:you\s+may|you\s+can|please|i\s+(?:am\s+happy|agree|consent)|"
    r"i\s+do\s+not|i\s+don't|please\s+do\s+not|please\s+don't)\b[^\n]{0,60}"
    r"\bpublish(?:ing|ed)?\b[^\n]{0,30}\bmy\s+name\b[^\n]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)
NEGATION = re.compile(r"\b(?:not|never|don't|do\s+not|no)\b", re.IGNORECASE)
# mbox writers escape body lines starting "From " as ">From " (mboxrd adds one '>'
# per level); Python's mailbox leaves the escape in, so undo one level here.
MBOX_FROM_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)
SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
QUOTED_REPLY = re.compile(r"^On .{5,200} wrote:\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Outcome:
    """What happened to one message, for the command's report."""

    label: str  # Message-ID or position in the file
    status: str  # "stored", "refused", "skipped", "unreadable"
    detail: str
    reference: str = ""


def read_messages(path: Path) -> Iterator[tuple[str, EmailMessage]]:
    """(label, message) for a single .eml file or every message of an mbox."""
    with path.open("rb") as fh:
        head = fh.read(5)
    if head == b"From ":
        box = mailbox.mbox(path, factory=None, create=False)
        try:
            for n, key in enumerate(box.keys(), start=1):
                raw = MBOX_FROM_ESCAPE.sub(rb"\1", box.get_bytes(key))
                yield f"{path.name}#{n}", email.message_from_bytes(raw, policy=policy.default)
        finally:
            box.close()
    else:
        yield path.name, email.message_from_bytes(path.read_bytes(), policy=policy.default)


def body_text(msg: EmailMessage) -> str:
    """The plain-text body (HTML reduced to text), without signature or quoted reply."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        content = (
            lxml.html.fromstring(content or "<p></p>").text_content() if content.strip() else ""
        )
    for pattern in (SIGNATURE, QUOTED_REPLY):
        match = pattern.search(content)
        if match:
            content = content[: match.start()]
    lines = [line for line in content.splitlines() if not line.startswith(">")]
    return "\n".join(lines).strip()


def consent_and_text(text: str) -> tuple[bool, str]:
    """Whether the sender let us publish their name, and the text without that line."""
    lines = CONSENT_LINE.findall(text)
    consent = bool(lines) and not any(NEGATION.search(line) for line in lines)
    return consent, CONSENT_LINE.sub("", text).strip()


def submission_from(msg: EmailMessage) -> intake.Submission:
    """A Submission from a message. Raises Refused when a header the rules need is missing."""
    senders = getaddresses([str(h) for h in msg.get_all("from", [])])
    name, address = senders[0] if senders else ("", "")
    if not address or "@" not in address:
        raise Refused("no_sender", "The message has no sender address (From header).")
    raw_date = msg.get("date")
    if not raw_date:
        raise Refused("no_date", "The message has no Date header, so its arrival time is unknown.")
    try:
        sent = parsedate_to_datetime(str(raw_date))
    except (TypeError, ValueError) as exc:
        raise Refused("bad_date", f"The message's Date header is not a date: {raw_date!s}") from exc
    if sent.tzinfo is None:
        raise Refused("bad_date", f"The message's Date header has no time zone: {raw_date!s}")
    consent, text = consent_and_text(body_text(msg))
    return intake.Submission(
        name=name.strip() or address.split("@", 1)[0],
        email=address.strip(),
        text=text,
        publish_name=consent,
        submitted_at=sent,
        channel=PublicQuestion.Channel.EMAIL,
        message_id=str(msg.get("message-id", "")).strip(),
    )


def import_message(meeting: Meeting, label: str, msg: EmailMessage, actor: str) -> Outcome:
    """Apply the rules to one message and store it (as a question or as refused)."""
    message_id = str(msg.get("message-id", "")).strip()
    if (
        message_id
        and PublicQuestion.objects.filter(meeting=meeting, message_id=message_id).exists()
    ):
        return Outcome(message_id, "skipped", "already imported for this meeting")
    label = message_id or label
    try:
        sub = submission_from(msg)
    except Refused as refusal:
        return Outcome(label, "unreadable", refusal.reason)
    with transaction.atomic():
        try:
            question = intake.submit(meeting, sub)
            status, detail = "stored", "accepted for moderation"
        except Refused as refusal:
            question = intake.record_refusal(meeting, sub, refusal)
            status, detail = "refused", refusal.reason
        audit.record(actor, f"import-mail {status}", question, None, audit.snapshot(question))
    return Outcome(label, status, detail, question.reference)


def import_file(meeting: Meeting, path: Path, actor: str) -> list[Outcome]:
    return [import_message(meeting, label, msg, actor) for label, msg in read_messages(path)]
