"""The composite GitHub Action (`action.yml`): valid metadata (checked offline against a schema
kept in tests/schemas), pinned actions, its inputs, and its script run as the action runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from cli_helpers import write_space

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def test_action_metadata_follows_the_schema() -> None:
    schema = json.loads((ROOT / "tests" / "schemas" / "github-action.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(ACTION, schema, cls=jsonschema.Draft7Validator)


def test_the_schema_catches_what_github_would_refuse() -> None:
    schema = json.loads((ROOT / "tests" / "schemas" / "github-action.schema.json").read_text(encoding="utf-8"))
    run_without_shell = {**ACTION, "runs": {"using": "composite", "steps": [{"run": "gitbook-lint"}]}}
    input_without_description = {**ACTION, "inputs": {"paths": {"default": "docs"}}}
    for broken in (run_without_shell, input_without_description, {"name": "x", "runs": ACTION["runs"]}):
        assert not jsonschema.Draft7Validator(schema).is_valid(broken)


def test_inputs_and_pinned_steps() -> None:
    assert {"paths", "format", "baseline", "sarif-upload"} <= set(ACTION["inputs"])
    assert ACTION["inputs"]["format"]["default"] == "github"
    assert ACTION["inputs"]["sarif-upload"]["default"] == "false"
    steps = ACTION["runs"]["steps"]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert all(PINNED.match(used) for used in uses), uses
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["if"] == "inputs.sarif-upload == 'true'"
    # inputs reach the shell as environment variables, never pasted into the script
    assert all("${{" not in step.get("run", "") for step in steps)


def _lint_step(**inputs: str) -> subprocess.CompletedProcess[str]:
    step = ACTION["runs"]["steps"][-1]
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_ACTION_PATH": str(ROOT),
        "LANG": "C.UTF-8",
        **dict.fromkeys(step["env"], ""),
        **inputs,
    }
    cwd = Path(inputs.pop("cwd"))
    return subprocess.run(["bash", "-c", step["run"]], cwd=cwd, capture_output=True, text=True, env=environment, timeout=120)


def test_the_action_lints_with_its_inputs(tmp_path: Path) -> None:
    write_space(tmp_path / "docs", {"README.md": "# Accueil\n", "guide.md": "# Guide\n\n{% hint %}\n", "a/b.md": "# B\n\n[x](absent.md)\n"})
    annotations = _lint_step(cwd=str(tmp_path), INPUT_FORMAT="github", INPUT_PATHS="docs")
    assert annotations.returncode == 1
    assert "::error file=docs/guide.md,line=3" in annotations.stdout and "file=docs/a/b.md" in annotations.stdout
    # a quoted glob is passed as written and expanded by gitbook-lint
    only_b = _lint_step(cwd=str(tmp_path), INPUT_FORMAT="json", INPUT_PATHS="docs/a/**/*.md")
    assert [item["path"] for item in json.loads(only_b.stdout)] == ["docs/a/b.md"]
    subprocess.run([str(Path(sys.executable).parent / "gitbook-lint"), "baseline", "docs"], cwd=tmp_path, capture_output=True, check=True)
    (tmp_path / ".gitbook-lint-baseline.json").rename(tmp_path / "known.json")
    known = _lint_step(cwd=str(tmp_path), INPUT_FORMAT="github", INPUT_PATHS="docs", INPUT_BASELINE="known.json")
    assert known.returncode == 0 and known.stdout == "", known.stdout + known.stderr
