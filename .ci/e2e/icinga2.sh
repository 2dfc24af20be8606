#!/usr/bin/env bash
# Real Icinga 2 runs check_arr502 through contrib/icinga2/arr502.conf (the shipped CheckCommand) as user
# nagios; we read the results back from its REST API: state, output (long output included), perfdata.
# Then passive mode: check_arr502 --submit posts a result through /v1/actions/process-check-result.
set -euo pipefail
. "$(dirname "$0")/common.sh"
install_packages

t=$(mktemp -d /tmp/arr502-icinga.XXXXXX)
mkdir -p "$t"/{data/certs,log,cache,spool,run,conf,plugins,state}
D=(-DConfiguration.DataDir="$t/data" -DConfiguration.LogDir="$t/log" -DConfiguration.CacheDir="$t/cache"
   -DConfiguration.SpoolDir="$t/spool" -DConfiguration.InitRunDir="$t/run" -DConfiguration.PidPath="$t/run/icinga2.pid"
   -DConfiguration.ConfigDir="$t/conf" -DConfiguration.RunAsUser=nagios -DConfiguration.RunAsGroup=nagios)
cleanup() { [ -f "$t/run/icinga2.pid" ] && kill "$(cat "$t/run/icinga2.pid")" 2>/dev/null; sleep 0.5; rm -rf "$t"; }
trap cleanup EXIT
install_plugin "$t/plugins"
make_evidence "$t/ev"
port=$((20000 + RANDOM % 20000))
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$password" > "$t/api-password"
chown -R nagios:nagios "$t"
chmod 600 "$t/api-password"

node=arr502-e2e
icinga2 pki new-ca "${D[@]}" >/dev/null
icinga2 pki new-cert --cn "$node" --key "$t/data/certs/$node.key" --csr "$t/data/certs/$node.csr" "${D[@]}" >/dev/null
icinga2 pki sign-csr --csr "$t/data/certs/$node.csr" --cert "$t/data/certs/$node.crt" "${D[@]}" >/dev/null
cp "$t/data/ca/ca.crt" "$t/data/certs/ca.crt"
chown -R nagios:nagios "$t"

cat > "$t/conf/icinga2.conf" <<CFG
const PluginDir = "/usr/lib/nagios/plugins"
const PluginContribDir = "$t/plugins"
const NodeName = "$node"
const ZoneName = NodeName
const TicketSalt = ""
include <itl>
include <plugins>
include "$root/contrib/icinga2/arr502.conf"

object FileLogger "main" { path = "$t/log/icinga2.log"; severity = "information" }
object CheckerComponent "checker" { }
object Endpoint NodeName { }
object Zone ZoneName { endpoints = [ NodeName ] }
object ApiListener "api" {
  bind_host = "127.0.0.1"
  bind_port = $port
  accept_config = false
  accept_commands = true
}
object ApiUser "arr502" {
  password = "$password"
  permissions = [ "objects/query/*", "actions/*" ]
}
object Host "arr01" {
  check_command = "dummy"
  address = "127.0.0.1"
  enable_active_checks = false
}
template Service "arr502-test" {
  host_name = "arr01"
  check_command = "arr502"
  check_interval = 1h
  max_check_attempts = 1
}
object Service "ok" {
  import "arr502-test"
  vars.arr502_logs = "$t/ev/ok"
  vars.arr502_window = "all"
}
object Service "warning" {
  import "arr502-test"
  vars.arr502_mode = "triage"
  vars.arr502_logs = "$t/ev/incident/logs"
  vars.arr502_config = "$t/ev/incident/config"
  vars.arr502_window = "all"
}
object Service "critical" {
  import "arr502-test"
  vars.arr502_mode = "triage"
  vars.arr502_evidence = "$t/ev/incident"
  vars.arr502_window = "all"
  vars.arr502_critical = "3"
}
object Service "unknown" {
  import "arr502-test"
  vars.arr502_logs = "$t/ev/missing"
  vars.arr502_window = "all"
}
object Service "hanging" {
  import "arr502-test"
  vars.arr502_logs = "$t/ev/fifo/W3SVC1/u_ex261124.log"
  vars.arr502_window = "all"
  vars.arr502_timeout = 3
}
object Service "passive" {
  host_name = "arr01"
  check_command = "dummy"
  enable_active_checks = false
  max_check_attempts = 1
}
CFG
chown nagios:nagios "$t/conf/icinga2.conf"
icinga2 daemon -C -c "$t/conf/icinga2.conf" "${D[@]}" > "$t/validate.txt" 2>&1 || { tail -20 "$t/validate.txt"; exit 1; }
icinga2 daemon -c "$t/conf/icinga2.conf" "${D[@]}" -d -e "$t/log/error.log"

api() { curl -sS --cacert "$t/data/certs/ca.crt" --resolve "$node:$port:127.0.0.1" -u "arr502:$password" -H 'Accept: application/json' "$@"; }
url="https://$node:$port/v1"
for i in $(seq 1 60); do api "$url/status" >/dev/null 2>&1 && break; sleep 0.5; done

# run every active check now rather than wait for the scheduler
for svc in ok warning critical unknown hanging; do
  api -X POST "$url/actions/reschedule-check" -d "{\"type\":\"Service\",\"filter\":\"service.name==\\\"$svc\\\"\",\"force\":true}" >/dev/null
done

result() { # service -> "state|output|perfdata" from the API once it has a result
  api "$url/objects/services/arr01!$1?attrs=last_check_result" | python3 -c '
import json,sys
r=json.load(sys.stdin)["results"][0]["attrs"]["last_check_result"]
if r is None: print(""); sys.exit()
print("%d|%s|%s" % (r["state"], r["output"].replace("\n","\\n"), " ".join(r.get("performance_data") or [])))'
}
fail=0
expect() { # service state output-prefix [perfdata] [long-output]
  local r=""
  for i in $(seq 1 60); do r=$(result "$1"); [ -n "$r" ] && break; sleep 0.5; done
  local s=${r%%|*} rest=${r#*|}; local o=${rest%%|*} p=${rest#*|}
  if [ "$s" = "$2" ] && [[ "$o" == "$3"* ]]; then echo "icinga2 ok: $1 state=$s output=${o:0:90}"
  else echo "icinga2 FAIL: $1 expected state $2 and '$3…', got state=$s output=${o:0:300}"; fail=1; fi
  if [ -n "${4:-}" ] && [[ "$p" != *"$4"* ]]; then echo "icinga2 FAIL: $1 perfdata lacks $4: $p"; fail=1; fi
  if [ -n "${5:-}" ] && [[ "$o" != *"$5"* ]]; then echo "icinga2 FAIL: $1 long output lacks $5"; fail=1; fi
}
expect ok 0 "ARR502 OK - 502.3 rate 0% (0 of 300 requests" "rate_502_3=0%;1;5;0;100" "route /api/orders/{id}"
expect warning 1 "ARR502 WARNING - 502.3 rate 4.75% (385 of 8098 requests, window all) - cause ARR_TIMEOUT_TOO_LOW" "count_502_3=385;;;0" "farm appFarm"
expect critical 2 "ARR502 CRITICAL - 502.3 rate 4.75%" "rate_502_3=4.75%;1;3;0;100" "rollback (cmd): %windir%"
expect unknown 3 "ARR502 UNKNOWN - logs: no such log file or folder"
expect hanging 3 "ARR502 UNKNOWN - timed out after 3 s"

# passive: the check posts its own result, as an agent on the IIS host would
"$t/plugins/check_arr502" logs "$t/ev/incident/logs" --window all -w 1 -c 5 --submit icinga2 \
  --api-url "https://127.0.0.1:$port" --api-user arr502 --api-password-file "$t/api-password" --api-cert-name "$node" \
  --api-ca "$t/data/certs/ca.crt" --api-host arr01 --api-service passive > "$t/passive.out" || true
expect passive 1 "ARR502 WARNING - 502.3 rate 4.75% (385 of 8098 requests" "'count_502_3'=385;;;0"
grep -q "submitted to icinga2" "$t/passive.out" || { echo "icinga2 FAIL: passive run did not confirm: $(cat "$t/passive.out")"; fail=1; }

[ $fail -eq 0 ] || { echo "--- icinga2.log"; tail -30 "$t/log/icinga2.log"; exit 1; }
echo "icinga2: 6 of 6 services as expected"
