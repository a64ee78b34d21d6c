"""The read-only JSON API, /api/v1/ (django-ninja): one list operation per open-data resource
of the registry (home/opendata), so a dataset an app registers is in the API too."""
