"""Quote attribution on PolNeAR (brat standoff): content spans, direct and reported, and their sources.

``newsdossier eval quotes --data DIR`` reads ``DIR/data/<split>/{text,attributions}`` (default
split ``test``), runs the product on each article as ``build`` does (the NLP pipeline,
:func:`~newsdossier.quotes.find_quotes`, the entities of that one article, and
:func:`~newsdossier.quotes.link_actor`) and scores:

* **content spans**: a predicted content matches a gold one when their characters overlap by at
  least half of their union (``quote_f1``), or are the same characters (``quote_f1_exact``); both
  are compared without quote marks, punctuation and spaces at their edges, and a discontinuous
  gold content is the set of its fragments. Matching is one-to-one, best overlap first.
* **speaker accuracy** on the matched attributions whose gold has a Source: right when the
  source the product read in the sentence, or the speaker it resolved that source to, overlaps
  the gold Source span ("he" for "he", or the earlier "Sajad Jiyad" a "he" was resolved to).
* ``speaker_by_kind``: speaker accuracy by the kind of the gold Source: ``named`` ("Trump", "the
  Clinton campaign"), ``pronoun`` ("he") or ``nominal`` ("the spokesperson", "officials");
* the same per kind: a gold content is **direct** when quote marks open and close it; the
  product's ``direct`` flag says which of its quotes are. ``direct`` and ``reported`` give
  recall over gold of that kind and precision over predictions of that kind.

PolNeAR annotates every attribution, direct or reported, including thoughts and intentions
("Washington Post backs Clinton", "polls show"); several articles are annotated by more than
one annotator, and the first annotation file (by name) is used.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError

__all__ = ["GoldAttribution", "PolnearDoc", "SpeakerLabel", "evaluate_quotes", "match_contents", "read_polnear",
           "read_speaker_labels", "same_person", "score_source_labels", "source_kind"]

MIN_OVERLAP: Final = 0.5
_EDGE: Final = " \t\n\"“”'‘’.,;:!?«»—–-()"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]  # fragments
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    direct: bool


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    text: str
    gold: tuple[GoldAttribution, ...]


def _fragments(field: str) -> tuple[tuple[int, int], ...]:
    """"Content 12 40;42 60" -> ((12, 40), (42, 60))."""
    ranges = field.split(" ", 1)[1]
    return tuple((int(a), int(b)) for a, b in (part.split() for part in ranges.split(";")))


def _is_direct(text: str, fragments: Sequence[tuple[int, int]]) -> bool:
    content = " ".join(text[a:b] for a, b in fragments).strip(" ,.;:\n")
    if content.startswith(("''", "``")) and content.endswith("''") and len(content) > 4:
        return True  # two apostrophes or backticks for a double mark (newspaper archive exports)
    return len(content) > 1 and content[0] in "\"“" and content[-1] in "\"”"


def _read_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        try:
            if re.fullmatch(r"T\d+", parts[0]):
                spans[parts[0]] = _fragments(parts[1])
            elif re.fullmatch(r"E\d+", parts[0]):
                events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
        except ValueError as error:
            raise EvalDataError(f"{path}:{number}: not a brat span ({error})") from error
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        gold.append(GoldAttribution(content, spans.get(event.get("Source", ""), ()),
                                    spans.get(event.get("Cue", ""), ()), _is_direct(text, content)))
    return tuple(gold)


def read_polnear(root: Path, split: str = "test") -> list[PolnearDoc]:
    """The articles of one split with their gold attributions (first annotation file per article)."""
    base = root / "data" / split if (root / "data").is_dir() else root / split
    texts, anns = base / "text", base / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise EvalDataError(f"{root}: no PolNeAR split here (expected {texts} and {anns})")
    docs = []
    for text_path in sorted(texts.iterdir()):
        annotations = sorted(anns.glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(PolnearDoc(text_path.stem, text, _read_ann(annotations[0], text)))
    if not docs:
        raise EvalDataError(f"{base}: no annotated articles")
    return docs


@dataclass(frozen=True, slots=True)
class SpeakerLabel:
    """Who a gold Source that is a pronoun or a description refers to, as a reader named them: the
    fullest name the article writes ("Robby Mook"), or ``DESC: `` and a description when it never
    names them."""

    split: str
    doc: str
    start: int
    end: int
    source: str
    speaker: str


def read_speaker_labels(path: Path) -> list[SpeakerLabel]:
    """Labels from a TSV (``split doc start end source speaker``; ``#`` lines are comments)."""
    labels = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6 or not fields[2].isdigit() or not fields[3].isdigit():
            raise EvalDataError(f"{path}:{number}: expected split, doc, start, end, source and speaker, tab-separated")
        labels.append(SpeakerLabel(fields[0], fields[1], int(fields[2]), int(fields[3]), fields[4], fields[5].strip()))
    return labels


_TITLES: Final = frozenset("mr mrs ms miss dr sen rep gov president senator secretary".split())


def _name_words(text: str) -> frozenset[str]:
    words = (w.strip(".,'’\"“”()").lower() for w in text.split())
    return frozenset(w for w in words if w and w not in _TITLES and w not in ("the", "a", "an", "of", "'s", "’s"))


def same_person(speaker: str, label: str) -> bool:
    """Whether a resolved speaker is the labelled one: for a name, the speaker's name words are a part of the
    label's or the label's of the speaker's ("Trump" is "Donald Trump", "Ivanka Trump" is not "Donald Trump");
    for a description (``DESC: a campaign spokesman``), they share a word other than a determiner."""
    if label.startswith("DESC:"):
        return bool(_name_words(speaker) & _name_words(label[5:]))
    mine, theirs = _name_words(speaker), _name_words(label)
    return bool(mine) and (mine <= theirs or theirs <= mine)


def _score_resolution(doc: PolnearDoc, quotes: Sequence[Any], labels: Sequence[SpeakerLabel],
                      tally: dict[str, dict[str, int]]) -> None:
    """Count, for each labelled source, whether the quote the product read from it resolved it right."""
    for label in labels:
        kind = tally.setdefault(source_kind(label.source), dict.fromkeys(("labelled", "found", "right", "wrong",
                                                                          "kept", "unknown"), 0))
        kind["labelled"] += 1
        quote = next((q for q in quotes if q.source is not None and _overlaps((q.source.start, q.source.end),
                                                                               [(label.start, label.end)])), None)
        if quote is None:
            continue
        kind["found"] += 1
        speaker = quote.speaker.text if quote.speaker is not None else ""
        if not speaker or speaker.lower() in _PRONOUNS or quote.how == "unknown":
            kind["unknown"] += 1
        elif same_person(speaker, label.speaker):
            kind["right"] += 1
        elif quote.source is not None and speaker.strip().lower() == quote.source.text.strip().lower():
            kind["kept"] += 1  # "the group" left as written: no name asserted, a gap rather than a wrong name
        else:
            kind["wrong"] += 1


# How far a labelled source may have moved in a rebuilt pile's text (a cleaner change) and still be found.
SOURCE_DRIFT: Final = 200


def score_source_labels(articles: Iterable[Mapping[str, Any]], quotes: Iterable[Mapping[str, Any]],
                        labels: Sequence[SpeakerLabel]) -> dict[str, Any]:
    """Whom a built pile's quotes name for labelled sources (``doc``: the article file's name). Each
    labelled source is found as the quote with that source text nearest its offset (a quote grouped
    under another article's copy is not looked for there); then it is ``right`` (resolved to the
    labelled one), ``wrong`` (resolved to another, or a source labelled ``NONE`` resolved at all),
    ``as_written`` (not resolved, and its words name the labelled one: "the European Union"),
    ``kept_described`` (not resolved, as written or unknown, where the label says the article never
    names it), ``rightly_none`` (not resolved where the label says it is no speaker), or ``unknown``.
    ``resolved_precision`` = right / (right + wrong); ``accuracy`` = (right + as_written +
    kept_described + rightly_none) / found."""
    ids = {str(a.get("source_path") or "").replace("\\", "/").rsplit("/", 1)[-1]: a["id"] for a in articles}
    sources: dict[str, list[Mapping[str, Any]]] = {}
    for quote in quotes:
        if quote.get("source"):
            sources.setdefault(quote["article"], []).append(quote)
    counts = dict.fromkeys(("labelled", "found", "right", "wrong", "as_written", "kept_described", "rightly_none",
                            "unknown"), 0)
    for label in labels:
        counts["labelled"] += 1
        near = [q for q in sources.get(ids.get(label.doc, ""), ())
                if q["source"]["text"] == label.source and abs(q["source"]["start"] - label.start) <= SOURCE_DRIFT]
        if not near:
            continue
        counts["found"] += 1
        quote = min(near, key=lambda q: abs(q["source"]["start"] - label.start))
        speaker = quote.get("speaker_text") or ""
        resolved = quote.get("speaker_how") != "unknown" and speaker and speaker.lower() != label.source.lower() \
            and speaker.lower() not in _PRONOUNS
        if resolved:
            right = not label.speaker.startswith("NONE") and same_person(speaker, label.speaker)
            counts["right" if right else "wrong"] += 1
        elif label.speaker.startswith("DESC:"):
            counts["kept_described"] += 1
        elif label.speaker.startswith("NONE"):
            counts["rightly_none"] += 1
        elif same_person(label.source, label.speaker):
            counts["as_written"] += 1
        else:
            counts["unknown"] += 1
    good = counts["right"] + counts["as_written"] + counts["kept_described"] + counts["rightly_none"]
    return counts | {"resolved_precision": round(counts["right"] / max(counts["right"] + counts["wrong"], 1), 4),
                     "accuracy": round(good / max(counts["found"], 1), 4)}


def _resolution_summary(tally: dict[str, dict[str, int]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for kind, counts in sorted(tally.items()):
        asserted = counts["right"] + counts["wrong"]
        summary[kind] = {**counts, "accuracy": round(counts["right"] / max(counts["found"], 1), 4),
                         "precision": round(counts["right"] / max(asserted, 1), 4)}
    return summary


def _chars(text: str, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The characters of a span, without quote marks, punctuation and spaces at each fragment's edges."""
    chars: set[int] = set()
    for start, end in fragments:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        chars.update(range(start, end))
    return frozenset(chars)


def match_contents(predicted: Sequence[frozenset[int]], gold: Sequence[frozenset[int]], *,
                   exact: bool = False) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best overlap first."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if not p or not g:
                continue
            shared = len(p & g)
            if not shared:
                continue
            score = shared / len(p | g)
            if (p == g) if exact else score >= MIN_OVERLAP:
                pairs.append((score, i, j))
    used_p, used_g, matched = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def _prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _overlaps(span: tuple[int, int] | None, fragments: Sequence[tuple[int, int]]) -> bool:
    return span is not None and any(span[0] < b and a < span[1] for a, b in fragments)


def _quotes_of(doc: PolnearDoc, nlp: Any) -> list[Any]:
    from newsdossier.entities import find_entities
    from newsdossier.quotes import find_quotes, link_actor

    # as in build: quotes found without actors, then their speakers linked to the resolved actors
    analysed = nlp(doc.text)
    actors = sorted((m.start, m.end, e.id) for e in find_entities([(doc.name, analysed)]) for m in e.mentions)
    return [link_actor(q, actors, doc.text) for q in find_quotes(doc.name, analysed)]


def evaluate_quotes(root: Path, nlp: Any, *, split: str = "test", limit: int | None = None,
                    speaker_labels: Path | None = None) -> dict[str, Any]:
    """Content P/R/F1 (overlap and exact), per kind, and speaker accuracy on one PolNeAR split; with
    ``speaker_labels`` (see :func:`read_speaker_labels`), also ``speaker_resolution``: of the labelled
    pronoun and nominal sources the product read, how many it resolved to the labelled person
    (``accuracy``: right / found; ``precision``: right / (right + wrong), the names asserted; ``unknown``
    left unresolved; ``kept``: a description left as written, no name asserted)."""
    docs = read_polnear(root, split)[:limit]
    labels: dict[str, list[SpeakerLabel]] = {}
    for label in read_speaker_labels(speaker_labels) if speaker_labels else ():
        if label.split == split:
            labels.setdefault(label.doc, []).append(label)
    resolution: dict[str, dict[str, int]] = {}
    counts = dict.fromkeys(("gold", "predicted", "matched", "matched_exact", "gold_direct", "gold_reported",
                            "pred_direct", "pred_reported", "gold_direct_found", "gold_reported_found",
                            "pred_direct_right", "pred_reported_right", "speaker_gold", "speaker_right",
                            "speaker_gold_direct", "speaker_right_direct"), 0)
    by_kind: dict[str, list[int]] = {}  # kind of gold source -> [scored, right]
    started = time.perf_counter()
    for doc in docs:
        quotes = _quotes_of(doc, nlp)
        if doc.name in labels:
            _score_resolution(doc, quotes, labels[doc.name], resolution)
        predicted = [_chars(doc.text, [(p.start, p.end) for p in q.parts]) for q in quotes]
        gold = [_chars(doc.text, g.content) for g in doc.gold]
        matched = match_contents(predicted, gold)
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        counts["matched"] += len(matched)
        counts["matched_exact"] += len(match_contents(predicted, gold, exact=True))
        for g in doc.gold:
            counts["gold_direct" if g.direct else "gold_reported"] += 1
        for q in quotes:
            counts["pred_direct" if q.direct else "pred_reported"] += 1
        for i, j in matched:
            quote, g = quotes[i], doc.gold[j]
            counts["gold_direct_found" if g.direct else "gold_reported_found"] += 1
            counts["pred_direct_right" if quote.direct else "pred_reported_right"] += 1
            if not g.source:
                continue
            right = any(_overlaps((s.start, s.end) if s else None, g.source) for s in (quote.source, quote.speaker))
            counts["speaker_gold"] += 1
            counts["speaker_right"] += right
            kind = source_kind(" ".join(doc.text[a:b] for a, b in g.source))
            by_kind.setdefault(kind, [0, 0])
            by_kind[kind][0] += 1
            by_kind[kind][1] += right
            if g.direct:
                counts["speaker_gold_direct"] += 1
                counts["speaker_right_direct"] += right
    seconds = time.perf_counter() - started
    overall = _prf(counts["matched"], counts["predicted"], counts["gold"])
    exact = _prf(counts["matched_exact"], counts["predicted"], counts["gold"])
    direct = _kind_scores(counts, "direct")
    reported = _kind_scores(counts, "reported")
    direct["speaker_accuracy"] = round(counts["speaker_right_direct"] / max(counts["speaker_gold_direct"], 1), 4)
    return {
        "split": split, "documents": len(docs), "gold_attributions": counts["gold"],
        "predicted": counts["predicted"],
        "quote_precision": overall["precision"], "quote_recall": overall["recall"], "quote_f1": overall["f1"],
        "quote_f1_exact": exact["f1"], "quote_precision_exact": exact["precision"], "quote_recall_exact": exact["recall"],
        "speaker_accuracy": round(counts["speaker_right"] / max(counts["speaker_gold"], 1), 4),
        "speaker_scored": counts["speaker_gold"],
        "speaker_by_kind": {kind: {"scored": n, "accuracy": round(right / n, 4)}
                            for kind, (n, right) in sorted(by_kind.items())},
        "direct": direct, "reported": reported,
        **({"speaker_resolution": _resolution_summary(resolution)} if speaker_labels else {}),
        "seconds": round(seconds, 1),
    }


_PRONOUNS: Final = frozenset("""he she they it i we you him her them us me his hers their its our one who
which that this these those someone somebody""".split())
_DETERMINERS: Final = frozenset("the a an his her their its our my your this that these those some many several "
                                "other another one two three".split())


def source_kind(text: str) -> str:
    """"pronoun" ("he", "they"), "named" (a capitalised word past its determiner: "Trump", "the Clinton
    campaign") or "nominal" ("the spokesperson", "officials") for a gold Source's words."""
    words = [w.strip(".,'’\"“”") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return "nominal"
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    rest = words[1:] if words[0].lower() in _DETERMINERS else words
    return "named" if any(w[:1].isupper() for w in rest) else "nominal"


def _kind_scores(counts: dict[str, int], kind: str) -> dict[str, float]:
    precision = counts[f"pred_{kind}_right"] / counts[f"pred_{kind}"] if counts[f"pred_{kind}"] else 0.0
    recall = counts[f"gold_{kind}_found"] / counts[f"gold_{kind}"] if counts[f"gold_{kind}"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": counts[f"gold_{kind}"], "predicted": counts[f"pred_{kind}"], "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}
