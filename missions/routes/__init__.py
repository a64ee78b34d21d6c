"""The routes of the missions pages (see home/routing.py): one module of URL patterns per page type."""
