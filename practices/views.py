"""The views of the practices pages' routes (practices/routes/, see home/routing.py).

Each takes the page first. They import the models, the filters and the PDF renderer; the
models import none of them.
"""

from home.routing import render_page

from .filters import PracticeListing
from .opendata import PracticesDataset
from .pdf import pdf_response


def listing(page, request):
    """The practices index: its filters, notices and one page of cards."""
    context = PracticeListing(page, request).kept_context(request)
    context["open_data"] = PracticesDataset(page, request).links()
    return render_page(page, request, context)


def pdf(page, request):
    """The practice's one-file summary, in the page's language."""
    return pdf_response(page, request)
