"""WAGTAILSEARCH_BACKENDS from the environment; imported by the settings, so it imports no app."""


def search_backends(url=None, prefix="puente_", timeout=0.5):
    """The database backend alone, or OpenSearch at ``url`` with the database backend kept up
    to date beside it (the ``database`` entry) to answer while the engine is down.

    ``timeout`` (seconds) bounds every request to the engine, and there is no retry: a hung
    engine costs a reader at most that long before the database answers."""
    database = {"BACKEND": "search.backends.database"}
    if not url:
        return {"default": database}
    return {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": database,
    }
