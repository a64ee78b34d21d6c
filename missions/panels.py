"""An admin panel that shows a mission's published corrections without letting anyone edit them."""

from wagtail.admin.panels import Panel


class CorrectionsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "missions/admin/corrections_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import MissionCorrection

            context = super().get_context_data(parent_context)
            pk = getattr(self.instance, "pk", None)
            context["corrections"] = (
                list(MissionCorrection.objects.filter(page_id=pk)) if pk else []
            )
            return context
