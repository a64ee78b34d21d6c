from django_tasks import task


@task()
def generate_practice_pdf(page_id, revision_id):
    """Render the PDF of a just-published practice revision, off the editor's request."""
    from .pdf import generate_for_revision

    record = generate_for_revision(page_id, revision_id)
    return record.file.name if record else None
