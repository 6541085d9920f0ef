#!/usr/bin/env bash
# Mode ab: no stored baseline is needed. 'profgate local' rebuilds the PR's merge-base in a temporary
# worktree and profiles it interleaved with head, writing both ProfileSets; the gate step then
# compares them (--base) instead of asking the store.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

out="${PROFGATE_OUT:?PROFGATE_OUT is not set: the plan step provides it}"
# 'profgate local --help' would print the root help and succeed, so look for the verb in the command list.
if ! profgate --help 2> /dev/null | grep -qE '^  local( |$)'; then
  fail_input "mode: ab needs the 'profgate local' verb, which this profgate build does not have yet; use mode: full with a stored baseline"
fi
args=(local --name "${PROFGATE_NAME:-default}" --repeat "${PROFGATE_REPEAT:-1}" --sets-out "$out/ab" --no-report)
[ -n "${PROFGATE_PR_BASE_SHA:-}" ] && args+=(--base "$PROFGATE_PR_BASE_SHA")
[ -n "${PROFGATE_PROFILER:-}" ] && args+=(--profiler "$PROFGATE_PROFILER")
is_true "${PROFGATE_ALLOC:-false}" && args+=(--alloc)

mkdir -p "$out"
cd "${PROFGATE_WORKING_DIRECTORY:-.}"
profgate "${args[@]}" -- bash -c "$PROFGATE_COMMAND"
set_output base-dir "$out/ab/base"
set_output set-dir "$out/ab/head"
