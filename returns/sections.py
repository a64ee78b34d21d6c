"""What other apps add to an objective's page: agreements (partners), standards (standards).

An app registers a provider ``provider(objective, missions, request) -> dict | None``; the dict
has ``title``, ``template`` and ``context`` and becomes a section of the objective's page, in
the order registered; its template reads the context as ``data``. The sections are kept with
the page's figures across requests while the content is unchanged (returns/views.py): a
provider reads only the database, never the request's user or session. The objective page never imports those apps, so they can land later.

    from returns import sections

    @sections.register("standards")
    def standards_serving(objective, missions, request):
        return {"title": _("Standards that serve it"), "template": "...", "context": {...}}
"""

_PROVIDERS = {}

# The places the objective page keeps for sections still to come; a provider registered under
# one of these names fills it, and until then the place is left out of the page.
AGREEMENTS = "agreements"  # agreements that came of the objective's missions (partners app)
STANDARDS = "standards"  # service standards that serve the objective (standards app)


def register(name):
    def decorator(provider):
        _PROVIDERS[name] = provider
        return provider

    return decorator


def sections_for(objective, missions, request):
    sections = []
    for name, provider in _PROVIDERS.items():
        section = provider(objective, missions, request)
        if section:
            sections.append({"name": name, **section})
    return sections
