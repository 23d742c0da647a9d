"""The CI templates of docs/ci: they parse, and the gitbook-lint commands they run exist and
produce valid reports on a small space."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import jsonschema
import yaml

from cli_helpers import run_installed, sarif_schema, write_space

CI = Path(__file__).resolve().parents[1] / "docs" / "ci"


def _commands(lines: list[str]) -> list[list[str]]:
    """The gitbook-lint command lines of a job, without shell decorations such as `|| true`."""
    commands = []
    for line in lines:
        for command in line.splitlines():
            command = command.split("||")[0].strip()
            if command.startswith("gitbook-lint"):
                commands.append(shlex.split(command)[1:])
    return commands


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
    for args in commands:
        completed = run_installed(args, project)
        assert completed.returncode == 1, completed.stderr  # the space has an error
        outputs[args[args.index("--format") + 1]] = completed.stdout
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
    results = [run_installed(args, project) for args in commands]
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
