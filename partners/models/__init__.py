"""Partners and local actors: the public directory of organisations, their memberships and the
agreements they sign, with their lifecycle. Organisations themselves are the shared
directory.Organization records; this app adds what links them.
"""

from .index import DirectoryIndexPage

__all__ = ["DirectoryIndexPage"]
