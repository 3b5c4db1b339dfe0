"""Queries answered by the store's own engine in worker processes, which can be ended at the time limit.

An Oxigraph query runs in Rust, out of reach of the exception the server raises in a thread that passes its
time limit (see ``run_limited``). So on a store that other processes may open read-only (an ``oxigraph:PATH``
store served without ``--allow-update``), each query goes to one of a few worker processes, each with the store
open read-only; the worker answers in the format asked for, serialised by Oxigraph itself. A worker that passes
the time limit is killed, which really stops its query, and a new one takes its place.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from dataclasses import dataclass

from ..errors import CaseGraphError


def _work(spec, connection) -> None:
    """A worker's life: open the store read-only, then answer requests until the pipe closes."""
    from ..stores import TooManyRows, open_store

    try:
        store = open_store(spec, read_only=True)
    except Exception as e:  # noqa: BLE001 - the server says why no query can be answered
        connection.send(("failed", f"the query worker cannot open the store: {e}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        try:
            outcome = ("ok", store.answer(**request))
        except TooManyRows as e:
            outcome = ("too many", e.rows)
        except CaseGraphError as e:
            outcome = ("refused", str(e))
        except Exception as e:  # noqa: BLE001 - sent to the server, which answers 500
            outcome = ("failed", f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
        connection.send(outcome)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, spec):
        self.spec = spec
        self.start()

    def wait_until_ready(self, seconds: float = 120) -> str | None:
        """Block until the worker has the store open; None when it is ready, else why not."""
        if self.ready:
            return None
        if not self.connection.poll(seconds):
            return f"the query worker did not start in {seconds:g} s"
        outcome, value = self.connection.recv()
        self.ready = outcome == "ready"
        return None if self.ready else str(value)

    def start(self) -> None:
        self.ready = False
        # spawn, not fork: the parent has threads (uvicorn's, the query threads), which a fork would copy stuck.
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_work, args=(self.spec, child), daemon=True,
                                       name="casegraph-query-worker")
        self.process.start()
        child.close()

    def restart(self) -> None:
        self.stop()
        self.start()

    def stop(self) -> None:
        self.connection.close()
        self.process.kill()
        self.process.join(10)


@dataclass
class Answer:
    """What a worker made of a request: ``outcome`` (ok, too many, refused, failed, timeout) and its value."""

    outcome: str
    value: object


class WorkerPool:
    """``size`` workers on the store ``spec``; a request waits for a free one."""

    def __init__(self, spec, size: int = 2):
        self.workers = [_Worker(spec) for _ in range(size)]
        self._free: asyncio.Queue | None = None

    async def answer(self, request: dict, seconds: float) -> Answer:
        """Send ``request`` (the keyword arguments of ``Store.answer``) to a free worker; an ``Answer`` whose
        outcome is ok, too many, refused, failed or timeout."""
        if self._free is None:  # made in the event loop that serves the requests
            self._free = asyncio.Queue()
            for worker in self.workers:
                self._free.put_nowait(worker)
        worker = await self._free.get()
        loop = asyncio.get_running_loop()
        try:
            # Starting (imports, opening the store) is not the query's time: wait for it apart.
            trouble = await loop.run_in_executor(None, worker.wait_until_ready)
            if trouble:
                worker.restart()
                return Answer("failed", trouble)
            worker.connection.send(request)
            if not await loop.run_in_executor(None, worker.connection.poll, seconds):
                worker.restart()  # ending the process is what stops a query running inside Oxigraph
                return Answer("timeout", seconds)
            outcome, value = worker.connection.recv()
            return Answer(outcome, value)
        except (EOFError, OSError) as e:  # the worker died (out of memory, killed from outside)
            worker.restart()
            return Answer("failed", f"the query worker stopped ({type(e).__name__})")
        finally:
            self._free.put_nowait(worker)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
