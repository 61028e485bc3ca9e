"""Worker processes that end with the build that started them.

A build killed with SIGKILL runs no clean-up, so its pool workers would live on under PID 1,
holding memory. Each worker ties its life to its parent's: on Linux the kernel sends it SIGKILL
when the parent dies (``PR_SET_PDEATHSIG``); elsewhere a daemon thread notices the parent is
gone and exits. The local process pool runs :func:`die_with_parent` as its initializer; dask
workers run it as a preload (:func:`dask_setup`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Make this process end when its parent does."""
    parent = os.getppid()
    if not _pdeathsig():
        threading.Thread(target=_watch, args=(parent,), name="kratom-dataset-lifeline", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)


def dask_setup(worker: object = None) -> None:
    """The dask preload hook: a worker of a cluster the build started ends with the build."""
    die_with_parent()


def _pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        status: int = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)  # prctl's int, 0 on success
        return status == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
