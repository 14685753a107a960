"""--jobs and the results cache: same output in any process count, unchanged files not parsed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

FILES = 48  # above the in-process threshold, so --jobs 2 really starts workers
VERBOSE = re.compile(
    r"(\d+) files in [\d.]+ s \((\d+) checked, (\d+) from the cache, (\d+) process(?:es)?\)"
)


def documents() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for number in range(FILES):
        body = f"Post {number} is written." if number % 3 else "TODO: write post."
        files[f"posts/post-{number:02}.md"] = (
            f"---\ntitle: Post {number}\n---\n\n# Post {number}\n\n{body}\n\n## Empty {number}\n"
        )
    files["post.schema.json"] = json.dumps({"type": "object", "required": ["title", "date"]})
    files["contentlint.toml"] = '[[schemas]]\nfiles = "posts/**"\nschema = "post.schema.json"\n'
    return files


def counts(stderr: str) -> tuple[int, int, int, int]:
    found = VERBOSE.search(stderr)
    assert found, stderr
    files, checked, cached, jobs = (int(value) for value in found.groups())
    return files, checked, cached, jobs


def test_two_jobs_print_exactly_what_one_job_prints(write: WriteFiles, contentlint: RunCli) -> None:
    write(documents())
    one = contentlint("check", "--no-prose", "--no-cache", "--jobs", "1", "-v", "posts")
    two = contentlint("check", "--no-prose", "--no-cache", "--jobs", "2", "-v", "posts")
    assert one.code == two.code == 1
    assert one.stdout == two.stdout
    assert counts(two.stderr)[3] == 2
    paths = [line.split(":")[0] for line in one.diagnostic_lines()]
    assert paths == sorted(paths)
    assert len(one.diagnostic_lines()) == FILES * 2 + FILES // 3


def test_unchanged_files_come_from_the_cache(write: WriteFiles, contentlint: RunCli) -> None:
    project = write(documents())
    first = contentlint("check", "--no-prose", "-v", "--jobs", "2", "posts")
    assert counts(first.stderr)[:3] == (FILES, FILES, 0)
    second = contentlint("check", "--no-prose", "-v", "--jobs", "2", "posts")
    assert second.stdout == first.stdout
    assert counts(second.stderr)[:3] == (FILES, 0, FILES)

    changed = project / "posts" / "post-07.md"
    changed.write_text(changed.read_text("utf-8") + "\nTBD\n", "utf-8")
    third = contentlint("check", "--no-prose", "-v", "posts")
    assert counts(third.stderr)[:3] == (FILES, 1, FILES - 1)
    assert "posts/post-07.md:11:1: warning [placeholder-text]" in third.stdout


def test_what_decides_the_results_invalidates_them(write: WriteFiles, contentlint: RunCli) -> None:
    project = write(documents())
    contentlint("check", "--no-prose", "posts")
    (project / "contentlint.toml").write_text(
        (project / "contentlint.toml").read_text("utf-8") + '\n[rules]\nempty-section = "error"\n',
        "utf-8",
    )
    severity = contentlint("check", "--no-prose", "-v", "posts")
    assert counts(severity.stderr)[1] == FILES
    assert "error [empty-section]" in severity.stdout

    (project / "post.schema.json").write_text(json.dumps({"type": "object"}), "utf-8")
    schema = contentlint("check", "--no-prose", "-v", "posts")
    assert counts(schema.stderr)[1] == FILES
    assert "frontmatter-schema" not in schema.stdout

    selected = contentlint("check", "--no-prose", "-v", "--select", "unfinished", "posts")
    assert counts(selected.stderr)[1] == FILES


def test_no_cache_neither_reads_nor_writes(
    write: WriteFiles, contentlint: RunCli, isolated_cache: Path
) -> None:
    write(documents())
    contentlint("check", "--no-prose", "--no-cache", "posts")
    assert not list(isolated_cache.glob("results-*"))
    contentlint("check", "--no-prose", "posts")
    assert list(isolated_cache.glob("results-*.sqlite3"))
    again = contentlint("check", "--no-prose", "--no-cache", "-v", "posts")
    assert counts(again.stderr)[2] == 0


def test_concurrent_runs_share_the_cache_safely(write: WriteFiles, project: Path) -> None:
    write(documents())
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--format", "json", "posts"]
    runs = [
        subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [1, 1, 1]
    assert len({stdout for stdout, _ in outputs}) == 1
    final = subprocess.run(command, cwd=project, capture_output=True, check=False, timeout=120)
    assert final.stdout == outputs[0][0]


def test_verbose_counts_the_processes_that_really_checked_files(
    write: WriteFiles, contentlint: RunCli
) -> None:
    write(documents())
    # 48 files: under the default threshold, one process, whatever the CPU count.
    default = contentlint("check", "--no-prose", "--no-cache", "-v", "posts")
    assert counts(default.stderr)[3] == 1
    assert "1 process)" in default.stderr
    # --jobs 2 asks for workers, and gets them for far fewer files.
    asked = contentlint("check", "--no-prose", "--no-cache", "-v", "--jobs", "2", "posts")
    assert counts(asked.stderr)[3] == 2
    assert "2 processes)" in asked.stderr
