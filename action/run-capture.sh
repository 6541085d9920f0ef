#!/usr/bin/env bash
# Profiles the workload with 'profgate capture' into a ProfileSet folder that the next step uploads
# as the artifact profgate-<sha>-<name>. On a pull request it records the PR number, base branch and
# head commit in the set's manifest, so a trusted workflow_run job can report on the right PR.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

out="${PROFGATE_OUT:?PROFGATE_OUT is not set: the plan step provides it}"
set_dir="${PROFGATE_HEAD_DIR:?PROFGATE_HEAD_DIR is not set: the plan step provides it}"
args=(capture --name "${PROFGATE_NAME:-default}" --out "$set_dir" --repeat "${PROFGATE_REPEAT:-1}")
[ -n "${PROFGATE_PROFILER:-}" ] && args+=(--profiler "$PROFGATE_PROFILER")
is_true "${PROFGATE_ALLOC:-false}" && args+=(--alloc)
[ "${PROFGATE_TIMING_RUNS:-0}" != 0 ] && args+=(--timing-runs "$PROFGATE_TIMING_RUNS")
[ -n "${PROFGATE_COLLECT:-}" ] && args+=(--collect "$PROFGATE_COLLECT")
if [ -n "${PROFGATE_PR_NUMBER:-}" ]; then
  args+=(--property "github.pull_request.number=$PROFGATE_PR_NUMBER"
    --property "github.pull_request.base_ref=${PROFGATE_PR_BASE_REF:-}"
    --property "github.pull_request.head_sha=${PROFGATE_PR_HEAD_SHA:-}"
    --property "github.pull_request.head_repo=${PROFGATE_PR_HEAD_REPO:-}")
fi
[ -n "${GITHUB_REPOSITORY:-}" ] && args+=(--property "github.repository=$GITHUB_REPOSITORY")
[ -n "${GITHUB_RUN_ID:-}" ] && args+=(--property "github.run_id=$GITHUB_RUN_ID")

mkdir -p "$out"
cd "${PROFGATE_WORKING_DIRECTORY:-.}"
# The command is one string, run by bash like a workflow's run: line (quotes and pipes work).
profgate "${args[@]}" -- bash -c "$PROFGATE_COMMAND"
set_output set-dir "$set_dir"
