"""The ``casegraph`` command: thin wrappers that call the CaseGraph facade and format what it returns.

Exit codes: 0 success; 1 the graph fails validation, or a query has no result; 2 a usage or input error
(bad file, bad query, unknown name). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import csv
import io as _io
import json
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import click

from .errors import CaseGraphError, InputError
from .graph import CaseGraph
from .io import FORMATS, normalise_format
from .query import QueryResult, saved_queries
from .resources import data_dir
from .validation import compact

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Group(click.Group):
    """Turns every casegraph error into one line on stderr and its exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CaseGraphError as e:
            click.echo(f"casegraph: error: {e}", err=True)
            sys.exit(e.exit_code)
        except BrokenPipeError:
            # The reader went away (`casegraph query ... | head`): stop quietly, as other filters do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FAILED)
        except OSError as e:  # e.g. an output folder that cannot be written
            click.echo(f"casegraph: error: {e.filename or ''}: {e.strerror or e}", err=True)
            sys.exit(EXIT_USAGE)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path), metavar="PATH",
              help="RDF file or folder to open instead of the bundled data (repeatable).")
@click.version_option(package_name="casegraph")
@click.pass_context
def cli(ctx, data):
    """Legal-case knowledge graphs: sourced facts, SPARQL, validation and exports."""
    ctx.obj = {"data": list(data)}


def _open(ctx) -> CaseGraph:
    return CaseGraph.open(ctx.obj["data"] or None)


def _plain_json(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_plain_json))


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
    click.echo("validation: conforms")
    for fmt in formats:
        path = out / f"casegraph{FORMATS[fmt][1]}"
        cg.export(fmt, path)
        click.echo(f"wrote {path}")


# --- query -------------------------------------------------------------------------------------------

def _query_text(query: str) -> tuple[str | None, str]:
    """(saved query name or None, SPARQL text) for what the user typed."""
    queries = saved_queries()
    if query in queries:
        return query, queries[query].text
    path = Path(query)
    if query.endswith(".rq") or (path.suffix and path.exists()):
        try:
            return None, path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{query}: no such file") from None
    if not any(ch.isspace() for ch in query.strip()) and "{" not in query:
        raise InputError(f"{query!r} is neither a saved query nor a file; saved queries: {', '.join(queries)}")
    return None, query


def _cell(value) -> str:
    if value is None:
        return ""
    text = compact(value) if isinstance(value, str) and value.startswith(("http://", "https://")) else value
    if isinstance(text, (date, datetime)):
        text = text.isoformat()
    return str(text).replace("\n", " ")


def format_rows(result: QueryResult, fmt: str) -> str:
    """SELECT rows as an aligned table, CSV, TSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2, default=_plain_json)
    if fmt in ("csv", "tsv"):
        buffer = _io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow(["" if row[v] is None else _plain_json(row[v]) if not isinstance(row[v], str)
                             else row[v] for v in result.vars])
        return buffer.getvalue().rstrip("\n")
    table = [[_cell(row[v]) for v in result.vars] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in table]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.vars, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in table]
    return "\n".join(lines)


@cli.command()
@click.argument("query", required=False)
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json"]), help="How to print SELECT rows.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A saved query's parameter (entity names are resolved like describe).")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and exit.")
@click.pass_context
def query(ctx, query, fmt, params, list_saved):
    """Run SPARQL: inline text, a .rq file, or a saved query by name.

    Examples: casegraph query who-said-what;
    casegraph query statements-by --param speaker=Al-Dahle --format json;
    casegraph query "SELECT ?case ?docket WHERE { ?case cg:docketNumber ?docket }"
    """
    if list_saved or not query:
        if not list_saved:
            raise click.UsageError("give a query (text, file or saved name), or --list")
        for name, saved in saved_queries().items():
            args = " ".join(f"--param {p.name}=…" for p in saved.params)
            click.echo(f"{name:28} {saved.title}{'  [' + args + ']' if args else ''}")
        return
    cg = _open(ctx)
    name, text = _query_text(query)
    bindings = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        bindings[key] = value
    if name:
        result = cg.saved(name, **bindings)
    elif bindings:
        raise click.BadParameter("parameters apply to saved queries only", param_hint="--param")
    else:
        result = cg.query(text)
    if result.kind == "ASK":
        click.echo("yes" if result.boolean else "no")
    elif result.graph is not None:
        click.echo(result.graph.serialize(format="turtle" if fmt == "table" else "json-ld" if fmt == "json"
                                          else "nt").rstrip())
    else:
        click.echo(format_rows(result, fmt))
    if result.empty:
        click.echo("casegraph: the query returned no result", err=True)
        sys.exit(EXIT_FAILED)


# --- describe, statements ------------------------------------------------------------------------------

def _source_note(sources) -> str:
    urls = [s.url or s.graph for s in sources]
    return "; ".join(urls)


@cli.command()
@click.argument("name")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Language for labels and texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the description as JSON.")
@click.pass_context
def describe(ctx, name, lang, as_json):
    """Every fact about an entity, each with its source and status.

    Example: casegraph describe "Al-Dahle" --lang fr
    """
    description = _open(ctx).describe(name, lang=lang)
    if as_json:
        _emit_json(description.to_dict())
        return
    click.echo(f"{description.label}  <{description.iri}>")
    click.echo(f"  class: {', '.join(description.classes) or '-'}")
    for language, labels in sorted(description.labels.items()):
        click.echo(f"  label{'@' + language if language else ''}: {' | '.join(labels)}")
    if description.aliases:
        click.echo(f"  also: {' | '.join(description.aliases)}")
    for fact in description.facts:
        arrow = "←" if fact.direction == "in" else "→"
        extras = [x for x in (fact.value_kind, fact.date, fact.status and f"status: {fact.status}") if x]
        extra = f"  ({', '.join(extras)})" if extras else ""
        click.echo(f"  {arrow} {fact.predicate_label}: {fact.value_label}{extra}")
        click.echo(f"      source: {_source_note(fact.sources)}")


@cli.command()
@click.option("--speaker", help="Only statements by this entity.")
@click.option("--mentions", help="Only statements that mention this entity.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Preferred wording.")
@click.option("--json", "as_json", is_flag=True, help="Print the statements as JSON.")
@click.pass_context
def statements(ctx, speaker, mentions, lang, as_json):
    """Who said what, to whom, when, with the source of each wording.

    Example: casegraph statements --speaker Al-Dahle --mentions Mistral
    """
    views = _open(ctx).statements(speaker=speaker, mentions=mentions, lang=lang)
    if as_json:
        _emit_json([v.to_dict() for v in views])
    for view in [] if as_json else views:
        who = ", ".join(label for _iri, label in view.speaker) or "?"
        to = ", ".join(label for _iri, label in view.addressees)
        click.echo(f"{view.date or 'undated'}  {who}{' → ' + to if to else ''}")
        for wording in view.wordings or view.paraphrases:
            kind = "" if view.wordings else " (paraphrase)"
            click.echo(f"    [{wording.lang or '-'}]{kind} {wording.text}")
            click.echo(f"        source: {wording.source.url or wording.source.graph}")
        if view.mentions:
            click.echo(f"    mentions: {', '.join(label for _iri, label in view.mentions)}")
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
        _emit_json({"conforms": report.conforms, "results": [
            {"focus": r.focus, "label": r.focus_label, "path": r.path, "rule": r.rule,
             "constraint": r.constraint, "severity": r.severity, "graphs": list(r.graphs)} for r in report.results]})
    else:
        click.echo(report.text)
    sys.exit(EXIT_OK if report.conforms else EXIT_FAILED)


@cli.command()
@click.option("--format", "fmt", required=True, help=f"One of: {', '.join(FORMATS)}.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.pass_context
def export(ctx, fmt, output):
    """Write the graph as TriG, N-Quads, JSON-LD (named graphs kept), Turtle or N-Triples (merged).

    Example: casegraph export --format nquads -o kadrey.nq
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


def main() -> None:
    """Entry point of the ``casegraph`` console script."""
    cli(prog_name="casegraph")
