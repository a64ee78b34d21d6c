"""Read the whole sitemap as a crawler does: the index at /sitemap.xml, then every sitemap it
lists (each section and each of its pages)."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sitemap_locations(client):
    """The addresses of the sitemaps the index lists, in its order."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, response.status_code
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [element.find(f"{SITEMAP}loc").text for element in root.findall(f"{SITEMAP}sitemap")]


def sitemap_documents(client):
    """Each listed sitemap's XML text."""
    documents = []
    for location in sitemap_locations(client):
        response = client.get(_path(location))
        assert response.status_code == 200, (location, response.status_code)
        assert response["Content-Type"].startswith("application/xml")
        documents.append(response.content.decode())
    return documents


def sitemap_text(client):
    """Every listed sitemap's XML, one after the other (to look for an address or a link)."""
    return "\n".join(sitemap_documents(client))


def sitemap_urls(client):
    """Every ``<url>`` element of every listed sitemap."""
    return [
        url
        for document in sitemap_documents(client)
        for url in ET.fromstring(document).findall(f"{SITEMAP}url")
    ]


def sitemap_alternates(client):
    """``{address: {hreflang: href}}`` for every address in the sitemap."""
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in sitemap_urls(client)
    }
