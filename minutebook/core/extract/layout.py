"""Layout, the first stage: repair scraped minutes text and cut it into typed blocks.

Published minutes reach us damaged: line breaks fall mid-sentence, paragraph numbers run
into the previous sentence ("...this item.1.Mrs Spore introduced"), lettered limbs are glued
to the words around them ("RESOLVED thata)the ... andb)the"), bullets come as Word symbol
glyphs (·, §, Ÿ) and small words are glued to capitals ("byShadoxhurstPC"). Every other
extractor works on blocks and sentences, so this module is the one place that undoes that
damage. The repairs only insert whitespace or turn markers into breaks; words are never
rewritten, so text fields still hold the minutes' own words.

The result is the document's normalised text (blocks separated by blank lines) and a
:class:`~.model.Block` for each block, with its layout kind: a heading, page chrome, an
attendance or roll-call list, a motion block, a limb, a labelled question or answer, a
table row, or a paragraph. :mod:`.sentences` then cuts the blocks into sentences.
"""

from __future__ import annotations

import re
import unicodedata

from minutebook.core.extract.lexicon import GIVEN_NAMES
from minutebook.core.extract.model import Block, BlockKind

#: Characters that stand for a bullet in pasted Word text (symbol-font glyphs included).
BULLETS = "·•▪◦●■□➢➤►✓Ÿ§\uf0b7\uf0a7\uf0d8\uf076"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")

# Glue repairs (insert a space only).
_HONORIFIC_GLUE = re.compile(r"\b(Mrs|Mr|Ms|Miss|Dr|Cllr)(?=[A-Z][a-z]|[A-Z]{2}[a-z])")
_INITIAL_GLUE = re.compile(r"\b((?:Mrs|Mr|Ms|Dr|Cllr) [A-Z])(?=[A-Z][a-z])")
_FUNCTION_GLUE = re.compile(
    r"\b(of|and|the|to|in|by|as|at|for|on|that|with|from|a|an|is|was|were|be)(?=[A-Z][a-z])"
)
_CAPS_TAIL_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z]{2,}s?\b)")
_DIGIT_WORD_GLUE = re.compile(r"(?<=\d)(?=[A-Z][a-z]{2})")
_MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
#: "on18 May 2021", "31stMarch 2026": a day glued to the word before or the month after.
_WORD_DAY_GLUE = re.compile(r"(?<=[a-z]{2})(?=\d{1,2}(?:st|nd|rd|th)?\s?" + _MONTH_NAMES + ")")
_ORDINAL_MONTH_GLUE = re.compile(r"(?<=\d[snrt][tdh])(?=" + _MONTH_NAMES + ")")
_CURRENCY_GLUE = re.compile(r"(?<=[A-Za-z])(?=[£$€]\d)")
_VERB_GLUE = re.compile(
    r"\b((?:Mrs|Mr|Ms|Miss|Dr|Cllr|Councillor) [A-Z][a-z]+?)"
    r"(said|referred|moved|seconded|explained|confirmed|advised|added|stated|noted|asked|"
    r"reported|responded|replied|introduced|commented|welcomed|thanked|offered|undertook|"
    r"agreed|would|will|asked|requested|highlighted|informed|emphasised|suggested)\b"
)
#: "Moved ByCouncillor Amos": a table's "Moved By" cell glued to the title in the next cell.
_BY_GLUE = re.compile(
    r"\b(By|BY)(?=(?:Councillor|Councilor|Councilmember|Council Member|Cllr|Cr|Mayor|Deputy|"
    r"Alderman|Commissioner|Trustee|Director|Member|Supervisor)\b)"
)
_RESOLVED_GLUE = re.compile(r"\b(RESOLVED|Resolved|AGREED)(?=that|to\b|[a-z])")
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)"
_ROMAN_AFTER_NUMBER = re.compile(r"(?<=\d)(?=" + _ROMAN + r"\.[A-Z])")

_LINE_MARKER = re.compile(
    r"^\s*(?:[-–*o]\s+|\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z(])|\((?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})\)\s*"
    r"|(?:[a-z]|[ivx]{1,4})[.)]\s+(?=[A-Z(\"“]))"
)


#: A line that opens with a bare number: a printed line number, or a numbered entry.
_NUMBERED_LINE = re.compile(r"[ \t]*(\d{1,4})(?=[ \t]|$)[ \t]*")
#: Lines a run of printed line numbers must span before they are taken for line numbers.
_MIN_NUMBERED_RUN = 6


def strip_line_numbers(text: str) -> str:
    """Drop printed line numbers: minutes laid out for signing or for a court record (US
    city councils, some Australian councils) number every line in the margin, and the
    text layer puts the number at the start of the line, inside names that wrap ("Hannah\n
    11 Lynch") and before headings. A run counts as line numbers when at least six
    consecutive lines carry numbers that go up by one, and one of them is a number alone
    (a numbered blank line) or runs on in lower case (a wrapped sentence), which a numbered
    list of agenda entries ("1 Apologies", "2 Minutes") never does."""
    lines = text.split("\n")
    numbers = []
    for line in lines:
        m = _NUMBERED_LINE.match(line)
        numbers.append((int(m.group(1)), m.end()) if m else None)
    out = list(lines)
    i = 0
    while i < len(lines):
        if numbers[i] is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and numbers[j] is not None and numbers[j][0] == numbers[j - 1][0] + 1:
            j += 1
        run = range(i, j)
        if j - i >= _MIN_NUMBERED_RUN and any(
            not lines[k][numbers[k][1] :].strip() or lines[k][numbers[k][1] :][:1].islower()
            for k in run
        ):
            for k in run:
                out[k] = lines[k][numbers[k][1] :]
        i = j
    return "\n".join(out)


#: Laserfiche WebLink's breadcrumb before a document's text ("HomeMy WebLinkAbout<title>").
_WEBLINK = re.compile(r"Home\s?My\s?WebLink\s?About")


def clean(text: str) -> str:
    """Normalise characters and whitespace without changing any word (printed line
    numbers and a document site's breadcrumb, which are no words of the minutes, are
    dropped)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = strip_line_numbers(text)
    if "WebLink" in text:
        text = _WEBLINK.sub("\n", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    return text


def repair(text: str) -> str:
    """Insert the spaces that scraping removed, so words and markers can be found."""
    text = _CURRENCY_GLUE.sub(" ", text)
    text = _HONORIFIC_GLUE.sub(r"\1 ", text)
    text = _INITIAL_GLUE.sub(r"\1 ", text)
    text = _VERB_GLUE.sub(r"\1 \2", text)
    text = _RESOLVED_GLUE.sub(r"\1 ", text)
    text = _BY_GLUE.sub(r"\1 ", text)
    text = _FUNCTION_GLUE.sub(r"\1 ", text)
    text = _CAPS_TAIL_GLUE.sub(" ", text)
    text = _DIGIT_WORD_GLUE.sub(" ", text)
    text = _WORD_DAY_GLUE.sub(" ", text)
    text = _ORDINAL_MONTH_GLUE.sub(" ", text)
    text = _ROMAN_AFTER_NUMBER.sub(" ", text)
    return text


_CAMEL_NAME = re.compile(r"\b([A-Z][a-z]+)([A-Z][a-z]{2,})\b")
#: "Mr WhybrowAbstain (0)": a vote or attendance heading glued to the name before it.
_GLUED_HEADING = re.compile(
    r"(?<=[a-z]{2})(?=(?:Abstain|Abstentions?|Against|Absent|Apologies|Present|RESOLVED|"
    r"Resolved|AGREED|Motion)\b)"
)


def unglue_names(text: str) -> str:
    """ "SarahPlatts" -> "Sarah Platts" when the first half is a known given name."""

    def fix(m: re.Match[str]) -> str:
        return f"{m.group(1)} {m.group(2)}" if m.group(1) in GIVEN_NAMES else m.group(0)

    text = _CAMEL_NAME.sub(fix, text)
    return _GLUED_HEADING.sub(" ", text)


#: Lines that open a block of their own when the line before ended a sentence or a label:
#: motion and vote lines, resolution labels, attendance labels and labelled questions.
_LABEL_LINE = re.compile(
    r"^\s*(?:Moved\b|MOVED\b|Seconded\b|SECONDED\b|Motion\b|MOTION\b|Carried\b|CARRIED\b|"
    r"Lost\b|LOST\b|Defeated\b|DEFEATED\b|Resolution\b|RESOLUTION\b|RESOLVED\b|Resolved\b|"
    r"AGREED\b|Decision\s*:|DECISION\b|THAT\b|That\b|For Motion\b|Against Motion\b|Present\s*:|PRESENT\b|"
    r"Apologies\b|APOLOGIES\b|Absent\s*:|ABSENT\b|In attendance\b|IN ATTENDANCE\b|Also present\b|"
    r"Roll call\b|ROLL CALL\b|Question\s*\d*\s*[:.\-–]|Response\s*[:.\-–]|Answer\s*[:.\-–]|"
    r"ACTION\s*[:\-–])"
)
#: "... 2 minutes. Carried Mr. Majid explained": a motion's outcome run into the next sentence.
_GLUED_OUTCOME = re.compile(
    r"(?<=[.!?] )(?P<o>(?:Motion |MOTION )?(?:Carried|CARRIED|Lost|LOST|Defeated|DEFEATED))"
    r"(?=\s+(?:Mr|Mrs|Ms|Dr|The|[A-Z][a-z]+\s+[a-z]))"
)


def _split_blocks(text: str) -> list[str]:
    """Paragraph blocks: blank lines, bullets, line-initial markers and label lines start one.

    A wrapped line that begins with a limb marker ("2. Receives ...") or a label ("Moved
    by", "Motion Carried", "Present:") starts a new block when the line before ended a
    sentence or clause (".", ":", ";", ")") or a limb ("...; and").
    """
    text = re.sub(r"[" + BULLETS + r"](?!\s*\d)", "\n\n", text)
    text = _GLUED_OUTCOME.sub(lambda m: m.group("o") + "\n\n", text)
    blocks: list[str] = []
    for raw in _BLANK_LINES.split(text):
        lines = raw.split("\n")
        if _is_list(lines):
            blocks.extend(lines)
            continue
        current: list[str] = []
        for line in lines:
            prev = current[-1].rstrip() if current else ""
            if current and (
                (_LINE_MARKER.match(line) and _ends_clause(prev, limb=True))
                or (_LABEL_LINE.match(line) and _ends_clause(prev, limb=False))
            ):
                blocks.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            blocks.append(" ".join(current))
    return [b for b in (_SPACES.sub(" ", b).strip() for b in blocks) if b]


def _is_list(lines: list[str]) -> bool:
    """Short lines that each start a new entry (a statement of accounts, a list of names)
    rather than prose wrapped at a fixed width."""
    lines = [line for line in lines if line.strip()]
    if len(lines) < 4:
        return False
    lengths = sorted(len(line.split()) for line in lines)
    lower_starts = sum(1 for line in lines if line.strip()[:1].islower())
    return lengths[len(lengths) // 2] <= 7 and lower_starts * 5 < len(lines)


def _ends_clause(line: str, *, limb: bool) -> bool:
    if line[-1:] in ".:;!?":
        return True
    if not limb:
        return line[-1:] == ")" or len(line.split()) <= 6
    return bool(re.search(r"[;,]\s*(?:and|or)$", line))


#: Page furniture: links, file sizes, navigation, letterhead fields.
_CHROME = re.compile(
    r"\bpdf icon\b|\b(?:PDF|DOCX?|XLSX?|RTF)\s+\d[\d.,]*\s*[KM]B\b|^(?:skip to (?:main )?content|"
    r"agenda item|printable version|print this page|public document pack|back to top|"
    r"your ref|our ref|view the (?:agenda|minutes|decision)|supporting documents|"
    r"additional documents|minutes:?$|decision:?$)",
    re.IGNORECASE,
)
_ATTENDANCE = re.compile(
    r"^(?:(?:members?|councillors?|officers?|staff|others?|also)\s+)?(?:present|in attendance|"
    r"attending|absent|apologies(?: for absence)?(?: were received)?|roll call|attendance|"
    r"excused|council members present|not present)\b\s*(?:[:\-–]|from\b|\(|$|[A-Z])",
    re.IGNORECASE,
)
_MOTION_LINE = re.compile(
    r"^(?:moved\b|seconded\b|motion\b|carried\b|lost\b|defeated\b|resolution\s*(?:#|no\b|\d)|"
    r"for motion\b|against motion\b|(?:roll |recorded )?vote\b|proposed by\b)",
    re.IGNORECASE,
)
_QUESTION_LINE = re.compile(r"^(?:question|q)\s*\d*\s*[:.\-–]", re.IGNORECASE)
_ANSWER_LINE = re.compile(r"^(?:response|answer|reply)\s*\d*\s*[:.\-–]", re.IGNORECASE)
_LIMB_START = re.compile(r"^\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)]\s")


def _kind(block: str) -> BlockKind:
    """The layout role of one block, from its first words and its shape."""
    if _CHROME.search(block[:200]):
        return "chrome"
    if _ATTENDANCE.match(block):
        return "attendance"
    if _MOTION_LINE.match(block):
        return "motion"
    if _QUESTION_LINE.match(block):
        return "question"
    if _ANSWER_LINE.match(block):
        return "answer"
    if block.count("|") >= 2:
        return "table"
    if _LIMB_START.match(block):
        return "limb"
    if _is_heading(block):
        return "heading"
    return "paragraph"


def _is_heading(block: str) -> bool:
    """A short line with no sentence punctuation, in capitals or title case."""
    words = block.split()
    if not words or len(words) > 10 or block[-1:] in ".;?!,:" or re.search(r"[£$€]", block):
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return False
    if block.isupper():
        return True
    small = {"of", "and", "the", "for", "to", "in", "on", "at", "a", "an", "&", "by", "with"}
    return all(w[:1].isupper() or w in small for w in letters)


def layout(text: str) -> tuple[str, list[Block]]:
    """The repaired, normalised ``text`` (blocks joined by blank lines) and its blocks."""
    pieces = _split_blocks(repair(clean(unglue_names(text))))
    blocks: list[Block] = []
    pos = 0
    for piece in pieces:
        blocks.append(Block(_kind(piece), pos, pos + len(piece)))
        pos += len(piece) + 2
    return "\n\n".join(pieces), blocks
