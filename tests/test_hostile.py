"""Hostile versions and damaged release folders: each is refused with a typed error, never skipped."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import kratom_dataset as kd
from conftest import PROCESSED, RAW
from kratom_dataset import pins, reader
from kratom_dataset.build import build_corpus, build_release, read_sources
from kratom_dataset.checksums import render_sums
from kratom_dataset.cli import main
from kratom_dataset.errors import IntegrityError, InvalidVersionError, OutputError, SourceError
from kratom_dataset.parse import decode, parse_article
from kratom_dataset.semver import Version

HOSTILE_VERSIONS = ["x/../../ESCAPED", "../x", "/abs/1.0.0", "1.0", "v1.0.0", "01.0.0", "  ", "", "1.0.0\n", "1.0.0-", "1.0.0+", "1.0.0-01"]


@pytest.mark.parametrize("version", HOSTILE_VERSIONS)
def test_a_version_that_is_not_semver_is_refused_before_anything_is_written(tmp_path, version):
    (tmp_path / "out" / "x").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build", "--raw", str(RAW), "--out", str(tmp_path / "out"), "--version", version])
    assert result.exit_code == 1
    assert "[invalid-version]" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "x"]


@pytest.mark.parametrize("version", HOSTILE_VERSIONS)
def test_the_library_refuses_the_same_versions(tmp_path, version):
    with pytest.raises(InvalidVersionError):
        build_release(RAW, tmp_path, version=version)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.5.0", (0, 5, 0, (), "")),
        ("1.0.0-rc.1", (1, 0, 0, ("rc", "1"), "")),
        ("1.0.0-alpha-2.x+build.7", (1, 0, 0, ("alpha-2", "x"), "build.7")),
        ("10.20.30+0001", (10, 20, 30, (), "0001")),
    ],
)
def test_semver_versions_parse_with_pre_release_and_build(text, expected):
    v = Version.parse(text)
    assert (v.major, v.minor, v.patch, v.prerelease, v.build) == expected
    assert str(v) == text


def test_versions_order_by_semver_precedence():
    spelled = [
        "1.0.0",
        "1.0.0-rc.1",
        "0.10.0",
        "1.0.0-alpha",
        "1.0.0-alpha.beta",
        "0.9.0",
        "1.0.0-alpha.1",
        "1.0.0-beta.11",
        "1.0.0-beta.2",
    ]
    ordered = [str(v) for v in sorted(Version.parse(t) for t in spelled)]
    assert ordered == [
        "0.9.0",
        "0.10.0",
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
    ]


@pytest.fixture
def releases(tmp_path, monkeypatch):
    """Copies of two published releases that the loaders read instead of the installed ones."""
    root = tmp_path / "releases"
    for version in ("0.1.0", "0.2.0"):
        shutil.copytree(PROCESSED / version, root / version)
    monkeypatch.setenv(reader.ENV_RELEASES, str(root))
    reader._read_manifest.cache_clear()
    yield root
    reader._read_manifest.cache_clear()


def test_a_release_folder_without_its_manifest_is_an_integrity_error_not_skipped(releases):
    (releases / "0.2.0" / "manifest.json").unlink()
    with pytest.raises(IntegrityError) as info:
        kd.load("claims")
    assert info.value.where.endswith("0.2.0")
    for command in (["verify"], ["validate"], ["versions"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1 and "[integrity-error]" in result.output, command


def rewrite_consistently(folder):
    """Replace a table and then the manifest and SHA256SUMS to match it: every in-folder check passes."""
    table = pq.read_table(folder / "doses.parquet")
    pq.write_table(table.slice(1), folder / "doses.parquet")
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = manifest["files"]["doses.parquet"]
    data = (folder / "doses.parquet").read_bytes()
    entry.update(rows=table.num_rows - 1, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    (folder / "SHA256SUMS").write_text(render_sums(folder, sorted(manifest["files"]) + ["manifest.json"]))


def test_a_consistently_rewritten_release_is_caught_by_its_pin(releases):
    rewrite_consistently(releases / "0.1.0")
    with pytest.raises(IntegrityError, match="pinned"):
        kd.load("doses", version="0.1.0")


def test_an_untouched_copy_of_a_pinned_release_loads(releases):
    assert kd.load("doses", version="0.1.0").num_rows == pq.read_table(PROCESSED / "0.1.0" / "doses.parquet").num_rows


def test_every_published_release_is_pinned_and_every_pin_is_published():
    assert pins.pins_for(PROCESSED) == pins.PINNED
    assert CliRunner().invoke(main, ["pin", "--check", "--out", str(PROCESSED)]).exit_code == 0


def test_pin_check_fails_when_a_release_is_not_pinned(tmp_path):
    shutil.copytree(PROCESSED / "0.1.0", tmp_path / "0.1.0")
    shutil.copytree(PROCESSED / "0.1.0", tmp_path / "9.0.0")
    result = CliRunner().invoke(main, ["pin", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "9.0.0" in result.output


# --- Inputs that cannot be read: each is a reject with its reason, and the rest is built. ---


def _fifo(path):
    os.mkfifo(path)


def _loop(path):
    path.symlink_to(path.name)


def _unreadable_parquet(kind):
    def make(path):
        if kind == "empty":
            path.write_bytes(b"")
        elif kind == "truncated":
            path.write_bytes((PROCESSED / "0.1.0" / "doses.parquet").read_bytes()[:3000])
        else:
            path.write_bytes(b"PAR1 but not really")

    return make


CORPUS_INPUTS = [
    # (file name, how to make it, the reason it is rejected with)
    ("pipe.txt", _fifo, "not-a-regular-file"),
    ("loop.txt", _loop, "symlink-loop"),
    ("a-32.txt", lambda p: p.write_bytes("Kratom binds.".encode("utf-32")), "utf32"),
    ("a-16.txt", lambda p: p.write_bytes("Kratom binds.".encode("utf-16")), "utf16"),
]


@pytest.mark.parametrize(("name", "make", "reason"), CORPUS_INPUTS, ids=[c[0] for c in CORPUS_INPUTS])
def test_a_corpus_folder_lists_an_unreadable_file_as_a_reject_and_builds_the_rest(tmp_path, name, make, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Kratom binds the mu-opioid receptor.\n", encoding="utf-8")
    make(folder / name)
    manifest = build_corpus([str(folder)], tmp_path / "out", workers=1, progress=False)
    rejects = json.loads((tmp_path / "out" / "rejects.json").read_text())
    assert manifest["articles"] == 1
    assert [(Path(r["file"]).name, r["reason"]) for r in rejects] == [(name, reason)]


ROW_INPUTS = [
    ("empty.parquet", _unreadable_parquet("empty"), "unreadable-parquet"),
    ("truncated.parquet", _unreadable_parquet("truncated"), "unreadable-parquet"),
    ("junk.parquet", _unreadable_parquet("junk"), "unreadable-parquet"),
    ("pipe.jsonl", _fifo, "not-a-regular-file"),
    ("surrogate.jsonl", lambda p: p.write_text('{"id": "s", "text": "kratom \\ud800 binds"}\n', encoding="utf-8"), "invalid-unicode"),
    ("latin1.jsonl", lambda p: p.write_bytes(b'{"id": "l", "text": "caf\xe9"}\n'), "not-utf8"),
]


@pytest.mark.parametrize(("name", "make", "reason"), ROW_INPUTS, ids=[c[0] for c in ROW_INPUTS])
def test_a_row_file_that_cannot_be_read_is_a_reject_and_the_other_inputs_are_built(tmp_path, name, make, reason):
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "g", "text": "Kratom binds the mu-opioid receptor."}\n', encoding="utf-8")
    make(tmp_path / name)
    manifest = build_corpus([str(good), str(tmp_path / name)], tmp_path / "out", workers=1, progress=False)
    rejects = json.loads((tmp_path / "out" / "rejects.json").read_text())
    assert manifest["articles"] == 1
    assert [r["reason"] for r in rejects] == [reason]
    assert rejects[0]["file"].startswith(str(tmp_path / name))


def test_an_os_error_while_reading_is_a_reject_naming_the_error(tmp_path, monkeypatch):
    from kratom_dataset import files

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Kratom binds the mu-opioid receptor.\n", encoding="utf-8")
    (folder / "bad.txt").write_text("Kratom binds the kappa-opioid receptor.\n", encoding="utf-8")
    real_read = os.read

    def failing_read(fd, n):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("bad.txt"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_read(fd, n)

    monkeypatch.setattr(files.os, "read", failing_read)
    manifest = build_corpus([str(folder)], tmp_path / "out", workers=1, engine="local", progress=False)
    rejects = json.loads((tmp_path / "out" / "rejects.json").read_text())
    assert manifest["articles"] == 1
    assert [(Path(r["file"]).name, r["reason"], r["detail"]) for r in rejects] == [
        ("bad.txt", "unreadable", f"cannot be read: {os.strerror(errno.EIO)}")
    ]


def test_release_build_rejects_fifos_links_and_a_second_file_with_the_same_id(tmp_path):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "articles" / "page.txt").write_text("Kratom binds the mu-opioid receptor.\n", encoding="utf-8")
    (raw / "articles" / "page.md").write_text("Melatonin acts on MT1 receptors.\n", encoding="utf-8")
    _fifo(raw / "articles" / "pipe.txt")
    _loop(raw / "articles" / "loop.txt")
    sources, rejects = read_sources(raw)
    assert [s["file"] for s in sources] == ["articles/page.md"]
    assert sorted((r.file, r.reason) for r in rejects) == [
        ("articles/loop.txt", "symlink-loop"),
        ("articles/page.txt", "duplicate-id"),
        ("articles/pipe.txt", "not-a-regular-file"),
    ]
    clash = next(r for r in rejects if r.reason == "duplicate-id")
    assert "articles/page.md" in clash.detail


def test_a_text_file_keeps_its_id_over_an_html_file_beside_it(tmp_path):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "articles" / "page.txt").write_text("Kratom binds the mu-opioid receptor.\n", encoding="utf-8")
    (raw / "articles" / "page.html").write_text("<html><body>Kratom</body></html>", encoding="utf-8")
    sources, rejects = read_sources(raw)
    assert [(s["article_id"], s["file"]) for s in sources] == [("page", "articles/page.txt")]
    assert [(r.file, r.reason) for r in rejects] == [("articles/page.html", "duplicate-id")]


@pytest.mark.parametrize(
    ("name", "make", "code"), [("pipe.txt", _fifo, "not a regular file"), ("loop.txt", _loop, "points back to itself")]
)
def test_extract_refuses_a_fifo_or_a_link_loop_without_blocking(tmp_path, name, make, code):
    make(tmp_path / name)
    good = tmp_path / "good.txt"
    good.write_text("Kratom binds the mu-opioid receptor.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / name), str(good)])
    assert result.exit_code == 1
    assert code in result.output and '"mechanism"' in result.output


def test_extract_honours_max_bytes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Kratom binds the mu-opioid receptor. " * 100, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--max-bytes", "1000", str(big)])
    assert result.exit_code == 1 and "over the limit of 1000" in result.output


def test_utf32_is_rejected_as_utf32_not_utf16():
    with pytest.raises(SourceError) as info:
        decode("Kratom".encode("utf-32"), where="x")
    assert info.value.reason == "utf32"


@pytest.mark.parametrize("out", ["/proc/kratom-dataset-out", "/sys/kernel/kratom-dataset-out"])
def test_an_output_folder_that_cannot_be_written_is_an_output_error(out):
    result = CliRunner().invoke(main, ["build", "--raw", str(RAW), "--out", out, "--version", "9.0.0", "--workers", "1"])
    assert result.exit_code == 1
    assert f"[output-error] {out}" in result.output


def test_a_full_disk_is_an_output_error_and_publishes_nothing(tmp_path, monkeypatch):
    from kratom_dataset import release

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(release, "write_parquet", full)
    with pytest.raises(OutputError, match="No space left"):
        build_release(RAW, tmp_path, version="9.0.0", workers=1)
    assert not (tmp_path / "9.0.0").exists()


FRONT_MATTER = (
    '---\ntitle: "Kratom and Sleep: What We Know"\ndate: 2024-03-01\ntags:\n  - kratom\n---\n\nKratom binds the mu-opioid receptor.\n'
)


def test_yaml_front_matter_is_metadata_not_text():
    doc = parse_article(FRONT_MATTER.encode("utf-8"), article_id="fm", source_file="fm.md")
    assert doc.title == "Kratom and Sleep: What We Know"
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["Kratom binds the mu-opioid receptor."]


@pytest.mark.parametrize(
    "text", ["---\n\nKratom binds the mu-opioid receptor.\n", "---\nKratom binds MOR. It is a partial agonist.\n---\n"]
)
def test_a_thematic_break_is_not_taken_for_front_matter(text):
    doc = parse_article(text.encode("utf-8"), article_id="fm", source_file="fm.md")
    assert any("Kratom binds" in doc.text[s.start : s.end] for s in doc.sentences)


# --- A killed build leaves no worker behind. ---


def _children(pid: int) -> set[int]:
    """Live (non-zombie) processes whose parent is ``pid``, read from /proc."""
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        if fields.get("PPid", "").strip() == str(pid) and not fields.get("State", "").startswith("Z"):
            out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return not (Path("/proc") / str(pid) / "status").read_text().split("State:\t", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads processes from /proc (Linux)")
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_killing_a_build_leaves_no_worker_alive(tmp_path, engine):
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted((RAW / "articles").glob("*.txt"))
    for n in range(400):
        shutil.copy(seeds[n % len(seeds)], folder / f"a{n:04d}.txt")
        with open(folder / f"a{n:04d}.txt", "a", encoding="utf-8") as fh:
            fh.write(f"\nCopy {n}.\n")
    command = [
        sys.executable,
        "-m",
        "kratom_dataset",
        "build",
        "--input",
        str(folder),
        "--out",
        str(tmp_path / "out"),
        "--workers",
        "2",
        "--engine",
        engine,
        "--batch-size",
        "4",
    ]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and build.poll() is None:
            workers = _children(build.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the build never started its workers"
        time.sleep(1.0)  # let them take work
        workers |= _children(build.pid)
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(p) for p in workers):
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)], "workers outlived the killed build"
    finally:
        if build.poll() is None:
            build.kill()


# --- Linear time: work per byte does not grow with the size, whatever the shape. ---

SHAPES = {
    "run-on sentence": lambda n: "kratom 2 g and " * (n // 15),
    "one giant line": lambda n: "Kratom binds the mu-opioid receptor while users take 3 g and melatonin acts on MT1 receptors " * (n // 96),
    "one-word headings": lambda n: "Sleep\n" * (n // 6),
    "one-word wrapped lines": lambda n: "kratom\n" * (n // 7),
    "deep list": lambda n: "".join("  " * (i % 40) + f"- {i % 9 + 1} g of kratom\n" for i in range(n // 40)),
    "pronouns without end": lambda n: "Mitragynine is an alkaloid. " + "It binds mu receptors and it blocks CYP2D6 and " * (n // 48),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_extraction_time_grows_in_proportion_to_the_text(shape):
    """Eight times the text may take at most 24 times as long (a quadratic rule would take 64):
    a ratio of best-of-three CPU times, so a busy machine slows both sides alike."""
    import time

    from kratom_dataset import extract

    def cost(n: int) -> float:
        text = SHAPES[shape](n)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            extract(text)
            best = min(best, time.process_time() - start)
        return best

    extract("Warm up: kratom 2 g binds MOR.")
    small, large = cost(20_000), cost(160_000)
    assert large < 24 * max(small, 0.01), (shape, small, large)
