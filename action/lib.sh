# Shared by the action's scripts (sourced, not run). Every input arrives as a PROFGATE_* variable
# set in action.yml's env: blocks, never spliced into the shell text, so no input can inject shell.

# Runs profgate: $PROFGATE is the built profgate.dll (run with dotnet) or any executable.
profgate() {
  if [[ "${PROFGATE:?PROFGATE is not set: the build step provides it}" == *.dll ]]; then
    dotnet "$PROFGATE" "$@"
  else
    "$PROFGATE" "$@"
  fi
}

# Appends name=value to the step outputs.
set_output() {
  printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run inside GitHub Actions}"
}

# Prints an error annotation and exits 2 (profgate's usage/input error code).
fail_input() {
  echo "::error title=profgate::$1"
  exit 2
}

# True/false inputs: accepts true/false/yes/no/1/0 in any case.
is_true() {
  case "${1,,}" in
    true | yes | 1 | on) return 0 ;;
    false | no | 0 | off | '') return 1 ;;
    *) fail_input "'$1' is not a boolean; expected true or false" ;;
  esac
}
