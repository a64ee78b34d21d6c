"""Open-data answers kept while the content is unchanged: an API page's body, and a file's
streamed chunks of encoded rows, in the configured cache (Redis when set: shared by every
process).

The key is ``home.cache.fragments.content_key``'s (the content generation, read before anything
is computed, the language and the local date) with the dataset's name and version and the
request's scheme, host, path and query string: every change bumps the generation, so a kept
answer is never served after it. The API page and a file's rows read nothing else (the rows'
addresses come from the host's site; the licence from its settings). When the generation
cannot be read nothing is kept.

A file is kept as its chunks (each ``ROWS_PER_WRITE`` rows, as the cold stream writes them), each
stored as it is written, then a last entry that names how many there are: a download that
stops half way, fails, or outgrows ``PAGE_CACHE_MAX_BYTES`` leaves no such entry (and drops its
chunks), so only a complete file is ever served from the cache. The cold download stays
streamed; a kept one is read in one ``get_many`` of at most that size.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from home.cache.fragments import SECONDS, content_key


def key(request, name, dataset):
    """The cache key of what ``request``'s address answers (``name``: "api", "file") for
    ``dataset`` (its version: new columns after a deploy are never served from an old copy),
    or None when nothing may be kept."""
    address = (request.scheme, request.get_host(), request.get_full_path())
    vary_on = content_key(name, dataset.name, dataset.version, *address)
    if vary_on is None:
        return None
    return "opendata:" + hashlib.sha256(repr(vary_on).encode()).hexdigest()


def _limit():
    return getattr(settings, "PAGE_CACHE_MAX_BYTES", 5 * 1024 * 1024)


def get(kept_key):
    return None if kept_key is None else cache.get(kept_key)


def keep(kept_key, value, size):
    """Keep ``value`` (``size`` characters long at most ``PAGE_CACHE_MAX_BYTES``)."""
    if kept_key is not None and size <= _limit():
        cache.set(kept_key, value, SECONDS)


def _chunk_keys(kept_key, count):
    return [f"{kept_key}:{number}" for number in range(count)]


def kept_file(kept_key):
    """(what was kept with the file, its chunks) of a complete kept file, else None."""
    found = get(kept_key)
    if found is None:
        return None
    meta, count = found
    names = _chunk_keys(kept_key, count)
    chunks = cache.get_many(names)
    if len(chunks) != count:  # a chunk was evicted: the file is made again
        return None
    return meta, [chunks[name] for name in names]


def keeping(kept_key, meta, chunks):
    """``chunks`` as they come, each kept; once the last is written, ``meta`` and their number."""
    if kept_key is None:
        yield from chunks
        return
    written, size, complete = 0, 0, False
    try:
        for chunk in chunks:
            if written is not None:
                size += len(chunk)
                if size > _limit():  # too large to keep: stream the rest only
                    cache.delete_many(_chunk_keys(kept_key, written))
                    written = None
                else:
                    cache.set(f"{kept_key}:{written}", chunk, SECONDS)
                    written += 1
            yield chunk
        complete = written is not None
        if complete:
            cache.set(kept_key, (meta, written), SECONDS)
    finally:
        if not complete and written:
            cache.delete_many(_chunk_keys(kept_key, written))
