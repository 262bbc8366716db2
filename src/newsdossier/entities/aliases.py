"""The user's alias table: names that no spelling rule can join, declared to be one actor.

Some actors go by names that share nothing: "Hashed al-Shaabi" and "Popular Mobilization
Forces", "Daesh" and "Islamic State". ``newsdossier build --aliases FILE`` takes a UTF-8 text
file with one actor per line, its names separated by ``|``, optionally preceded by a type::

    # comments and blank lines are ignored
    ORG: Hashed al-Shaabi | Popular Mobilization Forces | Popular Mobilisation Units
    Daesh | Islamic State | ISIS
    Mr Blair != Mr Baker

A ``!=`` line names two actors that are never one, whatever rule would join them (a cannot-link
constraint): the merge is refused and the refusal is kept as evidence. Names are compared by their transliteration key (:func:`~newsdossier.entities.names.name_key`),
so one spelling in the table covers its variants ("Hashed al-Shabi", "Hashed Al Shaabi" too). Actors named on one
line become one entity, with the line cited as evidence; a type (PER, ORG or LOC) on the line
sets the entity's type. A name may appear on one line only. newsdossier ships no alias table:
every merge it makes by itself comes from a rule stated in :mod:`newsdossier.entities.resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsdossier.entities.names import name_key
from newsdossier.errors import ConfigError

__all__ = ["AliasEntry", "AliasTable", "CannotLink", "read_aliases"]

TYPES = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    line: int
    names: tuple[str, ...]
    type: str | None


@dataclass(frozen=True, slots=True)
class CannotLink:
    line: int
    left: str
    right: str


@dataclass(frozen=True)
class AliasTable:
    path: str
    entries: tuple[AliasEntry, ...]
    apart: tuple[CannotLink, ...] = ()
    _by_key: dict[str, AliasEntry] = field(init=False, repr=False, compare=False)
    _sides: dict[str, list[tuple[int, int]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {name_key(n): e for e in self.entries for n in e.names})
        sides: dict[str, list[tuple[int, int]]] = {}
        for rule in self.apart:
            sides.setdefault(name_key(rule.left), []).append((rule.line, 0))
            sides.setdefault(name_key(rule.right), []).append((rule.line, 1))
        object.__setattr__(self, "_sides", sides)

    def entry_for(self, name: str) -> AliasEntry | None:
        """The entry naming ``name`` (by transliteration key), if any."""
        return self._by_key.get(name_key(name))

    def sides_for(self, name: str) -> list[tuple[int, int]]:
        """(line, side 0 or 1) of every ``!=`` line naming ``name`` (by transliteration key)."""
        return self._sides.get(name_key(name), [])


def read_aliases(path: Path) -> AliasTable:
    """Read an alias table (format in the module docstring); a malformed one is a :class:`ConfigError`."""
    try:
        # utf-8-sig: a byte-order mark (Windows editors write one) would otherwise join the first line's
        # type to its first name ("\ufeffORG: Daesh"); found while fuzzing, docs/reliability.md.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: alias table not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: alias table is not UTF-8 text") from None
    except OSError as error:
        raise ConfigError(f"{path}: alias table cannot be read ({error.strerror})") from None
    entries = []
    apart = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "!=" in line:
            pair = [n.strip() for n in line.split("!=")]
            if len(pair) != 2 or not all(pair) or "|" in line:
                raise ConfigError(f"{path}:{number}: a '!=' line names exactly two actors: 'Mr Blair != Mr Baker'")
            if not all(name_key(n) for n in pair):
                raise ConfigError(f"{path}:{number}: a name on this '!=' line has no letters to match on")
            if name_key(pair[0]) == name_key(pair[1]):
                raise ConfigError(f"{path}:{number}: {pair[0]!r} and {pair[1]!r} are the same name; "
                                  f"'!=' needs two different names")
            apart.append(CannotLink(number, pair[0], pair[1]))
            continue
        kind = None
        head, sep, rest = line.partition(":")
        if sep and head.strip().upper() in TYPES:
            kind, line = head.strip().upper(), rest
        names = tuple(n.strip() for n in line.split("|") if n.strip())
        if len(names) < 2:
            raise ConfigError(f"{path}:{number}: an alias line needs two or more names separated by '|'")
        for name in names:
            key = name_key(name)
            if not key:
                raise ConfigError(f"{path}:{number}: {name!r} has no letters to match on")
            if key in seen and seen[key] != number:
                raise ConfigError(f"{path}:{number}: {name!r} is already on line {seen[key]}; "
                                  f"a name may belong to one actor only")
            seen[key] = number
        entries.append(AliasEntry(number, names, kind))
    for rule in apart:
        for a, b in ((rule.left, rule.right), (rule.right, rule.left)):
            if (joined := seen.get(name_key(a))) is not None and seen.get(name_key(b)) == joined:
                raise ConfigError(f"{path}:{rule.line}: {a!r} and {b!r} are joined on line {joined}; "
                                  f"a pair cannot be both one actor and two")
    return AliasTable(str(path), tuple(entries), tuple(apart))
