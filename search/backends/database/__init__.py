"""The database search backend, in each record's language.

modelsearch's SQLite backend (FTS5) matches whole words only, and its PostgreSQL backend uses
one text-search configuration for every record. Here:

- **SQLite**: titles and bodies are indexed as Snowball stems of their folded words, in the
  record's language (``search.text.stem_text``), and queries are stemmed in the reader's
  language; so "riesgo" finds "riesgos" and "rio" finds "río".
- **PostgreSQL**: the same stems, made in Python, matched under the ``simple`` configuration
  (see postgres.py for why not PostgreSQL's own Spanish stemmer).

Settings: ``{"BACKEND": "search.backends.database"}``.
"""

from django.db import connection
from modelsearch.backends.database.fallback import DatabaseSearchBackend

_sqlite_fts_ready = False  # True once FTS5 and its table are known to be there


def _sqlite_fts():
    """Whether SQLite has FTS5 and modelsearch's FTS table: asked once per process, as
    modelsearch does (the check creates a table in memory and queries the database; every
    search asked it again). A missing table is asked again, as migrations may create it."""
    global _sqlite_fts_ready
    if not _sqlite_fts_ready:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _sqlite_fts_ready = fts5_available() and fts_table_exists()
    return _sqlite_fts_ready


def SearchBackend(params):
    """The backend for the default database's engine, as modelsearch chooses its own."""
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_fts():
        from .sqlite import StemmedSQLiteSearchBackend

        return StemmedSQLiteSearchBackend(params)
    return DatabaseSearchBackend(params)
