"""The pile's schema: numbered migration scripts counted in ``PRAGMA user_version``, and the SQL the
store runs. Append new steps to :data:`MIGRATIONS`; never edit a released one (piles in the wild have
already run it)."""

from __future__ import annotations

DEFAULT_PATH = "newsdossier.db"
APPLICATION_ID = 0x4E444F53  # "NDOS": marks a SQLite file as a newsdossier pile
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 256  # rows per page when iterating; small enough to bound memory with document bytes
BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another process's transaction to finish
SNIPPET_MARKS = ("[", "]", "…")  # opening/closing highlight and ellipsis in search snippets
SNIPPET_TOKENS = 16

# Each script runs in its own transaction together with ``PRAGMA user_version = <its number>``.
# Append new steps; never edit a released one (piles in the wild have already run it).
MIGRATIONS: tuple[str, ...] = (
    # 1: documents, articles, runs and rejections.
    f"""
    PRAGMA application_id = {APPLICATION_ID};
    CREATE TABLE documents (
        content_hash TEXT PRIMARY KEY,
        source_path  TEXT NOT NULL,
        locator      TEXT,
        locator_key  TEXT NOT NULL,     -- locator with zero-padded numbers: "line 2" < "line 10"
        format       TEXT NOT NULL,
        media_type   TEXT NOT NULL,
        encoding     TEXT NOT NULL,
        data         BLOB NOT NULL,     -- original bytes, so a better cleaner can re-run
        hints        TEXT NOT NULL,     -- JSON: url, title, published (ISO), outlet, byline
        first_seen   TEXT NOT NULL
    );
    CREATE INDEX documents_order ON documents (source_path, locator_key, content_hash);
    CREATE TABLE articles (
        seq             INTEGER PRIMARY KEY,  -- stable rowid shared with articles_fts
        id              TEXT NOT NULL UNIQUE,
        content_hash    TEXT NOT NULL REFERENCES documents (content_hash),
        cleaner_version TEXT NOT NULL,
        source_path     TEXT NOT NULL,
        locator_key     TEXT NOT NULL,
        title           TEXT,
        outlet          TEXT,
        published       TEXT,
        status          TEXT NOT NULL,
        json            TEXT NOT NULL      -- article_to_dict(article, with_source=True)
    );
    CREATE INDEX articles_document ON articles (content_hash, cleaner_version);
    CREATE INDEX articles_order ON articles (source_path, locator_key, id);
    CREATE TABLE runs (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        command  TEXT NOT NULL,
        started  TEXT NOT NULL,
        finished TEXT,
        status   TEXT NOT NULL CHECK (status IN ('running', 'done', 'interrupted')),
        counts   TEXT                      -- JSON object of named counts
    );
    CREATE TABLE rejections (
        id          INTEGER PRIMARY KEY,
        run_id      INTEGER NOT NULL REFERENCES runs (id),
        source_path TEXT NOT NULL,
        locator     TEXT,
        reason      TEXT NOT NULL,
        detail      TEXT NOT NULL
    );
    CREATE INDEX rejections_run ON rejections (run_id);
    """,
    # 2: full-text index over title and body, filled from existing articles, kept in sync by triggers.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (rowid, title, text)
        SELECT seq, title, json_extract(json, '$.text') FROM articles;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.seq, new.title, json_extract(new.json, '$.text'));
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.seq;
        INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.seq, new.title, json_extract(new.json, '$.text'));
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.seq;
    END;
    """,
    # 3: prepared texts (decoded, HTML extracted), so the expensive extraction runs once per
    # document while the pile-wide furniture evidence is counted, and cleaning reads them back.
    """
    CREATE TABLE prepared (
        content_hash TEXT NOT NULL REFERENCES documents (content_hash),
        version      TEXT NOT NULL,     -- extractor version that produced it
        json         TEXT NOT NULL,
        PRIMARY KEY (content_hash, version)
    );
    """,
    # 4: the reuse stage's output, replaced as a whole by each run (families are pile-wide).
    """
    CREATE TABLE reuse_links (
        source   TEXT NOT NULL,
        target   TEXT NOT NULL,
        relation TEXT NOT NULL,
        json     TEXT NOT NULL,
        PRIMARY KEY (source, target)
    );
    CREATE TABLE families (
        id     TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        json   TEXT NOT NULL
    );
    """,
    # 5: the stories stage's output and the state that lets later runs add to it.
    """
    CREATE TABLE stories (
        id    TEXT PRIMARY KEY,
        topic TEXT NOT NULL,
        json  TEXT NOT NULL
    );
    CREATE TABLE topics (
        id   TEXT PRIMARY KEY,
        json TEXT NOT NULL
    );
    CREATE TABLE story_state (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL,
        data    BLOB NOT NULL
    );
    """,
    # 6: the NLP stage's analyses (spaCy DocBin bytes), one per analysed text and pipeline, so an
    # article is parsed once per pipeline and a re-run, or a copy with the same text, is free.
    """
    CREATE TABLE nlp_docs (
        text_hash TEXT NOT NULL,     -- sha256 of the analysed article text
        model     TEXT NOT NULL,     -- pipeline id, e.g. en_newsdossier-0.2.1
        data      BLOB NOT NULL,
        PRIMARY KEY (text_hash, model)
    );
    """,
    # 7: the entities stage's output, replaced as a whole by each run (entities are pile-wide).
    """
    CREATE TABLE entities (
        seq  INTEGER PRIMARY KEY,   -- the entity's rank: most independent families first
        id   TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL
    );
    """,
    # 8: the quotes stage's output, replaced as a whole by each run (quotes are grouped pile-wide).
    """
    CREATE TABLE quotes (
        seq  INTEGER PRIMARY KEY,   -- text order: article, then offset
        id   TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL
    );
    """,
    # 9: the time stage's output, replaced as a whole by each run: every article's resolved time
    # expressions (a JSON list per article), and the provisional timeline of dated sentences.
    """
    CREATE TABLE time_expressions (
        article TEXT PRIMARY KEY,
        json    TEXT NOT NULL
    );
    CREATE TABLE timeline (
        seq  INTEGER PRIMARY KEY,   -- story, then date order
        json TEXT NOT NULL
    );
    """,
    # 10: the events stage's output, replaced as a whole by each run: every event (each real
    # event once, with its mentions across the pile), by story and date.
    """
    CREATE TABLE events (
        seq  INTEGER PRIMARY KEY,
        id   TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        json TEXT NOT NULL
    );
    """,
    # 11: the places stage's output, replaced as a whole by each run: every resolved place with
    # its mentions and events, most mentioned first, then the names left unresolved.
    """
    CREATE TABLE places (
        seq  INTEGER PRIMARY KEY,
        id   TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL
    );
    """,
    # 12: flat views for SQL tools (datasette facets, exports), and the full-text index made an
    # external-content index of the articles table itself (through a generated text column), so that
    # tools find it as the articles' index and the text is stored once.
    """
    ALTER TABLE articles ADD COLUMN text TEXT GENERATED ALWAYS AS (json_extract(json, '$.text')) VIRTUAL;
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_update;
    DROP TRIGGER articles_fts_delete;
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = "articles", content_rowid = "seq", tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE VIEW story_articles AS
        SELECT s.id AS story, s.topic AS topic, j.value AS article FROM stories s, json_each(s.json, '$.articles') j;
    CREATE VIEW family_articles AS
        SELECT f.id AS family, f.origin AS origin, j.value AS article FROM families f, json_each(f.json, '$.articles') j;
    CREATE VIEW articles_flat AS
        SELECT a.id, a.title, a.outlet, a.published, a.status, json_extract(a.json, '$.url') AS url,
               json_extract(a.json, '$.credit') AS credit, json_extract(a.json, '$.published_basis') AS published_basis,
               (SELECT story FROM story_articles WHERE article = a.id) AS story,
               (SELECT family FROM family_articles WHERE article = a.id) AS family,
               a.source_path, a.text
        FROM articles a;
    CREATE VIEW events_flat AS
        SELECT e.id, json_extract(e.json, '$.story') AS story, e.type, json_extract(e.json, '$.date') AS date,
               json_extract(e.json, '$.date_first') AS date_first, json_extract(e.json, '$.date_last') AS date_last,
               json_extract(e.json, '$.summary') AS summary,
               (SELECT group_concat(value, '; ') FROM json_each(e.json, '$.actor_names')) AS actors,
               (SELECT group_concat(value, '; ') FROM json_each(e.json, '$.target_names')) AS targets,
               json_extract(e.json, '$.place.name') AS place, json_extract(e.json, '$.place.country') AS country,
               json_extract(e.json, '$.place.lat') AS lat, json_extract(e.json, '$.place.lon') AS lon,
               json_extract(e.json, '$.place.precision') AS place_precision,
               json_array_length(e.json, '$.mentions') AS mentions,
               json_extract(e.json, '$.independent_families') AS independent_families,
               json_extract(e.json, '$.background') AS background
        FROM events e;
    CREATE VIEW event_actors AS
        SELECT e.id AS event, j.value AS entity, 'actor' AS role FROM events e, json_each(e.json, '$.actors') j
        UNION ALL
        SELECT e.id, j.value, 'target' FROM events e, json_each(e.json, '$.targets') j;
    CREATE VIEW quotes_flat AS
        SELECT q.id, json_extract(q.json, '$.article') AS article, json_extract(q.json, '$.start') AS start,
               json_extract(q.json, '$.end') AS "end", json_extract(q.json, '$.speaker') AS speaker,
               json_extract(q.json, '$.speaker_name') AS speaker_name, json_extract(q.json, '$.speaker_how') AS speaker_how,
               json_extract(q.json, '$.role') AS role, json_extract(q.json, '$.cue') AS cue,
               json_extract(q.json, '$.direct') AS direct, json_extract(q.json, '$.text') AS text,
               json_array_length(q.json, '$.sources') AS articles,
               json_extract(q.json, '$.independent_families') AS independent_families
        FROM quotes q;
    CREATE VIEW entities_flat AS
        SELECT en.id, json_extract(en.json, '$.name') AS name, json_extract(en.json, '$.type') AS type,
               (SELECT group_concat(value, '; ') FROM json_each(en.json, '$.aliases')) AS aliases,
               json_array_length(en.json, '$.mentions') AS mentions,
               json_extract(en.json, '$.independent_families') AS independent_families,
               json_extract(en.json, '$.geo.lat') AS lat, json_extract(en.json, '$.geo.lon') AS lon
        FROM entities en;
    CREATE VIEW entity_mentions AS
        SELECT en.id AS entity, json_extract(en.json, '$.name') AS name, json_extract(en.json, '$.type') AS type,
               json_extract(m.value, '$.article') AS article, json_extract(m.value, '$.start') AS start,
               json_extract(m.value, '$.end') AS "end", json_extract(m.value, '$.text') AS text
        FROM entities en, json_each(en.json, '$.mentions') m;
    CREATE VIEW reuse_flat AS
        SELECT source, target, relation, json_extract(json, '$.score') AS score,
               json_extract(json, '$.direction_known') AS direction_known, json_extract(json, '$.evidence') AS evidence,
               json_extract(json, '$.direction_evidence') AS direction_evidence
        FROM reuse_links;
    CREATE VIEW places_flat AS
        SELECT p.id, json_extract(p.json, '$.name') AS name, json_extract(p.json, '$.geonames_id') AS geonames_id,
               json_extract(p.json, '$.country') AS country, json_extract(p.json, '$.feature') AS feature,
               json_extract(p.json, '$.precision') AS precision, json_extract(p.json, '$.lat') AS lat,
               json_extract(p.json, '$.lon') AS lon, json_extract(p.json, '$.resolved') AS resolved,
               json_array_length(p.json, '$.mentions') AS mentions
        FROM places p;
    """,
    # 13: indexes on what the read API filters by most (a story page: its events, its articles' quotes),
    # so a page of a 10,000-article pile is an index search, not a scan of every record's JSON.
    """
    CREATE INDEX quotes_article ON quotes (json_extract(json, '$.article'));
    CREATE INDEX events_story ON events (json_extract(json, '$.story'));
    CREATE INDEX events_type ON events (type);
    CREATE INDEX entities_type ON entities (json_extract(json, '$.type'));
    """,
    # 14: every rejected input of every run, flat (the CLI lists the first 20; `export --what rejections`
    # lists them all, also after an `ingest`, which writes no dossier).
    """
    CREATE VIEW rejections_flat AS
        SELECT r.run_id AS run, runs.command, runs.started, r.source_path, r.locator, r.reason, r.detail
        FROM rejections r JOIN runs ON runs.id = r.run_id;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

INSERT_DOCUMENT = """
    INSERT OR IGNORE INTO documents
        (content_hash, source_path, locator, locator_key, format, media_type, encoding, data,
         hints, first_seen)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
DOCUMENT_COLUMNS = "d.source_path, d.locator, d.format, d.media_type, d.encoding, d.data, d.hints"
PAGE_DOCUMENTS = f"""
    SELECT {DOCUMENT_COLUMNS}, d.locator_key, d.content_hash FROM documents d
    WHERE (d.source_path, d.locator_key, d.content_hash) > (?, ?, ?) AND {{where}}
    ORDER BY d.source_path, d.locator_key, d.content_hash LIMIT {PAGE_SIZE}
"""
NOT_CLEANED_BY = """NOT EXISTS (SELECT 1 FROM articles a
    WHERE a.content_hash = d.content_hash AND a.cleaner_version = ?)"""
UPSERT_ARTICLE = """
    INSERT INTO articles (id, content_hash, cleaner_version, source_path, locator_key, title,
                          outlet, published, status, json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET
        content_hash = excluded.content_hash, cleaner_version = excluded.cleaner_version,
        source_path = excluded.source_path, locator_key = excluded.locator_key,
        title = excluded.title, outlet = excluded.outlet, published = excluded.published,
        status = excluded.status, json = excluded.json
"""
PAGE_ARTICLES = f"""
    SELECT json, source_path, locator_key, id FROM articles
    WHERE (source_path, locator_key, id) > (?, ?, ?)
    ORDER BY source_path, locator_key, id LIMIT {PAGE_SIZE}
"""
SEARCH = """
    SELECT a.id, a.title, snippet(articles_fts, -1, ?, ?, ?, ?), bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?
"""
INSERT_REJECTION = """
    INSERT INTO rejections (run_id, source_path, locator, reason, detail) VALUES (?, ?, ?, ?, ?)
"""
SELECT_REJECTIONS = "SELECT source_path, locator, reason, detail FROM rejections"
MARK_INTERRUPTED = "UPDATE runs SET status = 'interrupted' WHERE status = 'running'"
