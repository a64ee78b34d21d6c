"""Rows read outside the ORM's ``ORDER BY`` (several small tables in one ``UNION ALL``), put
back in their model's order in Python."""


def in_model_order(rows, *fields):
    """``rows`` sorted by ``fields``, as the database orders them: an editor's ``sort_order``
    (Wagtail's Orderable) that is missing sorts first, as on SQLite."""

    def key(row):
        values = []
        for name in fields:
            value = getattr(row, name)
            values.append((value is not None, value or 0) if name == "sort_order" else value)
        return values

    return sorted(rows, key=key)
