"""The roles now name the partners' agreements and memberships and the return's city projects and
no-trips statements (editors/roles.py): apply them again."""

from django.db import migrations

import editors.roles


class Migration(migrations.Migration):
    dependencies = [
        ("editors", "0002_roles_and_review_workflow"),
        ("partners", "0003_agreement_updated_at"),
        ("returns", "0003_objective_index_page"),
        ("standards", "0001_service_standards"),
    ]

    operations = [editors.roles.reapply()]
