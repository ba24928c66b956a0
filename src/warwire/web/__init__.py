"""Browse, search and map a warwire store in a web browser: Datasette, read-only.

- :mod:`warwire.web.app` builds the Datasette instance (``build_datasette(ServeOptions(db=…))``);
- :mod:`warwire.web.metadata` writes its metadata: descriptions, facets, search, map tiles;
- :mod:`warwire.web.plugin` adds the event page and the escalation timeline (each with a JSON
  twin), event links in tables and the read-only guard; registered by ``app``, never on import;
- :mod:`warwire.web.pages` builds what those pages show, as plain dicts;
- :mod:`warwire.web.highlight` cuts source paragraphs and highlights quotes, escaping all
  article text;
- :mod:`warwire.web.commands` is ``warwire serve``.
"""

from __future__ import annotations

from .app import ServeOptions, build_datasette

__all__ = ["ServeOptions", "build_datasette"]
