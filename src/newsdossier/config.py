"""newsdossier.toml: the settings of a build, one section per stage, read and validated once.

    [pile]           db                                  the pile's database
    [ingest]         max_document_bytes, max_feed_bytes  size limits (:class:`IngestSettings`)
    [ingest.fields]  text, html, url, title, published,  the JSON keys read for each field
                     outlet, byline
    [stories]        rebuild                             cluster the whole pile afresh
    [nlp]            model                               the spaCy pipeline
    [entities]       aliases                             the alias table
    [dossier]        out                                 where the dossier is written

Only settings a stage reads are here; a key left out keeps its default. Relative paths are read
from the file's folder, so a config and the files it names can move together. Every problem is a
:class:`ConfigError` that names the file, the section and the key and says how to fix it, raised
before anything is opened or written. The ingest values are checked by :class:`IngestSettings`
itself, so its rules live in one place.

Example::

    from newsdossier.config import load_config

    config = load_config("newsdossier.toml")
    config.pile.db, config.ingest.json_keys("text"), config.dossier.out
"""

from __future__ import annotations

import difflib
import json
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsdossier.errors import ConfigError
from newsdossier.ingest.settings import DEFAULT_JSON_FIELDS, IngestSettings
from newsdossier.nlp import BUNDLED

__all__ = ["DEFAULT_DB", "DEFAULT_OUT", "Config", "DossierConfig", "EntitiesConfig", "NlpConfig", "PileConfig",
           "StoriesConfig", "config_to_toml", "load_config"]

DEFAULT_DB = Path("newsdossier.db")
DEFAULT_OUT = Path("out")


@dataclass(frozen=True, slots=True)
class PileConfig:
    """[pile]: where the pile lives."""

    db: Path = DEFAULT_DB


@dataclass(frozen=True, slots=True)
class StoriesConfig:
    """[stories]: whether a build clusters the whole pile afresh instead of adding to the last run's stories."""

    rebuild: bool = False


@dataclass(frozen=True, slots=True)
class NlpConfig:
    """[nlp]: the spaCy pipeline: ``"bundled"``, an installed package's name, or a directory."""

    model: str = BUNDLED


@dataclass(frozen=True, slots=True)
class EntitiesConfig:
    """[entities]: the user's alias table (docs/entities.md), if any."""

    aliases: Path | None = None


@dataclass(frozen=True, slots=True)
class DossierConfig:
    """[dossier]: the folder dossier.json, dossier.md and dossier.html are written to."""

    out: Path = DEFAULT_OUT


@dataclass(frozen=True, slots=True)
class Config:
    """Every stage's settings; ``Config()`` is the defaults, :func:`load_config` reads a file."""

    pile: PileConfig = field(default_factory=PileConfig)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    nlp: NlpConfig = field(default_factory=NlpConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    dossier: DossierConfig = field(default_factory=DossierConfig)

    def absolute(self) -> Config:
        """The same settings with every path made absolute against the current folder: what a run here uses."""
        aliases = self.entities.aliases
        return replace(self, pile=PileConfig(db=self.pile.db.absolute()),
                       entities=EntitiesConfig(aliases=aliases.absolute() if aliases is not None else None),
                       dossier=DossierConfig(out=self.dossier.out.absolute()))


@dataclass(frozen=True, slots=True)
class _Key:
    kind: str  # the TOML type expected: path, string, integer, boolean, keys (a string or an array of them), table
    example: str  # a value written as in the file, shown when the value given has the wrong type
    help: str  # the example file's comment


_KINDS = {
    "path": "a path in quotes",
    "string": "a string in quotes",
    "integer": "a whole number without quotes",
    "boolean": "true or false, without quotes",
    "keys": "a key in quotes or an array of keys",
    "table": "a table",
}

_SECTION_HELP = {
    "ingest.fields": "A JSON record's fields, each read from the first of its keys that is non-empty. A field "
                     "given here\n# replaces that field's default keys only, e.g. text = \"article_body\".",
}

_KEYS: dict[str, dict[str, _Key]] = {
    "pile": {"db": _Key("path", '"newsdossier.db"', "the pile's SQLite database, created by the first build")},
    "ingest": {
        "max_document_bytes": _Key("integer", "20971520", "the largest single document read (bytes); a larger one "
                                                          "is rejected as too-large"),
        "max_feed_bytes": _Key("integer", "104857600", "the largest RSS/Atom file read (bytes)"),
        "fields": _Key("table", '{ text = "article_body" }', "JSON field mapping; see [ingest.fields]"),
    },
    "ingest.fields": {name: _Key("keys", f'["my_{name}"]', "") for name in DEFAULT_JSON_FIELDS},
    "stories": {"rebuild": _Key("boolean", "true", "cluster all stories afresh instead of adding new articles to "
                                                   "the stories of the last build")},
    "nlp": {"model": _Key("string", '"en_core_web_trf"', '"bundled", an installed spaCy package\'s name, or a '
                                                         'pipeline directory ("./models/news")')},
    "entities": {"aliases": _Key("path", '"aliases.txt"', "alias table: one actor per line, names separated by "
                                                          "'|' (docs/entities.md); default none")},
    "dossier": {"out": _Key("path", '"out"', "the folder dossier.json, dossier.md and dossier.html go to")},
}


def load_config(path: str | Path) -> Config:
    """Read and check the config file at ``path``; any problem is a :class:`ConfigError` saying how to fix it."""
    path = Path(path)
    table = _read_toml(path)
    for name in table:
        if name not in _KEYS or name == "ingest.fields":
            raise ConfigError(f"{path}: {_unknown(name, None)}")
    pile, ingest, stories = (_section(path, table, name) for name in ("pile", "ingest", "stories"))
    nlp, entities, dossier = (_section(path, table, name) for name in ("nlp", "entities", "dossier"))
    fields = _section(path, ingest, "ingest.fields", key="fields")
    folder = path.absolute().parent
    config = Config(
        pile=PileConfig(**_paths(pile, folder)),
        ingest=_ingest_settings(path, {k: v for k, v in ingest.items() if k != "fields"}, fields),
        stories=StoriesConfig(**stories),
        nlp=NlpConfig(**{key: _model(value, folder) for key, value in nlp.items()}),
        entities=EntitiesConfig(**_paths(entities, folder)),
        dossier=DossierConfig(**_paths(dossier, folder)),
    )
    _check_paths(path, config)
    return config


def config_to_toml(config: Config | None = None) -> str:
    """``config`` (the defaults if none) as a commented newsdossier.toml that :func:`load_config` reads back."""
    config = config or Config()
    values: dict[str, dict[str, Any]] = {
        "pile": {"db": config.pile.db},
        "ingest": {"max_document_bytes": config.ingest.max_document_bytes,
                   "max_feed_bytes": config.ingest.max_feed_bytes},
        "ingest.fields": {name: list(config.ingest.json_keys(name)) for name in DEFAULT_JSON_FIELDS},
        "stories": {"rebuild": config.stories.rebuild},
        "nlp": {"model": config.nlp.model},
        "entities": {"aliases": config.entities.aliases},
        "dossier": {"out": config.dossier.out},
    }
    lines = ["# newsdossier.toml: newsdossier build --config newsdossier.toml",
             "# Options given on the command line win over these values; a key left out keeps its default.",
             "# Relative paths are read from this file's folder."]
    for section, keys in _KEYS.items():
        lines += ["", *([f"# {_SECTION_HELP[section]}"] if section in _SECTION_HELP else []), f"[{section}]"]
        for name, key in keys.items():
            if key.kind == "table":
                continue
            value = values[section][name]
            lines += [*([f"# {key.help}"] if key.help else []),
                      f"{name} = {_toml_value(value)}" if value is not None else f"# {name} = {key.example}"]
    return "\n".join(lines) + "\n"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no config file there; `newsdossier config --example > {path.name}` "
                          "writes one with every key at its default") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder; give the config file's path (e.g. {path / 'newsdossier.toml'})") \
            from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the config file as UTF-8") from None
    except tomllib.TOMLDecodeError as error:  # its message ends "(at line L, column C)"
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None


def _section(path: Path, parent: dict[str, Any], name: str, *, key: str | None = None) -> dict[str, Any]:
    """The checked keys of section ``name`` (found under ``key`` in ``parent``): every key known, every type right."""
    values = parent.get(key or name, {})
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: [{name}] must be a table (a line [{name}] with its keys below it), "
                          f"got {_shown(values)}")
    known = _KEYS[name]
    for key_name, value in values.items():
        if key_name not in known:
            raise ConfigError(f"{path}: [{name}] {_unknown(key_name, name)}")
        expected = known[key_name]
        if not _has_kind(value, expected.kind):
            raise ConfigError(f"{path}: [{name}] {key_name} must be {_KINDS[expected.kind]}, got {_shown(value)}; "
                              f"for example:\n    [{name}]\n    {key_name} = {expected.example}")
    return dict(values)


def _unknown(name: str, section: str | None) -> str:
    """Why ``name`` is refused (a section when ``section`` is None, else a key of it) and the nearest known name."""
    if section is None:
        homes = [s for s, keys in _KEYS.items() if name in keys]
        if homes:
            return f"{name!r} is not a section; did you mean [{homes[0]}] {name}? Keys go below their [section] line"
        return f"unknown section {name!r}; {_closest(name, [s for s in _KEYS if s != 'ingest.fields'], '[{}]')}"
    homes = [s for s, keys in _KEYS.items() if name in keys and s != section]
    hint = (f"{name} belongs in [{homes[0]}]" if homes else _closest(name, list(_KEYS[section]), "{}"))
    return f"unknown key {name!r}; {hint}"


def _closest(name: str, known: list[str], form: str) -> str:
    every = ", ".join(form.format(k) for k in known)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return (f"did you mean {form.format(close[0])}? " if close else "") + f"The known ones are {every}."


def _has_kind(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "keys":
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    if kind == "table":
        return isinstance(value, dict)
    return isinstance(value, str) and (kind != "path" or value != "")


def _shown(value: Any) -> str:
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} ({_toml_value(value)})" if not isinstance(value, dict) else kind


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _paths(values: dict[str, Any], folder: Path) -> dict[str, Path]:
    return {key: folder / Path(value).expanduser() for key, value in values.items()}


def _model(name: str, folder: Path) -> str:
    """A pipeline directory's path read from the config's folder; a package name (no slash, no dot first) as is."""
    if "/" in name or "\\" in name or name.startswith((".", "~")):
        return str(folder / Path(name).expanduser())
    return name


def _ingest_settings(path: Path, limits: dict[str, Any], fields: dict[str, Any]) -> IngestSettings:
    try:
        return IngestSettings(**limits, json_fields=fields)
    except ConfigError as error:
        if "json_fields" in str(error):  # IngestSettings speaks Python; say it in the file's terms too
            raise ConfigError(f'{path}: [ingest.fields] {error}; in this file: text = ["article_body"]') from None
        raise ConfigError(f"{path}: [ingest] {error}") from None


def _check_paths(path: Path, config: Config) -> None:
    """The paths that must already be there, or must not be the wrong kind of thing, checked before any is used."""
    where = f"(relative paths are read from the config file's folder, {path.absolute().parent})"
    aliases, db, out = config.entities.aliases, config.pile.db, config.dossier.out
    if aliases is not None and not aliases.is_file():
        raise ConfigError(f"{path}: [entities] aliases: no file at {aliases} {where}")
    if db.is_dir():
        raise ConfigError(f"{path}: [pile] db: {db} is a folder; name the database file, "
                          'e.g. db = "piles/newsdossier.db"')
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{path}: [dossier] out: {out} is a file; name the folder the dossier goes to")
    model = Path(config.nlp.model)
    if model.is_absolute() and not model.is_dir():
        raise ConfigError(f"{path}: [nlp] model: no pipeline directory at {model} {where}; for an installed "
                          'package give its name, e.g. model = "en_core_web_trf"')
