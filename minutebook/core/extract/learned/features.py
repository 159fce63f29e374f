"""What the name tagger knows about each token: conventions of minutes, not sample items.

Every feature says something general about how minutes name people and bodies:

* the word and its shape ("Xx", "X.", "XX", digits), prefix and suffix;
* its class in the lexicon's word lists: honorific (singular or plural: "Councillors",
  "Crs", "Messrs"), given name, role word ("Attorney", "Director"), particle ("de", "van",
  "y"), head words of organisations, places, programmes and legislation, document words
  ("Report", "Appendix"), procedural words ("Standing Orders"), heading words ("Apologies",
  "Roll Call"), months, abbreviations of common nouns in capitals ("RFP", "GST", "CCTV":
  not a body's initials), and the gazetteers of places (towns; counties, provinces,
  states and regions), surnames and given names;
* the same classes of the two words either side, so "City Attorney Ann Cole", "Portfolio
  Holder for Customer Services" and "Kingston upon Thames" are read as patterns;
* where the token sits: first on its line or in its sentence, on the title line, on a line
  in capitals or shaped like a heading, in brackets, in a block opened by "Present:",
  "Apologies:" or "Roll call", or in a list that follows a plural title;
* what the rest of the item says about the word: whether it follows an honorific somewhere
  (so a bare "Baird" in a roll call is a surname) and whether it is written in lower case
  somewhere (so it is a common noun).

Static features of a word are cached per spelling (bounded), so a token costs a dictionary
lookup plus its context features. The word lists are files in :mod:`..lexicon`; editing
one changes what the model sees, so retrain (``make models``) afterwards.
"""

from __future__ import annotations

import re

from minutebook.core.calendar_names import MONTHS, WEEKDAYS
from minutebook.core.extract.learned import clusters
from minutebook.core.extract.learned.tokens import Tokens
from minutebook.core.extract.lexicon import GIVEN_NAMES, ROLE_WORDS, lower

_HON = lower("person_titles")
_HON_PLURAL = lower("plural_titles")
_PARTICLES = lower("name_particles")
_ATTENDANCE = lower("attendance_labels")
_DOCUMENT = lower("document_words")
_PROCEDURAL = lower("procedural_words")
_HEADING = lower("heading_words")
_ORG = lower("org_heads")
_PROG = lower("programme_heads")
_PLACE = lower("place_heads")
_LEG = lower("legislation_heads")
_COMMON = lower("common_lower")
_GENERIC_ABBR = lower("common_abbreviations")
_GIVEN = frozenset(n.lower() for n in GIVEN_NAMES)
# gazetteers (scripts/make_name_lists.py): places (towns, and the counties, provinces,
# states and regions of ISO 3166-2), census surnames and given names
_PLACE_NAMES = lower("place_names") | lower("region_names")
_GAZ_ONE = frozenset(p for p in _PLACE_NAMES if " " not in p)
_GAZ_MANY = frozenset(p for p in _PLACE_NAMES if " " in p)
_GAZ_FIRST = frozenset(p.split(" ", 1)[0] for p in _GAZ_MANY)
_SURNAMES = lower("surnames")
_FIRST_NAMES = lower("first_names") | _GIVEN
_ROLE = frozenset(ROLE_WORDS)
_DATE = frozenset(MONTHS) | frozenset(WEEKDAYS)
_CONNECT = frozenset({"of", "and", "for", "the", "&", "on", "in", "at", "to"})
_SENT_END = frozenset({".", "!", "?", ":", ";"})
_YEAR = re.compile(r"(?:19|20)\d\d$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+$")
_HAS_DIGIT = re.compile(r"\d")

_CACHE_LIMIT = 200_000

#: word -> its clusters (coarse to fine), learned from unlabelled minutes (:mod:`.clusters`)
_CLUSTERS: dict[str, tuple[str, ...]] = clusters.shipped()


def use_clusters(table: dict[str, tuple[str, ...]] | None) -> None:
    """Read words with ``table`` from now on (``None``: the shipped one; ``{}``: none).
    Training and cross-validation compare the tagger with and without clusters this way;
    the model must be tagged with the table it was trained with."""
    global _CLUSTERS
    _CLUSTERS = clusters.shipped() if table is None else table
    _WORDS.clear()


def clusters_in_use() -> bool:
    """Whether the features read word clusters (a table is shipped and not switched off)."""
    return bool(_CLUSTERS)


def _shape(w: str) -> str:
    if _INITIALS.match(w):
        return "X." if len(w) == 2 else "X.X."
    if w.isdigit():
        return "dddd" if len(w) == 4 else "d"
    if not w[0].isalnum():
        return w if len(w) == 1 else "p"
    if w.isupper():
        return "X" if len(w) == 1 else "XX"
    if w[0].isupper():
        if "-" in w:
            return "Xx-"
        return "XxX" if any(c.isupper() for c in w[1:]) else "Xx"
    if w[0].isdigit():
        return "dx"
    return "x"


def _classes(w: str, low: str) -> tuple[str, ...]:
    cap = w[:1].isupper()
    out = []
    if low in _HON or (low.endswith(".") and low[:-1] in _HON):
        out.append("hon")
    if low in _HON_PLURAL:
        out.append("honp")
    if cap and low in _GIVEN:
        out.append("given")
    if low in _ROLE:
        out.append("role")
    if low in _PARTICLES:
        out.append("part")
    if low in _ATTENDANCE:
        out.append("att")
    if low in _DOCUMENT:
        out.append("doc")
    if low in _PROCEDURAL:
        out.append("proc")
    if low in _HEADING:
        out.append("head")
    if low in _ORG:
        out.append("org")
    if low in _PROG:
        out.append("prog")
    if low in _PLACE:
        out.append("place")
    if low in _LEG:
        out.append("leg")
    if low in _DATE:
        out.append("date")
    if low in _GENERIC_ABBR and w.isupper() and len(w) > 1:
        out.append("gab")
    if cap:
        if low in _GAZ_ONE:
            out.append("gaz")
        if low in _SURNAMES:
            out.append("sur")
        if low in _FIRST_NAMES:
            out.append("first")
    if low in _CONNECT:
        out.append("conn")
    if _YEAR.match(w):
        out.append("year")
    return tuple(out)


def _short_class(w: str, classes: tuple[str, ...], shape: str) -> str:
    """One label for a word in its neighbours' features."""
    for c in (
        "honp",
        "hon",
        "given",
        "org",
        "place",
        "prog",
        "leg",
        "role",
        "date",
        "part",
        "gaz",
        "sur",
    ):
        if c in classes:
            return c + ("C" if w[:1].isupper() else "")
    if "conn" in classes:
        return w.lower()
    return shape


class _Word:
    """A spelling's own features and the strings its neighbours use (built once)."""

    __slots__ = (
        "feats",
        "cls",
        "low",
        "cap",
        "as_p1",
        "as_p2",
        "as_n1",
        "as_n2",
        "as_p1w",
        "as_p2w",
        "as_n1w",
        "as_n2w",
        "as_p1k",
        "as_n1k",
        "kmid",
    )

    def __init__(self, w: str) -> None:
        low = w.lower()
        shape = _shape(w)
        classes = _classes(w, low)
        feats = ["w=" + low if len(low) <= 24 else "w=LONG", "sh=" + shape]
        if len(low) > 3:
            feats.append("s3=" + low[-3:])
        feats.extend("L=" + c for c in classes)
        if w.isupper() and len(w) > 1 and w.isalpha():
            feats.append("caps")
        if w[:1].isupper():
            feats.append("common" if low in _COMMON else ("rare" if not classes else "lex"))
        # the word's clusters, coarse to fine; its neighbours see the middle one
        found = _CLUSTERS.get(low, clusters.NONE) if low[:1].isalpha() else clusters.NONE
        feats.extend(f"k{g}={c}" for g, c in enumerate(found))
        self.kmid = kmid = found[len(found) // 2] if found else "-"
        self.as_p1k = ("p1k=" + kmid,) if found else ()
        self.as_n1k = ("n1k=" + kmid,) if found else ()
        self.feats = feats
        self.cls = cls = _short_class(w, classes, shape)
        self.low = low
        self.cap = w[:1].isupper()
        self.as_p1, self.as_p2, self.as_n1, self.as_n2 = (
            "p1c=" + cls,
            "p2c=" + cls,
            "n1c=" + cls,
            "n2c=" + cls,
        )
        self.as_p1w, self.as_p2w, self.as_n1w, self.as_n2w = (
            "p1w=" + low,
            "p2w=" + low,
            "n1w=" + low,
            "n2w=" + low,
        )


_WORDS: dict[str, _Word] = {}


def _word(w: str) -> _Word:
    found = _WORDS.get(w)
    if found is None:
        found = _Word(w)
        # Numbers, dates and references ("2019", "£12,500", "24/00123") rarely come back,
        # and a long import meets new ones for ever: cached, they grew an extraction
        # worker by 1.1 MiB per 1,000 items (bench/file_import.py at 10^5 items).
        if _HAS_DIGIT.search(w) is None:
            if len(_WORDS) > _CACHE_LIMIT:
                _WORDS.clear()
            _WORDS[w] = found
    return found


def _line_info(
    tokens: Tokens, infos: list[_Word]
) -> tuple[list[str | None], list[bool], list[bool]]:
    """Per line: the attendance block label that covers it, and whether it is in capitals
    or shaped like a heading (short, every word capitalised, no closing full stop)."""
    text = tokens.text
    n_lines = tokens.lines[-1] + 1 if tokens.lines else 0
    first: list[int] = [-1] * n_lines
    last: list[int] = [-1] * n_lines
    for i, ln in enumerate(tokens.lines):
        if first[ln] < 0:
            first[ln] = i
        last[ln] = i
    block: list[str | None] = [None] * n_lines
    caps = [False] * n_lines
    heading = [False] * n_lines
    current: str | None = None
    prev_end = 0
    for ln in range(n_lines):
        i, j = first[ln], last[ln]
        if i < 0:
            current = None  # a blank line ends an attendance block
            continue
        if (
            "\n\n" in text[prev_end : tokens.starts[i]]
            or "\n \n" in text[prev_end : tokens.starts[i]]
        ):
            current = None
        prev_end = tokens.ends[j]
        w0 = infos[i]
        if w0.low in _ATTENDANCE or w0.low in _HON_PLURAL:
            current = "att"
        block[ln] = current
        alpha = [infos[k] for k in range(i, j + 1) if tokens.words[k][:1].isalpha()]
        if len(alpha) >= 2 and all(
            tokens.words[k].isupper() for k in range(i, j + 1) if tokens.words[k][:1].isalpha()
        ):
            caps[ln] = True
        if (
            0 < len(alpha) <= 10
            and tokens.words[j] not in {".", ","}
            and all(a.cap or a.cls in _CONNECT for a in alpha)
        ):
            heading[ln] = True
    return block, caps, heading


def candidates(tokens: Tokens) -> list[int]:
    """The tokens the tagger labels: those within one token of a word that starts with a
    capital or a digit. Names never reach further (a name's lower-case words, "upon",
    "y", "of the", sit between capitalised ones), and skipping the long lower-case
    stretches of prose halves the work. Every other token is outside any name."""
    words = tokens.words
    n = len(words)
    mark = [w[:1].isupper() or w[:1].isdigit() for w in words]
    return [
        i for i in range(n) if mark[i] or (i > 0 and mark[i - 1]) or (i + 1 < n and mark[i + 1])
    ]


def sequence_features(tokens: Tokens, keep: list[int] | None = None) -> list[list[str]]:
    """The feature strings of the tokens ``keep`` (default: :func:`candidates`), in order.
    A token after skipped ones carries "gap", so the model starts a new name there."""
    words = tokens.words
    n = len(words)
    if n == 0:
        return []
    if keep is None:
        keep = candidates(tokens)
    infos = [_word(w) for w in words]
    lines = tokens.lines
    block, caps, heading = _line_info(tokens, infos)
    # item-level evidence: words seen after a title, and words seen in lower case
    after_hon: set[str] = set()
    lower_seen: set[str] = set()
    midcap: dict[str, int] = {}
    for i, info in enumerate(infos):
        if not info.cap and info.low.isalpha():
            lower_seen.add(info.low)
        elif info.cap and i and infos[i - 1].low not in _SENT_END and lines[i - 1] == lines[i]:
            midcap[words[i]] = midcap.get(words[i], 0) + 1
        if i and info.cap and infos[i - 1].cls in ("hon", "honC", "honp", "honpC"):
            after_hon.add(words[i])
    # a list after a plural title runs while names, initials, commas and "and" follow
    in_list = [False] * n
    open_list = False
    for i, info in enumerate(infos):
        if info.cls in ("honpC", "honp"):
            open_list = True
            continue
        if open_list:
            w = words[i]
            if info.cap or w in {",", "and", "&", "(", ")", "-", "."} or info.cls == "part":
                in_list[i] = True
            else:
                open_list = False
    run_feats = _run_features(tokens, infos)
    gaz = _gazetteer_spans(tokens, infos)
    parens = [False] * n
    paren = False
    for i, w in enumerate(words):
        if w == "(":
            paren = True
        elif w == ")":
            paren = False
        parens[i] = paren
    out: list[list[str]] = []
    last = -2
    for i in keep:
        info = infos[i]
        ln = lines[i]
        bol = i == 0 or lines[i - 1] != ln
        eol = i == n - 1 or lines[i + 1] != ln
        c = info.cls
        if bol:
            p1c = "BOL"
            f = [*info.feats, "bol", "sos", "p1c=BOL", "p2c=BOL", "p1c|c=BOL|" + c]
        else:
            p1 = infos[i - 1]
            p1c = p1.cls
            f = [*info.feats, p1.as_p1, p1.as_p1w, "p1c|c=" + p1c + "|" + c, *p1.as_p1k]
            if i > 1 and lines[i - 2] == ln:
                p2 = infos[i - 2]
                f.append(p2.as_p2)
                f.append(p2.as_p2w)
            else:
                f.append("p2c=BOL")
            if p1.low in _SENT_END:
                f.append("sos")
            elif info.cap:
                f.append("midcap")
        if eol:
            f += ("eol", "n1c=EOL", "n2c=EOL", "c|n1c=" + c + "|EOL")
        else:
            n1 = infos[i + 1]
            f += (n1.as_n1, n1.as_n1w, "c|n1c=" + c + "|" + n1.cls, *n1.as_n1k)
            if i + 2 < n and lines[i + 2] == ln:
                n2 = infos[i + 2]
                f.append(n2.as_n2)
                f.append(n2.as_n2w)
            else:
                f.append("n2c=EOL")
        if i != last + 1:
            f.append("gap")
        last = i
        if ln == 0:
            f.append("title")
        if block[ln]:
            f.append("blk=att")
        if caps[ln]:
            f.append("capsline")
        if heading[ln]:
            f.append("headline")
        if parens[i]:
            f.append("paren")
        if in_list[i]:
            f.append("inlist")
        if run_feats[i]:
            f += run_feats[i]
        if gaz[i]:
            f.append(gaz[i])
        if info.cap:
            w = words[i]
            if w in after_hon:
                f.append("doc_hon")
            if info.low in lower_seen:
                f.append("doc_low")
            if midcap.get(w, 0) > 1:
                f.append("doc_midcap")
        out.append(f)
    return out


def _gazetteer_spans(tokens: Tokens, infos: list[_Word]) -> list[str | None]:
    """ "gazB"/"gazI" on the tokens of a place name of several words ("Grand Rapids",
    "Bishop's Stortford", "Kingston upon Thames"), longest match first, within a line."""
    words, lines = tokens.words, tokens.lines
    n = len(words)
    out: list[str | None] = [None] * n
    i = 0
    while i < n:
        if not infos[i].cap or infos[i].low not in _GAZ_FIRST:
            i += 1
            continue
        for length in range(min(5, n - i), 1, -1):
            if lines[i + length - 1] != lines[i] or not infos[i + length - 1].cap:
                continue
            if " ".join(infos[k].low for k in range(i, i + length)) in _GAZ_MANY:
                out[i] = "gazB"
                for k in range(i + 1, i + length):
                    out[k] = "gazI"
                i += length
                break
        else:
            i += 1
    return out


_RUN_CONNECT = frozenset(
    {
        "of",
        "and",
        "&",
        "the",
        "for",
        "upon",
        "on",
        "under",
        "y",
        "de",
        "la",
        "du",
        "van",
        "von",
        "'s",
        "’s",
        "-",
    }
)


def _run_features(tokens: Tokens, infos: list[_Word]) -> list[tuple[str, ...]]:
    """Features of the capitalised run each token belongs to ("Fire and Rescue Authority"):
    its length, the class of its last word, whether every capitalised word in it is a common
    word, and whether it holds a given name. Runs stay within a line."""
    words = tokens.words
    lines = tokens.lines
    n = len(words)
    out: list[tuple[str, ...]] = [()] * n
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    heads: list[str] = []
    i = 0
    while i < n:
        if not infos[i].cap or not words[i][:1].isalpha():
            i += 1
            continue
        j = i + 1
        while j < n and lines[j] == lines[i]:
            if (
                infos[j].cap
                and words[j][:1].isalpha()
                or (
                    infos[j].low in _RUN_CONNECT
                    and j + 1 < n
                    and lines[j + 1] == lines[i]
                    and infos[j + 1].cap
                )
            ):
                j += 1
            else:
                break
        caps = [infos[k] for k in range(i, j) if infos[k].cap]
        length = min(len(caps), 5)
        last = infos[j - 1]
        head = "none"
        for c in ("org", "prog", "place", "leg", "doc", "proc", "role", "head"):
            if ("L=" + c) in last.feats:
                head = c
                break
        common = all(("common" in c.feats) or ("lex" in c.feats) for c in caps)
        given = any("L=given" in c.feats for c in caps)
        feats = (f"rlen={length}", f"rhead={head}", f"rlen|rhead={length}|{head}")
        if head != "none":
            feats += ("rheadw=" + last.low,)
        if last.kmid != "-":
            # the cluster of the run's last word: head words no annotated item used
            # ("Partnership", "Scheme") share it with those it did ("Trust", "Board")
            feats += ("rlastk=" + last.kmid, f"rlen|rlastk={length}|{last.kmid}")
        if common:
            feats += ("rcommon", f"rcommon|rhead={head}")
        if given:
            feats += ("rgiven",)
        runs.append((i, j, feats))
        heads.append(head)
        i = j
    # item-level evidence about runs: the same name again elsewhere in the item, and an
    # abbreviation spelled out by a run's initials ("Eastern Alliance for Greenhouse Action"
    # ... "EAGA"), standing free or only in brackets after its long form
    seen: dict[str, int] = {}
    initials: set[str] = set()
    for i, j, _ in runs:
        if j - i >= 2:
            key = " ".join(infos[k].low for k in range(i, j))
            seen[key] = seen.get(key, 0) + 1
            letters = "".join(words[k][0] for k in range(i, j) if infos[k].cap)
            if len(letters) >= 2:
                initials.add(letters.upper())
    # words that open or sit inside a body's or place's name elsewhere in the item
    # ("Eagan" of "Eagan City Council"): standing alone they are likely that place or body
    named_in: set[str] = set()
    for (i, j, _), head in zip(runs, heads, strict=True):
        if j - i >= 2 and head in ("org", "place", "prog", "leg"):
            named_in.update(
                words[k] for k in range(i, j - 1) if infos[k].cap and infos[k].low not in _CONNECT
            )
    acronyms: dict[str, bool] = {}  # acronym -> seen outside brackets
    for k, w in enumerate(words):
        if 2 <= len(w) <= 6 and w.isupper() and w.isalpha():
            inside = 0 < k < n - 1 and words[k - 1] == "(" and words[k + 1] == ")"
            acronyms[w] = acronyms.get(w, False) or not inside
    heads_of = {i: head for (i, _j, _f), head in zip(runs, heads, strict=True)}
    for i, j, feats in runs:
        extra: tuple[str, ...] = ()
        if j - i >= 2 and seen.get(" ".join(infos[k].low for k in range(i, j)), 0) > 1:
            extra += ("rrep",)
        if j - i == 1 and words[i] in acronyms:
            if words[i] in initials:
                extra += ("acr_spelt",)
            extra += ("acr_free",) if acronyms[words[i]] else ("acr_bracket",)
        if heads_of[i] not in ("org", "place", "prog", "leg") and any(
            words[k] in named_in for k in range(i, j)
        ):
            extra += ("named_elsewhere",)
        for k in range(i, j):
            out[k] = feats + extra + (("rfirst",) if k == i else ("rlast",) if k == j - 1 else ())
    return out
