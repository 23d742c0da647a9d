#!/usr/bin/env bash
# The command the GitHub Action (action.yml) runs. Inputs come as environment variables, never
# pasted into the script, so that no input can inject shell code:
#   INPUT_PATHS (separated by spaces; globs are passed unexpanded, gitbook-lint expands them),
#   INPUT_FORMAT, INPUT_BASELINE, INPUT_DIFF_BASE, and REPORT (a file to write the report to).
set -uo pipefail
args=(--format "${INPUT_FORMAT:-github}")
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
if [ -n "${INPUT_DIFF_BASE:-}" ]; then args+=(--diff-base "$INPUT_DIFF_BASE"); fi
if [ -n "${REPORT:-}" ]; then args+=(--output "$REPORT"); fi
set -f  # `docs/**/*.md` reaches gitbook-lint as written
read -r -a paths <<< "${INPUT_PATHS:-}"
exec gitbook-lint "${args[@]}" ${paths[@]+"${paths[@]}"}
