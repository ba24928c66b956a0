"""parse(): the layout's sentence starts (paragraph breaks; with split_layout the edges of the
headline, byline, dateline) are preset before the parser runs, and the parser keeps them."""

from __future__ import annotations

from warwire.ingest import read
from warwire.model import Article, Block, OffsetMap
from warwire.nlp import SPLIT_LAYOUT_BLOCKS, layout_sentence_starts, make_doc, parse

HEADLINE = "Rebels shell border town"
LEDE = ("REBEL artillery pounded the town of Kafr Nabl on Tuesday, killing four civilians, "
        "local officials said.")


def _sentence_starts(doc) -> list[int]:  # type: ignore[no-untyped-def]
    return [s.start_char for s in doc.sents]


def test_parser_keeps_a_preset_start_on_this_spacy_version(nlp):
    # No full stop after the headline: left alone, spaCy glues it to the lede.
    text = f"{HEADLINE}\n{LEDE}"
    assert len(HEADLINE) + 1 not in _sentence_starts(nlp(text))
    doc = nlp.make_doc(text)
    first_lede_token = next(t for t in doc if t.idx == len(HEADLINE) + 1)
    first_lede_token.is_sent_start = True
    parsed = next(iter(nlp.pipe([doc])))
    assert len(HEADLINE) + 1 in _sentence_starts(parsed)
    assert parsed[first_lede_token.i].head.i >= first_lede_token.i  # no arc back into the headline


def _headline_article(text: str) -> Article:
    cut = text.index("\n")
    return Article("t", text, text,
                   blocks=[Block(0, cut, "headline"), Block(text.rindex("\n") + 1, len(text), "body")])


def _pipe(nlp, docs):  # type: ignore[no-untyped-def]
    return list(nlp.pipe(docs))


def test_split_layout_makes_the_headline_its_own_sentence(nlp):
    article = _headline_article(f"{HEADLINE}\n{LEDE}")
    [doc] = _pipe(nlp, [make_doc(article, nlp, split_layout=True)])
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == HEADLINE
    assert sents[1].startswith("REBEL artillery")


def test_without_split_layout_the_headline_stays_with_its_lede_but_paragraphs_split():
    # Later stages date a headline's act from its lede (SPLIT_LAYOUT_BLOCKS); body paragraphs
    # split either way.
    second = "Two of the wounded died overnight, a hospital director said."
    text = f"{HEADLINE}\n\n{LEDE}\n\n{second}"
    article = _headline_article(text)
    assert layout_sentence_starts(article, split_layout=False) == [text.index("Two of")]
    assert layout_sentence_starts(article, split_layout=True) == [text.index("REBEL"),
                                                                  text.index("Two of")]
    assert layout_sentence_starts(article) == layout_sentence_starts(
        article, split_layout=SPLIT_LAYOUT_BLOCKS)


def test_parse_keeps_a_paragraph_break_the_parser_would_miss(nlp):
    # A paragraph ending in a closing quote: left alone, spaCy runs on into the next paragraph.
    first = 'The ministry called the raid "a blatant violation of our sovereignty."'
    second = "For their part, the rebels denied any role in the attack on the convoy."
    text = f"{first}\n\n{second}"
    [(_, doc)] = list(parse([Article("t", text, text)], nlp))
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [first, second]  # the closing quote stays with its sentence


def test_blank_line_starts_a_sentence_but_a_body_newline_does_not():
    first = "Troops entered the city on Monday and took the airport"
    text = f'{first}, the army said."\n\n"We hold the airport," a colonel\nsaid on Tuesday.'
    starts = layout_sentence_starts(Article("t", text, text))
    assert starts == [text.index('"We hold')]  # the hard-wrapped "\nsaid" is left to the parser


def test_dropped_byline_and_dateline_make_the_lede_a_sentence_start(nlp):
    original = f"{HEADLINE}\n\nBy Amal Haddad\n\n4 March 2025\n\n{LEDE}\n"
    text = f"{HEADLINE}\n\n{LEDE}"
    lede_at = original.index("REBEL")
    article = Article(
        "t", original, text,
        offset_map=OffsetMap([(0, 0), (len(HEADLINE) + 2, lede_at)]),
        blocks=[Block(0, len(HEADLINE), "headline"),
                Block(len(HEADLINE) + 2, len(HEADLINE) + 16, "byline"),
                Block(original.index("4 March"), original.index("4 March") + 12, "dateline"),
                Block(lede_at, lede_at + len(LEDE), "body")],
    )
    assert layout_sentence_starts(article, split_layout=True) == [len(HEADLINE) + 2]
    assert layout_sentence_starts(article, split_layout=False) == []
    doc = make_doc(article, nlp, split_layout=True)
    assert doc[0].is_sent_start and next(t for t in doc if t.text == "REBEL").is_sent_start


def test_page_break_joined_around_a_running_header_stays_one_sentence():
    original = "Militants fired\n\nDAILY GAZETTE PAGE 2\n\nrockets at the town on Friday."
    text = "Militants fired rockets at the town on Friday."
    header_at = original.index("DAILY")
    article = Article(
        "t", original, text,
        offset_map=OffsetMap([(0, 0), (16, original.index("rockets"))]),
        blocks=[Block(0, 15, "body"), Block(header_at, header_at + 20, "boilerplate"),
                Block(original.index("rockets"), len(original), "body")],
    )
    assert layout_sentence_starts(article, split_layout=True) == []


def test_ingested_headline_and_byline_are_separate_from_the_lede(nlp, tmp_path):
    body = (f"{LEDE} The shelling began at dawn and lasted for three hours, residents told "
            "reporters by telephone.\n\nAid groups said the only clinic in the town had been "
            "damaged and its staff had moved patients to a mosque nearby.\n")
    path = tmp_path / "a.txt"
    path.write_text(f"{HEADLINE}\n\nBy Amal Haddad\n\n{body}", encoding="utf-8")
    [article] = list(read([str(path)]))
    assert article.text.startswith(HEADLINE)
    [doc] = _pipe(nlp, [make_doc(article, nlp, split_layout=True)])
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == HEADLINE
    assert sents[1].startswith("REBEL artillery")
    assert not any("Amal Haddad" in s for s in sents)


def test_worker_processes_keep_the_preset_starts(nlp):
    texts = [f'Shelling reported. "We saw the smoke."\n\n{LEDE}',
             f"The raid ended at noon.\n\n{LEDE} Two more died later."]
    articles = [Article(f"t{n}", text, text) for n, text in enumerate(texts)]
    one = [_sentence_starts(doc) for _, doc in parse(articles, nlp, n_process=1, batch_size=1)]
    two = [_sentence_starts(doc) for _, doc in parse(articles, nlp, n_process=2, batch_size=1)]
    assert one == two
    assert all(text.index("REBEL") in starts for starts, text in zip(one, texts))
