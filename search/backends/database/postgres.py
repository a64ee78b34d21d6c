"""PostgreSQL: records indexed, and queries parsed, as Snowball stems of their folded words in
each one's language (``search.text``), exactly as the SQLite backend does, under PostgreSQL's
``simple`` configuration (which only lower-cases: the stems are already made).

PostgreSQL's own ``spanish`` configuration stems with an older Snowball, which needs the
accent: with ``unaccent`` before it (to make accents optional) "inundación" became
``inundacion`` but "inundaciones" ``inund``, so a singular in ``-ción`` never found its plural;
without ``unaccent``, "cooperacion" typed without its accent found nothing. Python's Snowball
stems the folded word ("inundacion" → ``inund``), and the same stems mark the matches in the
results (``search.text.highlight``). Autocomplete and the trigram (fuzzy) text stay as they are.

After upgrading from the per-language configurations, rebuild the index: ``manage.py
update_index``.
"""

import copy
from collections import defaultdict

from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from ...text import stem_text, stem_words
from ..languages import languages_by_locale, reader_language, record_language

STEMMED_CONFIG = "simple"


class StemmedObjectIndexer(modelsearch_postgres.ObjectIndexer):
    """modelsearch's indexer, with the title and body texts stemmed in the record's language
    when the backend says so (``backend.language``)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = getattr(backend, "language", None)

    def as_vector(self, texts, for_autocomplete=False):
        if self.language and not for_autocomplete:
            texts = [(stem_text(text, self.language), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


# PostgresIndex.add_items builds its indexers by this module-level name; for backends without a
# ``language`` (none in this project) the subclass is modelsearch's own.
modelsearch_postgres.ObjectIndexer = StemmedObjectIndexer


class LanguagePostgresIndex(PostgresIndex):
    """Each record's texts stemmed in its own language."""

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
    """The reader's words stemmed in the reader's language, matched under ``simple``."""

    def get_config(self, backend):
        return STEMMED_CONFIG

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            terms = stem_words(query.query_string, reader_language())
            if not terms:
                return None
            stemmed = " ".join(terms)
            query = (
                Phrase(stemmed)
                if isinstance(query, Phrase)
                else PlainText(stemmed, operator=query.operator, boost=query.boost)
            )
        return super().build_tsquery_content(query, config=config, invert=invert)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex
    query_compiler_class = LanguagePostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.config = STEMMED_CONFIG
        self.language = None

    def for_language(self, language):
        backend = copy.copy(self)
        backend.language = language
        return backend
