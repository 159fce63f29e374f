"""Repair scraped minutes text and cut it into paragraphs and sentences.

Published minutes reach us damaged: line breaks fall mid-sentence, paragraph numbers run
into the previous sentence ("...this item.1.Mrs Spore introduced"), lettered limbs are glued
to the words around them ("RESOLVED thata)the ... andb)the"), bullets come as Word symbol
glyphs (·, §, Ÿ) and small words are glued to capitals ("byShadoxhurstPC"). Every other
extractor works on sentences, so this module is the one place that undoes that damage.
The repairs only insert whitespace or turn markers into breaks; words are never rewritten,
so text fields still hold the minutes' own words.
"""

from __future__ import annotations

import re
import unicodedata

from minutebook.core.extract.model import Document, Sentence

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
_RESOLVED_GLUE = re.compile(r"\b(RESOLVED|Resolved|AGREED)(?=that|to\b|[a-z])")
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)"
_ROMAN_AFTER_NUMBER = re.compile(r"(?<=\d)(?=" + _ROMAN + r"\.[A-Z])")

# Paragraph and limb markers, found after the glue repairs.
_MARKER_CONTEXT = (
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?:;\-–—\"”])|(?<=[.!?:;\-–—] )|(?<=\band)|(?<=\band )"
    r"|(?<=\bthat)|(?<=\bthat )|(?<=\bor)|(?<=\bor )|(?<=[a-z])(?=\(\d{1,2}\)[A-Z]))"
)
_MARKER = re.compile(
    _MARKER_CONTEXT + r"(?P<m>\((?:\d{1,2}|[a-z]|" + _ROMAN + r")\)"  # (1) (a) (iv)
    r"|(?:[a-z]|" + _ROMAN + r")\)(?=\s*\S)"  # a) iv)
    r")(?!\s*(?:above|below|of\b|to\b|,|and\b|or\b|\)))"
)
_NUM_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[.!?:;\"”)]))\s*(?P<m>\d{1,2}(?:\.\d{1,2})*\.?|" + _ROMAN + r"\.)"
    r"(?=\s*[A-Z(\"“‘£])"
)
#: "it was said:a. A Member questioned ...": a lettered limb glued to the sentence before.
_LETTER_DOT = re.compile(r"(?<=[.:;])(?P<m>[a-h]\.)(?=\s?[A-Z])")
_LINE_MARKER = re.compile(r"^\s*(?:[-–*o]\s+|\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z(]))")

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "cllr",
        "prof",
        "rev",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "inc",
        "ltd",
        "co",
        "cf",
        "para",
        "paras",
        "fig",
        "figs",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "hon",
        "esq",
        "gov",
        "dept",
        "est",
        "rt",
        "sr",
        "jr",
        "mt",
        "ft",
        "al",
    ]
)
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|[A-Z\"“‘(£$]|$)")


def clean(text: str) -> str:
    """Normalise characters and whitespace without changing any word."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    text = _FUNCTION_GLUE.sub(r"\1 ", text)
    text = _CAPS_TAIL_GLUE.sub(" ", text)
    text = _DIGIT_WORD_GLUE.sub(" ", text)
    text = _WORD_DAY_GLUE.sub(" ", text)
    text = _ORDINAL_MONTH_GLUE.sub(" ", text)
    text = _ROMAN_AFTER_NUMBER.sub(" ", text)
    return text


def _is_sentence_end(text: str, end_pos: int, dot_pos: int) -> bool:
    """Whether the punctuation at ``dot_pos`` really ends a sentence."""
    if text[dot_pos] != ".":
        return True
    j = dot_pos
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot_pos]
    if not word:
        return True
    if word.lower().rstrip(".") in _ABBREV:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    if word.isdigit() and end_pos < len(text) and text[end_pos : end_pos + 1].isdigit():
        return False
    # a glued run "PC.As": a sentence end only when a capital follows
    nxt = text[end_pos : end_pos + 1]
    return not (nxt and nxt.islower())


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences at terminal punctuation."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(paragraph):
        if not _is_sentence_end(paragraph, m.end(), m.start()):
            continue
        piece = paragraph[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def _split_blocks(text: str) -> list[str]:
    """Paragraph blocks: blank lines, bullets and line-initial markers start a new one."""
    text = re.sub(r"[" + BULLETS + r"](?!\s*\d)", "\n\n", text)
    blocks: list[str] = []
    for raw in _BLANK_LINES.split(text):
        lines = raw.split("\n")
        current: list[str] = []
        for line in lines:
            starts_new = bool(_LINE_MARKER.match(line)) and current
            prev = current[-1].rstrip() if current else ""
            if starts_new and prev[-1:] in ".:;!?":
                blocks.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            blocks.append(" ".join(current))
    return [b for b in (_SPACES.sub(" ", b).strip() for b in blocks) if b]


def _split_markers(block: str) -> list[tuple[str, str]]:
    """Cut a block at paragraph/limb markers; returns (marker, text) pieces."""
    cuts: list[tuple[int, int, str]] = []
    for rx in (_MARKER, _NUM_MARKER, _LETTER_DOT):
        for m in rx.finditer(block):
            cuts.append((m.start("m"), m.end("m"), m.group("m")))
    if not cuts:
        return [("", block)]
    cuts.sort()
    pieces: list[tuple[str, str]] = []
    pos = 0
    marker = ""
    last_end = -1
    for s, e, mk in cuts:
        if s < last_end:
            continue
        pieces.append((marker, block[pos:s]))
        marker, pos, last_end = mk, e, e
    pieces.append((marker, block[pos:]))
    out = []
    for mk, txt in pieces:
        txt = txt.strip()
        if txt.endswith(" and") or txt.endswith(";and"):
            txt = txt[:-4].rstrip()
        if txt or mk:
            out.append((mk, txt))
    return out


def segment(text: str) -> Document:
    """Clean, repair and split ``text`` into a :class:`Document`."""
    text = repair(clean(text))
    doc = Document(text=text)
    para = 0
    for block in _split_blocks(text):
        for marker, piece in _split_markers(block):
            if not piece:
                continue
            first = True
            for sent in split_sentences(piece):
                sent = sent.strip(" -–—:")
                if sent and any(c.isalnum() for c in sent):
                    doc.sentences.append(Sentence(sent, para, marker if first else ""))
                    first = False
            para += 1
    return doc
