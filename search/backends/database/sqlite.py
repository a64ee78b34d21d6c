"""SQLite (FTS5): titles and bodies indexed as Snowball stems of their folded words in the
record's language, queries stemmed in the reader's (imported only on SQLite: modelsearch's FTS
model exists only there)."""

from collections import OrderedDict

from django.db.models import Count, IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import MatchAll, Not, Phrase, PlainText
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

    # modelsearch ranks by annotating every matching record with a correlated subquery that
    # runs the full-text match again: with 5,000 matches a search took 45 s. Here the index is
    # matched once: records are counted and faceted without a score, and only the page shown
    # is ranked, by FTS5's bm25 over the index rows of the records that pass the filters.

    def _match(self, config):
        """(the FTS5 match, the content types searched, negated), or None when modelsearch's
        own path applies (match all, match none)."""
        query = sqlite.normalize(self.query)
        if isinstance(query, MatchAll) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return None
        negated = isinstance(query, Not)
        if negated:
            query = query.subquery
        expression = sqlite.MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        return expression, sqlite.get_descendants_content_types_pks(self.queryset.model), negated

    def _index_query(self, config):
        """(index rows matching the query with their bm25 ``score``, negated), or None."""
        found = self._match(config)
        if found is None:
            return None
        expression, content_types, negated = found
        rows = sqlite.SQLiteFTSIndexEntry.objects.filter(expression).filter(
            index_entry__content_type__in=content_types
        )
        score = self._build_rank_expression(self.get_search_vectors(), config)
        return rows.annotate(score=score), negated

    def unranked(self, config):
        """The matching records, filtered as the queryset says, without scores."""
        found = self._match(config)
        if found is None:
            return None
        expression, content_types, negated = found
        # The match as an uncorrelated list of rows, so that SQLite runs it once rather than
        # once per index entry (3 s to count 650 of 5,000 missions; 30 ms this way).
        matched = sqlite.SQLiteFTSIndexEntry.objects.filter(expression).values("index_entry_id")
        entries = sqlite.IndexEntry.objects.filter(pk__in=matched, content_type__in=content_types)
        ids = entries.values("object_id")
        pk = self.queryset.model._meta.pk
        if isinstance(getattr(pk, "target_field", pk), IntegerField):
            # object_id is text; compared as integers, SQLite uses the records' primary key.
            ids = entries.annotate(object_pk=Cast("object_id", IntegerField())).values("object_pk")
        return self.queryset.exclude(pk__in=ids) if negated else self.queryset.filter(pk__in=ids)

    def ranked(self, config, start, stop, score_field=None):
        """The records from ``start`` to ``stop``, best first."""
        found = self._index_query(config)
        if found is None:
            return None
        rows, negated = found
        if negated or not self.order_by_relevance:
            records = self.unranked(config)
            if not records.query.order_by:
                records = records.order_by("-pk")
            return list(records[start:stop])
        allowed = self.unranked(config).annotate(text_pk=Cast("pk", TextField()))
        page = list(
            rows.filter(index_entry__object_id__in=allowed.values("text_pk"))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")[start:stop]
        )
        records = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=[pk for pk, _ in page])}
        results = []
        for pk, score in page:
            if pk in records:
                if score_field:
                    setattr(records[pk], score_field, score)
                results.append(records[pk])
        return results


class StemmedSQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _config(self):
        return self.query_compiler.get_config(self.backend)

    def _do_search(self):
        found = self.query_compiler.ranked(
            self._config(), self.start, self.stop, score_field=self._score_field
        )
        return super()._do_search() if found is None else found

    def _do_count(self):
        records = self.query_compiler.unranked(self._config())
        return super()._do_count() if records is None else records.count()

    def facet(self, field_name):
        records = self.query_compiler.unranked(self._config())
        field = self.query_compiler._get_filterable_field(field_name)
        if records is None or field is None:
            return super().facet(field_name)
        counts = records.order_by().values(field_name).annotate(count=Count("pk"))
        return OrderedDict((row[field_name], row["count"]) for row in counts.order_by("-count"))


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
    results_class = StemmedSQLiteSearchResults
