"""Search backends that know each record's language: ``search.backends.database`` (SQLite and
PostgreSQL) and ``search.backends.opensearch`` (an index per language)."""
