# Sourced by test.sh and bench/run.sh: installs, through apt, the packages of the commands that are
# missing, so that both work on a fresh Debian machine with only the .NET SDK.
#
#   install_missing WHO COMMAND:PACKAGE...    e.g. install_missing test.sh node:nodejs git:git

install_missing() {
  local who="$1" missing=() pair sudo=""
  shift
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "$who: installing ${missing[*]}" >&2
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
