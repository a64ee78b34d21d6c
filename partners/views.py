"""The directory page and an organisation's page (routes in partners/routes/directory.py).

Each view takes the directory index page first (home/routing.py); the organisation's page gets
the record already looked up in the page's language (home/records.py).
"""

from home.routing import render_page


def directory(page, request):
    organisations = page.records().order_by("name")
    return render_page(page, request, {"organisations": organisations})


def organisation(page, request, record):
    return render_page(
        page,
        request,
        {"organisation": record, "record_url": page.record_full_url(record, request)},
        template="partners/organisation_page.html",
    )
