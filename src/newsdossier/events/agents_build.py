"""Build the actor-noun list and the discard list from PETRARCH2's dictionaries (run once, by hand).

``python -m newsdossier.events.agents_build Phoenix.agents.txt Phoenix.discards.txt`` reads the agents dictionary the
Open Event Data Alliance publishes under the MIT licence with PETRARCH2
(``petrarch2/data/dictionaries/Phoenix.agents.txt``, commit 676801cd of openeventdata/petrarch2):
the common nouns that name a political actor ("police", "rebel", "villager", "ministry"), each
with its CAMEO agent code. It writes ``events/data/agents.json``: single-word nouns by lower-case
form, and the multi-word ones as phrases ("police officer"). ``!PERSON!`` expands to its
substitution set (man, woman, person ...).

The discards dictionary (``Phoenix.discards.txt``, same commit) lists the phrases whose sentence
(or, marked ``+``, whose whole story) PETRARCH codes no event from: sports ("goalkeeper", "Champions
League", "test series"), entertainment, diseases, weather, accidents, history ("Second World War").
It writes ``events/data/discards.json`` with both lists, lower case. Bare years and "years ago",
"months later" are left out: here an old date makes an event background, not nothing.
The product reads only the JSON.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_SUBSTITUTION = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_ENTRY = re.compile(r"^([A-Z0-9!][A-Z0-9_'!.-]*)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]+)\]")
OUT = Path(__file__).resolve().parent / "data" / "agents.json"
DISCARDS_OUT = Path(__file__).resolve().parent / "data" / "discards.json"
_TIME_PHRASE = re.compile(r"^(?:\w+ )?(?:years|months|weeks|days) (?:ago|later)$")


def build_discards(path: Path) -> dict[str, object]:
    sentence: set[str] = set()
    story: set[str] = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        whole = line.startswith("+")
        phrase = " ".join(line.lstrip("+").replace("_", " ").lower().split())
        if not phrase or phrase.isdigit() or _TIME_PHRASE.match(phrase):
            continue
        (story if whole else sentence).add(phrase)
    return {
        "source": "PETRARCH2 Phoenix.discards.txt (openeventdata/petrarch2 676801cd, MIT licence, "
                  "(c) Open Event Data Alliance)",
        "sentence": sorted(sentence - story), "story": sorted(story),
    }


def build(path: Path) -> dict[str, object]:
    substitutions: dict[str, list[str]] = {}
    single: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := _SUBSTITUTION.match(line):
            substitutions[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        if not (m := _ENTRY.match(line)):
            continue
        forms = [m[1]]
        for name, words in substitutions.items():
            forms = [f.replace(f"!{name}!", w) if f"!{name}!" in f else f for f in forms
                     for w in (words if f"!{name}!" in f else [""])]
        for form in forms:
            words = [w for w in form.lower().replace("!", "").split("_") if w]
            if not words or any(not re.fullmatch(r"[a-z][a-z'.-]*", w) for w in words):
                continue
            (single if len(words) == 1 else phrases).setdefault(" ".join(words), m[2])
    return {
        "source": "PETRARCH2 Phoenix.agents.txt (openeventdata/petrarch2 676801cd, MIT licence, "
                  "(c) 2014 Open Event Data Alliance)",
        "nouns": dict(sorted(single.items())), "phrases": dict(sorted(phrases.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m newsdossier.events.agents_build Phoenix.agents.txt Phoenix.discards.txt",
              file=sys.stderr)
        return 2
    agents = build(Path(argv[0]))
    OUT.write_text(json.dumps(agents, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(agents['nouns'])} nouns, {len(agents['phrases'])} phrases")  # type: ignore[arg-type]
    discards = build_discards(Path(argv[1]))
    DISCARDS_OUT.write_text(json.dumps(discards, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{DISCARDS_OUT}: {len(discards['sentence'])} sentence and "  # type: ignore[arg-type]
          f"{len(discards['story'])} story discards")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
