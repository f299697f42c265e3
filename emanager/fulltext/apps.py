from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class FulltextConfig(AppConfig):
    name = "emanager.fulltext"
    verbose_name = _("Full-text search")

    def ready(self) -> None:
        # The index follows what is public: every change that can publish or
        # unpublish a letter, an answer or a document reindexes it after commit.
        from emanager.fulltext import indexing
        from emanager.letters.models import Letter
        from emanager.proactive.models import CatalogueItem, Document
        from emanager.publication.models import PublicAnswer, PublicLetter

        receivers = [
            (Letter, indexing.on_letter_changed),
            (PublicLetter, indexing.on_public_letter_changed),
            (PublicAnswer, indexing.on_public_answer_changed),
            (Document, indexing.on_document_changed),
            (CatalogueItem, indexing.on_item_changed),
        ]
        for model, receiver in receivers:
            uid = f"fulltext:{model._meta.label}"
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}:delete")
