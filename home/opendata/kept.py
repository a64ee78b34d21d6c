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

A full file (its address without a query string) too large for the cache is kept in the default
storage instead (the media folder, or the S3 bucket in production: shared by every machine), up
to ``OPEN_DATA_STORED_MAX_BYTES``: written to a temporary file as it streams, saved once the
download is complete (a full file within the cache's limit stays in the cache), and named by the same kind of entry in the cache, so it is served exactly
as long as a cached file would be. It is read back in chunks (memory stays flat at any size),
and each address's folder holds one file: saving a newer one deletes the older. Filtered
addresses are never stored (their number has no bound a visitor could not push). The warm-up
(home/cache/warm.py) asks for the full files a dataset names in ``warm_after_change``, so after
a change those are made once, before a visitor asks.
"""

import contextlib
import hashlib
import logging
import tempfile
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage

from home.cache.fragments import SECONDS, content_key

logger = logging.getLogger(__name__)

STORED_FOLDER = "opendata/kept"
STORED_CHUNK_BYTES = 256 * 1024


def key(request, name, dataset):
    """The cache key of what ``request``'s address answers (``name``: "api", "file") for
    ``dataset`` (its version: new columns after a deploy are never served from an old copy),
    or None when nothing may be kept."""
    address = (request.scheme, request.get_host(), request.get_full_path())
    vary_on = content_key(name, dataset.name, dataset.version, *address)
    if vary_on is None:
        return None
    return "opendata:" + hashlib.sha256(repr(vary_on).encode()).hexdigest()


def folder(request, dataset):
    """The storage folder of ``request``'s full file of ``dataset``, or None for an address with
    a query string (a filter, a sort, an ignored parameter): those are never stored."""
    if request.META.get("QUERY_STRING"):
        return None
    address = (dataset.name, request.scheme, request.get_host(), request.path)
    return f"{STORED_FOLDER}/{hashlib.sha256(repr(address).encode()).hexdigest()[:32]}"


def _limit():
    return getattr(settings, "PAGE_CACHE_MAX_BYTES", 5 * 1024 * 1024)


def _stored_limit():
    return getattr(settings, "OPEN_DATA_STORED_MAX_BYTES", 0)


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
    meta, where = found
    if isinstance(where, str):  # a stored file's name
        # Gone when a newer file of the address replaced it, or when the storage is another
        # machine's own disk: the file is made again.
        return (meta, _stored_chunks(where)) if default_storage.exists(where) else None
    names = _chunk_keys(kept_key, where)
    chunks = cache.get_many(names)
    if len(chunks) != where:  # a chunk was evicted: the file is made again
        return None
    return meta, [chunks[name] for name in names]


def _stored_chunks(name):
    with default_storage.open(name, "rb") as handle:
        yield from handle.chunks(STORED_CHUNK_BYTES)


def keeping(kept_key, meta, chunks, folder=None):
    """``chunks`` (text) as they come, each kept; once the last is written, ``meta`` and their
    number. With a ``folder`` (a full file) they are also written to a temporary file, saved in
    the storage once the last is written if the file is too large for the cache."""
    if kept_key is None:
        yield from chunks
        return
    written, size, complete = 0, 0, False
    with contextlib.ExitStack() as closing:
        spool = None
        if folder is not None and _stored_limit():
            spool = closing.enter_context(tempfile.TemporaryFile())
        try:
            for chunk in chunks:
                if written is not None:
                    size += len(chunk)
                    if size <= _limit():
                        cache.set(f"{kept_key}:{written}", chunk, SECONDS)
                        written += 1
                    else:  # too large for the cache
                        cache.delete_many(_chunk_keys(kept_key, written))
                        written = None
                if spool is not None:
                    spool.write(chunk.encode())
                    if spool.tell() > _stored_limit():  # too large to store: stream the rest
                        spool.close()
                        spool = None
                yield chunk
            complete = True
            if written is not None:
                cache.set(kept_key, (meta, written), SECONDS)
            elif spool is not None:
                _store(kept_key, meta, folder, spool)
        finally:
            if not complete and written:
                cache.delete_many(_chunk_keys(kept_key, written))


def _store(kept_key, meta, folder, spool):
    """Save the complete file in ``spool`` under ``folder``, name it in the cache, and delete the
    folder's older files. Called after the download's last chunk: a failure is logged, never
    raised into a download that is complete."""
    spool.seek(0)
    try:
        name = default_storage.save(f"{folder}/{uuid.uuid4().hex}", File(spool))
        cache.set(kept_key, (meta, name), SECONDS)
        _directories, names = default_storage.listdir(folder)
        for older in names:
            if f"{folder}/{older}" != name:
                default_storage.delete(f"{folder}/{older}")
    except Exception:  # any storage backend's error (disk full, S3 unreachable)
        logger.exception("open data: could not keep %s in the storage", folder)
