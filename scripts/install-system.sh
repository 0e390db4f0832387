#!/usr/bin/env bash
# Debian packages zwgk needs: Chromium for pages built by script, Redis for the
# distributed crawl, nginx for the benchmark, SunPinyin's word trigram model (and tslminfo to
# read it) for the typo check. Idempotent: installs only what is missing.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
compgen -G "/usr/lib/*/sunpinyin/data/lm_sc.t3g" >/dev/null || need+=(sunpinyin-data)
command -v tslminfo >/dev/null 2>&1 || need+=(sunpinyin-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
