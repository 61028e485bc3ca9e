"""Where a build's batches run: a local process pool, or a dask cluster.

Both engines take the same batch function and give back its results as they complete; the
build keeps at most two batches per worker in flight, so memory is bounded by the batch.
Workers end with the build even when it is killed (:mod:`kratom_dataset.lifeline`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any, Literal, Protocol

from .errors import EngineError
from .lifeline import die_with_parent

EngineName = Literal["local", "dask"]


class Pending(Protocol):
    def result(self) -> Any: ...


class Engine(Protocol):
    """Runs ``fn(*args)`` somewhere and says which of the submitted calls are done."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending: ...

    def completed(self, pending: list[Pending]) -> list[Pending]: ...

    def close(self) -> None: ...


class _Done:
    """A result computed right away, for a build with one worker (no pool to start)."""

    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value


class LocalEngine:
    """A process pool of ``workers`` processes; with one worker, batches run in this process."""

    def __init__(self, workers: int):
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) if workers > 1 else None

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending:
        return self._pool.submit(fn, *args) if self._pool else _Done(fn(*args))

    def completed(self, pending: list[Pending]) -> list[Pending]:
        if self._pool is None:
            return pending
        futures = [p for p in pending if isinstance(p, Future)]
        done, _ = wait(futures, return_when=FIRST_COMPLETED)
        return list(done)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


class DaskEngine:
    """A ``dask.distributed`` client: of a ``LocalCluster`` of ``workers`` processes, or of the
    scheduler at ``scheduler`` (an address such as ``tcp://host:8786``, or a scheduler file)."""

    def __init__(self, workers: int, scheduler: str | None):
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                "the dask engine needs dask.distributed", hint="Install it with: pip install 'kratom-dataset[dask]'"
            ) from None
        self._cluster = None
        if scheduler is None:
            # The worker's statistical profiler samples the task thread every 10 ms; batches are
            # pure Python holding the GIL, so it only slows them down.
            # dask also starts workers with glibc's MALLOC_TRIM_THRESHOLD_ set, which turns off
            # glibc's adaptive thresholds; a batch allocates and frees a lot, and without the
            # setting the workers spend less time in the kernel. Memory stays bounded by the batch.
            settings = {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
            with dask.config.set(settings):
                self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, preload=["kratom_dataset.lifeline"]
                )
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            self._client = connect(scheduler)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending:
        future: Pending = self._client.submit(fn, *args, pure=False)
        return future

    def completed(self, pending: list[Pending]) -> list[Pending]:
        from dask.distributed import wait as dask_wait

        return list(dask_wait(pending, return_when="FIRST_COMPLETED").done)  # type: ignore[no-untyped-call]

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


def start(engine: str, workers: int, scheduler: str | None = None) -> Engine:
    """The engine named ``engine`` (``local`` or ``dask``), started."""
    if engine == "local":
        return LocalEngine(workers)
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    raise EngineError(f"unknown engine {engine!r}", hint="Use --engine local or --engine dask.")


def connect(scheduler: str) -> Any:
    """A dask client of the scheduler at an address (``tcp://host:8786``) or named by a scheduler file."""
    from dask.distributed import Client

    start = "Start one with `dask scheduler --scheduler-file PATH` (and `dask worker --scheduler-file PATH`), or give its address."
    is_address = scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")) or ":" in scheduler and not Path(scheduler).exists()
    if not is_address and not Path(scheduler).is_file():
        # dask would wait for the file to appear, with no end
        raise EngineError("no dask scheduler file there.", where=scheduler, hint=start)
    try:
        return Client(scheduler) if is_address else Client(scheduler_file=scheduler)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:
        raise EngineError(
            f"could not reach the dask scheduler ({exc}).",
            where=scheduler,
            hint=f"Check that it is running and reachable from here. {start}",
        ) from None
