#!/usr/bin/env bash
# The packaged check_arr502 inside real monitoring daemons (installed from Debian when missing).
set -euo pipefail
cd "$(dirname "$0")/../e2e"
bash nagios.sh
if [ -f icinga2.sh ]; then bash icinga2.sh; fi
