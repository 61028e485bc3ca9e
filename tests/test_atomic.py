"""Atomic, immutable releases: a killed build leaves nothing half-written; builds never interleave."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import PROCESSED, RAW
from kratom_dataset.release import publish_lock
from kratom_dataset.validate import validate_release

KILL_TRIALS = 24


def build_cmd(out, version="0.2.0", *extra):
    """A build of the seed articles alone: the raw folder beside ``out`` has no passages, so the build
    does not score the extractors on them, and a kill lands in writing and publishing, not in scoring."""
    return [
        sys.executable,
        "-m",
        "kratom_dataset",
        "build",
        "--raw",
        str(out.parent / "raw"),
        "--out",
        str(out),
        "--version",
        version,
        "--workers",
        "1",
        *extra,
    ]


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.fixture
def out_with_older_release(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copytree(PROCESSED / "0.1.0", out / "0.1.0")
    shutil.copytree(RAW, tmp_path / "raw", ignore=shutil.ignore_patterns("passages"))
    return out


@pytest.mark.slow
def test_killing_a_build_at_random_moments_leaves_no_release_or_a_whole_one(out_with_older_release):
    out = out_with_older_release
    older = snapshot(out / "0.1.0")
    started = time.monotonic()
    subprocess.run(build_cmd(out), check=True, capture_output=True)
    full = time.monotonic() - started
    shutil.rmtree(out / "0.2.0")
    rng = random.Random(20261122)
    outcomes = {"none": 0, "complete": 0}
    for trial in range(KILL_TRIALS):
        proc = subprocess.Popen(build_cmd(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, full * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert snapshot(out / "0.1.0") == older, f"trial {trial} touched the older release"
        if (out / "0.2.0").exists():
            report = validate_release(out / "0.2.0")
            assert report.valid, f"trial {trial}: {report.to_text()}"
            outcomes["complete"] += 1
            shutil.rmtree(out / "0.2.0")
        else:
            outcomes["none"] += 1
        visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        assert visible in (["0.1.0"], ["0.1.0", "0.2.0.rejects.json"]), visible
    assert sum(outcomes.values()) == KILL_TRIALS
    print("kill outcomes", outcomes)
    # The next build sweeps what killed builds left behind and publishes normally.
    final = subprocess.run(build_cmd(out), check=False, capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert validate_release(out / "0.2.0").valid
    assert not list(out.glob(".*.incomplete-*"))


@pytest.mark.slow
def test_a_second_build_waits_for_the_first(out_with_older_release):
    out = out_with_older_release
    held = threading.Event()
    release = threading.Event()

    def hold():
        with publish_lock(out):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    proc = subprocess.Popen(build_cmd(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    assert proc.poll() is None, "the build did not wait for the lock"
    assert not (out / "0.2.0").exists()
    release.set()
    holder.join()
    assert proc.wait(60) == 0
    assert validate_release(out / "0.2.0").valid


def test_a_build_that_cannot_get_the_lock_says_so(out_with_older_release):
    out = out_with_older_release
    with publish_lock(out):
        result = subprocess.run(build_cmd(out, "0.2.0", "--lock-timeout", "0.5"), capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("[release-error]") and "another build" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "0.2.0").exists()


@pytest.mark.slow
def test_two_builds_at_once_publish_one_identical_release(out_with_older_release):
    out = out_with_older_release
    procs = [subprocess.Popen(build_cmd(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(120), p.stdout.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0]
    outputs = sorted(text.split(" ")[0] for _, text in results)
    assert outputs == ["release", "wrote"]  # one published, the other found it identical
    assert validate_release(out / "0.2.0").valid
