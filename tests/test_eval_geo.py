"""`newsdossier.eval.geo`: the TR-News, GeoVirus and GeoWebNews readers, the distance and AUC, and the scores.

The readers and scorer are tested on small articles written in each corpus's XML layout; the real files
are read behind the ``shared`` marker for their counts only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsdossier.errors import ConfigError, EvalDataError
from newsdossier.eval.geo import (GoldToponym, Resolved, auc_of_errors, evaluate_geo, great_circle_km,
                                  read_geo_corpus)

PARIS = (48.8566, 2.3522, 2988507)
LONDON = (51.5074, -0.1278, 2643743)
BERLIN = (52.52, 13.405, 2950159)

# "Paris is far from London." and "Rain in Berlin.", Berlin's offsets one character late; the street has
# no <gaztag>, so no coordinates, and is no gold toponym.
TR_NEWS = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1040001">
    <title>Far</title><url>http://example.org/far</url><domain>example.org</domain><dltime>2016-12-19</dltime>
    <text><![CDATA[Paris is far from London.]]></text>
    <toponyms>
      <toponym><phrase>Paris</phrase><start>0</start><end>5</end>
        <gaztag geonameid="2988507"><name>Paris</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>48.8566</lat><lon>2.3522</lon><country geonameid="3017382">France</country></gaztag></toponym>
      <toponym><phrase>far</phrase><start>9</start><end>12</end></toponym>
      <toponym><phrase>London</phrase><start>18</start><end>24</end>
        <gaztag geonameid="2643743"><name>London</name><lat>51.5074</lat><lon>-0.1278</lon></gaztag></toponym>
    </toponyms>
  </article>
  <article docid="1040002">
    <title>Rain</title><url>http://example.org/rain</url><domain>example.org</domain><dltime>2016-12-20</dltime>
    <text><![CDATA[Rain in Berlin.]]></text>
    <toponyms>
      <toponym><phrase>Berlin</phrase><start>9</start><end>15</end>
        <gaztag geonameid="2950159"><name>Berlin</name><lat>52.52</lat><lon>13.405</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

# The first <location> wraps the second, as one article of the real GeoVirus does.
GEOVIRUS = """<articles>
  <article>
    <source>https://en.wikinews.org/wiki/Ebola_in_Kinshasa</source>
    <text>Ebola in Kinshasa and Goma.</text>
    <locations>
      <location>
        <location><name>Goma</name><start>22</start><end>26</end><lat>-1.68</lat><lon>29.22</lon>
          <page>https://en.wikipedia.org/wiki/Goma</page></location>
        <name>Kinshasa</name><start>9</start><end>17</end><lat>-4.32</lat><lon>15.31</lon>
        <page>https://en.wikipedia.org/wiki/Kinshasa</page>
      </location>
    </locations>
  </article>
</articles>
"""

# "city" has no coordinates and is no gold toponym; Surulere has coordinates but no GeoNames id.
GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>Floods</title><link>http://example.org/floods</link>
    <text>Flooding hit Lagos and Surulere, the city said.</text>
    <toponyms>
      <toponym><extractedName>Lagos</extractedName><normalisedName>Lagos</normalisedName><type>Literal</type>
        <modifierType/><nonLocational>No</nonLocational><start>13</start><end>18</end>
        <geonamesID>2332459</geonamesID><latitude>6.45</latitude><longitude>3.39</longitude></toponym>
      <toponym><extractedName>city</extractedName><normalisedName/><type>Literal_Expression</type>
        <modifierType/><nonLocational>No</nonLocational><start>37</start><end>41</end></toponym>
      <toponym><extractedName>Surulere</extractedName><normalisedName/><type>Literal</type>
        <modifierType/><nonLocational>No</nonLocational><start>23</start><end>31</end>
        <geonamesID/><latitude>6.5</latitude><longitude>3.35</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""


def _write(folder: Path, name: str, xml: str) -> Path:
    path = folder / name
    path.write_text(xml, encoding="utf-8")
    return path


def test_reads_tr_news_with_ids_and_leaves_out_toponyms_without_coordinates(tmp_path: Path) -> None:
    first, second = read_geo_corpus(_write(tmp_path, "TR-News.xml", TR_NEWS))
    assert (first.name, first.text) == ("1040001", "Paris is far from London.")
    assert first.toponyms == (GoldToponym(0, 5, "Paris", 48.8566, 2.3522, 2988507),
                              GoldToponym(18, 24, "London", 51.5074, -0.1278, 2643743))
    assert second.name == "1040002" and second.toponyms[0].text == "Berlin"


def test_reads_geovirus_and_a_location_nested_in_another(tmp_path: Path) -> None:
    (doc,) = read_geo_corpus(_write(tmp_path, "GeoVirus.xml", GEOVIRUS))
    assert doc.name == "https://en.wikinews.org/wiki/Ebola_in_Kinshasa"
    assert sorted(doc.toponyms, key=lambda t: t.start) == [GoldToponym(9, 17, "Kinshasa", -4.32, 15.31, None),
                                                          GoldToponym(22, 26, "Goma", -1.68, 29.22, None)]


def test_reads_geowebnews_toponyms_with_coordinates_only(tmp_path: Path) -> None:
    (doc,) = read_geo_corpus(_write(tmp_path, "GWN.xml", GWN))
    assert doc.name == "7"
    assert doc.toponyms == (GoldToponym(13, 18, "Lagos", 6.45, 3.39, 2332459),
                            GoldToponym(23, 31, "Surulere", 6.5, 3.35, None))


def test_the_format_is_told_by_the_elements_not_the_name(tmp_path: Path) -> None:
    docs = read_geo_corpus(_write(tmp_path, "GeoVirus.xml", TR_NEWS))
    assert docs[0].name == "1040001" and docs[0].toponyms[0].geonames_id == 2988507


@pytest.mark.parametrize(("xml", "message"), [
    ("<articles><article><text>Paris</text>", "cannot read the file as XML"),
    ("<articles><article><text>Paris</text></article></articles>", "not a geoparsing corpus"),
    ("<corpus><article><locations/></article></corpus>", "found <corpus>"),
    (TR_NEWS.replace("<start>0</start>", "<start>zero</start>"), "article 1040001: .* not a number"),
])
def test_bad_files_raise_naming_the_file(tmp_path: Path, xml: str, message: str) -> None:
    path = _write(tmp_path, "bad.xml", xml)
    with pytest.raises(EvalDataError, match=f"bad.xml: .*{message}"):
        read_geo_corpus(path)


def test_a_missing_file_raises_naming_it(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="nowhere.xml"):
        read_geo_corpus(tmp_path / "nowhere.xml")


@pytest.mark.parametrize(("a", "b", "km"), [
    ((48.8566, 2.3522), (51.5074, -0.1278), 344.0),  # Paris-London
    ((10.0, 20.0), (10.0, 20.0), 0.0),
    ((0.0, 0.0), (90.0, 0.0), math.pi / 2 * 6371.0088),  # equator to pole
    ((0.0, 0.0), (0.0, 180.0), math.pi * 6371.0088),  # antipodes
])
def test_great_circle_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert great_circle_km(*a, *b) == pytest.approx(km, abs=2.0)


@pytest.mark.parametrize(("errors", "auc"), [
    ([], 0.0),
    ([0.0], 0.0),
    ([20038.0], 1.0),  # ln(20038 + 1) / ln(20039)
    ([0.0, 20038.0], 0.5),
    ([0.0, 20038.0, 0.0], 0.25),  # sorted first: 0, 0, ln(20039) -> (ln(20039) / 2) / (2 ln(20039))
    ([math.e - 1] * 4, 1 / math.log(20039)),  # every log error 1
])
def test_auc_of_errors(errors: list[float], auc: float) -> None:
    assert auc_of_errors(errors) == pytest.approx(auc)


def _geocode(text: str, spans: Sequence[tuple[int, int]]) -> list[Resolved]:
    """Paris right, London placed at Paris (with Paris's id), Berlin unresolved."""
    guesses: dict[tuple[int, int], Resolved] = {(0, 5): PARIS, (18, 24): PARIS, (8, 14): None}
    return [guesses[span] for span in spans]


def _geoparse(text: str) -> list[tuple[int, int, Resolved]]:
    """In the first article, "is f" (3, 10) is listed first and overlaps Paris by 2 characters, "Paris"
    (0, 5) by 5: the greater overlap wins, and that Paris is put at London. London is found and right.
    In the second, "Rain" is no toponym and Berlin is missed."""
    if text.startswith("Paris"):
        return [(3, 10, PARIS), (0, 5, LONDON), (18, 24, LONDON)]
    return [(0, 4, None)]


def test_scores_with_gold_spans_and_end_to_end(tmp_path: Path) -> None:
    london_paris = great_circle_km(*LONDON[:2], *PARIS[:2])
    k = math.log(20039)
    result = evaluate_geo(_write(tmp_path, "TR-News.xml", TR_NEWS), geocode=_geocode, geoparse=_geoparse)
    keys = ("corpus", "documents", "gold_toponyms", "gold_offsets_mismatched", "gold_offsets_realigned")
    assert {key: result[key] for key in keys} == {  # Berlin moved back to where the text reads "Berlin"
        "corpus": "TR-News.xml", "documents": 2, "gold_toponyms": 3, "gold_offsets_mismatched": 0,
        "gold_offsets_realigned": 1}
    # with gold spans: errors 0, 343.5 km and unresolved (20039 km)
    assert result["acc161_gold"] == 0.3333 and result["resolved_gold"] == 0.6667
    assert result["precision161_gold"] == 0.5 and result["geonames_match_gold"] == 0.3333
    assert result["median_error_km_gold"] == pytest.approx(london_paris / 2, abs=1e-3)
    assert result["auc_gold"] == pytest.approx((math.log(london_paris + 1) + math.log(20040) / 2) / (2 * k), abs=1e-4)
    # end to end: 4 predicted, 2 matched (Paris, London), 3 gold; of the matched, Paris 343.5 km off
    assert result["toponym_precision"] == 0.5 and result["toponym_recall"] == 0.6667
    assert result["toponym_f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), abs=1e-4)
    assert result["acc161"] == 0.5 and result["acc161_all_gold"] == 0.3333
    assert result["auc"] == pytest.approx(math.log(london_paris + 1) / (2 * k), abs=1e-4)


def test_gold_only_scores_and_the_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "GWN.xml", GWN)
    result = evaluate_geo(path, geocode=lambda text, spans: [None] * len(spans))
    assert result["gold_toponyms"] == 2 and result["gold_offsets_mismatched"] == 0
    assert result["acc161_gold"] == 0.0 and result["auc_gold"] == 1.0 and result["median_error_km_gold"] is None
    assert result["geonames_match_gold"] == 0.0 and "toponym_f1" not in result
    no_ids = evaluate_geo(_write(tmp_path, "GeoVirus.xml", GEOVIRUS), geocode=lambda text, spans: [None] * len(spans))
    assert no_ids["geonames_match_gold"] is None and no_ids["gold_offsets_mismatched"] == 0
    assert evaluate_geo(_write(tmp_path, "TR-News.xml", TR_NEWS), geocode=_geocode, limit=1)["documents"] == 1


def test_the_dev_and_test_halves_are_the_even_and_odd_articles(tmp_path: Path) -> None:
    path = _write(tmp_path, "TR-News.xml", TR_NEWS)
    seen: dict[str, list[str]] = {"dev": [], "test": []}
    for split in ("dev", "test"):
        result = evaluate_geo(path, geocode=lambda text, spans, s=split: seen[s].append(text) or [None] * len(spans),
                              split=split)
        assert result["split"] == split and result["documents"] == 1
    assert seen["dev"] and seen["test"] and seen["dev"] != seen["test"]
    assert evaluate_geo(path, geocode=lambda text, spans: [None] * len(spans))["split"] == "all"
    with pytest.raises(ConfigError, match="no 'train' split"):
        evaluate_geo(path, geocode=lambda text, spans: [None] * len(spans), split="train")


def test_a_geocoder_must_answer_every_span(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="one Resolved"):
        evaluate_geo(_write(tmp_path, "GWN.xml", GWN), geocode=lambda text, spans: [])


# Counted on the files of ../shared (Pragmatic Guide commit 6947d46): gold toponyms are those with
# coordinates (TR-News leaves 44 of 1,319 without; GeoWebNews 4,011 of 6,612).
REAL_CORPORA = [("Corpora/TR-News.xml", 118, 1275), ("Corpora/GeoVirus.xml", 229, 2170), ("GWN.xml", 200, 2601)]


@pytest.mark.shared
@pytest.mark.parametrize(("name", "documents", "toponyms"), REAL_CORPORA)
def test_real_corpora_counts(datasets_dir: Path, name: str, documents: int, toponyms: int) -> None:
    docs = read_geo_corpus(datasets_dir / "geoparsing" / "pragmatic_guide" / "data" / name)
    assert len(docs) == documents
    assert sum(len(doc.toponyms) for doc in docs) == toponyms


# The product's scores with gold spans, measured 2026-12-05 (docs/benchmarks.md, "Places, fourth look"):
# floors a little under the measured acc161_gold (TR-News 0.870, GeoVirus 0.805, GeoWebNews 0.807) and
# precision161_gold (0.912, 0.856, 0.961).
GOLD_SPAN_FLOORS = [("Corpora/TR-News.xml", 0.86, 0.90), ("Corpora/GeoVirus.xml", 0.79, 0.84), ("GWN.xml", 0.79, 0.95)]


@pytest.mark.shared
@pytest.mark.parametrize(("name", "acc161", "precision161"), GOLD_SPAN_FLOORS)
def test_product_geocoding_with_gold_spans(datasets_dir: Path, name: str, acc161: float, precision161: float) -> None:
    from newsdossier.evaluate import geocode_for_eval

    result = evaluate_geo(datasets_dir / "geoparsing" / "pragmatic_guide" / "data" / name, geocode=geocode_for_eval)
    assert result["acc161_gold"] >= acc161 and result["precision161_gold"] >= precision161
