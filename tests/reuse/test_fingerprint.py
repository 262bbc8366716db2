"""Columnar fingerprints: a chunk of texts hashed at once gives what each text alone defines."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsdossier.reuse.candidates import SENTENCE_MIN_WORDS, anchors_of, common_words
from newsdossier.reuse.fingerprint import Fingerprinter, _Column, _lexicon
from newsdossier.reuse.hashing import HashSet, byte_tokens, fold32, run_hashes, word_hashes
from newsdossier.reuse.minhash import MinHasher, band_keys, word_sketches
from newsdossier.reuse.tokens import SENTENCE_MARK, marked_forms, sentence_words, word_forms

TEXTS = [
    "",
    "One two.",
    "Café owner José said “it was déjà vu”. The U.S. Army’s base – he said – cost £5m in 2020.",
    "½ of the 東京 crowd’s votes © 2020. Straße naïve ŒUVRE ﬁne l’été.",
    ("Iraq's parliament voted on Sunday to expel US troops after the strike that killed Qasem Soleimani "
     "near Baghdad airport. The resolution, backed by Shiite blocs, asks the government to end the "
     "presence of foreign forces. Kurdish and Sunni lawmakers boycotted the session in protest at the "
     "vote. Prime Minister Adel Abdul Mahdi said the move was necessary for the country's sovereignty."),
    "A supercalifragilisticexpialidocious-word and https://example.org/a/very/long/address/indeed here.",
]
WORDS = st.sampled_from("the strike convoy Baghdad Kadhemi 2020 airport a U.S. résumé de'ja militia".split())
TEXT = st.lists(st.tuples(WORDS, st.sampled_from([" ", " ", ". ", ", ", "\n\n"])), max_size=60).map(
    lambda parts: "".join(word + sep for word, sep in parts).capitalize())


def _sentences(text: str) -> np.ndarray:
    long = [words for words in sentence_words(text) if len(words) >= SENTENCE_MIN_WORDS]
    values = [run_hashes(word_hashes(w), np.array([0]), np.array([len(w)]))[0] for w in long]
    return np.unique(fold32(np.array(values, dtype=np.uint64)))


def _words(text: str) -> tuple[str, ...]:
    """The words of the text as the fingerprints see them: those of its sentences, one after the other.

    Nearly always ``word_forms(text)``; not where a sentence ends inside an acronym ("U.s. 2020").
    """
    return tuple(word for sentence in sentence_words(text) for word in sentence)


def _check(texts: list[str]) -> None:
    batch, hasher = Fingerprinter()(texts), MinHasher()
    for index, text in enumerate(texts):
        forms = _words(text)
        assert batch.words[index] == len(forms)
        assert np.array_equal(batch.bands[index], fold32(band_keys(hasher.signature(forms))))
        assert np.array_equal(batch.anchors(index), np.unique(fold32(word_hashes(sorted(anchors_of(forms))))))
        assert np.array_equal(batch.sentences(index), _sentences(text))
        content = {form for form in forms if form not in ENGLISH_STOP_WORDS}
        assert batch.content_words[index] == len(content)
        sketch, size = word_sketches(word_hashes(sorted(content)), np.zeros(len(content), dtype=np.int64), 1)
        assert size[0] == len(content) and np.array_equal(batch.sketches[index], sketch[0])


def test_each_text_of_a_chunk_gets_its_own_fingerprints() -> None:
    _check(TEXTS)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_fingerprints_of_a_chunk_are_those_of_its_texts(texts: list[str]) -> None:
    _check(texts)


def test_digests_are_equal_exactly_for_the_same_words() -> None:
    batch = Fingerprinter()(["The vote. It passed!", "the VOTE it passed", "The vote passed it.", "The vote. It passed"])
    assert batch.digests[0] == batch.digests[1] == batch.digests[3]
    assert batch.digests[0] != batch.digests[2]


def test_a_chunk_and_its_texts_one_by_one_agree() -> None:
    fingerprinter = Fingerprinter()
    together = fingerprinter(TEXTS)
    for index, text in enumerate(TEXTS):
        alone = fingerprinter([text])
        assert alone.digests[0] == together.digests[index]
        assert np.array_equal(alone.bands[0], together.bands[index])
        assert np.array_equal(alone.anchors(0), together.anchors(index))
        assert np.array_equal(alone.sketches[0], together.sketches[index])


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_marked_forms_are_the_words_with_sentence_marks(text: str) -> None:
    marked = marked_forms(text)
    assert tuple(form for form in marked if form != SENTENCE_MARK) == _words(text)
    pieces: list[list[str]] = [[]]
    for form in marked:
        if form == SENTENCE_MARK:
            pieces.append([])
        else:
            pieces[-1].append(form)
    assert [tuple(p) for p in pieces if p] == sentence_words(text)


@pytest.mark.parametrize("text", TEXTS)
def test_non_ascii_texts_tokenise_like_the_general_path(text: str) -> None:
    assert [form for form in marked_forms(text) if form != SENTENCE_MARK] == list(word_forms(text))


_PLAIN_TOKEN = re.compile(r"[a-z0-9_]+(?:'[a-z0-9_]+)*|" + SENTENCE_MARK)
PIECE = st.text(alphabet=st.sampled_from(list("ab9_ '.-\n") + [SENTENCE_MARK, "é", "’"]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECE, max_size=5))
def test_byte_tokens_are_the_plain_pattern_over_each_text(pieces: list[str]) -> None:
    buffer, starts, ends, owners = byte_tokens(pieces, SENTENCE_MARK)
    found = [(int(o), bytes(buffer[s:e]).decode()) for s, e, o in zip(starts, ends, owners, strict=True)]
    # the pattern with every non-ASCII character counted as a letter (as its UTF-8 bytes are)
    expected = [(i, m.group()) for i, piece in enumerate(pieces)
                for m in re.finditer(_PLAIN_TOKEN.pattern.replace("a-z0-9_", "a-z0-9_\u0080-\U0010ffff"), piece)]
    assert found == expected


def test_word_hashes_depend_on_the_word_only() -> None:
    long = "x" * 30 + "y"
    first = word_hashes(["the", "cat", long, "the", "café"])
    second = word_hashes(["café", long + "z", "the", long])
    assert first[0] == first[3] == second[2]
    assert first[4] == second[0] and first[2] == second[3]
    assert second[1] != first[2]  # differs only after the first 24 bytes
    assert len(set(word_hashes([f"w{n}" for n in range(5000)]).tolist())) == 5000


def test_hash_set_membership_is_exact() -> None:
    rng = np.random.default_rng(3)
    members = rng.integers(1, 2**63, 3000, dtype=np.uint64)
    others = rng.integers(1, 2**63, 3000, dtype=np.uint64)
    table = HashSet(members)
    assert len(table) == 3000
    assert table.contains(members).all()
    assert not table.contains(np.setdiff1d(others, members)).any()
    assert table.contains(np.zeros(0, dtype=np.uint64)).shape == (0,)
    slots = table.slots(members)
    assert len(set(slots.tolist())) == 3000 and (slots < table.capacity).all()
    assert (table.slots(np.setdiff1d(others, members)) == -1).all()


def test_the_lexicon_tells_common_and_stop_words_apart() -> None:
    words = ["the", "which", "attack", "said", "kadhemi", "thence", "uk", "2020"]
    common, stop = _lexicon().lookup(word_hashes(words))
    assert common.tolist() == [w in common_words() for w in words] == [True, True, True, True, False, False, True, False]
    assert stop.tolist() == [w in ENGLISH_STOP_WORDS for w in words] == [True, True, False, False, False, True, False, False]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 3000), max_size=12), st.integers(1, 40))
def test_a_growing_column_holds_exactly_what_was_added(sizes: list[int], texts_per_chunk: int) -> None:
    column = _Column(np.uint64, texts_per_chunk * max(1, len(sizes)))
    parts = [np.arange(size, dtype=np.uint64) + np.uint64(n) for n, size in enumerate(sizes)]
    for n, part in enumerate(parts):
        column.extend(part, texts_per_chunk * (n + 1))
    expected = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    assert column.values().dtype == np.uint64
    assert np.array_equal(column.values(), expected)


def test_a_text_with_lone_surrogates_is_fingerprinted_as_if_they_were_spaces() -> None:
    # text decoded with errors="surrogateescape" keeps undecodable bytes as lone surrogates
    raw = b"The minister \xff said the \xe6\x9d\xb1\xff talks had failed in Geneva."
    text = raw.decode("utf-8", "surrogateescape")
    spaced = raw.replace(b"\xff", b" ").decode("utf-8")
    batch = Fingerprinter()([text, spaced])
    assert batch.words[0] == batch.words[1] == 10
    assert batch.digests[0] == batch.digests[1]
