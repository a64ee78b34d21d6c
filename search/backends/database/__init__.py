"""The database search backend, in each record's language.

modelsearch's SQLite backend (FTS5) matches whole words only, and its PostgreSQL backend uses
one text-search configuration for every record. Here:

- **SQLite**: titles and bodies are indexed as Snowball stems of their folded words, in the
  record's language (``search.text.stem_text``), and queries are stemmed in the reader's
  language; so "riesgo" finds "riesgos" and "rio" finds "río".
- **PostgreSQL**: each record is indexed with its language's configuration and each query is
  parsed with the reader's (``SEARCH_CONFIGS``, default ``puente_es`` / ``puente_en``: the
  ``spanish`` and ``english`` configurations with ``unaccent``, made by this app's migration).

Settings: ``{"BACKEND": "search.backends.database"}``; ``SEARCH_CONFIGS`` for PostgreSQL.
"""

from django.db import connection
from modelsearch.backends.database.fallback import DatabaseSearchBackend


def SearchBackend(params):
    """The backend for the default database's engine, as modelsearch chooses its own."""
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from .sqlite import StemmedSQLiteSearchBackend

            return StemmedSQLiteSearchBackend(params)
    return DatabaseSearchBackend(params)
