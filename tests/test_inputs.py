"""Bad input gets a clear answer: each file is parsed with exact offsets or rejected with a reason.

Every case builds a real release from a raw folder holding one good seed article plus the file
under test, so the rejects report, the exit status and the published rows are all checked.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import RAW, SEEDS
from kratom_dataset.build import build_release, rejects_path
from kratom_dataset.cli import main
from kratom_dataset.errors import SourceError
from kratom_dataset.ids import article_id_for
from kratom_dataset.models import ID_PATTERN
from kratom_dataset.parse import parse_article
from kratom_dataset.validate import validate_release

GOOD = "Kratom may cause insomnia at high doses. Some users report taking 2 grams in the evening."
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def raw_folder(tmp_path, files: dict[str, bytes]):
    """A raw folder with one listed seed article and the given unlisted files."""
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    seed = SEEDS["kratom-wobbles"]
    shutil.copy(RAW / "articles" / seed, raw / "articles" / seed)
    line = next(l for l in (RAW / "sources.csv").read_text().splitlines() if seed in l)
    (raw / "sources.csv").write_text("article_id,file,sha256,size_bytes,origin\n" + line + "\n")
    for name, data in files.items():
        path = raw / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return raw


def build(tmp_path, files, **kw):
    raw = raw_folder(tmp_path, files)
    return build_release(raw, tmp_path / "out", version="1.0.0", progress=False, allow_rejects=True, **kw)


REJECTED = [
    # file name, bytes, reason
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t \r\n  ", "whitespace-only"),
    ("zero-width.txt", "\u200b\u200b\n\ufeff".encode(), "whitespace-only"),
    ("latin1.txt", "Kratom café: 2 grams.".encode("latin-1"), "not-utf8"),
    ("utf16.txt", GOOD.encode("utf-16"), "utf16"),
    ("utf16-no-bom.txt", GOOD.encode("utf-16-le"), "utf16"),
    ("picture.txt", PNG, "binary"),
    ("nul.txt", b"Kratom may help.\x00\x00 Then more.", "nul-bytes"),
    ("page.txt", b"<!DOCTYPE html>\n<html><body><p>Kratom may help.</p></body></html>", "html"),
]


@pytest.mark.parametrize("name, data, reason", REJECTED, ids=[r[0] for r in REJECTED])
def test_unreadable_files_are_rejected_with_their_reason(tmp_path, name, data, reason):
    folder, _, rejects = build(tmp_path, {name: data})
    assert [(r.file, r.reason) for r in rejects] == [(f"articles/{name}", reason)]
    assert json.loads(rejects_path(tmp_path / "out", "1.0.0").read_text()) == [
        {"file": f"articles/{name}", "reason": reason, "detail": rejects[0].detail}
    ]
    assert json.loads((folder / "manifest.json").read_text())["rejected"][0]["reason"] == reason
    assert validate_release(folder).valid


def test_a_file_over_the_size_limit_is_rejected(tmp_path):
    _, _, rejects = build(tmp_path, {"big.txt": (GOOD + " ").encode() * 100}, max_bytes=1000)
    assert [(r.file, r.reason) for r in rejects] == [("articles/big.txt", "too-large")]
    assert "over the limit of 1000" in rejects[0].detail


def test_a_20_mb_line_is_over_the_default_limit_and_parses_exactly_when_allowed(tmp_path):
    line = ("kratom leaf tea " * (20 * 1024 * 1024 // 16)).encode()
    _, _, rejects = build(tmp_path, {"one-line.txt": line})
    assert [(r.file, r.reason) for r in rejects] == [("articles/one-line.txt", "too-large")]
    doc = parse_article(line, article_id="one-line", source_file="one-line.txt")
    (sentence,) = doc.sentences
    assert (sentence.start, sentence.end) == (0, len(line) - 1)  # the trailing space is not text


def rows_of(folder, table, article_id):
    import pyarrow.parquet as pq

    key = "id" if table == "articles" else "article_id"
    return [r for r in pq.read_table(folder / f"{table}.parquet").to_pylist() if r[key] == article_id]


PARSED = [
    # file name, bytes, sentence texts expected
    (
        "bom.txt",
        b"\xef\xbb\xbf" + GOOD.encode(),
        ["Kratom may cause insomnia at high doses.", "Some users report taking 2 grams in the evening."],
    ),
    ("crlf.txt", b"Kratom may help.\r\nIt may also harm.\r\n", ["Kratom may help.", "It may also harm."]),
    ("cr.txt", b"Kratom may help.\rIt may also harm.", ["Kratom may help.", "It may also harm."]),
    (
        "notes.md",
        b"# Kratom notes\n\nKratom may help sleep.\n\n## Doses\n\nTake 2 grams.\n",
        ["Kratom notes", "Kratom may help sleep.", "Doses", "Take 2 grams."],
    ),
    (
        "unicode.txt",
        "😀 Kratom\u0301 may help 💤 sleep. \u200fمرحبا\u200f users take 2\u200b grams. Then 3 grams.".encode(),
        ["😀 Kratom\u0301 may help 💤 sleep.", "\u200fمرحبا\u200f users take 2\u200b grams.", "Then 3 grams."],
    ),
]


@pytest.mark.parametrize("name, data, sentences", PARSED, ids=[p[0] for p in PARSED])
def test_awkward_but_readable_files_are_parsed_with_exact_offsets(tmp_path, name, data, sentences):
    folder, _, rejects = build(tmp_path, {name: data})
    assert rejects == []
    article_id = article_id_for(name)
    found = sorted(rows_of(folder, "sentences", article_id), key=lambda r: r["index"])
    assert [r["provenance"]["exact"] for r in found] == sentences
    text = data.decode("utf-8")
    for table in ("sentences", "claims", "doses", "topics"):
        for row in rows_of(folder, table, article_id):
            p = row["provenance"]
            assert text[p["char_start"] : p["char_end"]] == p["exact"]
    assert validate_release(folder).valid


def test_offsets_count_code_points_after_emoji_and_combining_marks(tmp_path):
    folder, _, _ = build(tmp_path, {"unicode.txt": PARSED[-1][1]})
    text = PARSED[-1][1].decode("utf-8")
    (dose,) = [d for d in rows_of(folder, "doses", "unicode") if d["provenance"]["exact"] == "3 grams"]
    assert dose["provenance"]["char_start"] == text.index("3 grams")
    assert dose["provenance"]["char_start"] != text.encode("utf-8").index(b"3 grams")


def test_a_byte_order_mark_stays_in_the_text_and_out_of_every_span(tmp_path):
    folder, _, _ = build(tmp_path, {"bom.txt": PARSED[0][1]})
    (article,) = rows_of(folder, "articles", "bom")
    assert article["provenance"]["exact"].startswith("\ufeff")
    assert all(not r["provenance"]["exact"].startswith("\ufeff") for r in rows_of(folder, "sentences", "bom"))


def test_the_same_content_under_two_names_is_kept_once(tmp_path):
    folder, _, rejects = build(tmp_path, {"a.txt": GOOD.encode(), "b-copy.txt": GOOD.encode()})
    assert [(r.file, r.reason) for r in rejects] == [("articles/b-copy.txt", "duplicate")]
    assert "articles/a.txt" in rejects[0].detail
    assert rows_of(folder, "articles", "a") and not rows_of(folder, "articles", "b-copy")


def test_a_copy_of_a_listed_seed_is_a_duplicate(tmp_path):
    data = (RAW / "articles" / SEEDS["kratom-wobbles"]).read_bytes()
    _, _, rejects = build(tmp_path, {"copy.txt": data})
    assert [(r.reason, SEEDS["kratom-wobbles"] in r.detail) for r in rejects] == [("duplicate", True)]


NAMES = ["kratom sleep.txt", "Café Kratom.txt", "a..b.txt", "..hidden-ish.txt", "sub dir/../x.txt", "кратом.txt", "UPPER.md"]


@pytest.mark.parametrize("name", NAMES)
def test_any_file_name_gives_a_safe_stable_id(name):
    first = article_id_for(name)
    assert re.fullmatch(ID_PATTERN.strip("^$"), first)
    assert ".." not in first and "/" not in first and " " not in first
    assert article_id_for(name) == first


def test_names_that_fold_alike_get_different_ids():
    assert len({article_id_for(n) for n in ["café.txt", "cafe\u0301.txt", "CAFE.txt", "cafe.txt"]}) == 4


def test_files_with_odd_names_build_and_ids_do_not_depend_on_other_files(tmp_path):
    files = {n: f"{GOOD} ({i})".encode() for i, n in enumerate(["kratom sleep.txt", "Café Kratom.txt", "a..b.txt", "sub/deep name.txt"])}
    folder, _, rejects = build(tmp_path, files)
    assert rejects == []
    import pyarrow.parquet as pq

    ids = set(pq.read_table(folder / "articles.parquet").column("id").to_pylist())
    assert {article_id_for(n) for n in files} <= ids
    alone, _, _ = build(tmp_path / "alone", {"Café Kratom.txt": files["Café Kratom.txt"]})
    assert article_id_for("Café Kratom.txt") in set(pq.read_table(alone / "articles.parquet").column("id").to_pylist())


# The build as a whole -----------------------------------------------------------------------------


def test_rejects_fail_the_build_and_publish_nothing_unless_allowed(tmp_path):
    raw = raw_folder(tmp_path, {"empty.txt": b"", "ok.txt": GOOD.encode()})
    with pytest.raises(SourceError) as info:
        build_release(raw, tmp_path / "out", version="1.0.0", progress=False)
    assert info.value.reason == "rejected" and "1 input file(s) rejected" in str(info.value)
    assert not (tmp_path / "out" / "1.0.0").exists()
    assert json.loads(rejects_path(tmp_path / "out", "1.0.0").read_text())[0]["file"] == "articles/empty.txt"


def test_strict_stops_at_the_first_bad_file(tmp_path):
    raw = raw_folder(tmp_path, {"latin1.txt": "café".encode("latin-1")})
    with pytest.raises(SourceError) as info:
        build_release(raw, tmp_path / "out", version="1.0.0", progress=False, strict=True)
    assert info.value.reason == "not-utf8" and info.value.where == "articles/latin1.txt"
    assert not (tmp_path / "out" / "1.0.0").exists()


def test_cli_prints_rejects_and_exits_1(tmp_path):
    raw = raw_folder(tmp_path, {"empty.txt": b"", "ok.txt": GOOD.encode()})
    result = CliRunner().invoke(main, ["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--version", "1.0.0"])
    assert result.exit_code == 1
    assert "rejected articles/empty.txt: [empty] the file is empty" in result.output
    assert "[source-error]" in result.output and "--allow-rejects" in result.output
    allowed = CliRunner().invoke(
        main, ["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--version", "1.0.0", "--allow-rejects"]
    )
    assert allowed.exit_code == 0 and "wrote release 1.0.0" in allowed.output


def test_cli_strict_names_the_file(tmp_path):
    raw = raw_folder(tmp_path, {"pic.png": PNG})
    result = CliRunner().invoke(main, ["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1
    assert result.output.startswith("[source-error] articles/pic.png: binary file (a PNG image), not text")
