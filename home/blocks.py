"""StreamField blocks shared by every app's body content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        help_text=_("Use sections for the main parts of the page and subsections inside them."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Cómo trabajamos con los actores del territorio", "level": "h2"}
        description = _("A section title; it also builds the page outline for screen readers.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "home/blocks/captioned_image_block.html"
        description = _("An image with alternative text, caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        preview_value = {
            "quote": "La credibilidad se construye con estándares claros de calidad y servicio.",
            "attribution": "Oficina de Relaciones Internacionales",
        }
        description = _("A highlighted quotation with who said it.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_link_block.html"
        description = _("A download link that shows the file's type and size.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="home/blocks/paragraph_block.html",
        preview_value="<p>La oficina publica cada misión oficial con su costo y sus resultados.</p>",
        description=_("Running text with links and lists."),
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="home/blocks/embed_block.html",
        help_text=_("A video or other media by its address, e.g. a YouTube link."),
        description=_("Embedded video or media from another site."),
    )


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Network"), max_length=60, help_text=_("E.g. LinkedIn, Mastodon.")
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        description = _("A link to one of the office's social-media profiles.")
