"""Cross-document entity coreference on named mentions: MEANTIME and ECB+ (CAT XML).

``newsdossier eval entity-coref --data DIR`` reads the gold named mentions of people,
organisations and places and their cross-document entities, runs the product on each topic's
articles as one pile (the NLP pipeline, :func:`~newsdossier.entities.mentions.find_mentions`,
:func:`~newsdossier.entities.resolve.local_entities`, :func:`~newsdossier.entities.resolve.resolve_entities`)
and scores how the product's actors cluster the gold mentions: MUC, B³, CEAF-e and ``conll_f1``,
their mean (:mod:`.coref_metrics`).

**Gold mentions, product resolution.** A gold mention takes the actor of the product's mention
that covers its head: the last character before any postmodifier (a comma, "in", "of", "at",
"based" ...), so "Paul Nesbit" in "JSA Research defence analyst Paul Nesbit", "Center" in "the
Betty Ford Center in Rancho Mirage, Calif", "Bank" in "Bank of America" (inside the product's
"Bank of America"). A gold mention whose head the product's NER missed is handed to the
resolver as an extra mention (its trailing capitalised words, its gold type), so that NER misses
are not scored as coreference errors; ``mention_recall`` says how many gold mentions the product found itself.

``instances_only`` scores the same clustering on the mentions of entities that carry a
cross-document ``instance_id`` only: ECB+ links a person across documents only where they take
part in the seminal event and leaves their other mentions in document-local chains, so on all
mentions a right cross-document merge of those counts as wrong.

**Baselines** on the same mentions: ``exact_string`` clusters mentions whose gold text is
identical within a topic; ``exact_name`` clusters mentions whose product-cut name (titles,
determiners and possessives off) is identical, so the gap between it and the product is the
resolver's own work.

**Layouts** (detected from ``DIR``):

* MEANTIME (``meantime_en`` or its ``intra_cross-doc_annotation`` folder): a topic is a
  ``corpus_*`` folder. Named mentions are ``ENTITY_MENTION`` of syntactic type ``NAM`` or
  ``PRE.NAM``, and the untyped mentions the cross-document pass added when they look like a name
  (below); entities of type PER, ORG and LOC are scored; the cluster is the entity's
  ``instance_id`` (cross-document) or the document's own entity.
* ECB+ (``ecbplus`` or its ``ECB+`` folder): a topic is a numbered folder (both sub-topics).
  Mentions are ``HUMAN_PART_PER`` (PER), ``HUMAN_PART_ORG`` (ORG), ``HUMAN_PART_GPE`` and
  ``LOC_*`` (LOC), kept when they look like a name; the cluster is the ``CROSS_DOC_COREF`` or
  ``INTRA_DOC_COREF`` target's instance. ECB+ has no syntactic types, so "looks like a name" decides.

A mention *looks like a name* when, past a leading article, every word is capitalised (or a
function word of names: "Bank of America"), the last is neither a pronoun nor a title ("Apple
CEO"), it is not a title "of" something ("the Chief Executive Officer of General Motors"), and a
one-word mention opening its sentence is capitalised elsewhere in the document too (so a
sentence-initial "Police" is not a name). MEANTIME's typed ``NAM`` mentions are taken as they are. Unlinked named mentions are singletons; singletons are scored.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.entities.mentions import TITLE_WORDS, ArticleMentions, Mention, find_mentions
from newsdossier.errors import EvalDataError
from newsdossier.eval.coref_metrics import conll_scores
from newsdossier.nlp.corpora import guess_spaces

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CorefDoc", "GoldMention", "evaluate_entity_coref", "read_coref_corpus", "resolve_gold_mentions"]

MEANTIME_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
ECB_TYPES = {"HUMAN_PART_PER": "PER", "HUMAN_PART_ORG": "ORG", "HUMAN_PART_GPE": "LOC", "LOC_GEO": "LOC",
             "LOC_FAC": "LOC", "LOC_OTHER": "LOC"}
MEANTIME_NAMED = frozenset({"NAM", "PRE.NAM"})
PRONOUNS = frozenset("""i me my mine we us our ours you your yours he him his she her hers it its they them their
theirs who whom whose which that this these those one""".split())
_CAPITALISED = re.compile(r"[^\W\d_]")
_DETERMINERS = frozenset({"the", "a", "an"})
# Lower-case words a name may contain ("Bank of America", "Asaib Ahl al-Haq").
_NAME_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "de", "du", "la", "le", "von", "van", "der", "al", "el",
                                  "bin", "ibn", "on", "in", "at", "&"})
_ROLE_WORDS = TITLE_WORDS | {"press"}  # "the White House Press Secretary"


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    type: str  # PER, ORG or LOC
    cluster: str


@dataclass(slots=True)
class CorefDoc:
    id: str
    topic: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)
    # every gold entity markable, named or not, as (start, end, PER/ORG/LOC or None for other types)
    markables: list[tuple[int, int, str | None]] = field(default_factory=list)
    # character ranges of the sentences by the corpus's sentence number
    sentences: dict[str, tuple[int, int]] = field(default_factory=dict)
    # MEANTIME: where the document-level pass annotated every entity (its first sentences; later
    # sentences hold only the cross-document pass's mentions); None where unknown
    fully_annotated_until: int | None = None


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    sentence_start: bool


def _tokens(root: ET.Element) -> tuple[str, dict[str, _Token], dict[str, tuple[int, int]]]:
    """The document text (one sentence per line, plausible spaces), its tokens by ``t_id`` and its
    sentences' character ranges by sentence number."""
    sentences: dict[str, list[ET.Element]] = {}
    for token in root.iter("token"):
        sentences.setdefault(token.get("sentence", "0"), []).append(token)
    parts: list[str] = []
    offset = 0
    tokens: dict[str, _Token] = {}
    ranges: dict[str, tuple[int, int]] = {}
    for number, elements in sentences.items():
        sentence_start = offset
        words = [(e.text or "").strip() or "_" for e in elements]
        for n, (element, word, space) in enumerate(zip(elements, words, guess_spaces(words), strict=True)):
            tokens[element.get("t_id", "")] = _Token(offset, offset + len(word), word, n == 0)
            parts.append(word + (" " if space else ""))
            offset += len(word) + (1 if space else 0)
        ranges[number] = (sentence_start, offset)
        parts.append("\n")
        offset += 1
    return "".join(parts), tokens, ranges


def read_cat(path: Path) -> tuple[ET.Element, str, dict[str, _Token], dict[str, tuple[int, int]]]:
    """(root, text, tokens by ``t_id``, sentence ranges) of a CAT file (MEANTIME, ECB+, SemEval-2015
    Task 4; see :func:`_tokens`); XML that does not parse is an error naming the file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise EvalDataError(f"{path}: not well-formed XML ({error})") from error
    return (root, *_tokens(root))


def _looks_like_name(anchored: list[_Token], capitalised_inside: set[str]) -> bool:
    """Whether a mention is a name (see the module docstring), not a pronoun, a description or a role."""
    words = [t.text for t in anchored if _CAPITALISED.search(t.text)]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or words[-1].lower() in PRONOUNS or words[-1].lower() in _ROLE_WORDS:
        return False
    if any(not w[:1].isupper() and w.lower() not in _NAME_FUNCTION_WORDS for w in words):
        return False  # "the largest car manufacturer in the United States"
    if words[0].lower() in _ROLE_WORDS and "of" in (w.lower() for w in words):
        return False  # "the Chief Executive Officer of General Motors"
    last = next(t for t in reversed(anchored) if t.text == words[-1])
    return len(words) > 1 or not last.sentence_start or last.text.isupper() or last.text in capitalised_inside


def _read_cat(path: Path, topic: str, layout: str) -> CorefDoc:
    root, text, tokens, sentence_ranges = read_cat(path)
    capitalised_inside = {t.text for t in tokens.values() if not t.sentence_start and t.text[:1].isupper()}
    markables = root.find("Markables")
    relations = root.find("Relations")
    mentions: dict[str, tuple[str, list[_Token], ET.Element]] = {}
    instances: dict[str, ET.Element] = {}
    for element in markables if markables is not None else ():
        anchors = [tokens[a.get("t_id", "")] for a in element.findall("token_anchor") if a.get("t_id") in tokens]
        m_id = element.get("m_id", "")
        if anchors:
            mentions[m_id] = (element.tag, sorted(anchors, key=lambda t: t.start), element)
        else:
            instances[m_id] = element
    cluster_of: dict[str, tuple[str, str | None]] = {}
    for relation in relations if relations is not None else ():
        if relation.tag not in ("REFERS_TO", "CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = relation.find("target")
        if target is None or (instance := instances.get(target.get("m_id", ""))) is None:
            continue
        label = instance.get("instance_id") or f"{path.name}#{target.get('m_id')}"
        for source in relation.findall("source"):
            cluster_of[source.get("m_id", "")] = (label, instance.get("ent_type"))
    doc = CorefDoc(f"{topic}/{path.stem}", topic, text, sentences=sentence_ranges)
    for m_id, (tag, anchored, element) in mentions.items():
        label, entity_type = cluster_of.get(m_id, (f"{path.name}#m{m_id}", None))
        if tag == "ENTITY_MENTION" or tag in ECB_TYPES or tag.startswith(("HUMAN_PART", "NON_HUMAN_PART")):
            doc.markables.append((anchored[0].start, anchored[-1].end, MEANTIME_TYPES.get(entity_type or "")
                                  if layout == "meantime" else ECB_TYPES.get(tag)))
        if layout == "meantime" and element.get("syntactic_type") is not None:
            end_of_sentence = next(e for s, e in sentence_ranges.values() if s <= anchored[-1].start < e + 1)
            doc.fully_annotated_until = max(doc.fully_annotated_until or 0, end_of_sentence)
        if layout == "meantime":
            if tag != "ENTITY_MENTION" or (kind := MEANTIME_TYPES.get(entity_type or "")) is None:
                continue
            syntactic = element.get("syntactic_type")
            if syntactic not in MEANTIME_NAMED and not (syntactic is None and _looks_like_name(anchored, capitalised_inside)):
                continue
        else:
            if (kind := ECB_TYPES.get(tag)) is None or not _looks_like_name(anchored, capitalised_inside):
                continue
        start, end = anchored[0].start, anchored[-1].end
        doc.mentions.append(GoldMention(doc.id, start, end, text[start:end], kind, label))
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return doc


def _layout(data: Path) -> tuple[str, Path]:
    if not data.is_dir():
        raise EvalDataError(f"{data}: not a directory (expected MEANTIME or ECB+)")
    if (data / "intra_cross-doc_annotation").is_dir():
        return "meantime", data / "intra_cross-doc_annotation"
    if (data / "ECB+").is_dir():
        return "ecbplus", data / "ECB+"
    if any(data.glob("corpus_*/*.xml")):
        return "meantime", data
    if any(data.glob("*/*ecb*.xml")):
        return "ecbplus", data
    raise EvalDataError(f"{data}: neither MEANTIME (intra_cross-doc_annotation/corpus_*/*.xml) "
                        f"nor ECB+ (ECB+/<topic>/*ecb*.xml) layout")


def read_coref_corpus(data: Path) -> tuple[str, list[CorefDoc]]:
    """(layout, documents with their gold named mentions) of a MEANTIME or ECB+ directory."""
    layout, root = _layout(data)
    pattern = "corpus_*/*.xml" if layout == "meantime" else "*/*.xml"
    docs = [_read_cat(path, path.parent.name, layout) for path in sorted(root.glob(pattern))]
    if not any(d.mentions for d in docs):
        raise EvalDataError(f"{data}: no named PER/ORG/LOC mentions found")
    return layout, docs


# Where an English noun phrase's postmodifiers start: its head is the last word before them.
_POSTMODIFIER = re.compile(r",|\s(?:in|of|at|near|from|on|for|who|which|that|based)\s")
_POSSESSIVE = re.compile(r"\s?['’]s$")


def _head_text(gold: GoldMention) -> str:
    """The gold text up to its head ("the Betty Ford Center" of "the Betty Ford Center in Rancho Mirage",
    "Obama" of "Obama's")."""
    cut = _POSTMODIFIER.search(gold.text)
    text = gold.text[:cut.start()] if cut and cut.start() > 0 else gold.text
    text = _POSSESSIVE.sub("", text)  # "Seth MacFarlane's": the head is the name, not the clitic
    return text.rstrip(" )(,.'’") or gold.text


def _fallback(gold: GoldMention) -> tuple[int, str]:
    """(start, text) of a gold mention's name: its head's capitalised words ("... analyst Paul Nesbit")."""
    head = _head_text(gold)
    words = list(re.finditer(r"\S+", head))
    first = len(words) - 1
    while first > 0 and words[first - 1].group()[:1].isupper():
        first -= 1
    cut = words[first].start() if words else 0
    return gold.start + cut, head[cut:]


def _covering(gold: GoldMention, spans: Sequence[tuple[int, int, Any]]) -> Any:
    """The span covering the gold mention's head (the last character of :func:`_head_text`), or None."""
    head = gold.start + len(_head_text(gold)) - 1
    return next((item for start, end, item in spans if start <= head < end), None)


@dataclass(slots=True)
class Resolved:
    """The product's clustering of the gold mentions, and what it was built from."""

    entity_of: dict[GoldMention, str] = field(default_factory=dict)
    name_of: dict[GoldMention, str] = field(default_factory=dict)  # the product-cut name of the mention
    found: int = 0  # gold mentions overlapping a mention the product found itself


def resolve_gold_mentions(docs: Sequence[CorefDoc], nlp: Language) -> Resolved:
    """Run the product on every topic's documents as one pile and give each gold mention its actor."""
    from newsdossier.entities.resolve import local_entities, resolve_entities
    from newsdossier.nlp.stage import analyse

    resolved = Resolved()
    by_topic: dict[str, list[CorefDoc]] = {}
    for doc in docs:
        by_topic.setdefault(doc.topic, []).append(doc)
    for topic, topic_docs in by_topic.items():
        local = []
        for doc, analysis in zip(topic_docs, analyse((d.text for d in topic_docs), nlp), strict=True):
            found = find_mentions(doc.id, analysis)
            spans = [(m.start, m.end, m) for m in found.mentions]
            extra = []
            for gold in doc.mentions:
                if _covering(gold, spans) is not None:
                    resolved.found += 1
                else:
                    start, text = _fallback(gold)
                    extra.append(Mention(doc.id, start, start + len(text), text, gold.type, "gold"))
            local.extend(local_entities(_with_extra(found, extra), doc.text))
        # every actor's mentions by article, in the resolver's order (the first actor covering a head wins)
        by_article: dict[str, list[tuple[int, int, tuple[str, str]]]] = {}
        for entity in resolve_entities(local):
            for mention in entity.mentions:
                by_article.setdefault(mention.article, []).append(
                    (mention.start, mention.end, (f"{topic}:{entity.id}", f"{topic}:{mention.text}")))
        for doc in topic_docs:
            for gold in doc.mentions:
                if (hit := _covering(gold, by_article.get(doc.id, ()))) is not None:
                    resolved.entity_of[gold], resolved.name_of[gold] = hit
    for doc in docs:
        for gold in doc.mentions:
            resolved.entity_of.setdefault(gold, f"unresolved:{gold.doc}:{gold.start}")
            resolved.name_of.setdefault(gold, f"{doc.topic}:{gold.text}")
    return resolved


def _with_extra(found: ArticleMentions, extra: list[Mention]) -> ArticleMentions:
    """``found`` with ``extra`` mentions merged in text order (role and acronym indices renumbered)."""
    if not extra:
        return found
    order = sorted([(m, i) for i, m in enumerate(found.mentions)] + [(m, None) for m in extra],
                   key=lambda item: (item[0].start, -item[0].end))
    merged = ArticleMentions(found.article)
    new_index = {}
    for n, (mention, old) in enumerate(order):
        merged.mentions.append(mention)
        if old is not None:
            new_index[old] = n
    merged.roles = {new_index[i]: roles for i, roles in found.roles.items()}
    merged.acronyms = {acronym: new_index[i] for acronym, i in found.acronyms.items()}
    return merged


def _scores(key: dict[GoldMention, str], response: dict[GoldMention, str]) -> dict[str, Any]:
    scores = conll_scores(key, response)
    scores["per_type"] = {
        kind: round(conll_scores({m: c for m, c in key.items() if m.type == kind},
                                 {m: c for m, c in response.items() if m.type == kind})["conll_f1"], 4)
        for kind in sorted({m.type for m in key})
    }
    return scores


def evaluate_entity_coref(data: Path, nlp: Language) -> dict[str, Any]:
    """Cross-document entity coreference scores of the product on ``data`` (see the module docstring)."""
    layout, docs = read_coref_corpus(data)
    mentions = [m for d in docs for m in d.mentions]
    key = {m: m.cluster for m in mentions}
    started = time.perf_counter()
    resolved = resolve_gold_mentions(docs, nlp)
    seconds = time.perf_counter() - started
    exact_string = {m: f"{_topic(m)}:{m.text}" for m in mentions}
    result: dict[str, Any] = _scores(key, resolved.entity_of)
    result["baselines"] = {"exact_string": _scores(key, exact_string), "exact_name": _scores(key, resolved.name_of)}
    # Only mentions of entities annotated across documents (an instance id): ECB+ links a person
    # across documents only where they take part in the seminal event, and leaves other mentions
    # of the same person in document-local chains, which counts every right cross-document merge
    # of those as wrong.
    linked = {m: c for m, c in key.items() if "#" not in c}
    result["instances_only"] = {
        "mentions": len(linked),
        "conll_f1": conll_scores(linked, {m: resolved.entity_of[m] for m in linked})["conll_f1"],
        "exact_string_conll_f1": conll_scores(linked, {m: exact_string[m] for m in linked})["conll_f1"],
        "exact_name_conll_f1": conll_scores(linked, {m: resolved.name_of[m] for m in linked})["conll_f1"],
    }
    docs_of: dict[str, set[str]] = {}
    for mention in mentions:
        docs_of.setdefault(mention.cluster, set()).add(mention.doc)
    result.update(
        layout=layout, documents=len(docs), topics=len({d.topic for d in docs}), mentions=len(mentions),
        mention_types=dict(Counter(m.type for m in mentions)), gold_entities=len(docs_of),
        cross_document_entities=sum(1 for d in docs_of.values() if len(d) > 1),
        mention_recall=resolved.found / len(mentions) if mentions else 0.0, seconds=round(seconds, 2),
    )
    return result


def _topic(mention: GoldMention) -> str:
    return mention.doc.split("/", 1)[0]

