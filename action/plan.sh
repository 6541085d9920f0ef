#!/usr/bin/env bash
# Decides which of the action's steps run, from the mode input and the event, and checks the inputs
# once so later steps can trust them. Writes the decisions as step outputs (true/false).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mode="${PROFGATE_MODE:-full}"
event="${GITHUB_EVENT_NAME:-}"
comment="${PROFGATE_COMMENT:-always}"
case "$comment" in always | on-change | never) ;; *) fail_input "comment: '$comment' is not a comment mode; expected always, on-change or never" ;; esac
is_true "${PROFGATE_FAIL_ON_REGRESSION:-true}" || true
is_true "${PROFGATE_ALLOC:-false}" || true
[[ "${PROFGATE_REPEAT:-1}" =~ ^[1-9][0-9]*$ ]] || fail_input "repeat: '${PROFGATE_REPEAT}' is not a positive whole number"
[[ "${PROFGATE_TIMING_RUNS:-0}" =~ ^[0-9]+$ ]] || fail_input "timing-runs: '${PROFGATE_TIMING_RUNS}' is not a whole number"
[[ "${PROFGATE_RETENTION_DAYS:-30}" =~ ^[1-9][0-9]*$ ]] || fail_input "retention-days: '${PROFGATE_RETENTION_DAYS}' is not a positive whole number"
[[ "${PROFGATE_NAME:-default}" =~ ^[A-Za-z0-9._-]+$ ]] || fail_input "name: '${PROFGATE_NAME}' may only hold letters, digits, '.', '_' and '-' (it becomes part of an artifact name)"

is_pr=false
case "$event" in pull_request | pull_request_target) is_pr=true ;; esac

capture=false gate=false download=false ab=false
case "$mode" in
  full)
    capture=true
    gate=$is_pr
    ;;
  capture)
    capture=true
    ;;
  report)
    [ "$event" = workflow_run ] || fail_input "mode: report runs in a workflow_run workflow (this run's event is '${event:-unset}'); use mode: full for a single workflow"
    download=true
    gate=true
    ;;
  ab)
    $is_pr || fail_input "mode: ab compares a pull request with its base (this run's event is '${event:-unset}')"
    ab=true
    gate=true
    ;;
  *) fail_input "mode: '$mode' is not a mode; expected full, capture, report or ab" ;;
esac

if $capture || $ab; then
  [ -n "${PROFGATE_COMMAND:-}" ] || fail_input "command: required for mode $mode (what to profile, e.g. dotnet test tests/MyTests -c Release)"
fi

# The head commit of the run: the PR head (not the merge commit GITHUB_SHA names on pull_request),
# the triggering run's head for workflow_run, else GITHUB_SHA.
sha="${PROFGATE_PR_HEAD_SHA:-${PROFGATE_RUN_HEAD_SHA:-${GITHUB_SHA:-}}}"
[ -n "$sha" ] || fail_input "cannot tell the head commit: GITHUB_SHA is not set"

set_output capture "$capture"
set_output gate "$gate"
set_output download "$download"
set_output ab "$ab"
set_output sha "$sha"
set_output artifact "profgate-$sha-${PROFGATE_NAME:-default}"
out="${RUNNER_TEMP:?RUNNER_TEMP is not set}/profgate-${PROFGATE_NAME:-default}"
set_output out "$out"
set_output head-dir "$out/head"
echo "profgate: mode $mode on $event: capture=$capture gate=$gate download=$download ab=$ab (head $sha)"
