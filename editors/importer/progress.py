"""How many missions an import has saved so far, readable from another process while it saves.

The missions are saved in one transaction (all or nothing), so a count written inside it is
invisible to the status page until the end. The count is written outside that transaction:

- on PostgreSQL (or any database but SQLite), on the import's own row, through a second,
  autocommitting connection to the same database: the web process reads it with the row,
  whichever machine the worker runs on;
- on SQLite, which lets one connection write at a time (the saving transaction holds the
  lock), in a small file under the var directory, replaced atomically, which every process on
  the machine reads (an SQLite database is on one machine too).

If the own connection cannot update the row (not visible to it, e.g. inside a test's
transaction), the file is used as well. The status page shows the larger of the two counts.
"""

import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

logger = logging.getLogger(__name__)
EVERY_SECONDS = 0.5


def _file(token):
    return Path(settings.VAR_DIR) / "import-progress" / token


def _write_file(token, count):
    path = _file(token)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".progress-")
    with os.fdopen(handle, "w") as out:
        out.write(str(count))
    os.replace(temporary, path)


def _read_file(token):
    try:
        return int(_file(token).read_text())
    except (OSError, ValueError):
        return 0


def saved_so_far(job):
    """Missions saved so far by a running save: the row's count or the file's, the larger."""
    return max(job.missions_saved, _read_file(job.token))


def clear(token):
    _file(token).unlink(missing_ok=True)


class SavedCounter:
    """``counter(saved)`` records the count (at most every EVERY_SECONDS, and the last one on
    ``close()``), outside the transaction that saves the missions."""

    def __init__(self, job):
        self.job = job
        self.last = 0.0
        self.count = 0
        self.written = 0
        self.own = None
        self.written_once = False
        default = connections[DEFAULT_DB_ALIAS]
        if default.vendor != "sqlite":
            self.own = type(default)(dict(default.settings_dict), alias=DEFAULT_DB_ALIAS)

    def __call__(self, count):
        self.count = count
        if time.monotonic() - self.last >= EVERY_SECONDS:
            self._write()

    def _write(self):
        self.last = time.monotonic()
        self.written = self.count
        if self.own is not None:
            try:
                with self.own.cursor() as cursor:  # autocommit: visible at once
                    if self.own.vendor == "postgresql" and not self.written_once:
                        cursor.execute("SET lock_timeout = '2s'")  # never wait on a lock
                    self.written_once = True
                    cursor.execute(
                        f"UPDATE {self.job._meta.db_table} SET missions_saved = %s, "
                        "updated_at = %s WHERE id = %s",
                        [self.count, timezone.now(), self.job.pk],
                    )
                    if cursor.rowcount == 1:
                        return
            except Exception:
                logger.exception("Mission import %s: progress not written", self.job.token)
        _write_file(self.job.token, self.count)

    def close(self):
        if self.count != self.written:
            self._write()
        if self.own is not None:
            self.own.close()
