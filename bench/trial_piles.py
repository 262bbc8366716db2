"""Write the new-user trial piles of docs/benchmarks.md ("Seventh session") from ../shared/datasets.

Usage:
    .venv/bin/python bench/trial_piles.py OUTDIR [--data ../shared/datasets]

Each pile is what a new user would point ``newsdossier build`` at:

* ``aquaint/`` and ``timebank/``: TempEval-3's training documents (TimeBank and AQUAINT, 1989-1998 wire
  and broadcast news) as plain-text articles: headline, blank line, the document creation time as a
  date line, blank line, the text with its TimeML tags removed;
* ``gwn.jsonl``: GeoWebNews' 200 pages (title, text, address; ``published`` where the address holds a
  /YYYY/MM/DD/ date);
* ``trnews.jsonl``: TR-News' 118 articles (title, text, address; ``published`` from the download day
  the corpus gives);
* ``geovirus.jsonl``: GeoVirus' 229 outbreak reports (text and address; undated);
* ``conll_train.jsonl``, ``conll_dev.jsonl`` and ``conll_test.jsonl``: the training, development and test
  splits of CoNLL-2003's English NER data (Reuters wire of August to December 1996) rebuilt into articles:
  each dateline sentence ("LONDON 1996-08-30") starts one, the sentence before it (or the one before a
  byline) is its headline; tokens joined back as in ``eval stories``; ``published`` from the dateline; the
  text opens with the dateline's place and a dash ("LONDON - ...");
* ``wikiref/``: WikiRef220's two crisis stories (the Paris attacks of November 2015, Malaysia
  Airlines flight MH370), copied as they are (undated).

The corpora stay in ../shared; nothing here is copied into the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timeml_pile(folder: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4})-(\d\d)-(\d\d)', raw)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if dct is None or body is None:
            continue
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
        day = date(int(dct[1]), int(dct[2]), int(dct[3])).strftime("%B %d, %Y")
        headline = html.unescape(title.group(1).strip()) if title else text.split("\n")[0]
        (out / f"{path.stem}.txt").write_text(f"{headline}\n\n{day}\n\n{text}\n", encoding="utf-8")
        count += 1
    return count


def _text(article: ET.Element, tag: str) -> str:
    return " ".join((article.findtext(tag) or "").split()) if tag == "title" else (article.findtext(tag) or "").strip()


def _gwn(article: ET.Element) -> dict[str, str]:
    record = {"title": _text(article, "title"), "text": _text(article, "text"), "url": _text(article, "link")}
    if found := re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", record["url"]):
        record["published"] = f"{found[1]}-{found[2]}-{found[3]}"
    return record


def _trnews(article: ET.Element) -> dict[str, str]:
    record = {"title": _text(article, "title"), "text": _text(article, "text"), "url": _text(article, "url")}
    if day := _text(article, "dltime"):
        record["published"] = day
    return record


def _geovirus(article: ET.Element) -> dict[str, str]:
    return {"text": _text(article, "text"), "url": _text(article, "source")}


def xml_pile(xml_file: Path, out: Path, record_of: Callable[[ET.Element], dict[str, str]]) -> int:
    """A JSON Lines pile of the Pragmatic Guide corpus ``xml_file``, one record per article."""
    articles = list(ET.parse(xml_file).getroot().iter("article"))
    with out.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record_of(article)) + "\n" for article in articles)
    return len(articles)


_DATELINE = re.compile(r"(?P<place>[A-Z][A-Za-z .,'-]*?) (?P<day>\d{4}-\d\d-\d\d)")


def conll_pile(conll_file: Path, out: Path) -> int:
    """A JSON Lines pile of Reuters articles rebuilt from a CoNLL-2003 token/tag file."""
    from newsdossier.eval.stories import _detokenize

    sentences: list[list[tuple[str, str]]] = [[]]
    for line in conll_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            sentences.append([])
        elif not line.startswith("-DOCSTART-"):
            token, *_, tag = line.split()
            sentences[-1].append((token, tag))
    sentences = [s for s in sentences if s]
    texts = [_detokenize([token for token, _ in s]) for s in sentences]
    datelines = [n for n, text in enumerate(texts) if len(sentences[n]) <= 8 and _DATELINE.fullmatch(text)]
    heads = []
    for n in datelines:
        byline = n >= 2 and all(tag.endswith("PER") for _, tag in sentences[n - 1])
        heads.append(n - 2 if byline else max(n - 1, 0))
    with out.open("w", encoding="utf-8") as handle:
        for head, dateline, stop in zip(heads, datelines, heads[1:] + [len(texts)], strict=True):
            match = _DATELINE.fullmatch(texts[dateline])
            assert match is not None
            body = " ".join(texts[dateline + 1:stop])
            handle.write(json.dumps({"title": texts[head], "text": f"{match['place']} - {body}",
                                     "published": match["day"]}) + "\n")
    return len(datelines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    tbaq = args.data / "tempeval3" / "Training" / "TBAQ-cleaned"
    geo = args.data / "geoparsing" / "pragmatic_guide" / "data"
    print("aquaint", timeml_pile(tbaq / "AQUAINT", out / "aquaint"))
    print("timebank", timeml_pile(tbaq / "TimeBank", out / "timebank"))
    print("gwn", xml_pile(geo / "GWN.xml", out / "gwn.jsonl", _gwn))
    print("trnews", xml_pile(geo / "Corpora" / "TR-News.xml", out / "trnews.jsonl", _trnews))
    print("geovirus", xml_pile(geo / "Corpora" / "GeoVirus.xml", out / "geovirus.jsonl", _geovirus))
    for split in ("train", "dev", "test"):
        conll = args.data / "ner" / "conll2003_en" / f"{split}.txt"
        print(f"conll_{split}", conll_pile(conll, out / f"conll_{split}.jsonl"))
    wikiref = out / "wikiref"
    wikiref.mkdir(exist_ok=True)
    copied = 0
    for path in sorted((args.data / "wikiref_clustering" / "WikiRef220").glob("*.txt")):
        if path.name.startswith(("ParisAttacks2015", "malaysia.airlines.flight")):
            shutil.copy(path, wikiref / path.name)
            copied += 1
    print("wikiref", copied)


if __name__ == "__main__":
    main()
