"""The site's groups (editors/roles.py) and the review workflow that replaces Wagtail's default."""

from django.db import migrations

from editors.roles import REVIEWERS, apply_roles

TASK_NAME = "Aprobación por Revisores"
WORKFLOW_NAME = "Revisión por otra persona"


def create_review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ReviewTask = apps.get_model("editors", "ReviewTask")

    content_type, _created = ContentType.objects.get_or_create(
        app_label="editors", model="reviewtask"
    )
    task, _created = ReviewTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": content_type}
    )
    task.groups.set([Group.objects.get(name=REVIEWERS.name)])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # Wagtail's default "Moderators approval" workflow sits on the root page; ours takes its
    # place there, so every page (missions first) goes through a reviewer.
    for root in Page.objects.filter(depth=1):
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for other in Workflow.objects.exclude(pk=workflow.pk):
        if not other.workflow_pages.exists():
            other.active = False
            other.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("editors", "0001_review_task"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("home", "0005_sitesettings_review_flag_days"),
        ("directory", "0001_initial"),
        ("practices", "0002_alter_practiceindexpage_intro"),
    ]

    operations = [
        migrations.RunPython(apply_roles, migrations.RunPython.noop),
        migrations.RunPython(create_review_workflow, migrations.RunPython.noop),
    ]
