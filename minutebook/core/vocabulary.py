"""The word lists that more than one part of minutebook needs, kept once.

* :data:`STOP_WORDS`: English function words. The Snowball English list, which PostgreSQL's
  'english' text-search configuration drops from every query, so search drops the same
  words on SQLite and both backends find the same things.
* :data:`HONORIFICS`: titles that stand before a person's name and are not part of it
  ("Cllr Dr Jane Smith" is "Jane Smith"). Broad on purpose (police and clerical titles,
  Cr in Australia, CC for County Councillor): comparing names with both sides stripped the
  same way can only merge spellings of one name. Words that are also ordinary parts of
  names or offices (Mayor, Chief, Lord, Major) are not in it.

Modules that need a little more (the linker's procedure words, a question's "please")
extend these, naming what they add. The extractor's own lexicon
(``minutebook/core/extract/lexicon``) is separate: see /work/tools/extract-interface.md.
"""

from __future__ import annotations

_SNOWBALL_ENGLISH = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against
    between into through during before after above below to from up down in out on off over
    under again further then once here there when where why how all any both each few more
    most other some such no nor not only own same so than too very s t can will just don
    should now
"""
STOP_WORDS: frozenset[str] = frozenset(_SNOWBALL_ENGLISH.split())

_HONORIFIC_WORDS = """mr mrs ms miss mx dr cllr councillor councilor cr cc alderman alderwoman
prof professor sir dame rev revd reverend canon supt superintendent ch insp inspector sgt dci"""
HONORIFICS: frozenset[str] = frozenset(_HONORIFIC_WORDS.split())
