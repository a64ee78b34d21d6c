"""The body of a practice: the same four sections on every practice, so readers can compare them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import CaptionedImageBlock, DocumentLinkBlock, QuoteBlock

SECTION_HEADINGS = {
    "context": _("Context and problem"),
    "objectives": _("Objectives"),
    "actions": _("What was done"),
    "lessons": _("Lessons learned"),
}


class SectionContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        icon="pilcrow",
        template="home/blocks/paragraph_block.html",
        preview_value="<p>El barrio no tenía transporte público después de las 21:00.</p>",
        description=_("Running text with links, lists and subheadings."),
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()

    class Meta:
        icon = "doc-full"


class PracticeSectionBlock(blocks.StructBlock):
    """A fixed section of a practice; its heading comes from its kind, translated for the reader."""

    content = SectionContentBlock(label=_("Content"))

    class Meta:
        icon = "list-ul"
        template = "practices/blocks/practice_section_block.html"
        form_classname = "struct-block practice-section"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.meta.heading
        context["section_id"] = self.meta.section_id
        return context


def _section(kind, help_text, preview):
    block = PracticeSectionBlock(
        label=SECTION_HEADINGS[kind],
        help_text=help_text,
        description=help_text,
        heading=SECTION_HEADINGS[kind],
        section_id=kind,
        preview_value={"content": [("paragraph", f"<p>{preview}</p>")]},
    )
    return block


class PracticeBodyBlock(blocks.StreamBlock):
    context = _section(
        "context",
        _("The situation before the practice and the problem it addressed."),
        "Los vecinos del sector sur tardaban 90 minutos en llegar al centro.",
    )
    objectives = _section(
        "objectives",
        _("What the practice set out to achieve, ideally measurable."),
        "Reducir el tiempo de viaje a 45 minutos en dos años.",
    )
    actions = _section(
        "actions",
        _("What was done, in what order, by whom."),
        "Se diseñaron tres rutas de bus nocturno con las juntas de vecinos.",
    )
    lessons = _section(
        "lessons",
        _("What the team would repeat and what it would do differently."),
        "Involucrar a los conductores desde el diseño evitó conflictos.",
    )

    class Meta:
        block_counts = {
            "context": {"max_num": 1},
            "objectives": {"max_num": 1},
            "actions": {"max_num": 1},
            "lessons": {"max_num": 1},
        }


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()


class GalleryBlock(blocks.StreamBlock):
    image = CaptionedImageBlock()
