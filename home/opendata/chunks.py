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
missing rows in one set of streams (the file's own, narrowed to those pages and read before any
text is sent; all of them, streamed, when more than ``FEW`` are missing, as a file with nothing
kept reads them); then the chunks in order, kept ones read in windows of ``WINDOW``, so memory
stays flat in the number of rows. A chunk whose text went missing between the two reads is
written again from its own rows. A row that moved or went between the stamps and the rows is
written as the rows are, and its chunk is not kept.
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
    """(key, pks) of each chunk of ``stamps``, in the file's order: (pk, *stamp) tuples whose
    stamp values are ints (or None) and texts, each always of the same kind at its place."""
    prefix = repr((VERSION, *vary_on)).encode()
    pks, numbers, texts = array("q"), array("q"), []

    def done():
        digest = hashlib.sha256(prefix)
        digest.update(pks.tobytes())
        digest.update(numbers.tobytes())
        digest.update("\x1f".join(texts).encode())
        return "opendata-rows:" + digest.hexdigest(), pks

    for pk, *stamp in stamps:
        pks.append(pk)
        for value in stamp:
            if isinstance(value, str):
                texts.append(value)
            else:
                numbers.append(-1 if value is None else value)
        if _ends_chunk(pk) or len(pks) >= MAX_ROWS:
            yield done()
            pks, numbers, texts = array("q"), array("q"), []
    if pks:
        yield done()


def _marker(key):
    return key + ":kept"


def _keep(key, text):
    cache.set_many({key: text, _marker(key): True}, SECONDS)


class _Step:
    """Whether a file's rows still come in the order of its stamps."""

    in_step = True


def _following(rows, pks, step):
    """The next rows of ``rows`` ((pk, row) in the file's order), as many as ``pks``: the
    stamps were read a moment before the rows, and a mission published, moved or withdrawn in
    between puts them out of step; the rows are then written as they come (the file is the
    rows' own) and no chunk is kept from there on."""
    for pk in pks:
        item = next(rows, None)
        if item is None:
            step.in_step = False
            return
        if item[0] != pk:
            step.in_step = False
        yield item[1]


def _every_row(chunks, missing, rows, write, room):
    """The file written from all its rows (nearly every chunk missing), keeping the missing."""
    rows, step = iter(rows), _Step()
    for key, pks in chunks:
        text = write(_following(rows, pks, step))
        room -= len(text)
        if step.in_step and key in missing and room >= 0:
            _keep(key, text)
        yield text
    rest = write(row for _pk, row in rows)  # published after the stamps were read
    if rest:
        yield rest


def kept_text(chunks, rows_for, write):
    """The text of the rows of ``chunks`` (from ``chunked``), chunk by chunk, in order.

    ``rows_for(pks)``: (pk, row) of those pages in the file's order (``None``: every page of
    the file); ``write(rows)``: their text."""
    chunks = list(chunks)
    room = settings.OPEN_DATA_CHUNKS_MAX_BYTES
    present = cache.get_many([_marker(key) for key, _pks in chunks])
    missing = {key for key, _pks in chunks if _marker(key) not in present}
    if sum(len(pks) for key, pks in chunks if key in missing) > FEW:
        yield from _every_row(chunks, missing, rows_for(None), write, room)
        return
    # The few missing rows, read before any text is sent (at most FEW): a slow download
    # cannot leave their query behind the stamps.
    wanted = [pk for key, pks in chunks if key in missing for pk in pks]
    found = dict(rows_for(wanted)) if wanted else {}
    for start in range(0, len(chunks), WINDOW):
        window = chunks[start : start + WINDOW]
        texts = cache.get_many([key for key, _pks in window if key not in missing])
        for key, pks in window:
            text, whole = texts.get(key), True
            if text is None:
                # Missing, or dropped from the cache since the markers were read.
                rows = found if key in missing else dict(rows_for(list(pks)))
                chosen = [rows[pk] for pk in pks if pk in rows]
                text, whole = write(chosen), len(chosen) == len(pks)
            room -= len(text)
            if key not in texts and whole and room >= 0:  # a row gone since: not kept
                _keep(key, text)
            yield text
