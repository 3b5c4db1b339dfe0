"""Every exception casegraph raises.

One root, :class:`CaseGraphError`, so that callers (and the CLI) can catch everything casegraph means to
raise with one ``except``. Each message is one line a person can act on: it names the file and line, the
query position or the nearest entity names. A message about an argument names it as Python does
(``max_bytes=``); the command line and the server say the same with their own words for it (``--max-size``),
which is all they change: exit codes and HTTP statuses are theirs too, chosen by the class of the error.
"""

from __future__ import annotations

from typing import Callable


class CaseGraphError(Exception):
    """Root of every error casegraph raises on purpose.

    ``parameter`` is the argument the message is about, as Python spells it (``"max_bytes="``, ``"why=True"``);
    the message names it where it writes ``{parameter}``.

    >>> e = CaseGraphError("{parameter} answers SELECT and ASK queries", parameter="why=True")
    >>> str(e), e.worded(lambda name: "--" + name.split("=")[0].replace("_", "-"))
    ('why=True answers SELECT and ASK queries', '--why answers SELECT and ASK queries')
    """

    def __init__(self, message: str = "", *, parameter: str | None = None):
        self.template, self.parameter = message, parameter
        super().__init__(self.worded(lambda name: name))

    def worded(self, spell: Callable[[str], str]) -> str:
        """The message, with its parameter written by ``spell`` (the CLI: the flag)."""
        return self.template.replace("{parameter}", spell(self.parameter)) if self.parameter else self.template


class InputError(CaseGraphError):
    """A file, argument or record that casegraph cannot use (missing, empty, malformed)."""


class ParseError(InputError):
    """An RDF file that does not parse; the message names the file and the line."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path, self.line, self.reason = path, line, reason
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class QueryError(InputError):
    """A SPARQL query that does not parse or cannot run; the message gives line and column."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None, syntax: bool = True,
                 verb: str | None = None, parameter: str | None = None):
        self.reason, self.line, self.column = reason, line, column
        where = f"line {line}, column {column}: " if line else ""
        heading = "SPARQL " + (verb or ("syntax error" if syntax else "query failed"))
        super().__init__(f"{heading}: {where}{reason}", parameter=parameter)


class NotFoundError(CaseGraphError):
    """A name that matches no entity (of the ``kind`` asked for); ``suggestions`` holds the nearest names, and
    ``elsewhere`` what the name designates among other kinds."""

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = (), *, kind: str = "entity",
                 elsewhere: list[str] | tuple[str, ...] = ()):
        self.name, self.suggestions, self.kind, self.elsewhere = name, list(suggestions), kind, list(elsewhere)
        other = f" (it names {', '.join(self.elsewhere)})" if self.elsewhere else ""
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {kind} named {name!r}{other}{hint}")


class AmbiguousNameError(CaseGraphError):
    """A name that matches several entities; ``candidates`` maps IRI to label."""

    def __init__(self, name: str, candidates: dict[str, str]):
        self.name, self.candidates = name, dict(candidates)
        ranked = sorted(candidates.items(), key=lambda kv: kv[1])
        listed = ", ".join(f"{label!r} <{iri}>" for iri, label in ranked[:6])
        more = f" and {len(ranked) - 6} more" if len(ranked) > 6 else ""
        super().__init__(f"{name!r} names several entities: {listed}{more}; give the full name or the IRI")


class SourceError(InputError):
    """Facts offered without a usable source (casegraph stores no sourceless fact)."""
