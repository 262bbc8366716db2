"""newsdossier.toml (issue #26): one section per stage, checked once, errors that say how to fix them;
``build --config`` / ``ingest --config`` with the command line winning over the file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import DEFAULT_DB, EXIT_OK, EXIT_USAGE, main
from newsdossier.config import (
    DEFAULT_DB as CONFIG_DEFAULT_DB,
    Config,
    DossierConfig,
    EntitiesConfig,
    NlpConfig,
    PileConfig,
    StoriesConfig,
    config_to_toml,
    load_config,
)
from newsdossier.errors import ConfigError
from newsdossier.ingest import IngestSettings

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo" / "pile"


def _write(folder: Path, text: str, name: str = "newsdossier.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _under(folder: Path, config: Config) -> Config:
    """``config`` with its relative paths read from ``folder``, as a file there would give them."""
    return replace(config, pile=PileConfig(db=folder / config.pile.db),
                   dossier=DossierConfig(out=folder / config.dossier.out))


def test_the_example_loads_and_equals_the_defaults(tmp_path: Path) -> None:
    example = config_to_toml()
    for section in ("[pile]", "[ingest]", "[ingest.fields]", "[stories]", "[nlp]", "[entities]", "[dossier]"):
        assert section in example
    assert load_config(_write(tmp_path, example)) == _under(tmp_path, Config())


def test_the_example_command_prints_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--example"]) == EXIT_OK
    assert capsys.readouterr().out == config_to_toml()


def test_config_file_prints_what_it_gives_and_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "aliases.txt").write_text("Daesh | Islamic State\n", encoding="utf-8")
    path = _write(tmp_path, '[stories]\nrebuild = true\n[entities]\naliases = "aliases.txt"\n'
                            '[ingest.fields]\ntext = "article_body"\n')
    assert main(["config", str(path)]) == EXIT_OK
    shown = capsys.readouterr().out
    assert f'aliases = "{tmp_path / "aliases.txt"}"' in shown and 'text = ["article_body"]' in shown
    # Keys left out keep their defaults, shown absolute: what a run from here would use.
    assert load_config(_write(tmp_path, shown, "again.toml")) == load_config(path).absolute()


def test_the_cli_default_pile_is_the_config_default() -> None:
    assert DEFAULT_DB == CONFIG_DEFAULT_DB


def test_a_file_gives_every_section(tmp_path: Path) -> None:
    (tmp_path / "aliases.txt").write_text("Daesh | Islamic State\n", encoding="utf-8")
    path = _write(tmp_path, """
[pile]
db = "piles/iraq.db"
[ingest]
max_document_bytes = 1_000_000
[ingest.fields]
text = "article_body"
byline = ["writer", "authors"]
[stories]
rebuild = true
[nlp]
model = "en_core_web_trf"
[entities]
aliases = "aliases.txt"
[dossier]
out = "../dossiers/iraq"
""")
    config = load_config(path)
    assert config == Config(
        pile=PileConfig(db=tmp_path / "piles" / "iraq.db"),
        ingest=IngestSettings(max_document_bytes=1_000_000, json_fields={"text": "article_body",
                                                                          "byline": ["writer", "authors"]}),
        stories=StoriesConfig(rebuild=True),
        nlp=NlpConfig(model="en_core_web_trf"),
        entities=EntitiesConfig(aliases=tmp_path / "aliases.txt"),
        dossier=DossierConfig(out=tmp_path / ".." / "dossiers" / "iraq"),
    )
    assert config.ingest.json_keys("text") == ("article_body",)
    assert config.ingest.json_keys("url") == ("url",)  # a field not given keeps its default keys


@pytest.mark.parametrize(("model", "expected"), [
    ("bundled", "bundled"),
    ("en_core_web_sm", "en_core_web_sm"),  # a package name: no slash, no leading dot
    ("./models/news", "{folder}/models/news"),  # a path: read from the config's folder
    ("models/news", "{folder}/models/news"),
])
def test_an_nlp_model_path_is_read_from_the_files_folder(tmp_path: Path, model: str, expected: str) -> None:
    (tmp_path / "models" / "news").mkdir(parents=True)
    config = load_config(_write(tmp_path, f'[nlp]\nmodel = "{model}"\n'))
    assert Path(config.nlp.model) == Path(expected.format(folder=tmp_path))


def test_relative_paths_do_not_depend_on_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    path = _write(folder, '[pile]\ndb = "p.db"\n')
    monkeypatch.chdir(tmp_path)
    assert load_config(Path("project") / "newsdossier.toml").pile.db == folder / "p.db"
    monkeypatch.chdir(folder)
    assert load_config(path.name).pile.db == folder / "p.db"


# Each bad file -> the words its message must hold: where (section and key), what is wrong, how to fix it.
BAD_FILES = [
    pytest.param('[pile]\ndbb = "x.db"\n', ["[pile] unknown key 'dbb'", "did you mean db?"], id="unknown-key"),
    pytest.param("[dosier]\n", ["unknown section 'dosier'", "did you mean [dossier]?"], id="unknown-section"),
    pytest.param("[build]\n", ["unknown section 'build'", "[pile], [ingest]"], id="unknown-section-far"),
    pytest.param('out = "x"\n', ["'out' is not a section", "did you mean [dossier] out?"], id="key-outside-a-section"),
    pytest.param('[dossier]\ndb = "x.db"\n', ["[dossier] unknown key 'db'", "db belongs in [pile]"],
                 id="key-in-another-section"),
    pytest.param('[ingest.fields]\ntxt = "body"\n', ["[ingest.fields] unknown key 'txt'", "did you mean text?"],
                 id="unknown-json-field"),
    pytest.param('[ingest]\nmax_document_bytes = "20MB"\n',
                 ["[ingest] max_document_bytes must be a whole number", 'a string ("20MB")',
                  "max_document_bytes = 20971520"], id="string-for-integer"),
    pytest.param("[ingest]\nmax_feed_bytes = 1.5e8\n", ["max_feed_bytes must be a whole number", "a number (150000000.0)"],
                 id="float-for-integer"),
    pytest.param("[ingest]\nmax_feed_bytes = true\n", ["max_feed_bytes must be a whole number", "a boolean"],
                 id="boolean-for-integer"),
    pytest.param('[stories]\nrebuild = "yes"\n', ["[stories] rebuild must be true or false", "rebuild = true"],
                 id="string-for-boolean"),
    pytest.param("[pile]\ndb = 3\n", ["[pile] db must be a path in quotes", 'db = "newsdossier.db"'],
                 id="integer-for-path"),
    pytest.param('[dossier]\nout = ""\n', ["[dossier] out must be a path in quotes"], id="empty-path"),
    pytest.param("[ingest.fields]\ntext = 5\n", ["[ingest.fields] text must be a key in quotes or an array of keys",
                                                 'text = ["my_text"]'], id="integer-for-keys"),
    pytest.param("[ingest.fields]\ntext = [1, 2]\n", ["text must be a key in quotes"], id="array-of-integers"),
    pytest.param("pile = 3\n", ["[pile] must be a table"], id="section-not-a-table"),
    pytest.param("[ingest]\nfields = 3\n", ["[ingest] fields must be a table"], id="fields-not-a-table"),
    pytest.param("[pile]\ndb = \n", ["not valid TOML", "line 2"], id="toml-syntax"),
    pytest.param('[pile]\ndb = "a.db"\ndb = "b.db"\n', ["not valid TOML", "line 3"], id="toml-duplicate-key"),
    # The rules IngestSettings keeps, reached through it:
    pytest.param("[ingest]\nmax_document_bytes = 0\n", ["[ingest] max_document_bytes must be a positive number"],
                 id="ingest-rule-positive"),
    pytest.param("[ingest.fields]\ntext = []\n", ["[ingest.fields]", "non-empty strings", 'text = ["article_body"]'],
                 id="ingest-rule-no-keys"),
    pytest.param('[ingest.fields]\ntext = ""\n', ["[ingest.fields]", "non-empty strings"], id="ingest-rule-empty-key"),
    # Paths that must be there, or must not be the wrong kind of thing:
    pytest.param('[entities]\naliases = "nope.txt"\n', ["[entities] aliases: no file at {folder}/nope.txt",
                                                        "read from the config file's folder"], id="aliases-missing"),
    pytest.param('[pile]\ndb = "."\n', ["[pile] db:", "is a folder"], id="db-is-a-folder"),
    pytest.param('[dossier]\nout = "newsdossier.toml"\n', ["[dossier] out:", "is a file"], id="out-is-a-file"),
    pytest.param('[nlp]\nmodel = "./no-model"\n', ["[nlp] model: no pipeline directory at {folder}/no-model"],
                 id="model-dir-missing"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FILES)
def test_a_bad_file_says_where_and_how_to_fix_it(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for words in expected:
        assert words.format(folder=tmp_path) in message


def test_a_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no config file there; `newsdossier config --example > nope.toml`"):
        load_config(tmp_path / "nope.toml")


def test_a_folder_or_non_utf8_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder"):
        load_config(tmp_path)
    (tmp_path / "latin1.toml").write_bytes('[nlp]\nmodel = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(tmp_path / "latin1.toml")


class _Stop(Exception):
    """Raised by the stand-in build: the test needs only what the command line passed to it."""


def _build_arguments(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> dict[str, Any]:
    import newsdossier.pipeline

    seen: dict[str, Any] = {}

    def fake_build(inputs: Any, **kwargs: Any) -> None:
        seen.update(kwargs)
        raise _Stop

    monkeypatch.setattr(newsdossier.pipeline, "build", fake_build)
    with pytest.raises(_Stop):
        main(argv)
    return seen


def test_the_command_line_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, """
[pile]
db = "file.db"
[ingest.fields]
text = "body_from_file"
title = "headline"
[stories]
rebuild = true
[nlp]
model = "from_file"
[dossier]
out = "file-out"
""")
    from_file = _build_arguments(monkeypatch, ["build", "x", "--config", str(path), "--quiet"])
    assert (from_file["db"], from_file["out"], from_file["rebuild_stories"], from_file["nlp_model"]) == (
        tmp_path / "file.db", tmp_path / "file-out", True, "from_file")
    assert from_file["settings"].json_keys("text") == ("body_from_file",)
    given = _build_arguments(monkeypatch, ["build", "x", "--config", str(path), "--db", "cli.db", "--out", "cli-out",
                                           "--no-rebuild-stories", "--nlp-model", "cli_model",
                                           "--field", "text=body_from_cli", "--quiet"])
    assert (given["db"], given["out"], given["rebuild_stories"], given["nlp_model"]) == (
        Path("cli.db"), Path("cli-out"), False, "cli_model")
    assert given["settings"].json_keys("text") == ("body_from_cli",)
    assert given["settings"].json_keys("title") == ("headline",)  # a field the command line left alone


def test_without_config_the_defaults_and_no_implicit_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "this is not TOML, and it is not read unless named")
    monkeypatch.chdir(tmp_path)
    seen = _build_arguments(monkeypatch, ["build", "x", "--quiet"])
    assert (seen["db"], seen["out"], seen["rebuild_stories"], seen["nlp_model"], seen["aliases"]) == (
        Path("newsdossier.db"), Path("out"), False, "bundled", None)
    assert seen["settings"] == IngestSettings()


def test_a_bad_config_stops_the_command_before_anything_is_written(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, '[pile]\ndb = "p.db"\n[dossier]\nout = "out"\nrebuild = true\n')
    for command in (["build", str(DEMO), "--quiet"], ["ingest", str(DEMO), "--quiet"]):
        assert main([*command, "--config", str(path)]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert f"newsdossier {command[0]}: error: {path}: [dossier] unknown key 'rebuild'; rebuild belongs in " \
               "[stories]" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsdossier.toml"]


def test_a_bad_field_option_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(DEMO), "--db", str(tmp_path / "p.db"), "--field", "text", "--quiet"]) == EXIT_USAGE
    assert "--field 'text': write it NAME=KEY" in capsys.readouterr().err
    assert not (tmp_path / "p.db").exists()


def test_ingest_reads_limits_and_fields_from_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "records.jsonl"
    body = "The council met on Tuesday and voted to reopen the bridge after two years of repairs. " * 3
    records.write_text(json.dumps({"article_body": body}) + "\n" + json.dumps({"article_body": body * 10}) + "\n",
                       encoding="utf-8")
    path = _write(tmp_path, '[pile]\ndb = "piles/p.db"\n[ingest]\nmax_document_bytes = 2000\n'
                            '[ingest.fields]\ntext = "article_body"\n')
    (tmp_path / "piles").mkdir()
    assert main(["ingest", str(records), "--config", str(path), "--quiet"]) == 3  # one record too large
    out = capsys.readouterr().out
    assert "read 1 document(s), 1 new; rejected 1 input(s): too-large 1" in out
    assert (tmp_path / "piles" / "p.db").is_file()


def test_build_with_a_config_of_the_demo_pile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """End to end: the out folder, the pile and a JSON field mapping come from the file, read from its folder."""
    project = tmp_path / "project"
    project.mkdir()
    records = project / "records.jsonl"
    text = ("BAGHDAD - Iraq's parliament voted on Sunday to ask the government to end the presence of foreign "
            "troops in the country, two days after the U.S. drone strike at Baghdad airport. Lawmakers said the "
            "vote was binding, while the prime minister said the government would study it before acting.")
    records.write_text(json.dumps({"article_body": text, "headline": "Parliament votes on foreign troops"}) + "\n",
                       encoding="utf-8")
    config = _write(project, '[pile]\ndb = "pile.db"\n[dossier]\nout = "dossier"\n'
                             '[ingest.fields]\ntext = "article_body"\ntitle = "headline"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # relative paths in the file are read from its folder, not from here
    assert main(["build", str(DEMO), str(records), "--config", str(config), "--quiet"]) == EXIT_OK
    assert f"wrote {project / 'dossier'}" in capsys.readouterr().out
    assert (project / "pile.db").is_file() and not list(elsewhere.iterdir())
    dossier = json.loads((project / "dossier" / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 6
    assert "Parliament votes on foreign troops" in {a["title"] for a in dossier["articles"]}


def test_the_readme_example_loads(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "aliases.txt").write_text("Daesh | Islamic State\n", encoding="utf-8")
    config = load_config(_write(tmp_path, example))
    assert config.pile.db == tmp_path / "iraq.db" and config.ingest.json_keys("text") == ("article_body",)
