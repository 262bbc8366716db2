"""bench/reuse_synthetic.py: the synthetic reuse pile is what it claims, and the scorer counts exactly.

The scorer tests run anywhere; the generator tests read the BBC News raw corpus from
../shared/datasets/bbc_news_raw and skip when it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsdossier.model import Relation

BENCH = Path(__file__).resolve().parents[1] / "bench" / "reuse_synthetic.py"


def _load_bench() -> Any:
    spec = importlib.util.spec_from_file_location("reuse_synthetic", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


rs = _load_bench()
SMALL = {"mass_copies": 40}


# --- the scorer, on a hand-made gold ------------------------------------------------------

def _article(ident: str, kind: str, category: str | None = "business", published: str = "2004-01-01") -> dict[str, Any]:
    return {"id": ident, "kind": kind, "category": category, "url": f"https://site-1.example/{ident}",
            "published": published}


GOLD: dict[str, Any] = {
    "articles": [_article("a", "original"), _article("a1", "verbatim"), _article("a2", "spun_rewrite"),
                 _article("b", "original"), _article("b1", "excerpt"), _article("c", "unrelated"),
                 _article("t1", "short", None), _article("t2", "short", None),
                 _article("m", "original", "sport"), _article("m1", "mass", "sport"), _article("m2", "mass", "sport")],
    "pairs": [{"source": "a", "target": "a1", "relation": "verbatim", "spin_rate": None, "mass": False},
              {"source": "a", "target": "a2", "relation": "spun_rewrite", "spin_rate": 0.2, "mass": False},
              {"source": "b", "target": "b1", "relation": "excerpt", "spin_rate": None, "mass": False},
              {"source": "m", "target": "m1", "relation": "verbatim", "spin_rate": None, "mass": True},
              {"source": "m", "target": "m2", "relation": "verbatim", "spin_rate": None, "mass": True}],
    "families": [{"id": "fa", "origin": "a", "agency": None, "articles": ["a", "a1", "a2"], "mass": False},
                 {"id": "fb", "origin": "b", "agency": "Reuters", "articles": ["b", "b1"], "mass": False},
                 {"id": "fm", "origin": "m", "agency": None, "articles": ["m", "m1", "m2"], "mass": True}],
    "negatives": [{"a": "a", "b": "b", "kind": "shared_boilerplate"}, {"a": "t1", "b": "t2", "kind": "short_or_empty"}],
}
PERFECT_LINKS = [{"source": p["source"], "target": p["target"], "relation": p["relation"]} for p in GOLD["pairs"]]
PERFECT_FAMILIES = [{"id": "p1", "origin": "a", "articles": ["a", "a1", "a2"]},
                    {"id": "p2", "origin": "Reuters", "articles": ["b", "b1"]},
                    {"id": "p3", "origin": "m", "articles": ["m", "m1", "m2"]}]


def _prf(result: dict[str, Any]) -> tuple[float, float, float]:
    return result["precision"], result["recall"], result["f1"]


def test_perfect_predictions_score_one_everywhere() -> None:
    result = rs.score(GOLD, PERFECT_LINKS, PERFECT_FAMILIES)
    assert _prf(result["overall"]) == (1.0, 1.0, 1.0)
    assert _prf(result["linked_at_all"]) == (1.0, 1.0, 1.0)
    assert all(_prf(m) == (1.0, 1.0, 1.0) for m in result["relations"].values())
    assert result["direction"] == {"accuracy": 1.0, "right": 3, "wrong": 0, "unknown": 0}
    assert result["missed_but_connected"] == 0
    assert result["families"]["bcubed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert (result["families"]["pairwise"]["tp"], result["families"]["pairwise"]["gold"]) == (4, 4)
    assert result["families"]["origin_accuracy"] == 1.0  # "Reuters" is right for the wire family fb
    assert result["mass_story"] == {"copies": 2, "linked_to_origin": 1.0, "verbatim_to_origin": 1.0,
                                    "in_origin_family": 1.0, "foreign_in_origin_family": 0}
    assert result["false_links"] == {} and result["unrelated_articles_linked"] == 0
    assert result["spun_by_rate"] == {"20%": {"gold": 1, "linked_recall": 1.0, "typed_recall": 1.0}}


def test_a_link_between_two_copies_of_one_original_is_not_scored() -> None:
    links = PERFECT_LINKS + [{"source": "a1", "target": "a2", "relation": "verbatim"}]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert _prf(result["overall"]) == (1.0, 1.0, 1.0)
    assert result["false_links"] == {}


def test_a_gold_pair_found_only_through_a_chain_is_missed_but_connected() -> None:
    links = [link for link in PERFECT_LINKS if link["target"] != "a2"] + [
        {"source": "a1", "target": "a2", "relation": "spun_rewrite"}]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert _prf(result["overall"]) == (1.0, 0.6667, 0.8)
    assert result["missed_but_connected"] == 1
    # a1 is a verbatim copy of a from the same day: no evidence orders them, so linking the
    # rewrite to a1 is right once the two are taken as one page
    assert _prf(result["interchangeable"]["overall"]) == (1.0, 1.0, 1.0)
    assert result["interchangeable"]["interchangeable_copies"] == 1


def test_a_copy_from_a_later_day_is_not_interchangeable_with_its_original() -> None:
    gold = {**GOLD, "articles": [dict(a, published="2004-01-02") if a["id"] == "a1" else a for a in GOLD["articles"]]}
    links = [link for link in PERFECT_LINKS if link["target"] != "a2"] + [
        {"source": "a1", "target": "a2", "relation": "spun_rewrite"}]
    result = rs.score(gold, links, PERFECT_FAMILIES)
    assert result["interchangeable"]["interchangeable_copies"] == 0
    assert _prf(result["interchangeable"]["overall"]) == _prf(result["overall"]) == (1.0, 0.6667, 0.8)


def test_links_inside_an_interchangeable_group_count_once_per_gold_pair() -> None:
    # a, a1 same day and identical: a1 -> a (reversed) is right; a duplicate route to the same pair is not counted twice
    links = [{"source": "a1", "target": "a", "relation": "verbatim"},
             {"source": "a", "target": "a2", "relation": "spun_rewrite"},
             {"source": "a1", "target": "a2", "relation": "spun_rewrite"},
             {"source": "b", "target": "b1", "relation": "syndicated"}]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)["interchangeable"]
    assert (result["overall"]["tp"], result["overall"]["predicted"], result["overall"]["gold"]) == (2, 3, 3)
    assert result["relations"]["excerpt"]["recall"] == 0.0


def test_one_missing_link_costs_recall_only() -> None:
    links = [link for link in PERFECT_LINKS if link["target"] != "b1"]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert _prf(result["overall"]) == (1.0, 0.6667, 0.8)
    assert _prf(result["linked_at_all"]) == (1.0, 0.6667, 0.8)
    assert _prf(result["relations"]["excerpt"]) == (1.0, 0.0, 0.0)  # nothing predicted: precision is vacuous
    assert result["confusion"]["excerpt"] == {"missed": 1}


def test_one_wrong_relation_counts_as_linked_but_not_typed() -> None:
    links = [dict(link, relation="syndicated") if link["target"] == "a2" else link for link in PERFECT_LINKS]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert _prf(result["overall"]) == (0.6667, 0.6667, 0.6667)
    assert _prf(result["linked_at_all"]) == (1.0, 1.0, 1.0)
    assert _prf(result["relations"]["spun_rewrite"]) == (1.0, 0.0, 0.0)
    assert result["relations"]["syndicated"]["precision"] == 0.0
    assert result["confusion"]["spun_rewrite"] == {"syndicated": 1}
    assert result["spun_by_rate"]["20%"] == {"gold": 1, "linked_recall": 1.0, "typed_recall": 0.0}


def test_one_false_link_is_counted_by_kind() -> None:
    links = PERFECT_LINKS + [{"source": "a", "target": "c", "relation": "excerpt"}]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert _prf(result["overall"]) == (0.75, 1.0, 0.8571)
    assert _prf(result["linked_at_all"]) == (0.75, 1.0, 0.8571)
    assert result["relations"]["excerpt"]["precision"] == 0.5
    assert result["false_links"] == {"same_topic": 1}
    assert result["unrelated_articles_linked"] == 1


def test_links_on_designed_negatives_are_reported() -> None:
    links = PERFECT_LINKS + [{"source": "t1", "target": "t2", "relation": "verbatim"},
                             {"source": "b", "target": "a", "relation": "excerpt"}]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert result["false_links"] == {"shared_boilerplate": 1, "short_or_empty": 1}
    assert result["designed_negatives"] == {"shared_boilerplate": {"pairs": 1, "linked": 1},
                                            "short_or_empty": {"pairs": 1, "linked": 1}}


def test_wrong_direction_and_unknown_direction() -> None:
    links = [{"source": "a1", "target": "a", "relation": "verbatim"},
             {"source": "a2", "target": "a", "relation": "spun_rewrite", "direction_known": False},
             {"source": "b", "target": "b1", "relation": "excerpt"}]
    result = rs.score(GOLD, links, PERFECT_FAMILIES)
    assert result["direction"] == {"accuracy": 0.5, "right": 1, "wrong": 1, "unknown": 1}


def test_an_over_merged_family_costs_family_precision() -> None:
    families = [{"id": "p1", "origin": "a", "articles": ["a", "a1", "a2", "c"]}] + PERFECT_FAMILIES[1:]
    result = rs.score(GOLD, PERFECT_LINKS, families)["families"]
    # elements a, a1, a2, b, b1, c, t1, t2: a/a1/a2 3/4 each, c 1/4, the rest 1 -> 6.5 / 8
    assert result["bcubed"] == {"precision": 0.8125, "recall": 1.0, "f1": 0.8966}
    assert _prf(result["pairwise"]) == (0.5714, 1.0, 0.7273)


def test_dossier_ids_are_mapped_through_the_url() -> None:
    dossier = {"articles": [{"id": f"h{a['id']}", "url": a["url"]} for a in GOLD["articles"]],
               "reuse": [dict(link, source="h" + link["source"], target="h" + link["target"]) for link in PERFECT_LINKS],
               "families": [{"id": f["id"], "origin": f["origin"] if f["origin"] == "Reuters" else f"h{f['origin']}",
                             "articles": [f"h{m}" for m in f["articles"]]} for f in PERFECT_FAMILIES]}
    result = rs.score_dossier(GOLD, dossier)
    assert _prf(result["overall"]) == (1.0, 1.0, 1.0)
    assert result["families"]["origin_accuracy"] == 1.0
    assert result["input"]["dossier_articles_not_in_gold"] == 0


def test_a_dossier_without_reuse_is_refused_clearly() -> None:
    with pytest.raises(KeyError, match="no 'reuse' key"):
        rs.score_dossier(GOLD, {"articles": []})


def test_every_command_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for name in rs.COMMANDS:
        with pytest.raises(SystemExit):
            rs.main([name, "--help"])
        assert "Example:" in capsys.readouterr().out


def test_lexicon_size_and_shape() -> None:
    lexicon = rs.SpinLexicon.load()
    assert len(lexicon.substitutes) >= 600
    assert all(1 <= len(options) <= 4 for options in lexicon.substitutes.values())


@pytest.mark.parametrize("config", [{"spin_rates": ()}, {"verbatim_share": 1.5}, {"mass_copies": -1}])
def test_bad_configuration_says_how_to_fix_it(config: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="PileConfig"):
        rs.PileConfig(**config)


# --- the generator, on the BBC corpus -----------------------------------------------------

@pytest.fixture(scope="module")
def corpus(datasets_dir: Path) -> Any:
    folder = datasets_dir / "bbc_news_raw" / "bbc"
    if not folder.is_dir():
        pytest.skip(f"needs the BBC News raw corpus in {folder}")
    return rs.BbcCorpus.load(folder)


@pytest.fixture(scope="module")
def lexicon() -> Any:
    return rs.SpinLexicon.load()


@pytest.fixture(scope="module")
def pile(corpus: Any, lexicon: Any) -> Any:
    return rs.generate(3, 24, config=rs.PileConfig(**SMALL), corpus=corpus, lexicon=lexicon)


def _by_id(pile: Any) -> dict[str, Any]:
    return {a.id: a for a in pile.articles}


@pytest.mark.shared
def test_the_corpus_drops_near_duplicates(corpus: Any) -> None:
    assert 1600 < len(corpus.stories) < 2225  # 136 exact duplicate bodies and many shared passages
    assert len(corpus.headlines) == 2225


@pytest.mark.shared
def test_generation_is_deterministic_for_a_seed(corpus: Any, lexicon: Any, pile: Any) -> None:
    again = rs.generate(3, 24, config=rs.PileConfig(**SMALL), corpus=corpus, lexicon=lexicon)
    other = rs.generate(4, 24, config=rs.PileConfig(**SMALL), corpus=corpus, lexicon=lexicon)
    assert again.jsonl_records() == pile.jsonl_records() and again.gold() == pile.gold()
    assert other.jsonl_records() != pile.jsonl_records()


@pytest.mark.shared
def test_every_relation_and_every_distractor_is_present(pile: Any) -> None:
    # every copy is another outlet's (test_gold_is_consistent), so one outlet's revision is not generated
    assert {p.relation for p in pile.pairs} == set(Relation) - {Relation.REVISION}
    assert {p.spin_rate for p in pile.pairs if p.relation is Relation.SPUN_REWRITE} == {0.1, 0.2, 0.3, 0.4}
    kinds = Counter(a.kind for a in pile.articles)
    assert kinds["mass"] == SMALL["mass_copies"] and kinds["original"] == 25  # 24 + the mass story
    assert kinds["unrelated"] > 0 and kinds["empty"] == 3 and kinds["short"] == 6
    assert {n.kind for n in pile.negatives} == {"shared_boilerplate", "shared_furniture", "short_or_empty"}
    assert sum(p.mass for p in pile.pairs) == SMALL["mass_copies"]


@pytest.mark.shared
def test_gold_is_consistent(pile: Any) -> None:
    articles = _by_id(pile)
    assert len({a.url for a in pile.articles}) == len(pile.articles)
    family_of = {m: f.id for f in pile.families for m in f.articles}
    for pair in pile.pairs:
        source, target = articles[pair.source], articles[pair.target]
        assert target.origin == source.id and family_of[source.id] == family_of[target.id]
        assert target.published >= source.published  # copies are dated the same day or later
        assert target.outlet != source.outlet
    for article in pile.articles:
        if article.kind == "unrelated":
            assert article.id not in family_of and article.category in {a.category for a in pile.articles
                                                                        if a.kind == "original"}
    for negative in pile.negatives:
        assert family_of.get(negative.a, negative.a) != family_of.get(negative.b, negative.b)


@pytest.mark.shared
def test_derived_bodies_follow_their_relation(pile: Any) -> None:
    articles = _by_id(pile)
    for pair in pile.pairs:
        source, target = articles[pair.source], articles[pair.target]
        if pair.relation is Relation.VERBATIM:
            assert target.body == source.body and target.text != source.text  # other furniture
        elif pair.relation is Relation.EXCERPT:
            paragraphs = rs.split_paragraphs(source.body)
            if len(paragraphs) >= 4:  # a contiguous run of paragraphs
                assert target.body in source.body
                share = len(rs.split_paragraphs(target.body)) / len(paragraphs)
            else:  # a contiguous run of sentences
                assert target.body in " ".join(paragraphs)
                share = len(rs.split_sentences(target.body)) / sum(len(rs.split_sentences(p)) for p in paragraphs)
            assert 0.25 <= share <= 0.6
        elif pair.relation is Relation.SYNDICATED:
            assert target.credit == source.credit and target.credit in rs.AGENCIES
            assert any(mark in target.body for mark in ("Reuters", "AFP", "(AP)", "Associated Press", "PA"))


@pytest.mark.shared
def test_designed_negatives_share_only_a_line_or_the_page_frame(pile: Any) -> None:
    articles = _by_id(pile)
    for negative in pile.negatives:
        first, second = articles[negative.a], articles[negative.b]
        shared = set(rs.split_paragraphs(first.text)) & set(rs.split_paragraphs(second.text))
        if negative.kind == "shared_boilerplate":
            assert len(shared & set(rs.DISCLAIMERS)) == 1
        elif negative.kind == "shared_furniture":
            assert first.outlet == second.outlet and len(shared) >= 4  # header, three links, footer
            assert not shared & set(rs.split_paragraphs(first.body))


def _words(text: str) -> list[str]:
    return rs.WORD.findall(text)


@pytest.mark.shared
def test_spun_rewrites_change_about_their_rate_of_content_words(corpus: Any, lexicon: Any) -> None:
    config = rs.PileConfig(spin_drop_chance=0, spin_merge_chance=0, spin_resplit_chance=0, spun_share=1.0,
                           mass_copies=0)
    pile = rs.generate(5, 40, config=config, corpus=corpus, lexicon=lexicon)
    articles = _by_id(pile)
    spun = [p for p in pile.pairs if p.relation is Relation.SPUN_REWRITE]
    assert len(spun) == 40
    for pair in spun:
        before, after = articles[pair.source].body, articles[pair.target].body
        old, new = _words(before), _words(after)
        assert len(old) == len(new)  # one word for one word
        assert rs.WORD.split(before) == rs.WORD.split(after)  # numbers and punctuation untouched
        content = [i for i, w in enumerate(old) if rs.is_content_word(w)]
        changed = sum(old[i] != new[i] for i in content)
        assert all(old[i] == new[i] for i in range(len(old)) if i not in set(content))  # names untouched
        assert abs(changed / len(content) - pair.spin_rate) <= 0.01
        assert articles[pair.target].changed_share == pytest.approx(changed / len(content), abs=1e-4)


@pytest.mark.shared
def test_spinning_with_drops_and_merges_keeps_numbers_and_names(pile: Any) -> None:
    articles = _by_id(pile)
    for pair in (p for p in pile.pairs if p.relation is Relation.SPUN_REWRITE):
        before, after = articles[pair.source].body, articles[pair.target].body
        assert not Counter(rs._NUMBER.findall(after)) - Counter(rs._NUMBER.findall(before))
        names = {w for w in _words(after) if w[0].isupper()}
        assert names <= {w for w in _words(before) if w[0].isupper()}


@pytest.mark.shared
def test_cli_generate_writes_a_pile_newsdossier_ingests(tmp_path: Path, datasets_dir: Path) -> None:
    from newsdossier.ingest.jsonl import read_jsonl
    from newsdossier.ingest.settings import IngestSettings
    from newsdossier.model import Rejection

    out = tmp_path / "pile.jsonl"
    assert rs.main(["generate", "--out", str(out), "--seed", "2", "--originals", "8", "--mass-copies", "5",
                    "--data", str(datasets_dir / "bbc_news_raw" / "bbc")]) == 0
    gold = json.loads((tmp_path / "pile.gold.json").read_text(encoding="utf-8"))
    read = list(read_jsonl(out, IngestSettings()))
    rejected = [r for r in read if isinstance(r, Rejection)]
    assert len(read) == len(gold["articles"])
    assert len(rejected) == sum(not a["has_text"] for a in gold["articles"]) == 3  # the empty pages
    assert {d.hints.url for d in read if not isinstance(d, Rejection)} <= {a["url"] for a in gold["articles"]}


@pytest.mark.shared
def test_run_says_so_when_the_dossier_has_no_reuse(tmp_path: Path, datasets_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake-newsdossier"  # a build that writes a dossier of articles only
    fake.write_text(f"#!{sys.executable}\nimport json, pathlib, sys\nout = pathlib.Path(sys.argv[sys.argv.index('--out') + 1])\n"
                    "out.mkdir(parents=True, exist_ok=True)\n(out / 'dossier.json').write_text(json.dumps({'articles': []}))\n")
    fake.chmod(0o755)
    code = rs.main(["run", "--seed", "1", "--originals", "4", "--mass-copies", "2", "--work", str(tmp_path / "w"),
                    "--newsdossier", str(fake), "--data", str(datasets_dir / "bbc_news_raw" / "bbc")])
    assert code == 0
    assert "no 'reuse' key" in capsys.readouterr().out
