"""The CI templates of docs/ci: they parse, and the gitbook-lint commands they run exist and
produce valid reports on a small space."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from cli_helpers import sarif_schema, write_space

CI = Path(__file__).resolve().parents[1] / "docs" / "ci"


def _commands(lines: list[str]) -> list[str]:
    """The gitbook-lint command lines of a job, without shell decorations such as `|| true`."""
    commands = []
    for line in lines:
        for command in line.splitlines():
            command = command.split("||")[0].strip()
            if command.startswith("gitbook-lint"):
                commands.append(command)
    return commands


def _run(command: str, project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A job's command line as the job's shell runs it, with the installed gitbook-lint."""
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", **env}
    return subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True, env=environment, timeout=120)


def _project(tmp_path: Path) -> Path:
    write_space(tmp_path / "docs")
    (tmp_path / "pyproject.toml").write_text('[tool.gitbook-lint]\npaths = ["docs"]\n', encoding="utf-8")
    return tmp_path


def test_github_actions_template(tmp_path: Path) -> None:
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gitbook-lint"]["steps"]
    assert workflow["permissions"]["security-events"] == "write"
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    commands = _commands([step["run"] for step in steps if "run" in step])
    assert len(commands) == 2
    project = _project(tmp_path)
    outputs = {}
    for command in commands:
        completed = _run(command, project, DIFF_BASE="")
        assert completed.returncode == 1, completed.stderr  # the space has an error
        outputs[command.split("--format ")[1].split()[0]] = completed.stdout
    sarif = json.loads((project / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    jsonschema.validate(sarif, sarif_schema(), cls=jsonschema.Draft4Validator)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/guide.md"
    assert outputs["github"].startswith("::error file=docs/guide.md,line=3,col=1,title=GB021 unclosed-block::")


def test_gitlab_ci_template(tmp_path: Path) -> None:
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["gitbook-lint"]
    report = job["artifacts"]["reports"]["codequality"]
    commands = _commands(job["script"])
    assert len(commands) == 2
    project = _project(tmp_path)
    results = [_run(command, project) for command in commands]
    assert results[-1].returncode == 1 and "docs/guide.md:3:1: GB021 unclosed-block" in results[-1].stdout
    issues = json.loads((project / report).read_text(encoding="utf-8"))
    assert issues and all(
        {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue) for issue in issues
    )
    assert issues[0]["location"] == {"path": "docs/guide.md", "lines": {"begin": 3}}


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((CI.parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "gitbook-lint")
    assert hook["types_or"] == ["markdown", "yaml"]
    assert hook["require_serial"] is True
    assert hook["language"] == "python"
    assert hook["entry"].split()[0] == "gitbook-lint"


def test_templates_install_from_the_configurable_source() -> None:
    github = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    assert github["env"]["GITBOOK_LINT_SOURCE"].startswith("git+https://")
    runs = [step.get("run", "") for step in github["jobs"]["gitbook-lint"]["steps"]]
    assert 'python -m pip install "$GITBOOK_LINT_SOURCE"' in runs
    gitlab = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["gitbook-lint"]
    assert gitlab["variables"]["GITBOOK_LINT_SOURCE"].startswith("git+https://")
    assert 'python -m pip install "$GITBOOK_LINT_SOURCE"' in gitlab["script"]
    assert gitlab["variables"]["GIT_DEPTH"] == "0" and gitlab["cache"]["paths"] == [".cache/pip"]


PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def test_github_template_is_hardened() -> None:
    """Actions pinned by commit, no token left in the checkout, pip's cache kept, and the whole
    history for --diff-base and the rename hints."""
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gitbook-lint"]["steps"]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert uses and all(PINNED.match(used) for used in uses), uses
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "~/.cache/pip"
    assert "--diff-base" in steps[-1]["run"] and "DIFF_BASE" in workflow["env"]


def test_pull_request_command_reports_only_the_change(tmp_path: Path) -> None:
    """The annotation step with DIFF_BASE set, in a clone where the base branch is `origin/main`."""
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    command = workflow["jobs"]["gitbook-lint"]["steps"][-1]["run"]
    origin = _project(tmp_path / "origin")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=origin, check=True, capture_output=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True, capture_output=True)
    (clone / "docs" / "README.md").write_text("# Accueil\n\nUne phrase de plus.\n", encoding="utf-8")
    unchanged_error = _run(command, clone, DIFF_BASE="origin/main")
    assert unchanged_error.returncode == 0 and unchanged_error.stdout == "", unchanged_error.stdout
    assert _run(command, clone, DIFF_BASE="").returncode == 1  # a push to main: the whole space
