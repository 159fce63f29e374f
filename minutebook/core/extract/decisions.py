"""Formal outcomes: "RESOLVED that ...", "AGREED ...", "The Committee noted the report",
"the motion was carried".

A resolution split into limbs ("RESOLVED that:- (a) ... (b) ...") is one decision per limb,
without the shared stem, as the contract counts them; limbs that only thank someone are not
decisions. The segmenter has already cut limbs into their own paragraphs with their marker,
so this works on the sentence sequence.
"""

from __future__ import annotations

import re

from minutebook.core.extract.model import Decision, Sentence

_RESOLVED = re.compile(
    r"(?:^|(?<=[\s(:\-–]))(?P<kw>RESOLVED|Resolved|RESOLVE|AGREED|DECIDED|DECISION|Decision|"
    r"Decided|It was (?:RESOLVED|resolved|AGREED|agreed|DECIDED|decided)|(?:it was\s+)?unanimously "
    r"(?:RESOLVED|resolved|AGREED|agreed))\b\s*(?:(?:that|to|:|-|–|;|,)\s*)*",
)
_BODY_DECIDES = re.compile(
    r"^(?:(?:\w+\s*,\s*)?(?:the|The)\s+)?(?:[A-Z][\w-]*\s+){0,5}?"
    r"(?:Committee|Sub-Committee|Sub-committee|Panel|Board|Cabinet|Council|Forum|Members|Group|"
    r"Commission|Assembly|Executive|SACRE|Authority)\s+(?:then\s+|also\s+|formally\s+|"
    r"unanimously\s+|duly\s+)?"
    r"(?P<verb>agreed|AGREED|resolved|RESOLVED|noted|NOTED|approved|APPROVED|endorsed|"
    r"ENDORSED|decided|DECIDED|recommended|RECOMMENDED|accepted|adopted|ratified|confirmed|"
    r"supported|rejected|refused|deferred|voted)\b(?P<rest>.*)$",
    re.DOTALL,
)
_NOTED_OBJECT = re.compile(
    r"^\s*(?:the|this|that|its|their)?\s*(?:contents?|report|reports|update|updates|"
    r"presentation|information|minutes|comments|position|progress|recommendations?|"
    r"proposals?|plan|draft|briefing|findings|performance|work programme|outcome|"
    r"responses?|petition|decision|actions?|report's)\b",
    re.IGNORECASE,
)
_MOTION = re.compile(
    r"\b(?:motion|amendment|recommendation|proposal)s?\b[^.]{0,200}?\b(?:was|were|being)\s+"
    r"(?:then\s+|duly\s+|unanimously\s+)?(?:carried|lost|defeated|agreed|approved|passed|"
    r"rejected|adopted|not carried)\b|\b(?:motion|amendment) (?:carried|lost|passed|failed)\b",
    re.IGNORECASE,
)
#: The decision kind a body's verb gives ("The Committee noted ..." is "noted").
_VERB_KIND = {"noted": "noted", "agreed": "agreed", "resolved": "resolved", "decided": "resolved"}
_THANKS = re.compile(r"\b(?:thank|thanks|thanked|gratitude|appreciation)\b", re.IGNORECASE)
_LIMB = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[).]?$")


def _kind(kw: str, text: str) -> str:
    low = text.lower()
    if re.search(r"\bnot(?:ed|e)\b", low) and not re.search(
        r"\b(?:agree|approve|endorse|recommend)", low
    ):
        return "noted"
    if kw.lower().startswith("agreed") or re.search(r"\bagree", kw.lower()):
        return "agreed"
    if kw.lower().startswith(("resolved", "it was resolved", "unanimously")):
        return "resolved"
    if "decided" in kw.lower() or "decision" in kw.lower():
        return "resolved"
    return "other"


def _is_limb(s: Sentence) -> bool:
    return bool(s.marker) and bool(_LIMB.match(s.marker))


def find_decisions(sentences: list[Sentence]) -> tuple[list[Decision], set[int]]:
    """Decisions in order, and the indexes of the sentences that carry them."""
    out: list[Decision] = []
    used: set[int] = set()
    i = 0
    n = len(sentences)
    while i < n:
        s = sentences[i]
        m = _RESOLVED.search(s.text)
        if m and (
            m.start() == 0
            or s.text[: m.start()]
            .strip(" (")
            .lower()
            .endswith(
                (
                    "that",
                    "and",
                    "it was",
                    "committee",
                    "panel",
                    "board",
                    "cabinet",
                    "members",
                    "unanimously",
                    ":",
                )
            )
            or m.start() < 40
            and m.group("kw").isupper()
        ):
            rest = s.text[m.end() :].strip()
            kind = _kind(m.group("kw"), s.text)
            limbs, j = _collect_limbs(sentences, i + 1, s.para, _own_style(s))
            if limbs and (
                not rest or rest.endswith((":", ":-", "that", "–", "-")) or len(rest) < 60
            ):
                stem = s.text[m.start() :].strip()
                stem = re.sub(r"\s*(?:,|;)?\s*(?:and|that|to)?\s*[:\-–]*\s*$", "", stem)
                if len(rest.split()) >= 3 and not rest.rstrip().endswith((":", ":-", "that")):
                    out.append(Decision(stem, kind))  # "RESOLVED to note the report and"
                for k, text in limbs:
                    used.add(k)
                    if not _THANKS.search(text):
                        out.append(Decision(text, _kind(m.group("kw"), text)))
                used.add(i)
                i = j
                continue
            if rest and len(rest) > 3:
                text = s.text[m.start() :] if m.start() < 60 else s.text
                text = _continue_paragraph(sentences, i, text)
                if text.rstrip().endswith((":", ":-")) or re.search(
                    r"\b(?:the following|as follows)(?:\s+\w+){0,2}\s*$", text
                ):
                    text, last = _run_on(sentences, i, text)
                    used.update(range(i + 1, last + 1))
                if not _THANKS.search(text[:80]) or re.search(r"\b(?:note|agree|approve)", text):
                    out.append(Decision(text.strip(), kind))
                    used.add(i)
            i += 1
            continue
        b = _BODY_DECIDES.match(s.text)
        if b and not _THANKS.search(s.text[: b.start("verb") + 12]):
            verb = b.group("verb").lower()
            rest = b.group("rest")
            ok = (
                verb != "noted"
                or _NOTED_OBJECT.match(rest) is not None
                or (
                    re.match(r"\s*that\b", rest) is not None
                    and not re.search(r"\bMembers\s+noted", s.text[: b.end("verb")])
                )
            )
            if verb in {"supported", "confirmed"} and not re.match(r"\s*the\s", rest):
                ok = False
            if ok and not re.match(r"\s*(?:that\s+)?(?:it|they|he|she)\s+(?:would|was|were)", rest):
                limbs, j = _collect_limbs(sentences, i + 1, s.para, _own_style(s))
                stem_only = s.text.rstrip().endswith((":", ":-", "that", "to"))
                if limbs and stem_only:
                    for k, text in limbs:
                        used.add(k)
                        if not _THANKS.search(text):
                            out.append(Decision(text, _kind(verb, text)))
                    used.add(i)
                    i = j
                    continue
                out.append(Decision(s.text.strip(), _VERB_KIND.get(verb, "other")))
                used.add(i)
                i += 1
                continue
        if _PASSIVE_NOTED.match(s.text):
            out.append(Decision(s.text.strip(), _kind("", s.text)))
            used.add(i)
        elif mm := _MOTION.search(s.text):
            text = s.text.strip()
            if mm.start() > 80:
                text = s.text[mm.start() :].strip()
                if text[:1].islower():
                    text = text[:1].upper() + text[1:]
            out.append(Decision(text, "other"))
            used.add(i)
        i += 1
    return out, used


_PASSIVE_NOTED = re.compile(
    r"^(?:The|This|That|These|Their|Its)\s+(?:[\w’'-]+\s+){0,5}?(?:report|reports|update|"
    r"presentation|minutes|information|recommendations?|proposals?|work programme|plan|"
    r"accounts|statement|briefing|petition)\s+(?:was|were|had been|be|is)\s+(?:duly\s+|"
    r"formally\s+|unanimously\s+)?(?:noted|agreed|approved|endorsed|adopted|accepted|"
    r"received|ratified|signed)\b"
)


def _own_style(s: Sentence) -> str | None:
    """The marker style of a numbered paragraph, which its limbs cannot share."""
    return _marker_style(s.marker) if s.marker else None


def _run_on(sentences: list[Sentence], i: int, text: str) -> tuple[str, int]:
    """A resolution ending in ":" followed by unmarked bullets: they belong to it."""
    last = i
    parts = [text]
    for k in range(i + 1, min(len(sentences), i + 13)):
        nxt = sentences[k]
        if nxt.marker or _RESOLVED.match(nxt.text) or len(nxt.text) > 300:
            break
        parts.append(nxt.text)
        last = k
    return " ".join(parts), last


def _collect_limbs(
    sentences: list[Sentence], start: int, para: int, outer: str | None = None
) -> tuple[list, int]:
    """The lettered/numbered limbs that follow a resolution stem."""
    limbs: list[tuple[int, str]] = []
    j = start
    first_marker = None
    while j < len(sentences):
        s = sentences[j]
        if _is_limb(s) and _marker_style(s.marker) != outer:
            style = _marker_style(s.marker)
            if first_marker is None:
                first_marker = style
            elif style != first_marker and limbs:
                # a nested sub-limb belongs to the limb before it
                k, text = limbs[-1]
                limbs[-1] = (k, text + " " + s.text)
                j += 1
                continue
            limbs.append((j, s.text.strip()))
            j += 1
            continue
        if limbs and s.para == sentences[limbs[-1][0]].para:
            k, text = limbs[-1]
            limbs[-1] = (k, text + " " + s.text)
            j += 1
            continue
        break
    return limbs, j


def _marker_style(marker: str) -> str:
    core = marker.strip("().")
    if core.isdigit():
        return "digit"
    if re.fullmatch(r"[ivx]+", core) and core not in {"i", "v", "x"} or core in {"ii", "iii"}:
        return "roman"
    return "alpha"


def _continue_paragraph(sentences: list[Sentence], i: int, text: str) -> str:
    """A resolution stem that runs on into the next sentence of the same paragraph."""
    if text.rstrip().endswith((":", "that", ";")) and i + 1 < len(sentences):
        nxt = sentences[i + 1]
        if nxt.para == sentences[i].para:
            return text + " " + nxt.text
    return text
