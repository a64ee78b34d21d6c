"""OpenSearch with one index per language, each analysed in its language.

modelsearch's OpenSearch 3 backend keeps one index per root model, analysed the same way for
every language. This backend keeps ``<prefix><app>_<model>_<language>`` instead: a record goes
to its own language's index, whose default analyzer folds accents and stems that language's
words (Snowball ``spanish`` and ``english``, as the database backend), and a search goes to the reader's
language's index. Everything else (mappings, queries, facets, autocomplete) is modelsearch's.

While the circuit breaker is open (``search.engine``), indexing is skipped rather than left to
time out on every publication; ``manage.py update_index`` brings the index up to date after an
outage.
"""

import logging
from collections import defaultdict
from copy import deepcopy

from modelsearch.backends.opensearch3 import (
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
)

from .. import breaker
from .languages import (
    languages_by_locale,
    reader_language,
    record_language,
    site_languages,
)

logger = logging.getLogger(__name__)

STEMMERS = {"es": "spanish", "en": "english"}  # Snowball, as the database backend
ANALYZER = "puente_text"  # defined in each language's index with that language's stemmer


def language_analysis(language):
    """Index settings whose default analyzer is ``language``'s, accents folded."""
    stemmer = f"puente_{language}_stemmer"
    analyzer = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding", stemmer],
    }
    return {
        "settings": {
            "analysis": {
                "analyzer": {ANALYZER: analyzer},
                "filter": {
                    stemmer: {"type": "stemmer", "language": STEMMERS.get(language, "english")}
                },
            }
        }
    }


def _deep_merge(base, extra):
    merged = deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _analysed(properties):
    """Every text field without an analyzer of its own gets the language's: named in the
    mapping, not left to the index default, so that indexing and searching both use it."""
    for mapping in properties.values():
        if mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["analyzer"] = ANALYZER
        if "properties" in mapping:
            _analysed(mapping["properties"])
    return properties


class LanguageMapping(OpenSearch3Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        _analysed(mapping["properties"])
        return mapping


class LanguageIndex(OpenSearch3Index):
    def __init__(self, backend, name, language):
        super().__init__(backend, f"{name}_{language}")
        self.language = language

    def put(self):
        self.es.indices.create(index=self.name, body=self.backend.settings_for(self.language))


class LanguageIndexGroup:
    """modelsearch's index interface over one index per language. ``name`` (what searches
    read) is the reader's language's index; records are written to their own language's."""

    def __init__(self, backend, name):
        self.backend = backend
        self.base_name = name
        self.indices = {
            language: LanguageIndex(backend, name, language) for language in backend.languages
        }

    @property
    def name(self):
        return self.indices[reader_language()].name

    def _each(self, method, *args):
        for index in self.indices.values():
            getattr(index, method)(*args)

    def put(self):
        self._each("put")

    def delete(self):
        self._each("delete")

    def refresh(self):
        self._each("refresh")

    def reset(self):
        self._each("reset")

    def add_model(self, model):
        self._each("add_model", model)

    def exists(self):
        return all(index.exists() for index in self.indices.values())

    def is_alias(self):
        return False

    def _index_of(self, obj, languages=None):
        language = record_language(obj, languages)
        return self.indices.get(language) or self.indices[self.backend.languages[0]]

    # Each write is refreshed at once: the engine shows a document about a second after it is
    # written, and a search answered in that second would be kept (page cache, kept search
    # answers) until the next change, after the generation bumped for this one.
    def add_item(self, item):
        index = self._index_of(item)
        index.add_item(item)
        index.refresh()

    def add_items(self, model, items):
        languages = languages_by_locale()
        by_language = defaultdict(list)
        for item in items:
            by_language[self._index_of(item, languages)].append(item)
        for index, group in by_language.items():
            index.add_items(model, group)
            index.refresh()

    def delete_item(self, item):
        index = self._index_of(item)
        index.delete_item(item)
        index.refresh()

    def get_key(self):
        return self.base_name

    def __str__(self):
        return self.base_name


class LanguageOpenSearchBackend(OpenSearch3SearchBackend):
    """Settings: ``URLS``, ``INDEX_PREFIX``, ``TIMEOUT`` (seconds), ``LANGUAGES`` (default: the
    site's), ``OPTIONS`` and ``INDEX_SETTINGS`` as in modelsearch."""

    mapping_class = LanguageMapping

    def __init__(self, params):
        params = dict(params)
        self.languages = list(params.pop("LANGUAGES", None) or site_languages())
        params["ATOMIC_REBUILD"] = False  # aliases are per index; a rebuild resets each language
        super().__init__(params)

    def settings_for(self, language):
        return _deep_merge(self.settings, language_analysis(language))

    def get_index_for_model(self, model):
        return LanguageIndexGroup(self, super().get_index_for_model(model).name)

    def _guarded(self, operation, *args):
        if breaker.is_open():
            logger.warning("Search engine marked down: %s skipped", operation.__name__)
            return
        try:
            operation(*args)
        except Exception:
            breaker.trip()
            raise

    def add(self, obj):
        self._guarded(super().add, obj)

    def add_bulk(self, model, obj_list):
        self._guarded(super().add_bulk, model, obj_list)

    def delete(self, obj):
        self._guarded(super().delete, obj)


SearchBackend = LanguageOpenSearchBackend
