#!/usr/bin/env bash
# Real Nagios 4 runs check_arr502 (through contrib/nagios/arr502-commands.cfg) as user nagios; we read
# what it recorded in status.dat: state, plugin output, long output, perfdata. OK, WARNING, CRITICAL,
# UNKNOWN and a hanging input cut by -t.
set -euo pipefail
. "$(dirname "$0")/common.sh"
install_packages

t=$(mktemp -d /tmp/arr502-nagios.XXXXXX)
trap 'kill $(cat "$t/nagios.lock" 2>/dev/null) 2>/dev/null || true; rm -rf "$t"' EXIT
install_plugin "$t/plugins"
make_evidence "$t/ev"
mkdir -p "$t/checkresults" "$t/state"
cat > "$t/resource.cfg" <<CFG
\$USER1\$=/usr/lib/nagios/plugins
\$USER5\$=$t/plugins
CFG
cat > "$t/objects.cfg" <<CFG
define host {
    host_name               arr01
    address                 127.0.0.1
    check_command           host_ok
    active_checks_enabled   0
    max_check_attempts      1
    check_period            always
    notifications_enabled   0
    contacts                nobody
}
define command {
    command_name    host_ok
    command_line    /bin/true
}
define contact {
    contact_name                    nobody
    host_notifications_enabled      0
    service_notifications_enabled   0
    host_notification_period        always
    service_notification_period     always
    host_notification_options       n
    service_notification_options    n
    host_notification_commands      host_ok
    service_notification_commands   host_ok
}
define timeperiod {
    timeperiod_name always
    alias           always
    sunday 00:00-24:00
    monday 00:00-24:00
    tuesday 00:00-24:00
    wednesday 00:00-24:00
    thursday 00:00-24:00
    friday 00:00-24:00
    saturday 00:00-24:00
}
define service {
    name                    arr502-test
    register                0
    host_name               arr01
    max_check_attempts      1
    check_interval          60
    retry_interval          60
    check_period            always
    notifications_enabled   0
    active_checks_enabled   1
    contacts                nobody
    notification_period     always
    notification_interval   0
}
define service {
    use                     arr502-test
    service_description     ok
    check_command           check_arr502_logs!$t/ev/ok!1!5!all
}
define service {
    use                     arr502-test
    service_description     warning
    check_command           check_arr502_triage!$t/ev/incident!1!5!all
}
define service {
    use                     arr502-test
    service_description     critical
    check_command           check_arr502_triage!$t/ev/incident!1!3!all
}
define service {
    use                     arr502-test
    service_description     unknown
    check_command           check_arr502_logs!$t/ev/missing!1!5!all
}
define service {
    use                     arr502-test
    service_description     hanging
    check_command           check_arr502_logs!$t/ev/fifo/W3SVC1/u_ex261124.log!1!5!all
}
CFG
cat > "$t/nagios.cfg" <<CFG
log_file=$t/nagios.log
cfg_file=$t/objects.cfg
cfg_file=$root/contrib/nagios/arr502-commands.cfg
resource_file=$t/resource.cfg
object_cache_file=$t/objects.cache
precached_object_file=$t/objects.precache
status_file=$t/status.dat
status_update_interval=1
state_retention_file=$t/retention.dat
retain_state_information=0
use_retained_program_state=0
nagios_user=nagios
nagios_group=nagios
check_external_commands=1
command_file=$t/nagios.cmd
lock_file=$t/nagios.lock
temp_file=$t/nagios.tmp
temp_path=$t
check_result_path=$t/checkresults
check_result_reaper_frequency=1
service_check_timeout=10
max_service_check_spread=1
interval_length=1
enable_notifications=0
enable_event_handlers=0
execute_host_checks=0
illegal_macro_output_chars=\`~\$&|'"<>
CFG
chown -R nagios:nagios "$t"
nagios4 -v "$t/nagios.cfg" > "$t/verify.txt" || { cat "$t/verify.txt"; exit 1; }
nagios4 -d "$t/nagios.cfg"

# force every service now instead of waiting for the scheduler's spread
for i in $(seq 1 50); do [ -p "$t/nagios.cmd" ] && break; sleep 0.2; done
now=$(date +%s)
for svc in ok warning critical unknown hanging; do
  printf '[%s] SCHEDULE_FORCED_SVC_CHECK;arr01;%s;%s\n' "$now" "$svc" "$now" > "$t/nagios.cmd"
done

# status.dat: wait until every service has a result
for i in $(seq 1 120); do
  checked=$(awk '/^servicestatus/{s=1} s&&/has_been_checked=1/{n++} /^\t}$/{s=0} END{print n+0}' "$t/status.dat" 2>/dev/null || echo 0)
  [ "$checked" -ge 5 ] && break
  sleep 0.5
done

field() { # $1 service, $2 field
  awk -v svc="$1" -v f="$2" '
    /^servicestatus/ { inblock=1; matched=0; next }
    inblock && $0 ~ "service_description="svc"$" { matched=1 }
    inblock && matched && index($0, "\t"f"=") == 1 { sub("^\t"f"=", ""); print; exit }
    /^\t}$/ { inblock=0 }' "$t/status.dat"
}
fail=0
expect() { # service state output-prefix
  local s o p l
  s=$(field "$1" current_state); o=$(field "$1" plugin_output); p=$(field "$1" performance_data); l=$(field "$1" long_plugin_output)
  if [ "$s" = "$2" ] && [[ "$o" == "$3"* ]]; then
    echo "nagios ok: $1 state=$s output=${o:0:90}"
  else
    echo "nagios FAIL: $1 expected state $2 and output '$3…', got state=$s output=$o"; fail=1
  fi
  if [ -n "${4:-}" ] && [[ "$p" != *"$4"* ]]; then echo "nagios FAIL: $1 perfdata lacks $4: $p"; fail=1; fi
  if [ -n "${5:-}" ] && [[ "$l" != *"$5"* ]]; then echo "nagios FAIL: $1 long output lacks $5: ${l:0:200}"; fail=1; fi
}
expect ok 0 "ARR502 OK - 502.3 rate 0% (0 of 300 requests" "'rate_502_3'=0%;1;5;0;100" "route /api/orders/{id}"
expect warning 1 "ARR502 WARNING - 502.3 rate 4.75% (385 of 8098 requests, window all) - cause ARR_TIMEOUT_TOO_LOW" "'count_502_3'=385;;;0" "diagnosis ARR_TIMEOUT_TOO_LOW"
expect critical 2 "ARR502 CRITICAL - 502.3 rate 4.75%" "'rate_502_3'=4.75%;1;3;0;100" "rollback (cmd): %windir%"
expect unknown 3 "ARR502 UNKNOWN - logs: no such log file or folder"
expect hanging 3 "ARR502 UNKNOWN - timed out after 8 s"
[ $fail -eq 0 ] || { echo "--- nagios.log"; tail -30 "$t/nagios.log"; exit 1; }
echo "nagios: 5 of 5 services as expected"
