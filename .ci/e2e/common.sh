# Shared by the Nagios and Icinga end-to-end tests: installs the daemons when missing, builds the
# evidence each service checks, and installs check_arr502 where the daemons' user can run it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

install_packages() {
  local missing=()
  command -v nagios4 >/dev/null || missing+=(nagios4-core)
  command -v icinga2 >/dev/null || missing+=(icinga2-bin icinga2-common)
  [ -x /usr/lib/nagios/plugins/check_logfiles ] || missing+=(monitoring-plugins-check-logfiles)
  if [ ${#missing[@]} -gt 0 ]; then
    # package scripts must not start the system daemons: we run private instances
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# $1 = folder: a plugin dir with check_arr502 + jar, readable by user nagios
install_plugin() {
  local dir=$1
  mkdir -p "$dir"
  cp "$root/check/bin/check_arr502" "$root/check/target/check_arr502.jar" "$dir/"
  chmod 755 "$dir" "$dir/check_arr502"
  chmod 644 "$dir/check_arr502.jar"
}

# $1 = folder; writes evidence: ok/ (healthy), incident -> samples/incident copy, fifo/ (hangs on read)
make_evidence() {
  local ev=$1
  mkdir -p "$ev/ok/W3SVC1" "$ev/fifo/W3SVC1"
  {
    echo "#Software: Microsoft Internet Information Services 10.0"
    echo "#Fields: date time s-ip cs-uri-stem sc-status sc-substatus sc-win32-status time-taken"
    for i in $(seq 1 300); do printf '2026-11-24 14:%02d:%02d 10.0.0.10 /api/orders/%d 200 0 0 %d\n' $((i / 60)) $((i % 60)) "$i" $((20 + i % 50)); done
  } > "$ev/ok/W3SVC1/u_ex261124.log"
  cp -r "$root/samples/incident" "$ev/incident"
  mkfifo "$ev/fifo/W3SVC1/u_ex261124.log"
  chmod -R a+rX "$ev"
}
