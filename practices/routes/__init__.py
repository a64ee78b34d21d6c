"""The routes of the practices pages (see home/routing.py): one module of URL patterns per page type."""
