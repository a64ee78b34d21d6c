"""A long CSV file's rows kept as text, in chunks, so that after one page's publication only the
chunks holding that page's row are written again.

A file that offers it (``Dataset.kept_csv``) gives its rows' stamps, in the file's order: each
row's page and what changes with each of its publications (``(pk, live revision)``).
The rows are cut into chunks where a row's page ends one (about one row in ``BOUNDARY``, chosen
by the page's id, so that adding or removing a row moves no other chunk's ends). A chunk's key
is the hash of what every row of it depends on: the rows generation (home/cache/: any change
that is not a page's own publication, such as renaming a person or an objective, changes it),
what the file says its text depends on (language, date, report deadline, address, dataset
version) and the stamps of its rows, in order. So a kept chunk is exact: a publication changes
its page's stamp, and with it the key of its chunk alone.

Reading: one query for the stamps; one cache read for the markers of the chunks kept; the
missing rows in one set of streams (the file's own, narrowed to those pages; all of them when
more than ``FEW`` are missing, as a file with nothing kept reads them); then the chunks in
order, kept ones read in windows of ``WINDOW``, so memory stays flat in the number of rows. A
chunk whose text went missing between the two reads is written again from its own rows.
Chunks are kept up to OPEN_DATA_CHUNKS_MAX_BYTES of each file (its first rows): the local-memory
cache is each process's own memory; the rows after are written on every download.
"""

import hashlib
from array import array

from django.conf import settings
from django.core.cache import cache

from home.cache.fragments import SECONDS

BOUNDARY = 256
MAX_ROWS = 2048
FEW = 512
WINDOW = 16
VERSION = 1  # of the chunks' keys and text: a change of how rows are written changes it


def _ends_chunk(pk):
    # Knuth's multiplicative hash: ids in sequence do not end chunks at a fixed rhythm.
    return (pk * 2654435761) % 2**32 < 2**32 // BOUNDARY


def chunked(stamps, vary_on):
    """(key, pks) of each chunk of ``stamps`` ((pk, *stamp) tuples of ints or None, in the
    file's order)."""
    prefix = repr((VERSION, *vary_on)).encode()
    pks, values = array("q"), array("q")

    def done():
        digest = hashlib.sha256(prefix)
        digest.update(pks.tobytes())
        digest.update(values.tobytes())
        return "opendata-rows:" + digest.hexdigest(), pks

    for pk, *stamp in stamps:
        pks.append(pk)
        values.extend(-1 if value is None else value for value in stamp)
        if _ends_chunk(pk) or len(pks) >= MAX_ROWS:
            yield done()
            pks, values = array("q"), array("q")
    if pks:
        yield done()


def _marker(key):
    return key + ":kept"


def _take(rows, pks):
    """The next ``len(pks)`` rows of ``rows`` ((pk, row) in the file's order), one by one,
    checked to be those of ``pks``: a page published or withdrawn between the stamps' query
    and the rows' puts them out of step, and the download then stops with an error (the next
    is right)."""
    for pk in pks:
        row_pk, row = next(rows, (None, None))
        if row_pk != pk:
            raise RuntimeError(
                f"Open-data rows out of step with their stamps: {row_pk!r} != {pk!r}"
            )
        yield row


def kept_text(chunks, rows_for, write):
    """The text of the rows of ``chunks`` (from ``chunked``), chunk by chunk, in order.

    ``rows_for(pks)``: (pk, row) of those pages in the file's order (``None``: every page of
    the file); ``write(rows)``: their text."""
    chunks = list(chunks)
    room = getattr(settings, "OPEN_DATA_CHUNKS_MAX_BYTES", 5 * 1024 * 1024)
    present = cache.get_many([_marker(key) for key, _pks in chunks])
    missing = {key for key, _pks in chunks if _marker(key) not in present}
    count = sum(len(pks) for key, pks in chunks if key in missing)
    if count > FEW:  # nearly everything to write: the file's own streams, every row
        rows = iter(rows_for(None))
        for key, pks in chunks:
            text = write(_take(rows, pks))
            room -= len(text)
            if key in missing and room >= 0:
                cache.set_many({key: text, _marker(key): True}, SECONDS)
            yield text
        return
    wanted = [pk for key, pks in chunks if key in missing for pk in pks]
    rows = iter(rows_for(wanted)) if wanted else iter(())
    for start in range(0, len(chunks), WINDOW):
        window = chunks[start : start + WINDOW]
        texts = cache.get_many([key for key, _pks in window if key not in missing])
        for key, pks in window:
            text = texts.get(key)
            if text is None:
                if key in missing:
                    text = write(_take(rows, pks))
                else:  # dropped from the cache since the markers were read
                    text = write(_take(iter(rows_for(list(pks))), pks))
            room -= len(text)
            if key not in texts and room >= 0:
                cache.set_many({key: text, _marker(key): True}, SECONDS)
            yield text
