"""The ``casegraph`` command: thin wrappers that call the CaseGraph facade and format what it returns.

Exit codes: 0 success; 1 the graph fails validation, sources disagree with no explanation (``conflicts``),
or a query has no result; 2 a usage or input error
(bad file, bad query, unknown name). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import csv
import io as _io
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from . import io
from .analysis.algorithms import NoPathError
from .errors import CaseGraphError, InputError
from .extras import MissingExtraError, extra_of
from .graph import CaseGraph
from .io import FORMATS, GRAPH_FORMATS, normalise_format, write_atomically
from .query import QueryResult, saved_queries
from .resources import data_dir
from .results import WHY, json_ready, to_data
from .stores import StoreSpec, describe_recovery
from .validation import compact
from .vocab import PREFIXES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: the exit code of each kind of casegraph error: the first class the error is an instance of
EXIT_CODES = ((NoPathError, EXIT_FAILED), (CaseGraphError, EXIT_USAGE))
#: the library's arguments (and calls) whose words here are not their own name with dashes
FLAGS = {"max_bytes": "--max-size", "start": "--from", "end": "--to",
         "CaseGraph.load()": "casegraph --store STORE load FILES"}


def flag(parameter: str) -> str:
    """The command line's word for a library argument as an error names it: ``max_bytes=`` -> ``--max-size``."""
    name = parameter.split("=", 1)[0]
    return FLAGS.get(name, "--" + name.replace("_", "-"))


def exit_code(error: CaseGraphError) -> int:
    return next(code for cls, code in EXIT_CODES if isinstance(error, cls))


class Group(click.Group):
    """Turns every casegraph error, and click's own usage errors, into one line on stderr and its exit code."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as e:  # usage errors: click would print three lines of usage
            hint = f" (see {e.ctx.command_path} --help)" if isinstance(e, click.UsageError) and e.ctx else ""
            click.echo(f"casegraph: error: {e.format_message()}{hint}", err=True)
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("casegraph: aborted", err=True)
            sys.exit(EXIT_FAILED)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CaseGraphError as e:
            click.echo(f"casegraph: error: {e.worded(flag)}", err=True)
            sys.exit(exit_code(e))
        except ModuleNotFoundError as e:  # an optional part's package (serve, ingest...): name its extra
            if extra_of(e.name) is None:
                raise
            error = MissingExtraError(e.name.split(".", 1)[0], extra_of(e.name))
            click.echo(f"casegraph: error: {error}", err=True)
            sys.exit(exit_code(error))
        except BrokenPipeError:
            # The reader went away (`casegraph query ... | head`): stop quietly, as other filters do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FAILED)
        except OSError as e:  # e.g. an output folder that cannot be written
            where = f"{e.filename}: " if e.filename else ""
            click.echo(f"casegraph: error: {where}{e.strerror or e}", err=True)
            sys.exit(EXIT_USAGE)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
              help="RDF file or folder to open instead of the bundled data (repeatable).")
@click.option("--with", "extra", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
              help="RDF file or folder to open on top of the bundled data or --data, such as the graphs "
                   "`ingest --accept` wrote (repeatable).")
@click.option("--store", "store", envvar="CASEGRAPH_STORE", metavar="STORE",
              help="memory (default: the bundled data or --data, read at each run), oxigraph (the same, in "
                   "Oxigraph: faster on big graphs), oxigraph:PATH (a store on disk) or "
                   "sparql:QUERY_URL[,UPDATE_URL] (a SPARQL 1.1 server); fill the last two with `load`. "
                   "Also CASEGRAPH_STORE.")
@click.option("--infer", "infer", is_flag=True,
              help="Derive relations with the ontology's rules after loading (see the infer command).")
@click.option("--min-confidence", type=click.Choice(["H", "M", "L"], case_sensitive=False),
              help="Answer from the sources rated this high or higher only (H court record or several outlets, "
                   "M one reputable outlet, L aggregator or blog).")
@click.option("--publisher", "publishers", multiple=True, metavar="NAME",
              help="Answer from this publisher's documents only (repeatable).")
@click.option("--exclude-publisher", "exclude_publishers", multiple=True, metavar="NAME",
              help="Leave this publisher's documents out (repeatable).")
@click.option("--source", "sources", multiple=True, metavar="URL",
              help="Answer from this document only (its URL or graph IRI; repeatable).")
@click.option("--exclude-source", "exclude_sources", multiple=True, metavar="URL",
              help="Leave this document out (its URL or graph IRI; repeatable): does the answer still hold?")
@click.option("--method", "methods", multiple=True, type=click.Choice(["curated", "extracted", "inferred"]),
              help="Answer from graphs made this way only (repeatable).")
@click.option("--known-on", "known_on", metavar="DATE",
              help="Answer from the sources published on or before DATE (YYYY-MM-DD) only: what could be known "
                   "then. Undated sources are left out, and the command says how many.")
@click.option("--as-of", "as_of", metavar="DATE",
              help="Answer with the cases as they stood on DATE (YYYY-MM-DD): events, rulings and statements "
                   "dated later left out, and each case's status worked out from its events up to DATE.")
@click.option("--queries", "query_folders", multiple=True, type=click.Path(path_type=Path), metavar="DIR",
              help="A folder of your own saved queries (*.rq), added to casegraph's (repeatable).")
@click.version_option(package_name="casegraph")
@click.pass_context
def cli(ctx, data, extra, store, infer, min_confidence, publishers, exclude_publishers, sources, exclude_sources,
        methods, known_on, as_of, query_folders):
    """Legal-case knowledge graphs: sourced facts, SPARQL, validation, graph analysis and exports."""
    from .provenance import SourceSelection, parse_day

    selection = SourceSelection(min_confidence=min_confidence, publishers=publishers,
                                exclude_publishers=exclude_publishers, sources=sources,
                                exclude_sources=exclude_sources, methods=methods, known_on=known_on)
    ctx.obj = {"data": list(data), "with": list(extra), "infer": infer, "store": store, "selection": selection,
               "as_of": parse_day(as_of) if as_of else None, "queries": list(query_folders)}


def _open(ctx, *, write: bool = False) -> CaseGraph:
    """The graph a command works on; a persistent store is opened read-only unless the command writes into it
    (``--infer`` does), so that readers run beside ``casegraph serve``."""
    spec = StoreSpec.parse(ctx.obj.get("store"))
    if spec.persistent and (ctx.obj["data"] or ctx.obj["with"]):
        raise click.UsageError(f"--data and --with read files into memory; to put files into {spec}, "
                               "use: casegraph --store STORE load FILES")
    cg = CaseGraph.open(ctx.obj["data"] or None, store=spec, read_only=not (write or ctx.obj.get("infer")))
    cg.query_folders = ctx.obj.get("queries", [])
    ctx.call_on_close(cg.close)
    _held_until_exit(cg)
    if cg.recovered:
        click.echo(f"casegraph: {describe_recovery(cg.recovered)}", err=True)
    # A folder that `ingest --accept --into` has not written into yet adds nothing, rather than failing.
    extra = [p for p in ctx.obj.get("with", []) if not (p.is_dir() and not any(p.iterdir()))]
    if extra:
        cg.load(*extra)
    if ctx.obj.get("infer"):
        cg.infer()
    if _view_asked(ctx):
        if write:
            _refuse_view(ctx)
        cg = cg.view_of(ctx.obj["selection"], as_of=ctx.obj["as_of"])
        chosen = cg.selection
        if chosen.left_out:
            undated = f"; {len(chosen.undated)} undated left out by --known-on" if chosen.undated else ""
            click.echo(f"casegraph: answering from {len(chosen.graphs)} of "
                       f"{len(chosen.graphs) + len(chosen.left_out)} sources{undated}", err=True)
        if cg.as_of is not None:
            click.echo(f"casegraph: {cg.as_of.summary()}", err=True)
    return cg


def _view_asked(ctx) -> bool:
    """Whether the global options ask for a view: chosen sources, or the cases as of a day."""
    selection = ctx.obj.get("selection")
    return (selection is not None and not selection.everything) or ctx.obj.get("as_of") is not None


def _refuse_view(ctx) -> None:
    command = ctx.invoked_subcommand or ctx.info_name
    hint = " (for derived relations in a view, add --infer to the command that reads)" if command == "infer" else ""
    raise click.UsageError(f"the source options (--min-confidence, --known-on, --as-of ...) choose what a command "
                           f"reads, and `{command}` writes into the graph{hint}")


def _emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=json_ready))


def _emit(result) -> None:
    """Print a result as JSON: its ``to_dict()``, the one shape the library, the CLI and the server share."""
    _emit_json(to_data(result))


# --- build ---------------------------------------------------------------------------------------------

@cli.command()
@click.option("--out", "out", default="casegraph-build", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write the exports into.")
@click.option("--format", "formats", multiple=True, default=("trig", "nquads", "jsonld"), show_default=True,
              type=click.Choice(list(FORMATS)), help="Export format (repeatable).")
@click.pass_context
def build(ctx, out, formats):
    """Load, validate and summarise the graph, then write its exports.

    Example: casegraph build --out casegraph-build
    """
    cg = _open(ctx)
    report = cg.validate()
    stats = cg.stats()
    click.echo(f"loaded {stats['source graphs']} source graphs: {stats['quads']} quads, "
               f"{stats['triples']} distinct triples")
    click.echo("entities: " + ", ".join(f"{n} {k}" for k, n in stats["entities by class"].items()))
    click.echo("claims: " + (", ".join(f"{n} {k}" for k, n in stats["claims by status"].items()) or "none"))
    if not report.conforms:
        click.echo(report.text, err=True)
        click.echo(f"casegraph: validation failed ({len(report.results)} problems); nothing written", err=True)
        sys.exit(EXIT_FAILED)
    warnings = len(report.results)  # a report that conforms holds warnings only (a docket no source gives yet)
    click.echo("validation: conforms" + (f", {warnings} warning{'s' if warnings > 1 else ''} (casegraph validate)"
                                         if warnings else ""))
    click.echo("conflicts: " + _conflict_counts(cg.conflicts()))
    for fmt in formats:
        path = out / f"casegraph{FORMATS[fmt][1]}"
        cg.export(fmt, path)
        click.echo(f"wrote {path}")


# --- query -------------------------------------------------------------------------------------------

def _query_text(query: str, folders) -> tuple[str | None, str]:
    """(saved query name or None, SPARQL text) for what the user typed: a saved query's name (casegraph's or of
    ``folders``), a file, or SPARQL itself (anything with a space or a brace)."""
    queries = saved_queries(folders)
    if query in queries:
        return query, queries[query].text
    if any(ch.isspace() for ch in query.strip()) or "{" in query:
        return None, query
    path = Path(query)
    if path.is_file():
        try:
            return None, path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{query}: not UTF-8 text") from None
    if query.endswith(".rq"):
        raise InputError(f"{query}: no such file")
    raise InputError(f"{query!r} is neither a saved query nor a file; saved queries: {', '.join(queries)}")


def _text(value) -> str:
    return "" if value is None else value if isinstance(value, str) else str(json_ready(value))


def _cell(value) -> str:
    if value is None:
        return ""
    text = compact(value) if isinstance(value, str) and value.startswith(("http://", "https://")) else value
    if isinstance(text, (date, datetime)):
        text = text.isoformat()
    return str(text).replace("\n", " ")


def _why_text(sources: dict, support, *, full: bool) -> list[str]:
    """A support in words, an alternative a line: URLs (with publisher and date when ``full``) joined by '+'."""
    def document(graph: str) -> str:
        ref = sources.get(graph)
        if ref is None:
            return graph
        about = ", ".join(x for x in (ref.publisher, ref.issued) if x) if full else ""
        return f"{ref.url or graph}{f' ({about})' if about else ''}"

    if not support.alternatives:
        return ["no source found"]
    if support.alternatives == ((),):
        return ["needs no source (the query's own values)"]
    return [" + ".join(document(g) for g in way) for way in support.alternatives]


def _why_lines(sources: dict, support, indent: str = "    ") -> list[str]:
    """A support under its row in a table: each way the row holds on its own line (any one suffices)."""
    lead = "from all of: " if support.aggregate else "from: "
    return [indent + ("or:   " if i else lead) + way for i, way in enumerate(_why_text(sources, support, full=True))]


def format_rows(result: QueryResult, fmt: str) -> str:
    """SELECT rows as an aligned table, CSV, TSV or JSON (a list of objects); with the sources of each row when
    the result was asked ``why``."""
    why = result.why if isinstance(result.why, list) else None
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=json_ready)
    names = result.vars + ([WHY] if why is not None else [])
    cells = [[row[v] for v in result.vars] + ([" | ".join(_why_text(result.sources, support, full=False))]
                                              if why is not None else [])
             for row, support in zip(result.rows, why or [None] * len(result.rows))]
    if fmt == "csv":
        buffer = _io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        for row in cells:
            writer.writerow([_text(value) for value in row])
        return buffer.getvalue().removesuffix("\n")  # a row that binds nothing is an empty line, kept
    if fmt == "tsv":
        # Tab-separated values have no quoting: tabs and line breaks inside a value are escaped instead.
        escape = lambda value: _text(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")  # noqa: E731
        return "\n".join(["\t".join(names)] + ["\t".join(escape(value) for value in row) for row in cells])
    table = [[_cell(row[v]) for v in result.vars] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in table]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.vars, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for n, r in enumerate(table):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if why is not None:
            lines += _why_lines(result.sources, why[n])
    return "\n".join(lines)


@cli.command()
@click.argument("query", required=False)
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json"]), help="How to print SELECT rows.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A saved query's parameter (entity names are resolved like describe).")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and exit.")
@click.option("--why", "why", is_flag=True,
              help="Show the source documents that make each row true: one line per alternative, the sources "
                   "of one alternative joined by '+' (a _why column in CSV and TSV, a _why key in JSON).")
@click.pass_context
def query(ctx, query, fmt, params, list_saved, why):
    """Run SPARQL: inline text, a .rq file, or a saved query by name.

    Examples: casegraph query who-said-what;
    casegraph query statements-by --param speaker=Al-Dahle --format json;
    casegraph query "SELECT ?case ?docket WHERE { ?case cg:docketNumber ?docket }"
    """
    if list_saved or not query:
        if not list_saved:
            raise click.UsageError("give a query (text, file or saved name), or --list")
        for name, saved in saved_queries(ctx.obj["queries"]).items():
            args = " ".join(f"--param {p.name}=…" for p in saved.params)
            click.echo(f"{name:28} {saved.title}{'  [' + args + ']' if args else ''}")
        return
    cg = _open(ctx)
    name, text = _query_text(query, ctx.obj["queries"])
    bindings = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        bindings[key] = value
    if name:
        result = cg.saved(name, why=why, **bindings)
    elif bindings:
        raise click.BadParameter("parameters apply to saved queries only", param_hint="--param")
    else:
        result = cg.query(text, why=why)
    if result.kind == "ASK":
        answer = bool(result.boolean)
        if fmt == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            click.echo(("yes" if answer else "no") if fmt == "table" else f"boolean\n{str(answer).lower()}")
            if why and fmt == "table":
                click.echo("\n".join(_why_lines(result.sources, result.why)))
    elif result.graph is not None:
        if fmt in ("csv", "tsv"):
            raise InputError(f"a {result.kind} query builds RDF, not rows: use --format table (Turtle) "
                             "or json (JSON-LD)")
        for prefix, iri in PREFIXES.items():
            result.graph.bind(prefix, iri, override=True, replace=True)
        click.echo(result.graph.serialize(format="turtle" if fmt == "table" else "json-ld").rstrip())
    else:
        click.echo(format_rows(result, fmt))
    if result.empty:
        click.echo("casegraph: the query returned no result", err=True)
        sys.exit(EXIT_FAILED)


# --- describe, statements ------------------------------------------------------------------------------

def _source_note(sources) -> str:
    # A fact worked out from a page rather than stated by it says so beside the page's URL.
    return "; ".join(f"{s.url or s.graph}{' (derived by hand)' if s.derived else ''}" for s in sources)


def _role_span(fact) -> str:
    if fact.until:
        return f"past: {fact.since or '?'} to {fact.until}"
    return f"since {fact.since}" if fact.since else ""


@cli.command()
@click.argument("name")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Language for labels and texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the description as JSON.")
@click.option("--why", "why", is_flag=True,
              help="Under each fact, the source documents that make it true, with publisher and date: one line "
                   "per alternative, derived relations traced to what they stand on (a _why key in JSON).")
@click.pass_context
def describe(ctx, name, lang, as_json, why):
    """Every fact about an entity, each with its source and status.

    Example: casegraph describe "Al-Dahle" --lang fr
    """
    cg = _open(ctx)
    description = cg.describe(name, lang=lang, why=why)
    sources = cg.sources() if why else {}
    if as_json:
        _emit(description)
        return
    click.echo(f"{description.label}  <{description.iri}>")
    click.echo(f"  class: {', '.join(description.classes) or '-'}")
    for language, labels in sorted(description.labels.items()):
        click.echo(f"  label{'@' + language if language else ''}: {' | '.join(labels)}")
    if description.aliases:
        click.echo(f"  also: {' | '.join(description.aliases)}")
    for fact in description.facts:
        arrow = "←" if fact.direction == "in" else "→"
        # A claim's status is already in its label ("alleged: ..."); a role shows when it held.
        extras = [x for x in (fact.value_kind, fact.date, _role_span(fact)) if x]
        extra = f"  ({', '.join(extras)})" if extras else ""
        click.echo(f"  {arrow} {fact.predicate_label}: {fact.value_label}{extra}")
        if why:
            click.echo("\n".join(_why_lines(sources, fact.why, indent="      ")))
        else:
            click.echo(f"      source: {_source_note(fact.sources)}")


@cli.command()
@click.option("--speaker", help="Only statements by this entity.")
@click.option("--mentions", help="Only statements that mention this entity.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Preferred wording.")
@click.option("--json", "as_json", is_flag=True, help="Print the statements as JSON.")
@click.option("--why", "why", is_flag=True,
              help="Under each statement, the source documents that make it true, with publisher and date: one line "
                   "per alternative, derived relations traced to what they stand on (a _why key in JSON).")
@click.pass_context
def statements(ctx, speaker, mentions, lang, as_json, why):
    """Who said what, to whom, when, with the source of each wording.

    Example: casegraph statements --speaker Al-Dahle --mentions Mistral
    """
    cg = _open(ctx)
    views = cg.statements(speaker=speaker, mentions=mentions, lang=lang, why=why)
    sources = cg.sources() if why else {}
    if as_json:
        _emit(views)
    for view in [] if as_json else views:
        who = ", ".join([label for _iri, label in view.speaker] + view.speaker_names) or "?"
        to = ", ".join(label for _iri, label in view.addressees)
        sure = "" if view.attribution_confidence is None else \
            f"  (read by a program; attribution confidence {view.attribution_confidence:.2f})"
        click.echo(f"{view.date or 'undated'}  {who}{' → ' + to if to else ''}{sure}")
        for wording in view.ordered(lang):
            kind = "" if view.wordings else " (paraphrase)"
            click.echo(f"    [{wording.lang or '-'}]{kind} {wording.text}")
            click.echo(f"        source: {wording.source.url or wording.source.graph}")
        if view.mentions:
            click.echo(f"    mentions: {', '.join(label for _iri, label in view.mentions)}")
        if why:
            click.echo("\n".join(_why_lines(sources, view.why)))
    if not views:
        click.echo("casegraph: no statement matches", err=True)
        sys.exit(EXIT_FAILED)


# --- validate, export, stats ---------------------------------------------------------------------------

@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def validate(ctx, as_json):
    """Check the graph against the SHACL shapes; exit 1 when it does not conform.

    Example: casegraph --data my-case.trig validate
    """
    report = _open(ctx).validate()
    if as_json:
        _emit(report)
    else:
        click.echo(report.text)
    sys.exit(EXIT_OK if report.conforms else EXIT_FAILED)


# --- conflicts -----------------------------------------------------------------------------------------

def _conflict_counts(report) -> str:
    return (f"{len(report.found)} between sources' values ({len(report.unexplained)} unexplained), "
            f"{len(report.recorded)} more recorded as corrections or disputes")


def format_conflicts(report) -> str:
    """The conflicts as a plain-text table: one block per subject and property, one line per value."""
    lines = [f"conflicts: {_conflict_counts(report)}"]
    for c in report.conflicts:
        status = "explained by " + c.explanation if c.explained else "UNEXPLAINED"
        lines += ["", f"{c.subject_label} · {c.property_label} · {status}"]
        for r in c.readings:
            urls = ", ".join(s.url or s.graph for s in r.sources) or "(no source named)"
            lines.append(f"    {r.value_label}  ←  {urls}")
    return "\n".join(lines)


@cli.command()
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Language for labels.")
@click.option("--json", "as_json", is_flag=True, help="Print the conflicts as JSON.")
@click.pass_context
def conflicts(ctx, lang, as_json):
    """Where sources disagree on a value that takes one; exit 1 when a disagreement is unexplained.

    A less precise value agrees with a more precise one ("2024-04" and "2024-04-18"). A conflict is
    explained by a cg:Correction or a cg:Disagreement in the data; those are listed too.

    Example: casegraph conflicts --json
    """
    report = _open(ctx).conflicts(lang)
    if as_json:
        _emit(report)
    else:
        click.echo(format_conflicts(report))
    sys.exit(EXIT_FAILED if report.unexplained else EXIT_OK)


@cli.command()
@click.option("--format", "fmt", required=True, help=f"One of: {', '.join([*FORMATS, *GRAPH_FORMATS])}.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.pass_context
def export(ctx, fmt, output):
    """Write the graph as TriG, N-Quads, JSON-LD (named graphs kept), Turtle or N-Triples (merged), or its
    networkx projection as GraphML or GEXF (for Gephi).

    Example: casegraph export --format nquads -o kadrey.nq; casegraph --infer export --format gexf -o kadrey.gexf
    """
    fmt = normalise_format(fmt)
    cg = _open(ctx)
    if output:
        cg.export(fmt, output)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(cg.export(fmt).rstrip("\n"))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def stats(ctx, as_json):
    """Counts of quads, sources, entities by class and claims by status.

    Example: casegraph stats
    """
    counts = _open(ctx).stats()
    if as_json:
        _emit_json(counts)
        return
    for key, value in counts.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for sub, n in value.items():
                click.echo(f"  {sub:32} {n}")
        else:
            click.echo(f"{key:34} {value}")
    if not ctx.obj["data"]:
        click.echo(f"(bundled data: {data_dir()})")


# --- relations -------------------------------------------------------------------------------------------

@cli.command()
@click.argument("start")
@click.argument("end")
@click.option("-k", "k", default=1, show_default=True, type=click.IntRange(1, 50), help="How many shortest paths.")
@click.option("--exclude", multiple=True, metavar="RELATION", help="Leave out a relation, by label or IRI (repeatable).")
@click.option("--no-inferred", is_flag=True, help="Leave out derived relations.")
@click.option("--collapse", is_flag=True, help="Statements and claims as edges (speaker said about X) not nodes.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the paths as JSON.")
@click.option("--why", "why", is_flag=True,
              help="Under each hop, the source documents that make it true, with publisher and date: one line "
                   "per alternative, derived relations traced to what they stand on (a _why key in JSON).")
@click.pass_context
def path(ctx, start, end, k, exclude, no_inferred, collapse, lang, as_json, why):
    """How two entities are connected: the shortest paths, each hop with its relation, date, status and source.

    Exit code 1 when no path joins them. Example: casegraph path "Mistral AI" "Kadrey v. Meta" -k 3
    """
    cg = _open(ctx)
    found = cg.path(start, end, k=k, exclude=tuple(exclude), include_inferred=not no_inferred,
                    collapse=collapse, lang=lang, why=why)
    sources = cg.sources() if why else {}
    if as_json:
        _emit(found)
        return
    for number, found_path in enumerate(found, start=1):
        if len(found) > 1:
            click.echo(f"path {number} ({len(found_path)} hops):")
        if not why:
            click.echo(found_path.explain())
        for step, hop in enumerate(found_path.hops if why else (), start=1):
            click.echo(f"{step}. {hop.explain(sources=False)}")
            click.echo("\n".join(_why_lines(sources, hop.why, indent="   ")))


@cli.command()
@click.argument("name")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 6), help="How many hops out.")
@click.option("--no-inferred", is_flag=True, help="Leave out derived relations.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the neighbourhood as JSON.")
@click.pass_context
def neighbors(ctx, name, depth, no_inferred, lang, as_json):
    """The entities around one entity, nearest first, with the count of each relation among them.

    Example: casegraph neighbors "Al-Dahle" --depth 2
    """
    ego = _open(ctx).neighbors(name, depth=depth, include_inferred=not no_inferred, lang=lang)
    if as_json:
        _emit(ego)
        return
    click.echo(f"{len(ego.nodes)} entities within {depth} hop{'s' if depth > 1 else ''}:")
    for _node, label, kind, distance in ego.nodes:
        click.echo(f"  {distance}  {label}{'  (' + kind + ')' if kind else ''}")
    click.echo("relations: " + ", ".join(f"{label} {n}" for label, n in ego.relations.most_common()))


@cli.command()
@click.option("--by", type=click.Choice(["degree", "indegree", "pagerank", "betweenness"]), default="pagerank",
              show_default=True, help="indegree: relations pointing at it (in a citation network: times cited).")
@click.option("--top", "top", default=10, show_default=True, type=click.IntRange(1, 100000))
@click.option("--all", "everything", is_flag=True, help="Rank statements, claims and events too, not only entities.")
@click.option("--backend", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True)
@click.option("--samples", type=click.IntRange(1), default=None, help="Estimate betweenness from this many sources.")
@click.option("--json", "as_json", is_flag=True, help="Print the ranking as JSON.")
@click.pass_context
def rank(ctx, by, top, everything, backend, samples, as_json):
    """The most central entities by degree, PageRank or betweenness.

    Example: casegraph rank --by pagerank --top 10
    """
    ranked = _open(ctx).rank(by, top=top, entities_only=not everything, backend=backend, samples=samples)
    if as_json:
        _emit(ranked)
        return
    width = max((len(r.label) for r in ranked), default=10)
    for position, r in enumerate(ranked, start=1):
        click.echo(f"{position:3}. {r.label:{width}}  {r.score:10.4f}  {r.kind}")


@cli.command()
@click.option("--seed", default=0, show_default=True, help="Random seed (the same seed gives the same groups).")
@click.option("--backend", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the communities as JSON.")
@click.pass_context
def communities(ctx, seed, backend, as_json):
    """Groups of densely linked entities (Louvain), each named by its most central members.

    Example: casegraph communities
    """
    groups = _open(ctx).communities(seed=seed, backend=backend)
    if as_json:
        _emit(groups)
        return
    for number, group in enumerate(groups, start=1):
        shown = ", ".join(label for _n, label in group.members[:12])
        more = f" and {len(group) - 12} more" if len(group) > 12 else ""
        click.echo(f"{number}. {group.name} ({len(group)}): {shown}{more}")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("casegraph-build/inferred.trig"),
              show_default=True, help="Where to write the inferred graph (TriG).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def infer(ctx, output, as_json):
    """Derive relations with the ontology's rules (competition, involvement, co-mention) into their own graph.

    Each derived triple has a cg:Derivation naming the rule, the supporting statements and the source graphs.
    Load the result beside the data: casegraph --data data/sources --data casegraph-build/inferred.trig ...
    Example: casegraph infer -o inferred.trig
    """
    from .analysis import INFERRED_GRAPH

    cg = _open(ctx, write=True)
    report = cg.infer()
    inferred = io.new_dataset()
    graph = inferred.graph(INFERRED_GRAPH)
    for triple in cg.dataset.graph(INFERRED_GRAPH):
        graph.add(triple)
    write_atomically(output, inferred.serialize(format="trig"))
    if as_json:
        _emit_json({"derived": report.derived, "triples": report.after, "output": str(output)})
        return
    for rule, count in report.derived.items():
        click.echo(f"{rule}: {count} derived triples")
    click.echo(f"wrote {output} ({report.after} triples, with the provenance of each derived triple)")


# --- viewer ------------------------------------------------------------------------------------------------

@cli.command()
@click.option("--focus", metavar="NAME", help="Only the entities around this one.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 6), help="Hops around --focus.")
@click.option("--case", metavar="NAME", help="Open on this case's own layout: parties on either side, judges above.")
@click.option("--include-inferred", is_flag=True,
              help="Draw derived relations too (dotted); the rules run first if they have not, and on a store "
                   "what they derive is kept there.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("casegraph.html"), show_default=True,
              help="The HTML file to write (the only file written).")
@click.option("--open", "open_it", is_flag=True, help="Open the page in the web browser.")
@click.pass_context
def view(ctx, focus, depth, case, include_inferred, lang, output, open_it):
    """Write the explorable graph as one offline HTML file: search, filters, entity cards, paths, timeline.

    Example: casegraph view --focus "Al-Dahle" --depth 2 -o al-dahle.html --open
    """
    if depth != 1 and not focus:
        raise click.UsageError("--depth needs --focus")
    from .viewer import has_derived

    cg = _open(ctx, write=include_inferred)
    if include_inferred and not has_derived(cg):
        cg.infer()  # the flag's promise (see its help): the rules run first, and what they derive is kept
    shown = cg.view(output, focus=focus, depth=depth, include_inferred=include_inferred, lang=lang, case=case)
    click.echo(f"wrote {output} ({shown.nodes} entities, {shown.edges} relations)", err=True)
    if open_it:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())


# --- the wider landscape -------------------------------------------------------------------------------------

@cli.command()
@click.option("--case", help="Only what belongs to this case.")
@click.option("--entity", help="Only what is linked to this entity.")
@click.option("--from", "start", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "end", metavar="DATE", help="Up to this date.")
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@click.option("--why", "why", is_flag=True,
              help="Under each moment, the source documents that make it true, with publisher and date: one line "
                   "per alternative, derived relations traced to what they stand on (a _why key in JSON).")
@click.pass_context
def timeline(ctx, case, entity, start, end, as_json, why):
    """Dated events, statements, filings and releases in order, each with its sources.

    Example: casegraph timeline --case "Kadrey v. Meta" --from 2025 --to 2025-06
    """
    cg = _open(ctx)
    moments = cg.timeline(case=case, entity=entity, start=start, end=end, why=why)
    sources = cg.sources() if why else {}
    if as_json:
        _emit(moments)
    for moment in [] if as_json else moments:
        click.echo(f"{moment.date:10}  {moment.kind:13}  {moment.label}")
        if why:
            click.echo("\n".join(_why_lines(sources, moment.why, indent=" " * 27)))
        else:
            click.echo(f"{'':10}  {'':13}  source: {'; '.join(moment.sources)}")
    if not moments:
        click.echo("casegraph: nothing dated matches", err=True)
        sys.exit(EXIT_FAILED)


@cli.group(name="import", cls=click.Group)
def import_():
    """Import records from other systems into source graphs of their own."""


@import_.command(name="courtlistener")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("casegraph-build/courtlistener.trig"),
              show_default=True, help="Where to write the imported graphs (TriG).")
@click.pass_context
def import_courtlistener(ctx, files, output):
    """CourtListener REST API (v4) JSON files: dockets, parties, attorneys, docket entries.

    One named graph per docket, sourced by its CourtListener page; parties and attorneys are scoped to their
    docket. Load the result beside the data with --data. Example:
    casegraph import courtlistener docket.json parties.json attorneys.json entries.json -o dockets.trig
    """
    cg = CaseGraph(store="memory")
    report = cg.import_courtlistener(files)
    write_atomically(output, cg.export("trig"))
    for graph, counts in report.cases.items():
        click.echo(f"{graph}: " + ", ".join(f"{n} {what}" for what, n in sorted(counts.items())))
    if report.skipped_dockets:
        click.echo(f"skipped records of dockets not among the files: {', '.join(map(str, report.skipped_dockets))}")
    click.echo(f"wrote {output}")




# --- stores --------------------------------------------------------------------------------------------

@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def load(ctx, files):
    """Load RDF files (TriG, N-Quads, Turtle, N-Triples, JSON-LD; folders too) into the store --store names.

    Each named graph is replaced whole; a load stopped on the way leaves whole graphs only (the next open
    drops the graph it was writing and says so). Example:
    casegraph --store oxigraph:kadrey-store load data/sources
    """
    if _view_asked(ctx):
        _refuse_view(ctx)
    spec = StoreSpec.parse(ctx.obj.get("store"))
    if not spec.persistent:
        raise click.UsageError("load writes into a store: give --store oxigraph:PATH or --store sparql:URL "
                               "(or set CASEGRAPH_STORE)")
    cg = CaseGraph(store=spec)
    ctx.call_on_close(cg.close)
    _held_until_exit(cg)
    if cg.recovered:
        click.echo(f"casegraph: {describe_recovery(cg.recovered)}", err=True)
    paths = io.rdf_files(files)
    # The bar appears once the files have parsed and the first is written, so that a bad file still gives
    # one line on stderr.
    bar = click.progressbar(length=len(paths), label=f"loading into {spec}", file=sys.stderr, show_pos=True)

    def advance(_file, _graphs, _quads):
        if not bar.entered:
            bar.__enter__()
        bar.update(1)

    try:
        report = cg.load(*paths, progress=advance).last_load
    finally:
        if bar.entered:
            bar.__exit__(None, None, None)
    graphs = sum(g for g, _q in report.files.values())
    # Not the store's new total: counting it reads every quad again (0.8 s at a million); `stats` gives it.
    click.echo(f"loaded {report.quads} quads in {graphs} graphs from {len(paths)} files into {spec} in "
               f"{report.seconds:.1f} s ({report.quads / max(report.seconds, 1e-9):,.0f} quads/s"
               f"{', compacting the store for faster reads at the end' if report.compacted else ''})")


# --- ingesting -------------------------------------------------------------------------------------------

@cli.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--lang", default="auto", show_default=True, type=click.Choice(["auto", "fr", "en"]),
              help="The document's language (auto: told from its function words).")
@click.option("--url", help="Where the document is published (default: urn:sha256 of its text).")
@click.option("--published", metavar="YYYY-MM-DD", help="When it was published.")
@click.option("--title", help="Its title (default: its first line, when short).")
@click.option("--publisher", help="Who published it (default: the URL's host).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document described in the README.")
@click.option("--accept", is_flag=True, help="Write the extracted graph: into the --store when it is persistent, "
                                            "else as one TriG file into --into.")
@click.option("--into", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for accepted graphs (default: the first --data folder, else casegraph-data/ingested).")
@click.option("--max-size", default=5.0, show_default=True, type=click.FloatRange(0.001), metavar="MB",
              help="Refuse larger files.")
@click.pass_context
def ingest(ctx, file, lang, url, published, title, publisher, as_json, accept, into, max_size):
    """Read an article or filing: known entities it mentions, quotations (speaker, date), new names and
    citations, each with its character offsets. Nothing is written without --accept.

    Example: casegraph ingest article.txt --url https://example.org/a --published 2025-01-10 --accept
    """
    cg = _open(ctx, write=accept)
    found = cg.ingest(file, lang=lang, url=url, published=published, title=title, publisher=publisher,
                      max_bytes=int(max_size * 1_000_000))
    written = None
    if accept and cg.store.persistent and into is None:
        # A persistent store is the graph itself: the document's graph goes into it, replacing an earlier reading.
        click.echo(f"added {cg.accept(found)} to {cg.store}", err=True)
    elif accept:
        folder = into or next((p for p in ctx.obj["data"] if p.is_dir()), Path("casegraph-data/ingested"))
        written = folder / f"ingested-{found.source.key}.trig"
        alone = CaseGraph(store="memory")  # the file holds the document's graph only, to load beside the data
        alone.accept(found)
        write_atomically(written, alone.export("trig"))
    if as_json:
        _emit(found)
    else:
        click.echo(_review(found))
    if written:
        click.echo(f"wrote {written}; open it with: casegraph --with {written.parent} ...", err=as_json)


def _review(found) -> str:
    """The terminal review of an ingestion: one table per kind of finding."""
    src = found.source
    lines = [f"{found.file or 'text'}: {found.characters} characters, {src.language}, sha256 {found.sha256[:12]}…,"
             f" graph {compact(str(found.graph_iri))}"]

    def table(title, headers, rows):
        lines.append("")
        lines.append(f"{title} ({len(rows)})")
        if not rows:
            return
        rows = [[str(c) if c is not None else "" for c in r] for r in rows]
        widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(headers)]
        clip = lambda c, w: c if len(c) <= w else c[: w - 1] + "…"  # noqa: E731
        lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
        lines.extend("  ".join(clip(c, w).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)

    table("mentions of known entities", ["at", "text", "entity"],
          [[f"{m.start}-{m.end}", m.text, m.label or "ambiguous: " + ", ".join(map(compact, m.ambiguous))]
           for m in found.mentions if m.linked])
    table("possible matches (not linked)", ["at", "text", "may be", "score", "context"],
          [[f"{m.start}-{m.end}", m.text, ", ".join(compact(e) for e, _s in m.possible),
            f"{max(s for _e, s in m.possible):.2f}", m.evidence or ""] for m in found.mentions if not m.linked])
    table("quotations", ["at", "speaker or source", "confidence", "date", "kind", "known", "text"],
          [[f"{q.start}-{q.end}", q.speaker or (q.cited[0] if q.cited else "?"),
            None if q.confidence is None else f"{q.confidence:.2f}", q.date, q.kind,
            compact(q.known_statement or ""), q.text] for q in found.quotes])
    table("new names (candidates)", ["at", "text", "class", "found by", "times"],
          [[f"{c.start}-{c.end}", c.text, c.proposed_class, c.found_by, len(c.occurrences)]
           for c in found.candidates])
    table("citations", ["at", "text", "kind", "case"],
          [[f"{c.start}-{c.end}", c.text, c.kind, compact(c.case or "")] for c in found.citations])
    decision = found.decision
    if decision:
        lines += ["", f"this text is a decision: {decision.name or '?'}; {', '.join(decision.citations) or 'no citation of its own'}"
                      f"; {decision.date or 'undated'}; {decision.court_name or 'court not read'}"
                      f"{'; case ' + compact(decision.case) if decision.case else ''}"]
    table("decisions cited", ["decision", "citations", "year"],
          [[d.name or "?", ", ".join(d.citations), d.date] for d in found.cited])
    if found.pseudonyms:
        hidden = found.pseudonymised_persons
        lines += ["", f"pseudonymised persons and companies ({len(hidden)}), never linked nor proposed as new names: "
                      f"{', '.join(hidden) or 'none'}"]
    if found.warnings:
        lines += ["", f"{len(found.warnings)} warning(s) from the citation reader (in --json: warnings)"]
    return "\n".join(lines)


# --- serving ---------------------------------------------------------------------------------------------

@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.01), help="Seconds per query.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1), help="Rows or triples per answer.")
@click.option("--max-body", default=256 * 1024, show_default=True, type=click.IntRange(1), help="Bytes per request body.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update from clients that send the token.")
@click.option("--token", envvar="CASEGRAPH_TOKEN", help="The update token (or CASEGRAPH_TOKEN); clients send "
                                                        "'Authorization: Bearer TOKEN'.")
@click.option("--get", "target", metavar="PATH", help="Answer one GET request in process, print it and exit.")
@click.pass_context
def serve(ctx, host, port, timeout, max_rows, max_body, allow_update, token, target):
    """A SPARQL 1.1 endpoint (/sparql), a query page (/query), the viewer (/) and a JSON API (/api/...).

    Read-only unless --allow-update with a token. Example: casegraph serve --port 8000
    """
    from .server import Limits, create_app, get

    if allow_update and not token:
        raise click.UsageError("--allow-update needs --token (or CASEGRAPH_TOKEN)")
    app = create_app(_open(ctx, write=allow_update), limits=Limits(timeout, max_rows, max_body), allow_update=allow_update, token=token)
    if target:
        status, _headers, body = get(app, target)
        click.echo(body.decode("utf-8", "replace"), nl=not body.endswith(b"\n"))
        sys.exit(EXIT_OK if status < 400 else EXIT_USAGE)
    import uvicorn

    if host not in ("127.0.0.1", "::1", "localhost"):
        click.echo(f"casegraph: warning: binding {host}: other machines can query this graph", err=True)
    click.echo(f"casegraph: serving on http://{host}:{port}/ (SPARQL at /sparql, queries at /query)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


#: in the console script (see main), the graphs its command opened, freed with the process and not before
_HELD: list[CaseGraph] | None = None


def _held_until_exit(cg: CaseGraph) -> None:
    if _HELD is not None:  # not when `cli` is called from Python (the tests), where they must be freed
        _HELD.append(cg)


def main() -> None:
    """Entry point of the ``casegraph`` console script."""
    global _HELD
    _HELD = []
    try:
        cli(prog_name="casegraph")
        status = EXIT_OK
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else EXIT_FAILED
        if isinstance(e.code, str):
            click.echo(e.code, err=True)
    # A command's graph, projection and indexes are millions of small objects that Python would free one by one
    # on its way out (0.15 s after a `path` at 300,000 quads, more than the path search). By now every store is
    # closed (click closed the command's context) and only the output is left to flush: the process then ends
    # without freeing them. Tests call `cli`, never this.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        status = status or EXIT_FAILED
    os._exit(status)
