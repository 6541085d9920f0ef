#!/usr/bin/env bash
# Runs 'profgate gate' in two stages around the report upload, so the comment links to a report
# that already exists:
#   run-gate.sh render   compare with the baseline, write report, summary and step outputs
#   run-gate.sh publish  post or update the PR comment (and status), exit 1 on a regression
set -euo pipefail
source "$(dirname "$0")/lib.sh"

stage="${1:?usage: run-gate.sh render|publish}"
out="${PROFGATE_OUT:?PROFGATE_OUT is not set: the plan step provides it}"
cd "${PROFGATE_WORKING_DIRECTORY:-.}"
case "$stage" in
  render)
    head="${PROFGATE_HEAD_DIR:?PROFGATE_HEAD_DIR is not set: the capture or download step provides it}"
    args=(gate --stage render --head "$head" --out "$out/report" --group "${PROFGATE_NAME:-default}")
    if [ -n "${PROFGATE_BASE_DIR:-}" ]; then
      args+=(--base "$PROFGATE_BASE_DIR")
    else
      args+=(--store "${PROFGATE_STORE:-github:}")
    fi
    config="${PROFGATE_CONFIG:-.profgate.yml}"
    if [ -f "$config" ]; then
      args+=(--config "$config")
    elif [ "$config" != .profgate.yml ]; then
      # Only the default may be absent (then the documented defaults apply).
      fail_input "config: $config does not exist (relative to ${PROFGATE_WORKING_DIRECTORY:-.})"
    fi
    profgate "${args[@]}"
    ;;
  publish)
    args=(gate --stage publish --out "$out/report" --comment "${PROFGATE_COMMENT:-always}")
    if is_true "${PROFGATE_FAIL_ON_REGRESSION:-true}"; then
      args+=(--fail-on-regression true)
    else
      args+=(--fail-on-regression false)
    fi
    [ -n "${PROFGATE_REPORT_URL:-}" ] && args+=(--report-url "$PROFGATE_REPORT_URL")
    profgate "${args[@]}"
    ;;
  *) fail_input "run-gate.sh: unknown stage '$stage'; expected render or publish" ;;
esac
