"""The demo's search index: built from the demo's published letters, answers and documents.

The index follows every change by itself; :func:`demo_search_index` rebuilds
it once at the end of ``load_demo`` so that it holds exactly what the demo
published, however the demo wrote it (bulk updates send no signals).
"""

from __future__ import annotations

from emanager.fulltext.indexing import index_rebuild


def demo_search_index() -> int:
    """Rebuild the index from the demo's public texts; the number of entries."""
    return index_rebuild()
