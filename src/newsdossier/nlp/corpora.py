"""Readers for the annotated corpora the bundled pipeline is trained and scored on.

Two layouts:

* token-per-line NER files: ``token<TAB or space>tag`` (CoNLL-2003 as published by BARTNER,
  CrossNER) or the ``.iob2`` UniversalNER layout (``index token tag ...`` with ``#`` comments);
  a blank line ends a sentence and ``-DOCSTART-`` lines end a document;
* CoNLL-U treebanks (Universal Dependencies); multi-word token ranges and empty nodes are
  skipped, so a sentence is its syntactic words, as spaCy's tokenizer produces them.

Both readers yield plain records; turning them into spaCy ``Doc`` objects is done in
``newsdossier.nlp.train`` and the scorers, which own the spaCy side.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdossier.errors import EvalDataError

__all__ = ["NerSentence", "UdSentence", "UdWord", "guess_spaces", "read_conllu", "read_ner", "spans_from_bio"]

# Tokens written without a space before them when pre-tokenised text is laid out again.
NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "?", "!", ")", "'s", "\u2019s", "n't", "%", "'"})


@dataclass(frozen=True, slots=True)
class NerSentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # BIO (IOB2) tags; IOB1 input is converted on reading
    document: int  # index of the document the sentence belongs to (-DOCSTART- separated)


@dataclass(frozen=True, slots=True)
class UdWord:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0 for the root, else the 1-based index of the head word
    deprel: str
    space_after: bool


@dataclass(frozen=True, slots=True)
class UdSentence:
    sent_id: str
    document: str
    words: tuple[UdWord, ...]


def _to_bio(tags: list[str]) -> list[str]:
    """IOB1 (an entity may start with I-) to IOB2, so every span starts with B-."""
    out = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def read_ner(path: Path) -> list[NerSentence]:
    """Sentences of a token-per-line NER file, in file order."""
    if not path.is_file():
        raise EvalDataError(f"{path}: no such NER file (expected token/tag lines)")
    sentences: list[NerSentence] = []
    words: list[str] = []
    tags: list[str] = []
    document = 0

    def flush() -> None:
        if words:
            sentences.append(NerSentence(tuple(words), tuple(_to_bio(tags)), document))
            words.clear()
            tags.clear()

    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            fields = line.split("\t") if "\t" in line else line.split(" ")
            fields = [f for f in fields if f != ""]
            if not fields:
                flush()
                continue
            if fields[0] == "-DOCSTART-":
                flush()
                document += 1
                continue
            if len(fields) >= 3 and fields[0].isdigit():  # UniversalNER .iob2: index token tag ...
                word, tag = fields[1], fields[2]
            elif len(fields) >= 2:
                word, tag = fields[0], fields[-1]
            else:
                raise EvalDataError(f"{path}:{number}: expected 'token tag', got {line!r}")
            if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
                raise EvalDataError(f"{path}:{number}: {tag!r} is not a BIO tag")
            words.append(word)
            tags.append(tag)
    flush()
    if not sentences:
        raise EvalDataError(f"{path}: no sentences found")
    return sentences


def guess_spaces(words: tuple[str, ...] | list[str]) -> list[bool]:
    """A plausible whitespace layout for pre-tokenised words: no space before closing punctuation."""
    return [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]


def spans_from_bio(tags: tuple[str, ...] | list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` (token indices, end exclusive) of a BIO sequence."""
    spans = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def read_conllu(path: Path) -> Iterator[UdSentence]:
    """Sentences of a CoNLL-U treebank (syntactic words only)."""
    if not path.is_file():
        raise EvalDataError(f"{path}: no such CoNLL-U file")
    sent_id, document = "", ""
    words: list[UdWord] = []
    # "didn't" is one range line (3-4, carrying SpaceAfter) over the words "did" and "n't":
    # no space inside the range, and the range's own SpaceAfter on its last word.
    range_end, range_space = 0, True
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# newdoc"):
                document = line.split("=", 1)[1].strip() if "=" in line else sent_id
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if words:
                    yield UdSentence(sent_id, document, tuple(words))
                    words = []
                range_end = 0
            else:
                fields = line.split("\t")
                if len(fields) != 10:
                    raise EvalDataError(f"{path}:{number}: expected 10 CoNLL-U columns, got {len(fields)}")
                if "." in fields[0]:
                    continue
                if "-" in fields[0]:
                    range_end = int(fields[0].split("-")[1])
                    range_space = "SpaceAfter=No" not in fields[9]
                    continue
                index = int(fields[0])
                if index < range_end:
                    space_after = False
                elif index == range_end:
                    space_after = range_space
                else:
                    space_after = "SpaceAfter=No" not in fields[9]
                words.append(
                    UdWord(
                        form=fields[1],
                        lemma=fields[2],
                        upos=fields[3],
                        xpos=fields[4],
                        feats="" if fields[5] == "_" else fields[5],
                        head=int(fields[6]),
                        deprel=fields[7],
                        space_after=space_after,
                    )
                )
    if words:
        yield UdSentence(sent_id, document, tuple(words))
