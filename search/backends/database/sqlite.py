"""SQLite (FTS5): titles and bodies indexed as Snowball stems of their folded words in the
record's language, queries stemmed in the reader's (imported only on SQLite: modelsearch's FTS
model exists only there)."""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ...text import fold, stem_text, stem_words, words
from ..languages import languages_by_locale, reader_language, record_language


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
