"""Event dates: give each mention a date and a precision.

Fallback cascade for one mention (each step only when the previous found nothing):

0. a named war or campaign in the trigger's clause ("the war on ISIS" → 2014/2019, from the
   table in ``data/timex_periods.json``, ``basis="period"``), unless the act has its own date;
1. the time words the NLP stage attached to the mention (``Mention.times``), resolved; when
   several are dated, they are chosen from as in step 2;
2. a time expression in the mention's sentence: one syntactically attached to the trigger when
   the spaCy ``Doc`` is given, else the nearest to the trigger (a date right after "said" is the
   date of the statement and is used only when nothing else is there). On the way
   (:mod:`anchors`, :mod:`discourse`): an act that "follows" a dated act runs from it to the
   publication date; a possessive week or month ("this week's storming of …") is made precise
   by a day of the same act elsewhere in the article; acts that a dated act "came after" end
   the day before it; a date that belongs to a speech verb bounds the reported act
   (``../D``, or the month of ``D`` when the act was in progress); dates outside the comma-set
   apposition the trigger sits in, or right after another act's noun ("the attacks on Aug. 15"),
   are not the trigger's; a quoted "last night" of an undated speech is ``../D-1``;
3. with no date in the sentence: an act in the present progressive or a lasting state in the
   present perfect is open up to the publication date (``../DCT``);
4. the nearest time expression in the paragraph (a blank line, or a single line break after a
   sentence, ends one), preferring one before the trigger, never the start of a "since" phrase
   (a quoted claim takes ``../D`` from the date of the speech it belongs to);
5. the date the next sentence gives to the same act named again ("… for deployment. The
   deployment follows …"), then, for a sentence that carries on an earlier act ("were followed
   up with", "went on to"), the date of that act;
6. the publication date, at month precision and marked ``fallback=True``: news reports recent
   events, but without a time word the day is unknown.

``TimeValue.basis`` says which inference gave a date that is not read off a time word.
The day of writing is ``Article.written``; an undated article known only to lie within some days
(``Article.written_range``) is dated on the first and the last of them (:func:`date_mentions`),
and a relative time word it cannot resolve leaves its mention undated rather than borrowing
another sentence's date.
All offsets compared here are original-text offsets (the tagger runs on the clean text and its
spans are mapped back with ``Article.to_original``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from ..cues import effect_of_named_cause
from ..model import Article, Mention, Span, TimeValue
from ..nlp.offsets import original_token_spans
from . import calendar as cal
from . import anchors, discourse, periods
from .tagger import tag

#: Extra distance (characters) given to a date that directly follows a speech verb, so that the
#: date of a statement is used for the event only when the sentence offers nothing else.
SPEECH_PENALTY = 1000

#: Weight of a time expression after the trigger within the paragraph: narrative dates usually
#: come before the events they date.
AFTER_WEIGHT = 2

#: How far back (characters) the start of a paragraph is looked for: a paragraph longer than
#: this is cut there, which only narrows the dates a mention may borrow.
PARAGRAPH_REACH = 3000

#: Steps up the dependency tree from a time expression's head in which the trigger must appear
#: for the expression to count as attached ("attack on Wednesday": Wednesday → on → attack).
ATTACH_STEPS = 2

_SPEECH_BEFORE = re.compile(rf"\b(?:{discourse.SPEECH_VERBS})\s*$",
                            re.IGNORECASE)


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def _original_timexes(article: Article) -> list[TimeValue]:
    """Tag the clean text and map every expression to original offsets."""
    out = []
    for t in tag(article.text, article.written):
        s, e = article.to_original(t.start, t.end)  # type: ignore[arg-type]
        out.append(dataclasses.replace(t, start=s, end=e, text=article.original[s:e]))
    return out


class _TokenIndex:
    """Original-text offsets of every token of a Doc, computed once per article.

    Mentions then find their tokens by bisection instead of scanning the whole document; the
    offsets come from token arrays (``nlp.offsets``), not from one Token object per word.
    """

    def __init__(self, doc, article: Article):  # type: ignore[no-untyped-def]
        self.doc = doc
        spans = original_token_spans(doc, article)
        self.starts, self.ends = spans.starts, spans.ends

    def overlapping(self, start: int, end: int) -> list:  # type: ignore[type-arg]
        """Tokens whose original span overlaps [start, end)."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        out = []
        while i < len(self.starts) and self.starts[i] < end:
            if self.ends[i] > start:
                out.append(self.doc[i])
            i += 1
        return out


def _attached(index: _TokenIndex | None, mention: Mention, timexes: list[TimeValue]) -> set[int]:
    """Indices of ``timexes`` whose head hangs from the trigger in the parse."""
    if index is None:
        return set()
    trigger = index.overlapping(mention.trigger.start, mention.trigger.end)
    if not trigger:
        return set()
    trigger_ids = {tok.i for tok in trigger}
    # a light verb carries the date of the act its object names ("conducted strikes last night")
    trigger_ids |= {tok.head.i for tok in trigger
                    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")}
    found = set()
    for k, t in enumerate(timexes):
        toks = index.overlapping(t.start, t.end)  # type: ignore[arg-type]
        ids = {tok.i for tok in toks}
        for tok in toks:
            if tok.head.i in ids and tok.head.i != tok.i:
                continue  # not the expression's head
            node = tok
            for _ in range(ATTACH_STEPS):
                node = node.head
                if node.i in trigger_ids:
                    found.add(k)
                    break
                if node.head.i == node.i:
                    break
    return found


#: Prepositions whose object happens at the same time as the act they modify ("fired tear gas on
#: Sunday during protests").
CO_TEMPORAL = frozenset({"during", "amid", "amidst", "throughout", "while"})

#: Dependencies by which a time expression modifies the noun phrase it sits in ("the December 29
#: US air strikes"): such a date belongs to that noun's event, not to another trigger's.
NP_MODIFIER_DEPS = frozenset({"compound", "nmod", "npadvmod", "amod", "poss", "nummod"})


def _foreign(index: _TokenIndex | None, mention: Mention, timexes: list[TimeValue]) -> set[int]:
    """Indices of ``timexes`` that modify another noun than the trigger ("protesters outraged over
    the December 29 US air strikes" does not date the protest)."""
    if index is None:
        return set()
    trigger_ids = {tok.i for tok in index.overlapping(mention.trigger.start, mention.trigger.end)}
    if not trigger_ids:
        return set()
    out = set()
    for k, t in enumerate(timexes):
        toks = index.overlapping(t.start, t.end)  # type: ignore[arg-type]
        ids = {tok.i for tok in toks}
        heads = [tok for tok in toks if tok.head.i not in ids or tok.head.i == tok.i]
        if heads and all(
            (h.dep_ in NP_MODIFIER_DEPS and h.head.pos_ in ("NOUN", "PROPN") and h.head.i not in trigger_ids)
            # "the invasion of 2003", "the war of 1980-88": a date after "of" names its noun's time
            or (h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ in ("NOUN", "PROPN")
                and h.head.head.i not in trigger_ids)
            for h in heads
        ):
            out.add(k)
    return out


#: An apposition or relative clause set off by commas that opens with an article or a relative
#: word (", the leader of the volunteers fighting ISIS in Iraq,"): it describes a participant,
#: and a date of the main clause outside it ("… was killed on 3rd January") is not its date.
_APPOSITION_OPENER = re.compile(r",\s*(?:the|a|an|who|which|whose)\b", re.IGNORECASE)

#: The comma that closes such an apposition is followed by the main clause's verb (", was
#: killed", ", described the strikes"); commas inside it separate list items (", social
#: inequality and …").
_APPOSITION_CLOSER = re.compile(r",\s*(?:was|were|is|are|has|have|had|will|would|said|says|told|"
                                r"[a-z]+ed)\b")


def _outside_apposition(original: str, trigger: tuple[int, int], sentence: tuple[int, int],
                        timexes: list[TimeValue]) -> set[int]:
    """Indices of ``timexes`` outside the comma-bounded apposition the trigger sits in (empty
    when the trigger is in none)."""
    left = original.rfind(",", sentence[0], trigger[0])
    if left < 0 or not _APPOSITION_OPENER.match(original, left):
        return set()
    right = _APPOSITION_CLOSER.search(original, trigger[1], sentence[1])
    if right is None:
        return set()
    return {k for k, t in enumerate(timexes)
            if not (left < t.start and t.end <= right.start())}  # type: ignore[operator]


#: A paragraph break: a blank line, or a line break right after the end of a sentence (wire copy
#: that separates paragraphs by single newlines). A lone newline after a word is a page or line
#: break inside a sentence and does not end the paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|(?<=[.!?\"'”’)])[ \t]*\n")


def _paragraph(original: str, start: int, end: int) -> tuple[int, int]:
    # a sentence span may end with its newline: the paragraph break then starts inside it
    end = start + len(original[start:end].rstrip())
    left = 0
    for m in _PARAGRAPH_BREAK.finditer(original, max(0, start - PARAGRAPH_REACH), start):
        left = m.end()
    right = _PARAGRAPH_BREAK.search(original, end)
    return left, (right.start() if right else len(original))


#: "since <time>" ("has been a major figure since the Iran-Iraq war of 1980-88"): the time starts
#: a state of its own sentence and says nothing of when another sentence's act happened.
_SINCE_BEFORE = re.compile(r"\bsince\b[^.,;:!?]{0,40}$", re.IGNORECASE)


def _starts_state(original: str, t: TimeValue) -> bool:
    """True when ``t`` is the time a "since" phrase starts a state from."""
    return bool(_SINCE_BEFORE.search(original, max(0, t.start - 60), t.start))  # type: ignore[operator]


def _as_date(t: TimeValue, fallback: bool = False) -> TimeValue:
    return dataclasses.replace(t, fallback=fallback)


def _resolve_times(mention: Mention, timexes: list[TimeValue], dct: str | None) -> list[TimeValue]:
    """Step 1: fill in the time words attached by the NLP stage; return the dated ones.

    Each span takes the tagged expression overlapping it (the tagger's extent, which may be
    longer: "early Monday morning" for "Monday morning"), else is tagged on its own.
    """
    dated = []
    for time in mention.times:
        if time.start is None or time.end is None:
            continue
        hit = next((t for t in timexes if t.start < time.end and time.start < t.end), None)  # type: ignore[operator]
        if hit is None and time.text:
            alone = tag(time.text, dct)
            hit = alone[0] if alone else None
            if hit is not None:
                hit = dataclasses.replace(hit, start=time.start, end=time.end, text=time.text)
        if hit is None:
            continue
        time.type, time.value, time.date, time.precision = hit.type, hit.value, hit.date, hit.precision
        if hit.date:
            dated.append(hit)
    return dated


def _nearest(mention: Mention, candidates: list[tuple[int, TimeValue]], original: str,
             after_weight: int = 1) -> TimeValue | None:
    scored = []
    for k, t in candidates:
        d = _distance(t.start, t.end, mention.trigger.start, mention.trigger.end)  # type: ignore[arg-type]
        if t.start >= mention.trigger.end:  # type: ignore[operator]
            d *= after_weight
        if _SPEECH_BEFORE.search(original[max(0, t.start - 20):t.start]):  # type: ignore[operator]
            d += SPEECH_PENALTY
        scored.append((d, k, t))
    return min(scored, key=lambda x: (x[0], x[1]))[2] if scored else None


def date_one(article: Article, index: _TokenIndex | None, mention: Mention,
             timexes: list[TimeValue], others: frozenset[tuple[int, int]] = frozenset(),
             depth: int = 0) -> TimeValue | None:
    """The date of one mention (see the module docstring for the cascade). ``others``: spans of
    time expressions syntactically attached to another mention's trigger (and not to this one):
    they date that act ("struck on Monday the militants it blamed for the recent attack").
    ``depth`` is 1 when dating the anaphor of a following sentence (no further look-ahead)."""
    original = article.original
    trig = (mention.trigger.start, mention.trigger.end)
    from_nlp = _resolve_times(mention, timexes, article.written)
    dated = [(k, t) for k, t in enumerate(timexes) if t.date]
    sent = mention.sentence
    if from_nlp:
        in_sentence = list(enumerate(from_nlp))
    else:
        in_sentence = [(k, t) for k, t in dated if sent.start <= t.start and t.end <= sent.end]  # type: ignore[operator]
    taken = set()
    attached: set[int] = set()
    if in_sentence:
        foreign = _foreign(index, mention, [t for _, t in in_sentence])
        own = _attached(index, mention, [t for _, t in in_sentence])
        foreign |= {n for n, (_, t) in enumerate(in_sentence) if (t.start, t.end) in others and n not in own}
        foreign |= _outside_apposition(original, trig, (sent.start, sent.end), [t for _, t in in_sentence]) - own
        taken = {(in_sentence[n][1].start, in_sentence[n][1].end) for n in foreign}
        in_sentence = [p for n, p in enumerate(in_sentence) if n not in foreign]
        attached = _attached(index, mention, [t for _, t in in_sentence])
    # 0. a named period, unless the act has a date of its own in its clause
    if index is not None or from_nlp:
        own_dates = [in_sentence[i][1] for i in attached] if not from_nlp else [t for _, t in in_sentence]
    else:
        own_dates = [t for _, t in in_sentence]
    period = periods.named_period(original, (sent.start, sent.end), trig, own_dates,
                                  cal.parse_dct(article.written))
    if period is not None:
        return period
    dct = cal.parse_dct(article.written)
    all_dated = [t for _, t in dated]
    # "The deployment follows this week's storming …": from the followed act to publication
    # (that date modifies the other act's noun, so it is looked for among all of the sentence's)
    target = None
    if not attached and not anchors.own_possessive(original, trig, [t for _, t in in_sentence]):
        target = anchors.followed(original, trig, [t for t in all_dated if sent.start <= t.start < sent.end])  # type: ignore[operator]
    if target is not None:
        target = anchors.refine(original, target, all_dated, (sent.start, sent.end))
        got = anchors.since(target, cal.day(dct) if dct else None)
        if got is not None:
            return got
    if in_sentence:
        pool = [in_sentence[i] for i in sorted(attached)] if attached else in_sentence
        chosen = _nearest(mention, pool, original)
        assert chosen is not None
        chosen = anchors.refine(original, chosen, all_dated, (sent.start, sent.end))
        # "Wednesday's attack came after over 20 others …": those ended before Wednesday
        later = anchors.preceding_act(original, trig, [t for _, t in in_sentence])
        if later is not None:
            if later is chosen:
                return anchors.before(later)
            chosen = anchors.ended_before(chosen, later)
        # a date that belongs to a speech verb dates the statement, not the act it reports
        if (not attached and chosen.end <= trig[0]  # type: ignore[operator]
                and discourse.is_statement_date(original, chosen, sent.start)
                and discourse.reports(original, chosen.end, trig[0])):  # type: ignore[arg-type]
            ongoing = discourse.reported_ongoing(original, chosen.end, trig[1])  # type: ignore[arg-type]
            got = discourse.reported(chosen, ongoing)
            if got is not None:
                return got
        # "“last night's action was merely a slap”", quoted from a speech of unknown day: the
        # speaker's "last night" is counted from the speech, which is at or before publication
        if (len(pool) == 1 and discourse.deictic_day(chosen)
                and discourse.in_quotation(original, chosen.start, _paragraph(original, sent.start, sent.end)[0])):  # type: ignore[arg-type]
            got = discourse.reported(chosen, False)
            if got is not None:
                return dataclasses.replace(got, basis="quoted")
        return _as_date(chosen)
    # an undated article's "last month": the sentence has a time the day of writing would give;
    # another sentence's date would be a wrong one
    if dct is None and any(t.type == "DATE" and not t.date and sent.start <= t.start and t.end <= sent.end  # type: ignore[operator]
                           for t in timexes):
        return None
    # no date in the sentence: an act going on (or a state holding) at publication
    kind = discourse.aspect(original, trig, (sent.start, sent.end))
    if kind is not None and dct is not None:
        return discourse.open_to(cal.day(dct), kind)
    p0, p1 = _paragraph(original, sent.start, sent.end)
    in_paragraph = [(k, t) for k, t in dated if p0 <= t.start and t.end <= p1  # type: ignore[operator]
                    and (t.start, t.end) not in taken and not _starts_state(original, t)]
    if in_paragraph:
        chosen = _nearest(mention, in_paragraph, original, AFTER_WEIGHT)
        assert chosen is not None
        # a quotation borrowing the date of the speech it belongs to: at or before the speech
        if (chosen.end <= trig[0] and discourse.in_quotation(original, trig[0], p0)  # type: ignore[operator]
                and discourse.is_statement_date(original, chosen, p0)):
            got = discourse.reported(chosen, kind == "ongoing")
            if got is not None:
                return dataclasses.replace(got, basis="quoted")
        return _as_date(chosen)
    # "… placed on high alert for deployment. The deployment follows this week's storming …"
    if depth == 0:
        ahead = discourse.next_anaphor(original, trig, (sent.start, sent.end))
        if ahead is not None:
            a0, a1, n0, n1 = ahead.start, ahead.end, ahead.sentence_start, ahead.sentence_end
            probe = Mention(mention_id=mention.mention_id, doc_id=mention.doc_id, type=mention.type,
                            trigger=Span(a0, a1, original[a0:a1]), sentence=Span(n0, n1, original[n0:n1]))
            got = date_one(article, None, probe, timexes, depth=1)
            if got is not None and not got.fallback:
                return dataclasses.replace(got, basis="anaphor")
    # a sentence that carries on an earlier act ("were followed up with drone strikes")
    if discourse.continues(original, trig, (sent.start, sent.end)):
        ante = discourse.antecedent_date(original, [t for _, t in dated], sent.start)
        if ante is not None:
            return dataclasses.replace(ante, fallback=False, basis="carried")
    if dct is None:
        return None
    return TimeValue(text=None, type="DATE", value=cal.day(dct),
                     date=cal.month(dct.year, dct.month), precision="month", fallback=True)


def date_mentions(article: Article, doc, mentions: list[Mention]) -> None:  # type: ignore[no-untyped-def]
    """Set ``Mention.date`` (date + precision; ``fallback`` when from the publication date).

    ``doc`` is the spaCy Doc of ``article.text`` or None (then only the text is used). Also
    fills type/value/date of the unresolved ``Mention.times`` spans it can resolve. An undated
    article known to be written within some days (:attr:`Article.written_range`) is dated as if
    written on the first and on the last of them: a date both readings agree on stands ("Aug.
    15"), else the range covering both ("overnight" → ``2022-08-16/2022-08-31``).
    """
    if not mentions:
        return
    days = article.written_range
    if days is None:
        _date_all(article, doc, mentions)
        return
    _date_all(dataclasses.replace(article, published=days[0]), doc, mentions)
    early = [m.date for m in mentions]
    _date_all(dataclasses.replace(article, published=days[1]), doc, mentions)
    for mention, first in zip(mentions, early):
        mention.date = _covering(first, mention.date)


def _covering(early: TimeValue | None, late: TimeValue | None) -> TimeValue | None:
    """One date for the two readings of an undated article: the same, or the range from the
    start of the early one to the end of the late one."""
    if early is None or late is None:
        return early or late
    if (early.date, early.precision) == (late.date, late.precision) or not early.date or not late.date:
        return early
    left, right = early.date.split("/")[0], late.date.split("/")[-1]
    return dataclasses.replace(early, date=f"{left}/{right}", precision="range",
                               fallback=early.fallback and late.fallback)


def _date_all(article: Article, doc, mentions: list[Mention]) -> None:  # type: ignore[no-untyped-def]
    """:func:`date_mentions` for an article with one date of writing (or none)."""
    timexes = _original_timexes(article)
    index = _TokenIndex(doc, article) if doc is not None else None
    # time expressions attached in the parse to each mention's trigger, so that a mention does not
    # take the date that governs another act of its sentence
    # (only when this mention sits inside that act's clause: "conducted strikes last night on
    # the militants it blamed for the recent attack")
    attached: dict[str, set[tuple[int, int]]] = {}
    scope: dict[str, set[int]] = {}
    heads: dict[str, set[int]] = {}
    if index is not None:
        for mention in mentions:
            sent = mention.sentence
            local = [t for t in timexes if t.date and sent.start <= t.start and t.end <= sent.end]  # type: ignore[operator]
            attached[mention.mention_id] = {(local[k].start, local[k].end) for k in _attached(index, mention, local)}  # type: ignore[misc]
            toks = index.overlapping(mention.trigger.start, mention.trigger.end)
            heads[mention.mention_id] = {t.i for t in toks}
            roots = toks + [t.head for t in toks if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")]
            # acts in a "during …"/"amid …" adjunct overlap the act in time: their date is shared
            overlap = {d.i for r in roots for c in r.children
                       if c.dep_ == "prep" and c.lower_ in CO_TEMPORAL for d in c.subtree}
            scope[mention.mention_id] = {d.i for r in roots for d in r.subtree} - overlap
    # a date right after another act's noun ("the militia attacks on Aug. 15") is that act's,
    # whatever the parse hung it on
    adjacent = {m.mention_id: _right_after(article.original, m, timexes) for m in mentions}
    for mention in mentions:
        own = heads.get(mention.mention_id, set())
        others = frozenset(
            span for m in mentions if m is not mention and m.sentence.start == mention.sentence.start
            and own and own <= scope.get(m.mention_id, set())
            for span in attached.get(m.mention_id, ())
        ) | frozenset(
            span for m in mentions if m is not mention and m.sentence.start == mention.sentence.start
            and not (m.trigger.start <= mention.trigger.start < m.trigger.end)
            for span in adjacent[m.mention_id]
        )
        mention.date = date_one(article, index, mention, timexes, others)
    _date_named_causes(article, mentions, attached)


#: A preposition (and article) between an act's noun and the date that is its own.
_NOUN_DATE_GAP = re.compile(r"\s+(?:on|of|in|since|during)\s+(?:the\s+)?$", re.IGNORECASE)


def _right_after(original: str, mention: Mention, timexes: list[TimeValue]) -> set[tuple[int, int]]:
    """Spans of dated expressions that follow the mention's trigger across a preposition only."""
    end = mention.trigger.end
    return {(t.start, t.end) for t in timexes  # type: ignore[misc]
            if t.date and end < t.start <= end + 16 and _NOUN_DATE_GAP.fullmatch(original[end:t.start])}  # type: ignore[operator]


def _date_named_causes(article: Article, mentions: list[Mention],
                       attached: dict[str, set[tuple[int, int]]]) -> None:
    """A cause named inside another act's sentence ("launched missiles on
    Wednesday *to avenge* the killing of the general") happened before that act: when it has no
    time word of its own, it is dated ``../D`` by the act it caused, instead of borrowing the
    act's own date (from the sentence or the paragraph) as if it were the same day."""
    for cause in mentions:
        if attached.get(cause.mention_id) or cause.date is None:
            continue
        effect = effect_of_named_cause(article.original, cause, mentions)
        if effect is None or effect.date is None or effect.date.precision != "day":
            continue
        # only a borrowed day is wrong; a publication-month fallback is vague but not false
        if cause.date.date == effect.date.date:
            cause.date = dataclasses.replace(effect.date, date=f"../{effect.date.date}",
                                             precision="range", fallback=False, basis="before")
