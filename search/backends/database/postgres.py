"""PostgreSQL: each record's vectors built with its language's text-search configuration,
each query parsed with the reader's (``SEARCH_CONFIGS``; this app's migration makes
``puente_es`` and ``puente_en``, the ``spanish`` and ``english`` ones with ``unaccent``)."""

import copy
from collections import defaultdict

from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from ..languages import languages_by_locale, reader_language, record_language

PG_CONFIGS = {"es": "puente_es", "en": "puente_en"}


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
