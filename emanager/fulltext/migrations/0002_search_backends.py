"""The search machinery of the database in use: PostgreSQL's or SQLite's, never both.

PostgreSQL: the pg_trgm extension (trigram matching), a trigger that fills
``vector`` from the title (weight A) and the text (weight B) in the row's own
text-search configuration, a GIN index on it and trigram indexes on the texts.

SQLite: an FTS5 table over the title and the text (external content: the
rows stay in ``fulltext_searchdocument``), kept in step by triggers.

A later migration that alters ``fulltext_searchdocument`` on SQLite rebuilds
the table and loses its triggers: it must run ``SQLITE_FORWARDS`` again
(then ``manage.py rebuild_search_index``).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRES_FORWARDS = [
    """
    CREATE FUNCTION fulltext_searchdocument_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector(NEW.config::regconfig, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(NEW.config::regconfig, coalesce(NEW.text, '')), 'B');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER fulltext_searchdocument_vector
    BEFORE INSERT OR UPDATE ON fulltext_searchdocument
    FOR EACH ROW EXECUTE FUNCTION fulltext_searchdocument_vector()
    """,
    "CREATE INDEX fulltext_vector_gin ON fulltext_searchdocument USING gin (vector)",
    "CREATE INDEX fulltext_text_trgm ON fulltext_searchdocument USING gin (text gin_trgm_ops)",
    "CREATE INDEX fulltext_title_trgm ON fulltext_searchdocument USING gin (title gin_trgm_ops)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS fulltext_title_trgm",
    "DROP INDEX IF EXISTS fulltext_text_trgm",
    "DROP INDEX IF EXISTS fulltext_vector_gin",
    "DROP TRIGGER IF EXISTS fulltext_searchdocument_vector ON fulltext_searchdocument",
    "DROP FUNCTION IF EXISTS fulltext_searchdocument_vector()",
]

SQLITE_FORWARDS = [
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS fulltext_fts USING fts5(
        title, text,
        content='fulltext_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER IF NOT EXISTS fulltext_fts_insert AFTER INSERT ON fulltext_searchdocument
    BEGIN
        INSERT INTO fulltext_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS fulltext_fts_delete AFTER DELETE ON fulltext_searchdocument
    BEGIN
        INSERT INTO fulltext_fts(fulltext_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS fulltext_fts_update AFTER UPDATE ON fulltext_searchdocument
    BEGIN
        INSERT INTO fulltext_fts(fulltext_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO fulltext_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    # Rows already there (none on a new database).
    "INSERT INTO fulltext_fts(fulltext_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS fulltext_fts_update",
    "DROP TRIGGER IF EXISTS fulltext_fts_delete",
    "DROP TRIGGER IF EXISTS fulltext_fts_insert",
    "DROP TABLE IF EXISTS fulltext_fts",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


forwards = _run({"postgresql": POSTGRES_FORWARDS, "sqlite": SQLITE_FORWARDS})
backwards = _run({"postgresql": POSTGRES_BACKWARDS, "sqlite": SQLITE_BACKWARDS})


class Migration(migrations.Migration):
    dependencies = [("fulltext", "0001_initial")]

    operations = [
        # Does nothing on a database other than PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
