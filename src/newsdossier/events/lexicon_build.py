"""Build the event trigger lexicon from PETRARCH2's CAMEO verb dictionary (run once, by hand).

``python -m newsdossier.events.lexicon_build CAMEO.2.0.txt`` reads the dictionary the Open Event
Data Alliance publishes under the MIT licence with PETRARCH2
(``petrarch2/data/dictionaries/CAMEO.2.0.txt``, commit 676801cd of openeventdata/petrarch2) and
writes ``events/data/cameo_verbs.json``: for every verb, its CAMEO block, the block's default
code and the verb's own, and each block's patterns (the words expected before and after the verb
and the code they give, ``None`` where the dictionary says the phrase is no event: "killed in an
accident"). Synonym sets (``&WEAPON``) are kept by name. The product reads only the JSON.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import simplemma

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_VERB = re.compile(r"^(\+?)([A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
OUT = Path(__file__).resolve().parent / "data" / "cameo_verbs.json"


def _code(text: str | None) -> str | None:
    if text is None:
        return None
    code = text.split(":")[0].strip()
    return code if code and code != "---" and code.isdigit() else None


def _words(text: str) -> list[str]:
    words = []
    for raw in re.sub(r"[(){}]", " ", text).split():
        if raw in ("$", "+", "%", "^", "|") or raw.startswith("#"):
            continue
        raw = raw.strip("_")
        if raw.startswith("&"):
            words.append(raw.upper())
        else:
            words.extend(w.lower() for w in raw.split("_") if w and w.isalpha())
    return words


def build(path: Path) -> dict[str, Any]:
    verbs: dict[str, dict[str, Any]] = {}
    blocks: dict[str, dict[str, Any]] = {}
    synsets: dict[str, list[str]] = {}
    block: str | None = None
    synset: str | None = None
    named: dict[str, str] = {}  # verbs only the comments of a block's patterns name ("# URGE")
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if block is not None and text.startswith("-") and (c := re.search(r"#\s*([A-Z]+)\s*$", line)):
            named.setdefault(c[1].lower(), block)
        if not text.strip():
            synset = None
            continue
        if text.startswith("&"):
            synset = text.strip().rstrip("_").upper()
            synsets[synset] = []
            continue
        if synset is not None and text.startswith("+"):
            synsets[synset].append(" ".join(w.lower() for w in text[1:].strip().strip("_").split("_") if w))
            continue
        if (m := _BLOCK.match(text)) is not None:
            block = m[1].strip("_").lower()
            blocks[block] = {"code": _code(m[2]), "patterns": []}
            continue
        if block is None:
            continue
        if (m := _PATTERN.match(text)) is not None:
            pattern = m[1]
            if "*" not in pattern:
                continue
            before, _, after = pattern.partition("*")
            pre, post = _words(before), _words(after)
            if pre or post:
                blocks[block]["patterns"].append([pre, post, _code(m[2])])
            continue
        if (m := _VERB.match(text)) is not None:
            name = m[2].strip("_")
            parts = [p.lower() for p in name.split("_") if p]
            if not parts or any(p in ("and", "or") for p in parts[1:]):
                continue  # "+KILLED_AND": a phrase form, not a verb
            lemma = " ".join(parts)
            if m[1] and not lemma:
                continue
            own = _code(m[3]) if m[3] is not None else None
            verbs.setdefault(lemma, {"block": block, "code": own if m[3] is not None else blocks[block]["code"],
                                     "none": m[3] is not None and own is None})
    for verb, home in named.items():
        # A verb a block's patterns are annotated with but that has no entry of its own (in
        # CAMEO 2.0: "urge", in DEMAND) takes the block's default; inflected forms ("threw",
        # "paid") are left out, their base verbs have entries.
        if verb not in verbs and simplemma.lemmatize(verb, lang="en").lower() == verb:
            verbs[verb] = {"block": home, "code": blocks[home]["code"], "none": False}
    return {
        "source": "PETRARCH2 CAMEO.2.0.txt (openeventdata/petrarch2 676801cd, MIT licence, "
                  "(c) 2015 Open Event Data Alliance)",
        "verbs": verbs, "blocks": blocks, "synsets": synsets,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m newsdossier.events.lexicon_build CAMEO.2.0.txt", file=sys.stderr)
        return 2
    lexicon = build(Path(argv[0]))
    OUT.write_text(json.dumps(lexicon, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(lexicon['verbs'])} verbs, {len(lexicon['blocks'])} blocks, "
          f"{sum(len(b['patterns']) for b in lexicon['blocks'].values())} patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
