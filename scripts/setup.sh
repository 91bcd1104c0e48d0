#!/usr/bin/env bash
# Installs what building and testing ecsrole needs, only when it is missing, so a second run is instant.
# Swift itself comes with the machine (Swift 6 toolchain on PATH); everything else is installed here.
set -euo pipefail

need_apt=()
pkg-config --exists ncursesw 2>/dev/null || need_apt+=(libncurses-dev pkg-config)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
# libcurl: the binary loads it at run time for live AWS (Sources/CCurl); its header lets the build check
# the option numbers CCurl declares (ccurl_abi_check.c). libxml2: the tests compare the XML reader with
# FoundationXML's XMLParser, which the test build links.
[ -e /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -e /usr/include/curl/curl.h ] || need_apt+=(libcurl4-openssl-dev)
[ -e /usr/include/libxml2/libxml/parser.h ] || need_apt+=(libxml2-dev)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

need_pip=()
command -v moto_server >/dev/null 2>&1 || need_pip+=("moto[server]")
python3 -c 'import flask, flask_cors' >/dev/null 2>&1 || need_pip+=("moto[server]")
command -v cfn-lint >/dev/null 2>&1 || need_pip+=(cfn-lint)
if [ ${#need_pip[@]} -gt 0 ]; then
  echo "setup: installing ${need_pip[*]} (pip)"
  python3 -m pip install -q "${need_pip[@]}" || python3 -m pip install -q --break-system-packages "${need_pip[@]}"
  hash -r
fi

command -v swift >/dev/null 2>&1 || { echo "setup: swift (6.x) is not on PATH; install the Swift toolchain first" >&2; exit 2; }
