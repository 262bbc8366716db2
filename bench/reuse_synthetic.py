"""A synthetic reuse pile built from real BBC articles, with gold links, and a scorer for it.

Usage:
    .venv/bin/python bench/reuse_synthetic.py generate --out pile.jsonl --seed 1 --originals 200
    .venv/bin/python bench/reuse_synthetic.py score --gold pile.gold.json --dossier out/dossier.json [--json]
    .venv/bin/python bench/reuse_synthetic.py run --seed 1 --originals 200 [--work DIR] [--json]

``generate`` picks independent originals from the BBC News raw corpus (../shared/datasets/bbc_news_raw)
and derives, with known relations: ``verbatim`` copies (same body, other page furniture),
``syndicated`` copies (wire credit/dateline, trimmed ending, a few words changed, paragraphs re-split),
``excerpt``s (a contiguous 25-60 % of the paragraphs) and ``spun_rewrite``s at 10/20/30/40 %
substitution of content words (bench/spin_lexicon.tsv), with sentences dropped or merged. It adds
what must stay unlinked: other articles of the same category, pairs of originals that share only a
disclaimer line or only a site's furniture, empty and very short pages; and one story with many
verbatim copies (``--mass-copies``) so that anything quadratic shows. The pile is JSONL as
``newsdossier build`` ingests it; the gold (pairs, families, designed negatives) goes to a JSON file.

``score`` reads a dossier's ``reuse`` and ``families`` (article ids are mapped back through the
URL) and reports pairwise P/R/F1 per relation, "linked at all", direction accuracy, family B-cubed
and pairwise F1, and false links by kind. ``run`` = generate -> ``newsdossier build`` (timed) -> score.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsdossier.model import Relation

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDOSSIER_SHARED", REPO.parent / "shared"))
DEFAULT_BBC = SHARED / "datasets" / "bbc_news_raw" / "bbc"
DEFAULT_LEXICON = Path(__file__).with_name("spin_lexicon.tsv")
GOLD_SCHEMA = "newsdossier-reuse-synthetic/1"

# Two BBC articles sharing this many distinct word 5-grams are not independent: the corpus holds
# 136 exact duplicates and many follow-up stories that repeat a background paragraph. Measured on
# the corpus: >= 3 also catches stock phrases ("at the end of the"; 1,503 stories kept), >= 8 lets
# 9-12-word shared passages through (1,828 kept); 5 keeps 1,728 with no shared sentence.
SHARED_SHINGLES_NOT_INDEPENDENT = 5
SHINGLE_WORDS = 5
COMMON_SHINGLE_DOCS = 50  # a 5-gram in this many stories is a stock phrase, not evidence of reuse
DEFAULT_MASS_COPIES = 2000  # "e.g. 2,000" copies of one story: all-pairs work on them is 2 million pairs
EXCERPT_SHARE = (0.25, 0.6)  # of the paragraphs (of the sentences, for a story of under four paragraphs)
MIN_EXCERPT_WORDS = 50  # an excerpt shorter than a long sentence is a teaser, not reuse
FIRST_DAY = date(2004, 1, 1)  # the BBC corpus covers 2004-2005
DAYS_SPAN = 700

WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_CONTENT = re.compile(r"[a-z]+(?:-[a-z]+)*")
_SENTENCE_BREAK = re.compile(r"""[.!?]["”’']?(\s+)(?=["“‘']?[A-Z0-9£$])""")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)

KINDS_UNLINKED = ("unrelated", "empty", "short")
AGENCIES = {  # name -> (dateline format, closing credit lines)
    "Reuters": ("{city}, {month} {day} (Reuters) - ", ("(Reuters)", "Reporting by Reuters staff; editing by the Reuters desk")),
    "AFP": ("{city} (AFP) - ", ("AFP contributed to this report.", "(AFP)")),
    "AP": ("{city} (AP) — ", ("The Associated Press contributed to this report.", "(AP)")),
    "PA Media": ("{city}, {month} {day} (PA) - ", ("PA Media contributed to this report.",)),
}
CITIES = ("London", "New York", "Washington", "Brussels", "Paris", "Tokyo", "Frankfurt", "Los Angeles")
OUTLET_PLACES = ("Northbridge", "Ashford", "Lakeside", "Riverton", "Eastfield", "Kingsport", "Westmoor",
                 "Harbour City", "Millbrook", "Stonegate", "Fairhaven", "Oakdale")
OUTLET_TITLES = ("Herald", "Ledger", "Courier", "Gazette", "Post", "Chronicle", "Observer", "Times",
                 "Daily", "Express", "Review", "Bulletin")
HEADER_LINES = ("| Welcome to {outlet}", "Skip to main content", "{outlet} | {section}", "Home » {section} » News",
                "Menu Search Sign in", "Advertisement", "{today}")
FOOTER_LINES = ("Follow us on Twitter and Facebook for the latest from {outlet}",
                "Share this article: Facebook Twitter WhatsApp Email", "Get the best of {outlet} every morning: sign up for our newsletter",
                "© 2005 {outlet}. All rights reserved.", "Comments ({n})", "Download the {outlet} app",
                "Like this story? Share it with your friends.", "Click here to subscribe")
LINK_LINES = ("Read more: {headline}", "Related: {headline}", "ALSO READ: {headline}", "Recommended: {headline}")
TITLE_FORMATS = ("{title} | {outlet}", "{title} - {outlet}", "{outlet}: {title}", "{upper}", "{title}")
DISCLAIMERS = (
    ("The views expressed in this article are the author's own and do not necessarily reflect the editorial "
     "policy of this publication or of its owners."),
    ("This article is for information only and does not constitute investment advice; the value of investments "
     "can fall as well as rise and past performance is no guide to future returns."),
    ("If you have been affected by any of the issues raised in this story, help and support is available from "
     "the advice line listed on our contact page."),
    ("This story has been updated to correct an error in an earlier version; we regret the mistake and thank "
     "the readers who pointed it out."),
)
SHORT_TEXTS = ("Page not found", "Page not found", "Subscribe to continue reading.", "Advertisement",
               "This content is not available in your region.", "Sorry, this video is no longer available.")
EMPTY_TEXTS = ("", "   ", "\n\n")


# ---------------------------------------------------------------------------------------------- inputs

@dataclass(frozen=True, slots=True)
class SourceStory:
    """One BBC article: ``bbc/<category>/NNN.txt``, the first line its headline."""

    key: str  # "business/001"
    category: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BbcCorpus:
    """The independent stories of the corpus (near-duplicates removed) and every headline."""

    stories: tuple[SourceStory, ...]
    headlines: tuple[str, ...]

    @classmethod
    def load(cls, folder: Path = DEFAULT_BBC) -> BbcCorpus:
        paths = sorted(p for p in folder.glob("*/*.txt"))
        if not paths:
            raise FileNotFoundError(f"no BBC articles under {folder}; pass --data to the bbc/ folder "
                                    "of bbc_news_raw (or set NEWSDOSSIER_SHARED)")
        stories = [_read_story(folder, p) for p in paths]
        return cls(stories=tuple(_independent(stories)), headlines=tuple(s.title for s in stories))


def _read_story(folder: Path, path: Path) -> SourceStory:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # one file of the corpus is not UTF-8
    title, _, body = text.partition("\n")
    paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip())
    key = path.relative_to(folder).with_suffix("").as_posix()
    return SourceStory(key=key, category=path.parent.name, title=title.strip(), paragraphs=paragraphs)


def _independent(stories: Sequence[SourceStory]) -> list[SourceStory]:
    """Keep a story only if it shares no passage with a story kept before it (greedy, in path order)."""
    shingles = [_shingles(" ".join(s.paragraphs)) for s in stories]
    postings: dict[int, list[int]] = defaultdict(list)
    for number, keys in enumerate(shingles):
        for key in keys:
            postings[key].append(number)
    kept: set[int] = set()
    for number, keys in enumerate(shingles):
        shared = Counter(other for key in keys if len(postings[key]) < COMMON_SHINGLE_DOCS
                         for other in postings[key] if other in kept)
        if not shared or max(shared.values()) < SHARED_SHINGLES_NOT_INDEPENDENT:
            kept.add(number)
    return [s for number, s in enumerate(stories) if number in kept and s.paragraphs]


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    # hash() of a str is salted per process, but only equality is used here, never order.
    return {hash(" ".join(words[i:i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass(frozen=True, slots=True)
class SpinLexicon:
    """Headword -> near-synonyms a spinner may put in its place (see bench/spin_lexicon.tsv)."""

    substitutes: Mapping[str, tuple[str, ...]]

    @classmethod
    def load(cls, path: Path = DEFAULT_LEXICON) -> SpinLexicon:
        table: dict[str, tuple[str, ...]] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            word, tab, rest = line.partition("\t")
            options = tuple(o for o in rest.split("|") if _CONTENT.fullmatch(o) and o != word)
            if not tab or not _CONTENT.fullmatch(word) or not options:
                raise ValueError(f"{path}:{number}: expected 'word<TAB>substitute|substitute', with lowercase "
                                 f"single words; found {line!r}")
            table[word] = options
        return cls(substitutes=table)


# ------------------------------------------------------------------------------------------ the pile

@dataclass(frozen=True, slots=True)
class PileConfig:
    """How much of each kind a pile holds. Shares are of ``n_originals``; chances are per article."""

    verbatim_share: float = 0.5
    max_verbatim_copies: int = 2
    syndicated_share: float = 0.4
    max_syndicated_copies: int = 2
    excerpt_share: float = 0.4
    spun_share: float = 0.6
    spin_rates: tuple[float, ...] = (0.1, 0.2, 0.3, 0.4)  # cycled over the spun originals
    unrelated_share: float = 0.7
    boilerplate_pairs: int | None = None  # None: one pair per 25 originals, at least one
    furniture_pairs: int | None = None
    empty_docs: int = len(EMPTY_TEXTS)
    short_docs: int = len(SHORT_TEXTS)
    mass_copies: int = DEFAULT_MASS_COPIES
    spin_drop_chance: float = 0.5  # a sentence dropped
    spin_merge_chance: float = 0.5  # two sentences merged into one
    spin_resplit_chance: float = 0.5  # one sentence per paragraph, as the seed spinner does
    original_furniture_chance: float = 0.5

    def __post_init__(self) -> None:
        for name in ("verbatim_share", "syndicated_share", "excerpt_share", "spun_share", "unrelated_share",
                     "spin_drop_chance", "spin_merge_chance", "spin_resplit_chance", "original_furniture_chance"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"PileConfig.{name}={getattr(self, name)!r}: a share or chance is between 0 and 1")
        if not self.spin_rates or not all(0.0 < r < 1.0 for r in self.spin_rates):
            raise ValueError(f"PileConfig.spin_rates={self.spin_rates!r}: give rates strictly between 0 and 1")
        for name in ("max_verbatim_copies", "max_syndicated_copies", "empty_docs", "short_docs", "mass_copies"):
            if getattr(self, name) < 0:
                raise ValueError(f"PileConfig.{name}={getattr(self, name)!r}: a count cannot be negative")
        if self.max_verbatim_copies < 1 or self.max_syndicated_copies < 1:
            raise ValueError("PileConfig.max_*_copies must be at least 1 (set the share to 0 to have none)")


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    id: str
    kind: str  # original, verbatim, syndicated, excerpt, spun_rewrite, unrelated, empty, short, mass
    text: str  # as ingested: body plus page furniture, paragraphs separated by blank lines
    body: str  # the text without furniture (what the relation was made from)
    title: str | None
    credit: str | None
    published: date
    outlet: str
    url: str
    category: str | None
    origin: str | None = None  # the original this was derived from
    spin_rate: float | None = None
    changed_share: float | None = None  # content words actually substituted / content words


@dataclass(frozen=True, slots=True)
class GoldPair:
    source: str
    target: str
    relation: Relation
    spin_rate: float | None = None
    mass: bool = False


@dataclass(frozen=True, slots=True)
class GoldFamily:
    id: str
    origin: str  # the original article's id
    agency: str | None
    articles: tuple[str, ...]
    mass: bool = False


@dataclass(frozen=True, slots=True)
class NegativePair:
    a: str
    b: str
    kind: str  # shared_boilerplate, shared_furniture, short_or_empty


@dataclass(frozen=True, slots=True)
class SyntheticPile:
    seed: int
    config: PileConfig
    articles: tuple[SyntheticArticle, ...]  # in pile order (shuffled)
    pairs: tuple[GoldPair, ...]
    families: tuple[GoldFamily, ...]
    negatives: tuple[NegativePair, ...]

    def jsonl_records(self) -> list[dict[str, Any]]:
        """The pile as ``newsdossier build`` ingests it (no gold in it)."""
        records = []
        for a in self.articles:
            record = {"text": a.text, "title": a.title, "url": a.url, "outlet": a.outlet,
                      "published": a.published.isoformat()}
            records.append({k: v for k, v in record.items() if v is not None})
        return records

    def gold(self) -> dict[str, Any]:
        articles = [{k: v for k, v in asdict(a).items() if k not in ("text", "body")} | {
            "published": a.published.isoformat(), "has_text": bool(a.text.strip())} for a in self.articles]
        return {
            "schema": GOLD_SCHEMA, "seed": self.seed, "config": asdict(self.config), "articles": articles,
            "pairs": [{"source": p.source, "target": p.target, "relation": p.relation.value,
                       "spin_rate": p.spin_rate, "mass": p.mass} for p in self.pairs],
            "families": [asdict(f) for f in self.families],
            "negatives": [asdict(n) for n in self.negatives],
        }

    def write(self, pile_path: Path, gold_path: Path) -> None:
        with pile_path.open("w", encoding="utf-8") as out:
            for record in self.jsonl_records():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        gold_path.write_text(json.dumps(self.gold(), ensure_ascii=False, indent=1), encoding="utf-8")


# ----------------------------------------------------------------------------------------- text edits

def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences by end punctuation before a capital or digit; BBC style writes "Mr Smith" without a dot."""
    sentences, start = [], 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        sentences.append(paragraph[start:match.start(1)])
        start = match.end(1)
    sentences.append(paragraph[start:])
    return [s for s in sentences if s]


def is_content_word(token: str) -> bool:
    """A lowercase word of three letters or more that is not a stop word; capitalised words are names."""
    return len(token) >= 3 and token not in STOP_WORDS and _CONTENT.fullmatch(token) is not None


def substitute_words(paragraphs: Sequence[str], rng: random.Random, lexicon: SpinLexicon, *,
                     rate: float | None = None, count: int | None = None) -> tuple[list[str], int, int]:
    """Swap ``rate`` of the content words (or ``count`` of them) for near-synonyms.

    Returns the paragraphs, the number of content words and the number swapped. Only words the lexicon
    knows can be swapped, so a rate above the lexicon's coverage of the article is not reached.
    """
    tokens = [_WORD_SPLIT.split(p) for p in paragraphs]  # odd positions are words
    content = [(i, j) for i, parts in enumerate(tokens) for j in range(1, len(parts), 2) if is_content_word(parts[j])]
    swappable = [(i, j) for i, j in content if tokens[i][j] in lexicon.substitutes]
    wanted = round(rate * len(content)) if rate is not None else (count or 0)
    chosen = rng.sample(swappable, min(wanted, len(swappable)))
    for i, j in chosen:
        tokens[i][j] = rng.choice(lexicon.substitutes[tokens[i][j]])
    return ["".join(parts) for parts in tokens], len(content), len(chosen)


def _sentences_by_paragraph(paragraphs: Sequence[str]) -> list[list[str]]:
    return [split_sentences(p) for p in paragraphs]


def _drop_sentence(groups: list[list[str]], rng: random.Random) -> None:
    """Drop one sentence, never the lead, never a paragraph's last remaining one."""
    places = [(i, j) for i, g in enumerate(groups) for j in range(len(g)) if (i, j) != (0, 0) and len(g) > 1]
    if places:
        i, j = rng.choice(places)
        del groups[i][j]


def _merge_sentences(groups: list[list[str]], rng: random.Random) -> None:
    """Join two neighbouring sentences of a paragraph with a conjunction, as spinners do."""
    places = [(i, j) for i, g in enumerate(groups) for j in range(len(g) - 1) if g[j].endswith(".")]
    if not places:
        return
    i, j = rng.choice(places)
    first_word, rest = (groups[i][j + 1].split(" ", 1) + [""])[:2]
    if first_word.lower() in STOP_WORDS:  # "The", "He", "But": never lowercase a name
        first_word = first_word.lower()
    joined = groups[i][j][:-1] + rng.choice((", and ", "; ", ", while ")) + (first_word + " " + rest).strip()
    groups[i][j:j + 2] = [joined]


def spin(paragraphs: Sequence[str], rate: float, rng: random.Random, lexicon: SpinLexicon,
         config: PileConfig) -> tuple[list[str], float]:
    """A content-farm rewrite: dropped/merged sentences, ``rate`` of content words swapped, re-split lines."""
    groups = _sentences_by_paragraph(paragraphs)
    if rng.random() < config.spin_drop_chance:
        _drop_sentence(groups, rng)
    if rng.random() < config.spin_merge_chance:
        _merge_sentences(groups, rng)
    if rng.random() < config.spin_resplit_chance:
        rebuilt = [s for g in groups for s in g]
    else:
        rebuilt = [" ".join(g) for g in groups if g]
    swapped, content, changed = substitute_words(rebuilt, rng, lexicon, rate=rate)
    return swapped, changed / content if content else 0.0


def syndicate(paragraphs: Sequence[str], agency: str, published: date, rng: random.Random,
              lexicon: SpinLexicon) -> list[str]:
    """A wire story as another site runs it: dateline, credit, 1-3 closing sentences cut, light edits."""
    groups = _sentences_by_paragraph(paragraphs)
    total = sum(len(g) for g in groups)
    for _ in range(min(rng.randint(1, 3), max(0, total - 3))):
        groups[-1].pop()
        if not groups[-1]:
            groups.pop()
    if rng.random() < 0.5:  # re-split one paragraph at a sentence boundary
        long = [i for i, g in enumerate(groups) if len(g) > 1]
        if long:
            i = rng.choice(long)
            cut = rng.randint(1, len(groups[i]) - 1)
            groups[i:i + 1] = [groups[i][:cut], groups[i][cut:]]
    elif len(groups) > 2 and rng.random() < 0.5:  # or join two
        i = rng.randrange(len(groups) - 1)
        groups[i:i + 2] = [groups[i] + groups[i + 1]]
    edited, _, _ = substitute_words([" ".join(g) for g in groups], rng, lexicon, count=rng.randint(1, 3))
    dateline, closings = AGENCIES[agency]
    with_dateline = rng.random() < 0.7
    if with_dateline:
        edited[0] = dateline.format(city=rng.choice(CITIES), month=published.strftime("%b"),
                                    day=published.day) + edited[0]
    if rng.random() < 0.7 or not with_dateline:  # every copy credits the agency somewhere
        edited.append(rng.choice(closings))
    return edited


def excerpt(paragraphs: Sequence[str], rng: random.Random) -> list[str]:
    """A contiguous 25-60 % of the paragraphs (of the sentences, for a story of under four paragraphs)."""
    units = list(paragraphs) if len(paragraphs) >= 4 else [s for p in paragraphs for s in split_sentences(p)]
    least = min(len(units) - 1, max(1, math.ceil(EXCERPT_SHARE[0] * len(units))))
    most = max(least, min(len(units) - 1, math.floor(EXCERPT_SHARE[1] * len(units))))
    drawn = min(most, max(least, round(rng.uniform(*EXCERPT_SHARE) * len(units))))

    def words(start: int, size: int) -> int:
        return sum(len(u.split()) for u in units[start:start + size])

    size = drawn
    for size in range(drawn, most + 1):  # the smallest run from the drawn size up that is not a teaser
        starts = [start for start in range(len(units) - size + 1) if words(start, size) >= MIN_EXCERPT_WORDS]
        if starts:
            start = rng.choice(starts)
            break
    else:
        start = max(range(len(units) - size + 1), key=lambda start: words(start, size))
    chosen = units[start:start + size]
    return chosen if len(paragraphs) >= 4 else [" ".join(chosen)]


# -------------------------------------------------------------------------------------- the generator

@dataclass(frozen=True, slots=True)
class Outlet:
    number: int
    name: str
    header: tuple[str, ...]
    footer: tuple[str, ...]

    @property
    def domain(self) -> str:
        return f"site-{self.number}.example"


@dataclass(slots=True)
class _Builder:
    """Accumulates one pile; every random choice comes from ``rng`` in a fixed order."""

    rng: random.Random
    config: PileConfig
    corpus: BbcCorpus
    lexicon: SpinLexicon
    outlets: list[Outlet] = field(default_factory=list)
    agencies: dict[str, Outlet] = field(default_factory=dict)
    articles: list[SyntheticArticle] = field(default_factory=list)
    pairs: list[GoldPair] = field(default_factory=list)
    families: list[GoldFamily] = field(default_factory=list)
    negatives: list[NegativePair] = field(default_factory=list)
    serials: set[int] = field(default_factory=set)
    frames: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)  # furniture pair -> its frame

    def make_outlets(self, count: int = 30) -> None:
        names = [f"The {p} {t}" for p in OUTLET_PLACES for t in OUTLET_TITLES]
        chosen = list(AGENCIES) + self.rng.sample(names, count)
        for number, name in enumerate(chosen, 1):
            outlet = Outlet(number, name, header=tuple(self.rng.sample(HEADER_LINES, self.rng.randint(1, 2))),
                            footer=tuple(self.rng.sample(FOOTER_LINES, self.rng.randint(1, 3))))
            if name in AGENCIES:
                self.agencies[name] = outlet
            else:
                self.outlets.append(outlet)

    def _fill(self, outlet: Outlet, category: str | None) -> dict[str, Any]:
        return {"outlet": outlet.name, "section": (category or "news").title(), "n": self.rng.randint(0, 250),
                "today": (date(2024, 1, 1) + timedelta(days=self.rng.randrange(366))).strftime("%A, %B %d, %Y")}

    def frame(self, outlet: Outlet) -> tuple[list[str], list[str]]:
        """One page frame (header; three links and the footer) that several articles are set in, word for word."""
        fill = self._fill(outlet, None)
        links = [self.rng.choice(LINK_LINES).format(headline=h) for h in self.rng.sample(self.corpus.headlines, 3)]
        return [line.format(**fill) for line in outlet.header], links + [line.format(**fill) for line in outlet.footer]

    def furniture(self, body: Sequence[str], outlet: Outlet, category: str | None, *, links: int = 2) -> str:
        """The page as scraped: the site's header and footer lines, today's date, "Read more" links."""
        fill = self._fill(outlet, category)
        lines = [line.format(**fill) for line in outlet.header]
        paragraphs = list(body)
        for _ in range(self.rng.randint(0, links)):
            link = self.rng.choice(LINK_LINES).format(headline=self.rng.choice(self.corpus.headlines))
            paragraphs.insert(self.rng.randint(1, max(1, len(paragraphs))), link)
        return "\n\n".join(lines + paragraphs + [line.format(**fill) for line in outlet.footer])

    def url(self, outlet: Outlet, category: str | None, published: date, title: str | None) -> str:
        serial = self.rng.randrange(10**6, 10**7)
        while serial in self.serials:
            serial += 1
        self.serials.add(serial)
        slug = "-".join(re.findall(r"[a-z0-9]+", (title or "page").lower())[:8]) or "page"
        return f"https://{outlet.domain}/{category or 'news'}/{published:%Y/%m/%d}/{slug}-{serial}"

    def add(self, ident: str, kind: str, body: Sequence[str], *, title: str | None, published: date,
            outlet: Outlet, category: str | None, furnished: bool = True, credit: str | None = None,
            origin: str | None = None, spin_rate: float | None = None, changed_share: float | None = None,
            frame: tuple[list[str], list[str]] | None = None) -> SyntheticArticle:
        if frame is not None:
            text = "\n\n".join(frame[0] + list(body) + frame[1])
        else:
            text = self.furniture(body, outlet, category) if furnished else "\n\n".join(body)
        article = SyntheticArticle(ident, kind, text, "\n\n".join(body), title, credit, published, outlet.name,
                                   self.url(outlet, category, published, title), category, origin,
                                   spin_rate, changed_share)
        self.articles.append(article)
        return article

    def copy_title(self, title: str, outlet: Outlet) -> str:
        return self.rng.choice(TITLE_FORMATS).format(title=title, outlet=outlet.name, upper=title.upper())

    def other_outlet(self, than: str) -> Outlet:
        return self.rng.choice([o for o in self.outlets if o.name != than])

    def later(self, day: date, most: int) -> date:
        return day + timedelta(days=self.rng.randint(0, most))


def generate(seed: int, n_originals: int, *, config: PileConfig | None = None, corpus: BbcCorpus | None = None,
             lexicon: SpinLexicon | None = None) -> SyntheticPile:
    """A pile of ``n_originals`` stories, their derived copies, distractors, edge cases and the gold."""
    config = config or PileConfig()
    corpus = corpus or BbcCorpus.load()
    b = _Builder(random.Random(seed), config, corpus, lexicon or SpinLexicon.load())
    if n_originals < 1:
        raise ValueError(f"n_originals={n_originals}: ask for at least one original")
    b.make_outlets()
    pool = list(corpus.stories)
    b.rng.shuffle(pool)
    needed = n_originals + 1 + round(config.unrelated_share * n_originals)
    if needed > len(pool):
        raise ValueError(f"{n_originals} originals need about {needed} independent stories but the corpus "
                         f"holds {len(pool)}; lower --originals or PileConfig.unrelated_share")
    originals, mass_story, rest = pool[:n_originals], pool[n_originals], pool[n_originals + 1:]
    roles = _assign_roles(b, n_originals)
    disclaimers = _shared_pairs(b, range(n_originals), n_originals, config.boilerplate_pairs)
    not_wire = [number for number, role in enumerate(roles) if "syndicated" not in role]  # wires sit on agency sites
    furnished_pairs = _shared_pairs(b, not_wire, n_originals, config.furniture_pairs)
    for number, story in enumerate(originals):
        _story_family(b, f"o{number:04d}", story, roles[number], disclaimers.get(number),
                      furnished_pairs.get(number))
    _pair_negatives(b, disclaimers, "shared_boilerplate")
    _pair_negatives(b, furnished_pairs, "shared_furniture")
    _unrelated(b, originals, rest, round(config.unrelated_share * n_originals))
    _edge_cases(b)
    _mass_story(b, mass_story, config.mass_copies)
    b.rng.shuffle(b.articles)
    return SyntheticPile(seed, config, tuple(b.articles), tuple(b.pairs), tuple(b.families), tuple(b.negatives))


def _assign_roles(b: _Builder, n: int) -> list[dict[str, Any]]:
    """Which derived articles each original gets: quotas (not coin flips) so small piles hold every relation."""
    c = b.config
    roles: list[dict[str, Any]] = [{} for _ in range(n)]
    for name, share, most in (("verbatim", c.verbatim_share, c.max_verbatim_copies),
                              ("syndicated", c.syndicated_share, c.max_syndicated_copies),
                              ("excerpt", c.excerpt_share, 1)):
        for number in b.rng.sample(range(n), min(n, max(1, round(share * n)) if share else 0)):
            roles[number][name] = b.rng.randint(1, most)
    spun_count = min(n, max(len(c.spin_rates), round(c.spun_share * n))) if c.spun_share else 0
    for k, number in enumerate(b.rng.sample(range(n), spun_count)):
        roles[number]["spun"] = c.spin_rates[k % len(c.spin_rates)]
    return roles


def _shared_pairs(b: _Builder, candidates: Sequence[int], n: int, wanted: int | None) -> dict[int, tuple[int, int]]:
    """Disjoint pairs among the candidate originals; maps each member to (pair number, partner).

    By default one pair per 25 originals (at least one), so that a 200-original pile has 8 of each kind.
    """
    count = min(len(candidates) // 2, max(1, n // 25) if wanted is None else wanted)
    members = b.rng.sample(list(candidates), 2 * count)
    result = {}
    for k in range(count):
        first, second = members[2 * k], members[2 * k + 1]
        result[first], result[second] = (k, second), (k, first)
    return result


def _pair_negatives(b: _Builder, pairs: Mapping[int, tuple[int, int]], kind: str) -> None:
    for first, (_, second) in sorted(pairs.items()):
        if first < second:
            b.negatives.append(NegativePair(f"o{first:04d}", f"o{second:04d}", kind))


def _story_family(b: _Builder, ident: str, story: SourceStory, role: Mapping[str, Any],
                  disclaimer: tuple[int, int] | None, furnished_pair: tuple[int, int] | None) -> None:
    body = list(story.paragraphs)
    if disclaimer is not None:
        body.append(DISCLAIMERS[disclaimer[0] % len(DISCLAIMERS)])
    agency = b.rng.choice(sorted(AGENCIES)) if "syndicated" in role else None
    if agency:
        outlet = b.agencies[agency]
    elif furnished_pair is not None:  # both members on one site, set in one frame, word for word
        outlet = b.outlets[furnished_pair[0] % len(b.outlets)]
    else:
        outlet = b.rng.choice(b.outlets)
    if furnished_pair is not None and furnished_pair[0] not in b.frames:
        b.frames[furnished_pair[0]] = b.frame(outlet)
    frame = b.frames[furnished_pair[0]] if furnished_pair is not None else None
    published = FIRST_DAY + timedelta(days=b.rng.randrange(DAYS_SPAN))
    furnished = b.rng.random() < b.config.original_furniture_chance
    b.add(ident, "original", body, title=story.title, published=published, outlet=outlet,
          category=story.category, furnished=furnished, credit=agency, frame=frame)
    members = [ident]

    def derived(suffix: str, relation: Relation, text: Sequence[str], title: str | None, most_days: int,
                credit: str | None = agency, rate: float | None = None, changed: float | None = None) -> None:
        """One derived article on another site; ``title=None``: the original's headline in the site's format."""
        site = b.other_outlet(outlet.name)
        title = title if title is not None else b.copy_title(story.title, site)
        article = b.add(f"{ident}-{suffix}", relation.value, text, title=title, published=b.later(published, most_days),
                        outlet=site, category=story.category, credit=credit, origin=ident, spin_rate=rate,
                        changed_share=changed)
        b.pairs.append(GoldPair(ident, article.id, relation, spin_rate=rate))
        members.append(article.id)

    for k in range(role.get("verbatim", 0)):
        derived(f"v{k + 1}", Relation.VERBATIM, body, None, 1)
    for k in range(role.get("syndicated", 0)):
        assert agency is not None
        derived(f"s{k + 1}", Relation.SYNDICATED, syndicate(body, agency, published, b.rng, b.lexicon),
                story.title, 0)
    if role.get("excerpt"):
        derived("x1", Relation.EXCERPT, excerpt(body, b.rng), story.title, 5)
    if "spun" in role:
        rate = role["spun"]
        text, changed = spin(body, rate, b.rng, b.lexicon, b.config)
        title = substitute_words([story.title], b.rng, b.lexicon, rate=rate)[0][0]
        derived(f"r{round(rate * 100):02d}", Relation.SPUN_REWRITE, text, title, 10, credit=None, rate=rate,
                changed=round(changed, 4))
    if len(members) > 1:
        b.families.append(GoldFamily(f"family-{ident}", ident, agency, tuple(members)))


def _unrelated(b: _Builder, originals: Sequence[SourceStory], rest: Sequence[SourceStory], count: int) -> None:
    """Other stories of an original's category: same topic, independently written."""
    by_category: dict[str, list[SourceStory]] = defaultdict(list)
    for story in rest:
        by_category[story.category].append(story)
    for number, original in enumerate(b.rng.sample(list(originals), min(count, len(originals)))):
        if not by_category[original.category]:
            continue
        story = by_category[original.category].pop()
        published = FIRST_DAY + timedelta(days=b.rng.randrange(DAYS_SPAN))
        b.add(f"u{number:04d}", "unrelated", story.paragraphs, title=story.title, published=published,
              outlet=b.rng.choice(b.outlets), category=story.category,
              furnished=b.rng.random() < b.config.original_furniture_chance)


def _edge_cases(b: _Builder) -> None:
    """Empty pages, near-empty pages, and pages of nothing but one site's furniture: none may be linked."""
    day = FIRST_DAY + timedelta(days=b.rng.randrange(DAYS_SPAN))
    ids = []
    for k in range(b.config.empty_docs):
        ids.append(b.add(f"e{k:03d}", "empty", [EMPTY_TEXTS[k % len(EMPTY_TEXTS)]], title=None, published=day,
                         outlet=b.rng.choice(b.outlets), category=None, furnished=False).id)
    site = b.rng.choice(b.outlets)
    for k in range(b.config.short_docs):
        text = SHORT_TEXTS[k % len(SHORT_TEXTS)]
        ids.append(b.add(f"t{k:03d}", "short", [text], title=text, published=day, outlet=site,
                         category=None, furnished=k % 2 == 1).id)
    for k, first in enumerate(ids):
        for second in ids[k + 1:]:
            b.negatives.append(NegativePair(first, second, "short_or_empty"))


def _mass_story(b: _Builder, story: SourceStory, copies: int) -> None:
    """One story with ``copies`` verbatim copies: all pairs of a family is quadratic, and must not be needed."""
    if copies == 0:
        return
    outlet = b.rng.choice(b.outlets)
    published = FIRST_DAY + timedelta(days=b.rng.randrange(DAYS_SPAN))
    original = b.add("m0", "original", story.paragraphs, title=story.title, published=published, outlet=outlet,
                     category=story.category, furnished=False)
    members = [original.id]
    for k in range(copies):
        site = b.other_outlet(outlet.name)
        copy = b.add(f"m0-v{k + 1:04d}", "mass", story.paragraphs, title=b.copy_title(story.title, site),
                     published=b.later(published, 30), outlet=site, category=story.category, origin=original.id)
        b.pairs.append(GoldPair(original.id, copy.id, Relation.VERBATIM, mass=True))
        members.append(copy.id)
    b.families.append(GoldFamily("family-m0", original.id, None, tuple(members), mass=True))


# ------------------------------------------------------------------------------------------ the scorer

def _prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "predicted": predicted, "gold": gold}


def score(gold: Mapping[str, Any], predicted_links: Iterable[Mapping[str, Any]],
          predicted_families: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Score predicted reuse links and families (in gold article ids) against a pile's gold.

    A link is right when its unordered pair is a gold pair with the same relation. A link between two
    articles of one gold family that is not a gold pair (two copies of one original) is not scored.
    The mass story is scored on its own (``mass_story``) so that its copies do not swamp the rest.
    """
    predicted_families = list(predicted_families)
    articles = {a["id"]: a for a in gold["articles"]}
    family_of = {m: f["id"] for f in gold["families"] for m in f["articles"]}
    mass = {m for f in gold["families"] if f.get("mass") for m in f["articles"]}
    gold_pairs = {frozenset((p["source"], p["target"])): p for p in gold["pairs"]}
    designed = {frozenset((n["a"], n["b"])): n["kind"] for n in gold["negatives"]}
    links, problems = _unique_links(predicted_links, articles)

    tp: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    direction: Counter[str] = Counter()
    by_rate: dict[str, Counter[str]] = defaultdict(Counter)
    false_links: Counter[str] = Counter()
    linked_designed: Counter[str] = Counter()
    unrelated_linked: set[str] = set()
    mass_linked: Counter[str] = Counter()
    for key, link in links.items():
        pair = gold_pairs.get(key)
        if pair is not None and pair["mass"]:
            mass_linked["linked"] += 1
            mass_linked["verbatim"] += link["relation"] == pair["relation"]
        elif pair is not None:
            predicted[link["relation"]] += 1
            tp[pair["relation"]] += link["relation"] == pair["relation"]
            confusion[pair["relation"]][link["relation"]] += 1
            known = link.get("direction_known", True)
            direction["unknown" if not known else "right" if link["source"] == pair["source"] else "wrong"] += 1
        elif family_of.get(link["source"]) is None or family_of.get(link["source"]) != family_of.get(link["target"]):
            predicted[link["relation"]] += 1
            kind = designed.get(key) or _false_link_kind(articles[link["source"]], articles[link["target"]])
            false_links[kind] += 1
            linked_designed[kind] += key in designed
            unrelated_linked.update(m for m in key if articles[m]["kind"] == "unrelated")
    scored = [p for p in gold["pairs"] if not p["mass"]]
    gold_count = Counter(p["relation"] for p in scored)
    component = _components(links)
    missed_but_connected = 0
    for p in scored:
        key = frozenset((p["source"], p["target"]))
        if key not in links:
            confusion[p["relation"]]["missed"] += 1
            # e.g. copy2 linked to copy1 instead of to the original: found, but not as the gold pair
            missed_but_connected += component.get(p["source"], p["source"]) == component.get(p["target"], p["target"])
        if p["relation"] == Relation.SPUN_REWRITE.value:
            rate = f"{round(p['spin_rate'] * 100)}%"
            by_rate[rate]["gold"] += 1
            by_rate[rate]["linked"] += key in links
            by_rate[rate]["typed"] += key in links and links[key]["relation"] == p["relation"]
    linked_tp = sum(direction.values())
    designed_count = Counter(designed.values())
    return {
        "relations": {r.value: _prf(tp[r.value], predicted[r.value], gold_count[r.value]) for r in Relation},
        "overall": _prf(sum(tp.values()), sum(predicted.values()), len(scored)),
        "linked_at_all": _prf(linked_tp, linked_tp + sum(false_links.values()), len(scored)),
        "direction": {"accuracy": round(direction["right"] / (direction["right"] + direction["wrong"]), 4)
                      if direction["right"] + direction["wrong"] else None,
                      "right": direction["right"], "wrong": direction["wrong"], "unknown": direction["unknown"]},
        "confusion": {g: dict(sorted(c.items())) for g, c in sorted(confusion.items())},
        "spun_by_rate": {rate: {"gold": c["gold"], "linked_recall": round(c["linked"] / c["gold"], 4),
                                "typed_recall": round(c["typed"] / c["gold"], 4)} for rate, c in sorted(by_rate.items())},
        "false_links": dict(sorted(false_links.items())),
        "designed_negatives": {kind: {"pairs": n, "linked": linked_designed[kind]}
                               for kind, n in sorted(designed_count.items())},
        "missed_but_connected": missed_but_connected,
        "unrelated_articles_linked": len(unrelated_linked),
        "interchangeable": _interchangeable_scores(gold, links, predicted_families),
        "families": _family_scores(gold, articles, family_of, mass, predicted_families),
        "mass_story": _mass_scores(gold, mass, mass_linked, predicted_families),
        "input": problems,
    }


def interchangeable_classes(gold: Mapping[str, Any]) -> dict[str, str]:
    """Article -> the original it cannot be told from: verbatim copies published the day the original was.

    Same words, same day: no content and no date says which page came first, so the gold's
    choice of "the original" among them is arbitrary. Mass-story copies are left out (scored apart).
    """
    published = {a["id"]: a["published"] for a in gold["articles"]}
    return {p["target"]: p["source"] for p in gold["pairs"]
            if p["relation"] == Relation.VERBATIM.value and not p["mass"]
            and published[p["target"]] == published[p["source"]]}


def _interchangeable_scores(gold: Mapping[str, Any], links: Mapping[frozenset[str], Mapping[str, Any]],
                            predicted_families: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Pair and relation scores with an original and its same-day verbatim copies taken as one page.

    A link to any member of such a group counts as a link to the original (a rewrite linked
    to a same-day verbatim copy of its original is right); links inside a group count for
    the group's gold verbatim pairs. Everything else is scored as in ``score``.
    """
    same = interchangeable_classes(gold)
    gold_pairs = {frozenset((p["source"], p["target"])): p for p in gold["pairs"] if not p["mass"]}
    inside: Counter[str] = Counter(same.values())  # group (by original) -> gold pairs inside it
    family_of = {m: f["id"] for f in gold["families"] for m in f["articles"]}
    mass = {m for f in gold["families"] if f.get("mass") for m in f["articles"]}
    tp: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    matched: set[frozenset[str]] = set()
    inside_found: Counter[str] = Counter()
    for key, link in links.items():
        if key & mass:
            continue
        x, y = (same.get(m, m) for m in (link["source"], link["target"]))
        if x == y:  # two pages of one interchangeable group
            if inside_found[x] < inside[x]:
                inside_found[x] += 1
                predicted[link["relation"]] += 1
                tp[Relation.VERBATIM.value] += link["relation"] == Relation.VERBATIM.value
            continue
        pair = gold_pairs.get(frozenset((x, y)))
        if pair is None:
            # no gold pair even through the groups: wrong if the two are in different gold families
            if family_of.get(x) is None or family_of.get(x) != family_of.get(y):
                predicted[link["relation"]] += 1
            continue
        if frozenset((x, y)) in matched:
            continue  # the same gold pair reached through two members of a group: counted once
        matched.add(frozenset((x, y)))
        predicted[link["relation"]] += 1
        tp[pair["relation"]] += link["relation"] == pair["relation"]
    gold_count = Counter(p["relation"] for p in gold_pairs.values())
    origin_of = {m: f.get("origin", "") for f in predicted_families for m in f["articles"]}
    scored = [f for f in gold["families"] if not f.get("mass")]
    right_origin = 0
    for family in scored:
        found = origin_of.get(family["origin"], "")
        right_origin += same.get(found, found) == family["origin"] or (
            bool(family["agency"]) and found.lower() == family["agency"].lower())
    return {"relations": {r.value: _prf(tp[r.value], predicted[r.value], gold_count[r.value]) for r in Relation},
            "overall": _prf(sum(tp.values()), sum(predicted.values()), len(gold_pairs)),
            "origin_accuracy": round(right_origin / len(scored), 4) if scored else None,
            "interchangeable_copies": len(same)}


def _unique_links(links: Iterable[Mapping[str, Any]], articles: Mapping[str, Any]) -> tuple[
        dict[frozenset[str], Mapping[str, Any]], dict[str, int]]:
    unique: dict[frozenset[str], Mapping[str, Any]] = {}
    problems = Counter({"links": 0, "unknown_article": 0, "self_link": 0, "duplicate_pair": 0})
    for link in links:
        problems["links"] += 1
        if link["source"] not in articles or link["target"] not in articles:
            problems["unknown_article"] += 1
        elif link["source"] == link["target"]:
            problems["self_link"] += 1
        elif frozenset((link["source"], link["target"])) in unique:
            problems["duplicate_pair"] += 1
        else:
            unique[frozenset((link["source"], link["target"]))] = link
    return unique, dict(problems)


def _components(links: Mapping[frozenset[str], Mapping[str, Any]]) -> dict[str, str]:
    """Article -> a representative of its connected component in the predicted link graph (union-find)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links.values():
        parent[root(link["source"])] = root(link["target"])
    return {node: root(node) for node in list(parent)}


def _false_link_kind(first: Mapping[str, Any], second: Mapping[str, Any]) -> str:
    if first["kind"] in ("empty", "short") or second["kind"] in ("empty", "short"):
        return "short_or_empty"
    if first["category"] is not None and first["category"] == second["category"]:
        return "same_topic"
    return "other_topic"


def _pairs(size: int) -> int:
    return size * (size - 1) // 2


def _family_scores(gold: Mapping[str, Any], articles: Mapping[str, Any], family_of: Mapping[str, str],
                   mass: set[str], predicted_families: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """B-cubed and pairwise F1 over every article outside the mass story (unlisted articles are singletons)."""
    predicted_of: dict[str, str] = {}
    origins: dict[str, str] = {}
    in_several = 0
    for family in predicted_families:
        origins[family["id"]] = family.get("origin", "")
        for member in family["articles"]:
            if member in predicted_of:
                in_several += 1
            elif member in articles:
                predicted_of[member] = family["id"]
    elements = [a for a in articles if a not in mass]
    cells = Counter((predicted_of.get(a, "solo:" + a), family_of.get(a, "solo:" + a)) for a in elements)
    pred_size = Counter(predicted_of.get(a, "solo:" + a) for a in elements)
    gold_size = Counter(family_of.get(a, "solo:" + a) for a in elements)
    n = len(elements) or 1
    precision = sum(c * c / pred_size[p] for (p, _), c in cells.items()) / n
    recall = sum(c * c / gold_size[g] for (_, g), c in cells.items()) / n
    pairwise = _prf(sum(_pairs(c) for c in cells.values()), sum(_pairs(c) for c in pred_size.values()),
                    sum(_pairs(c) for c in gold_size.values()))
    right_origin = scored = 0
    for family in gold["families"]:
        if family.get("mass"):
            continue
        scored += 1
        found = origins.get(predicted_of.get(family["origin"], ""), "")
        right_origin += found == family["origin"] or (bool(family["agency"]) and found.lower() == family["agency"].lower())
    return {"bcubed": {"precision": round(precision, 4), "recall": round(recall, 4),
                       "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0},
            "pairwise": pairwise, "origin_accuracy": round(right_origin / scored, 4) if scored else None,
            "gold_families": scored, "articles_in_several_families": in_several}


def _mass_scores(gold: Mapping[str, Any], mass: set[str], linked: Counter[str],
                 predicted_families: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    family = next((f for f in gold["families"] if f.get("mass")), None)
    if family is None:
        return None
    copies = len(family["articles"]) - 1
    members: set[str] = next((set(f["articles"]) for f in predicted_families if family["origin"] in f["articles"]),
                             set())
    return {"copies": copies, "linked_to_origin": round(linked["linked"] / copies, 4),
            "verbatim_to_origin": round(linked["verbatim"] / copies, 4),
            "in_origin_family": round(len(members & (mass - {family["origin"]})) / copies, 4),
            "foreign_in_origin_family": len(members - mass)}


def predictions_from_dossier(dossier: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[
        list[dict[str, Any]], list[dict[str, Any]], int]:
    """The dossier's ``reuse`` and ``families`` with article ids mapped to gold ids through the URL."""
    by_url = {a["url"]: a["id"] for a in gold["articles"]}
    to_gold = {a["id"]: by_url[a["url"]] for a in dossier["articles"] if a.get("url") in by_url}
    unmapped = sum(1 for a in dossier["articles"] if a["id"] not in to_gold)
    links = [dict(link, source=to_gold.get(link["source"], link["source"]),
                  target=to_gold.get(link["target"], link["target"])) for link in dossier["reuse"]]
    families = [dict(f, origin=to_gold.get(f.get("origin", ""), f.get("origin", "")),
                     articles=[to_gold.get(m, m) for m in f["articles"]]) for f in dossier.get("families", [])]
    return links, families, unmapped


def score_dossier(gold: Mapping[str, Any], dossier: Mapping[str, Any]) -> dict[str, Any]:
    if "reuse" not in dossier:
        raise KeyError("the dossier has no 'reuse' key: this newsdossier build does not find reuse yet, "
                       "so there is nothing to score")
    links, families, unmapped = predictions_from_dossier(dossier, gold)
    result = score(gold, links, families)
    result["input"]["dossier_articles_not_in_gold"] = unmapped
    return result


# ------------------------------------------------------------------------------------------------- CLI

def _print_scores(result: Mapping[str, Any]) -> None:
    print(f"{'':<16}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'pred':>7}{'gold':>7}")
    rows = {**result["relations"], "overall": result["overall"], "linked at all": result["linked_at_all"],
            "family pairwise": result["families"]["pairwise"],
            **{f"{name} ~": m for name, m in result["interchangeable"]["relations"].items()},
            "overall ~": result["interchangeable"]["overall"]}
    for name, m in rows.items():
        print(f"{name:<16}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['tp']:>7}{m['predicted']:>7}"
              f"{m['gold']:>7}")
    for key in ("direction", "spun_by_rate", "missed_but_connected", "false_links", "designed_negatives",
                "unrelated_articles_linked",
                "confusion", "mass_story", "input"):
        print(f"{key}: {json.dumps(result[key])}")
    print(f"~: an original and its {result['interchangeable']['interchangeable_copies']} same-day verbatim copies "
          f"taken as one page (interchangeable_scores); origin accuracy {result['interchangeable']['origin_accuracy']}")
    fam = result["families"]
    print(f"families: B-cubed {json.dumps(fam['bcubed'])}, origin accuracy {fam['origin_accuracy']} "
          f"over {fam['gold_families']} gold families, articles in several families {fam['articles_in_several_families']}")


def _config(args: argparse.Namespace) -> PileConfig:
    return PileConfig(mass_copies=args.mass_copies)


def _load_inputs(args: argparse.Namespace) -> tuple[BbcCorpus, SpinLexicon]:
    return BbcCorpus.load(args.data), SpinLexicon.load(args.lexicon)


def _summary(pile: SyntheticPile) -> str:
    kinds = Counter(a.kind for a in pile.articles)
    rates = Counter(f"{round(p.spin_rate * 100)}%" for p in pile.pairs if p.spin_rate)
    return (f"{len(pile.articles)} articles ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}); "
            f"{sum(not p.mass for p in pile.pairs)} gold pairs + {sum(p.mass for p in pile.pairs)} mass-story pairs; "
            f"spun by rate {dict(sorted(rates.items()))}; {len(pile.families)} families; "
            f"{len(pile.negatives)} designed negative pairs")


def _gold_path(pile: Path) -> Path:
    return pile.with_name(pile.stem + ".gold.json")


def _cmd_generate(args: argparse.Namespace) -> int:
    corpus, lexicon = _load_inputs(args)
    pile = generate(args.seed, args.originals, config=_config(args), corpus=corpus, lexicon=lexicon)
    gold = args.gold or _gold_path(args.out)
    pile.write(args.out, gold)
    print(f"wrote {args.out} and {gold}: {_summary(pile)}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    dossier = json.loads(args.dossier.read_text(encoding="utf-8"))
    try:
        result = score_dossier(gold, dossier)
    except KeyError as error:
        print(f"{args.dossier}: {error.args[0]}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2)) if args.json else _print_scores(result)
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    work = args.work or Path(tempfile.mkdtemp(prefix="reuse-synthetic-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, lexicon = _load_inputs(args)
    started = time.perf_counter()
    pile = generate(args.seed, args.originals, config=_config(args), corpus=corpus, lexicon=lexicon)
    pile_path, gold_path = work / "pile.jsonl", work / "pile.gold.json"
    pile.write(pile_path, gold_path)
    generated = time.perf_counter() - started
    (work / "pile.db").unlink(missing_ok=True)  # a fresh build, not a resumed one
    command = [str(args.newsdossier), "build", str(pile_path), "--db", str(work / "pile.db"),
               "--out", str(work / "out"), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    build_seconds = time.perf_counter() - started
    timing = {"work": str(work), "articles": len(pile.articles), "generate_s": round(generated, 2),
              "build_s": round(build_seconds, 2), "build_articles_per_s": round(len(pile.articles) / build_seconds, 1),
              "build_exit": done.returncode, "build_stages": done.stdout.strip().splitlines()[-1:]}
    if done.returncode not in (0, 3):  # 3: done, but some inputs (the empty pages) were rejected
        print(f"build failed ({' '.join(command)}):\n{done.stdout}{done.stderr}", file=sys.stderr)
        return 1
    dossier = json.loads((work / "out" / "dossier.json").read_text(encoding="utf-8"))
    if "reuse" not in dossier:
        note = "the dossier has no 'reuse' key: this newsdossier build does not find reuse yet; nothing scored"
        print(json.dumps({"timing": timing, "scores": None, "note": note}, indent=2) if args.json
              else f"{_summary(pile)}\ntiming: {json.dumps(timing)}\n{note}")
        return 0
    result = score_dossier(json.loads(gold_path.read_text(encoding="utf-8")), dossier)
    if args.json:
        print(json.dumps({"timing": timing, "scores": result}, indent=2))
    else:
        print(f"{_summary(pile)}\ntiming: {json.dumps(timing)}")
        _print_scores(result)
    return 0


COMMANDS = {
    "generate": (_cmd_generate, "write a synthetic pile (JSONL) and its gold (JSON)",
                 "python bench/reuse_synthetic.py generate --out pile.jsonl --seed 1 --originals 200"),
    "score": (_cmd_score, "score a dossier's reuse links and families against a pile's gold",
              "python bench/reuse_synthetic.py score --gold pile.gold.json --dossier out/dossier.json --json"),
    "run": (_cmd_run, "generate, run `newsdossier build` on the pile (timed), then score",
            "python bench/reuse_synthetic.py run --seed 1 --originals 200 --work /tmp/reuse-run"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (handler, help_text, example) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text.capitalize() + ".",
                                 epilog=f"Example:\n  {example}", formatter_class=argparse.RawDescriptionHelpFormatter)
        command.set_defaults(handler=handler)
        if name in ("generate", "run"):
            command.add_argument("--seed", type=int, default=1)
            command.add_argument("--originals", type=int, default=200, help="original stories (default 200)")
            command.add_argument("--mass-copies", type=int, default=DEFAULT_MASS_COPIES,
                                 help=f"verbatim copies of the one mass story (default {DEFAULT_MASS_COPIES})")
            command.add_argument("--data", type=Path, default=DEFAULT_BBC, help=f"BBC bbc/ folder (default {DEFAULT_BBC})")
            command.add_argument("--lexicon", type=Path, default=DEFAULT_LEXICON)
        if name == "generate":
            command.add_argument("--out", type=Path, required=True, help="the pile, JSONL")
            command.add_argument("--gold", type=Path, help="the gold JSON (default: OUT's name + .gold.json)")
        if name == "score":
            command.add_argument("--gold", type=Path, required=True)
            command.add_argument("--dossier", type=Path, required=True)
        if name == "run":
            command.add_argument("--work", type=Path, help="folder for pile, gold, db and dossier (default: a temp dir)")
            command.add_argument("--newsdossier", type=Path, default=REPO / ".venv" / "bin" / "newsdossier")
        if name in ("score", "run"):
            command.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
