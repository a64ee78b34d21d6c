"""The routes of the standards pages (see home/routing.py): one module of URL patterns per page type."""
