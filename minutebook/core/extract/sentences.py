"""Sentences, the second stage: cut each layout block into limbs and sentences.

A block may hold several paragraph or limb markers run together ("RESOLVED that:- (a) the
report be noted; and (b) ..."), so it is first cut at its markers, each piece becoming a
paragraph of its own that remembers its marker, and each piece is then split into
sentences at terminal punctuation that really ends a sentence (not "Mr.", "J. Smith",
"No. 5" or "2.5").
"""

from __future__ import annotations

import re

from minutebook.core.extract.lexicon import lower
from minutebook.core.extract.model import Block, Sentence

_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)"

# Paragraph and limb markers, found after the glue repairs.
_MARKER_CONTEXT = (
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?:;\-–—\"”])|(?<=[.!?:;\-–—] )|(?<=\band)|(?<=\band )"
    r"|(?<=\bthat)|(?<=\bthat )|(?<=\bor)|(?<=\bor )|(?<=[a-z])(?=\(\d{1,2}\)[A-Z]))"
)
_MARKER = re.compile(
    _MARKER_CONTEXT + r"(?P<m>\((?:\d{1,2}|[a-z]|[A-Z]|" + _ROMAN + r")\)"  # (1) (a) (A) (iv)
    r"|(?:[a-z]|" + _ROMAN + r")\)(?=\s*\S)"  # a) iv)
    r"|(?<![\w-])\d{1,2}\)(?=\s*[A-Za-z“\"‘])"  # 1) 2)
    r")(?!\s*(?:above|below|of\b|to\b|,|and\b|or\b|\)))"
)
_NUM_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[.!?:;\"”)])(?<![Nn][Oo]\.)(?<![Nn][Oo][Ss]\.))\s*"
    r"(?P<m>\d{1,2}(?:\.\d{1,2})*\.?|" + _ROMAN + r"\.)"
    r"(?=\s*[A-Z(\"“‘£])"
)
#: "it was said:a. A Member questioned ...": a lettered limb glued to the sentence before.
_LETTER_DOT = re.compile(r"(?:(?<=[.:;])|^)(?P<m>[a-h]\.)(?=\s?[A-Z“\"‘(])")

#: Words written with a full stop that does not end a sentence ("Mr.", "e.g.", "Sept.").
_ABBREV = lower("abbreviations")
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|[A-Z\"“‘(£$]|$)")


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Alderman)\.?\s+$")


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
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word) and _TITLE_BEFORE.search(text, 0, j):
        return False  # initials after a title: "Cllr P.G. Taylor"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        # a dotted acronym ("V.A.T.", "U.S."): inside it, or before a lower-case word
        after = text[end_pos:].lstrip()[:1]
        if text[end_pos : end_pos + 1].isalpha() or after.islower():
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


#: A resolution's opening words, before a run-on stem.
_RESOLUTION_STEM = re.compile(r"(?:RESOLVED|Resolved|AGREED|Agreed|It was resolved|That|THAT)\b")
#: The first limb, "(a)", "(i)", "(1)", after a word and a space, before a lower-case verb.
_FIRST_LIMB = re.compile(r"(?<=\w )(?P<m>\((?:a|A|i|1)\))(?=\s+[a-z])")
#: A limb marker on a line of its own: "ii.", "(b)", "3)".
_LONE_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|" + _ROMAN + r")[.)]")
#: A count after a vote label is no paragraph number ("Ayes: 5. Nays: 0.").
_VOTE_LABEL = re.compile(
    r"\b(?:ayes?|nays?|noes|yeas?|for|against|abstain\w*|absent|votes?|in favou?r|opposed)"
    r"\s*[:\-–]\s*$",
    re.IGNORECASE,
)


def _not_a_marker(block: str, start: int) -> bool:
    """Whether a number found as a marker is the tail of a decimal ("items 3.1 to 3.4") or
    of a time ("6:32:53 PM"), or a vote count."""
    if not block[start : start + 1].isdigit():
        return False
    if start >= 2 and block[start - 1] in ".:" and block[start - 2].isdigit():
        return True  # "items 3.1 to 3.4"; the seconds of a time, "6:32:53 PM"
    return bool(_VOTE_LABEL.search(block[max(0, start - 20) : start]))


def _split_markers(block: str) -> list[tuple[str, str]]:
    """Cut a block at paragraph/limb markers; returns (marker, text) pieces."""
    cuts: list[tuple[int, int, str]] = []
    for rx in (_MARKER, _NUM_MARKER, _LETTER_DOT):
        for m in rx.finditer(block):
            cuts.append((m.start("m"), m.end("m"), m.group("m")))
    if _RESOLUTION_STEM.match(block):
        # "RESOLVED: That the Committee (a) notes the report": the first limb of a
        # resolution whose stem ran on without punctuation
        first = _FIRST_LIMB.search(block, 0, 200)
        if first:
            cuts.append((first.start("m"), first.end("m"), first.group("m")))
    if not cuts:
        return [("", block)]
    cuts.sort()
    pieces: list[tuple[str, str]] = []
    pos = 0
    marker = ""
    last_end = -1
    for s, e, mk in cuts:
        if s < last_end or _not_a_marker(block, s):
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


def split(text: str, blocks: list[Block], para: int = 0) -> tuple[list[Sentence], int]:
    """The sentences of ``blocks`` (offsets into ``text``) and the next paragraph number."""
    out: list[Sentence] = []
    pending = ""  # a marker alone on its line ("ii." then the limb's words on the next)
    for block in blocks:
        body = text[block.start : block.end]
        cursor = 0
        for marker, piece in _split_markers(body):
            if not piece:
                continue
            first = True
            for sent in split_sentences(piece):
                sent = sent.strip(" -–—:")
                if not sent or not any(c.isalnum() for c in sent):
                    continue
                found = body.find(sent, cursor)
                if found < 0:  # cannot happen: sentences are substrings of their block
                    found = cursor
                cursor = found + len(sent)
                start = block.start + found
                if _LONE_MARKER.fullmatch(sent):
                    pending = sent
                    continue
                own = marker if first else ""
                if pending:
                    if not own:
                        if not first:
                            para += 1  # the limb starts a paragraph of its own
                        own = pending
                    pending = ""
                out.append(Sentence(sent, para, own, start, start + len(sent), block.kind))
                first = False
            para += 1
    return out, para
