"""Indexes that keep a search's cost independent of the archive's size.

``fulltext_newest``: the results' order, newest first (date, then id, both
descending, undated entries last), in which a search reads the rows of a
municipality and stops at the page's end (see ``backends.py``). PostgreSQL
needs ``NULLS LAST`` said, SQLite cannot say it (it puts NULL last in a
descending order anyway): the index is made by SQL of each database.

``fulltext_years``: the years the filter offers, read one by one (see
``selectors.py``).
"""

from django.db import migrations, models

FORWARDS = {
    "postgresql": (
        "CREATE INDEX fulltext_newest ON fulltext_searchdocument "
        "(municipality_id, date DESC NULLS LAST, id DESC)"
    ),
    "sqlite": (
        "CREATE INDEX fulltext_newest ON fulltext_searchdocument "
        "(municipality_id, date DESC, id DESC)"
    ),
}


def forwards(apps, schema_editor) -> None:
    statement = FORWARDS.get(schema_editor.connection.vendor)
    if statement:
        schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in FORWARDS:
        schema_editor.execute("DROP INDEX IF EXISTS fulltext_newest", params=None)


class Migration(migrations.Migration):
    dependencies = [("fulltext", "0002_search_backends")]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["municipality", "year"], name="fulltext_years"),
        ),
    ]
