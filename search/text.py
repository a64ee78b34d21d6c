"""Words as search sees them, in Spanish and English: what a reader typed, made safe, folded
(case and accents dropped) and stemmed (Snowball) so that word forms find each other.

The database backends index text through ``stem_text`` and search through ``stem_words``, so
"riesgo" finds "riesgos", "drill" finds "drills" and "rio" finds "río". Highlighting uses the
same functions, so what is marked is what matched.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

# A word is a run of letters or digits; everything else (quotes, operators, "*", ":", emoji,
# NUL) separates words and never reaches a search engine's query parser.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
STEMMERS = {"es": "spanish", "en": "english"}


def fold(word):
    """Lower case, without accents: "Río" → "rio" (ñ becomes n, as readers often type it)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8)
def _stemmer(language):
    algorithm = STEMMERS.get((language or "")[:2]) or STEMMERS[settings.LANGUAGE_CODE[:2]]
    return snowballstemmer.stemmer(algorithm)


def words(text):
    return WORD.findall(text or "")


@lru_cache(maxsize=65536)
def stem(word, language):
    """The folded stem of one word in ``language``. Cached: Snowball in pure Python was the
    largest cost of a search page (every word of every result's title and summary is stemmed
    to mark the matches), and a site's vocabulary is small."""
    return _stemmer(language).stemWord(fold(word))


def stem_words(text, language):
    """The folded stems of the words of ``text`` in ``language``."""
    return [stem(word, language) for word in words(text)]


def stem_text(text, language):
    """Indexable text: every word folded and stemmed, in order, separated by spaces."""
    return " ".join(stem_words(text, language))


def clean_query(raw):
    """(query, shortened): the reader's words joined by spaces, at most MAX_QUERY_LENGTH
    characters and MAX_WORDS words; ``shortened`` says whether anything was cut off."""
    raw = (raw or "")[: MAX_QUERY_LENGTH * 4]
    found = words(raw)
    kept = found[:MAX_WORDS]
    query = " ".join(kept)
    shortened = len(kept) < len(found) or len(query) > MAX_QUERY_LENGTH
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
    return query, shortened


def highlight(text, query, language, length=40):
    """An excerpt of ``text`` of about ``length`` words around the first word that matches
    ``query`` (by stem, as the search does), every matching word in <mark>; HTML-escaped."""
    parts = WORD.split(text or "")  # [between, word, between, word, ..., between]
    found = WORD.findall(text or "")
    if not found:
        return escape((text or "").strip())
    wanted = set(stem_words(query, language))
    hits = [i for i, word in enumerate(found) if stem(word, language) in wanted]
    first = hits[0] if hits else 0
    start = max(0, first - length // 3)
    end = min(len(found), start + length)
    marked = set(hits)
    out = ["… "] if start > 0 else [escape(parts[0])]
    for i in range(start, end):
        word = escape(found[i])
        out.append(f"<mark>{word}</mark>" if i in marked else word)
        if i < end - 1 or end == len(found):
            out.append(escape(parts[i + 1]) if i < len(found) - 1 else escape(parts[-1]))
    if end < len(found):
        out.append(" …")
    return mark_safe("".join(out).strip())
