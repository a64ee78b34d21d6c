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

import copy
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ..text import fold, stem_text, stem_words, words
from .languages import languages_by_locale, reader_language, record_language

PG_CONFIGS = {"es": "puente_es", "en": "puente_en"}


class StemmedIndexer(sqlite.ObjectIndexer):
    """Title and body as stems in the record's language; autocomplete folded, not stemmed
    (a prefix of a word is not a prefix of its stem)."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend)
        self.language = language

    @property
    def entry(self):
        return (
            stem_text(self.title, self.language),
            " ".join(fold(word) for word in words(self.autocomplete)),
            stem_text(self.body, self.language),
        )


class StemmedSQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        languages = languages_by_locale()
        entries = {}
        for obj in objs:
            indexer = StemmedIndexer(obj, self.backend, record_language(obj, languages))
            entries[indexer.id] = indexer.entry
        if not entries:
            return
        content_type_pk = get_content_type_pk(model)
        for_type = self.entries.filter(content_type_id=content_type_pk)
        existing = set(for_type.filter(object_id__in=entries).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = entries[object_id]
            for_type.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            sqlite.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in entries.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class StemmedSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def terms(self, query_string):
        return stem_words(query_string, reader_language())

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, (PlainText, Phrase)):
            return super().build_search_query_content(query, config=config)
        terms = self.terms(query.query_string)
        if not terms:
            return None
        lexemes = Lexeme(terms[-1], prefix=self.LAST_TERM_IS_PREFIX)
        for term in terms[:-1]:
            if isinstance(query, Phrase) or query.operator.upper() == "AND":
                lexemes &= Lexeme(term)
            else:
                lexemes |= Lexeme(term)
        return SearchQueryExpression(lexemes, config=config)


class StemmedSQLiteAutocompleteCompiler(StemmedSQLiteQueryCompiler):
    LAST_TERM_IS_PREFIX = True
    TARGET_SEARCH_FIELD_TYPE = sqlite.AutocompleteField
    FTS_TABLE_FIELDS = ["autocomplete"]

    def terms(self, query_string):
        return [fold(word) for word in words(query_string)]

    get_config = sqlite.SQLiteAutocompleteQueryCompiler.get_config
    get_search_fields_for_model = sqlite.SQLiteAutocompleteQueryCompiler.get_search_fields_for_model
    get_index_vectors = sqlite.SQLiteAutocompleteQueryCompiler.get_index_vectors


class StemmedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = StemmedSQLiteIndex
    query_compiler_class = StemmedSQLiteQueryCompiler
    autocomplete_query_compiler_class = StemmedSQLiteAutocompleteCompiler


class LanguagePostgresIndex(PostgresIndex):
    """Each record's vectors built with its own language's configuration."""

    def add_items(self, model, objs):
        languages = languages_by_locale()
        by_language = defaultdict(list)
        for obj in objs:
            by_language[record_language(obj, languages)].append(obj)
        for language, group in by_language.items():
            index = copy.copy(self)
            index.backend = self.backend.for_language(language)
            PostgresIndex.add_items(index, model, group)


class LanguagePostgresQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(reader_language())


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex
    query_compiler_class = LanguagePostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.configs = {**PG_CONFIGS, **params.get("SEARCH_CONFIGS", {})}

    def config_for(self, language):
        return self.configs.get(language) or self.config

    def for_language(self, language):
        backend = copy.copy(self)
        backend.config = self.config_for(language)
        return backend


def SearchBackend(params):
    """The backend for the default database's engine, as modelsearch chooses its own."""
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            return StemmedSQLiteSearchBackend(params)
    return DatabaseSearchBackend(params)
