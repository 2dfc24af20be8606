package io.arr502.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar as Nagios runs it: a real process, its stdout and its exit code. */
class CheckProcessIT {
    static final Path JAR = Path.of("target/check_arr502.jar");
    static final Path SAMPLE = Path.of("../samples/incident");
    static final String FIRST_LINE = "^ARR502 (OK|WARNING|CRITICAL|UNKNOWN) - [^|\\n]+( \\| [^|\\n]+)?$";

    @TempDir
    Path tmp;

    record Run(int exit, String out) {
        String first() {
            return out.lines().findFirst().orElse("");
        }
    }

    Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).as("nothing on stderr").doesNotContain("Exception");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Path log(String body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("W3SVC1"));
        Path f = dir.resolve("u_ex261124.log");
        Files.writeString(f, "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n" + body);
        return f;
    }

    static String lines(int n, String uri, String rest) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format("2026-11-24 14:%02d:%02d %s %s%n", i / 60 % 60, i % 60, uri, rest));
        }
        return b.toString();
    }

    @Test
    void sampleIncidentIsAWarningNamingTheCauseAndTheFix() throws Exception {
        Run r = run("triage", "--evidence", SAMPLE.toString(), "--window", "all");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.first()).matches(FIRST_LINE)
                .startsWith("ARR502 WARNING - 502.3 rate 4.75% (385 of 8098 requests, window all) - cause ARR_TIMEOUT_TOO_LOW")
                .contains("'rate_502_3'=4.75%;1;5;0;100", "'count_502_3'=385;;;0", "'win32_12002'=359;;;0");
        assertThat(r.out()).contains("diagnosis ARR_TIMEOUT_TOO_LOW", "rollback (cmd): %windir%\\system32\\inetsrv\\appcmd.exe set config");
        assertThat(r.out().chars().filter(c -> c == '|').count()).as("one pipe, on the first line").isEqualTo(1);
    }

    @Test
    void okWarningCriticalByThresholds() throws Exception {
        Path f = log(lines(200, "/a", "200 0 0 15") + lines(4, "/b", "502 3 12002 29990"));
        assertThat(run("logs", f.toString(), "--window", "all").exit()).isEqualTo(1); // 1.96 % > 1
        assertThat(run("logs", f.toString(), "--window", "all", "-w", "3", "-c", "5").exit()).isZero();
        Run crit = run("logs", f.toString(), "--window", "all", "-w", "0.5", "-c", "1.5");
        assertThat(crit.exit()).isEqualTo(2);
        assertThat(crit.first()).startsWith("ARR502 CRITICAL - 502.3 rate 1.96% (4 of 204 requests");
        Run count = run("logs", f.toString(), "--window", "all", "--metric", "count", "-w", "2", "-c", "10");
        assertThat(count.exit()).isEqualTo(1);
        assertThat(count.first()).contains("'count_502_3'=4;2;10;0");
    }

    @Test
    void fewRequestsAreNotJudged() throws Exception {
        Path f = log(lines(5, "/a", "200 0 0 15") + lines(1, "/b", "502 3 12002 29990"));
        Run r = run("logs", f.toString(), "--window", "all");
        assertThat(r.exit()).isZero();
        assertThat(r.first()).contains("too few requests to judge the rate (6 < 20)");
    }

    @Test
    void longPollAbortsLeaveTheVerdictWhenTheirRouteIsExcluded() throws Exception {
        // GoAccess #1539: POST /Microsoft-Server-ActiveSync Cmd=Ping&... 502 3 1236 197437
        Path f = log(lines(200, "/api/orders/1", "200 0 0 40") + lines(20, "/Microsoft-Server-ActiveSync", "502 3 1236 197437"));
        Run all = run("logs", f.toString(), "--window", "all", "--judge-client-aborts");
        assertThat(all.exit()).isEqualTo(2);
        assertThat(all.out()).contains("CLIENT_ABORT").contains("failure rate without them: 0.00 %");
        Run scoped = run("logs", f.toString(), "--window", "all", "--judge-client-aborts", "--exclude-route", "/Microsoft-Server-ActiveSync*");
        assertThat(scoped.exit()).isZero();
        assertThat(scoped.first()).startsWith("ARR502 OK - 502.3 rate 0% (0 of 200 requests");
        Run bad = run("logs", f.toString(), "--window", "all", "--include-route", "regex:([a");
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.first()).startsWith("ARR502 UNKNOWN - ").contains("not a valid route/site pattern");
    }

    @Test
    void aStateCountedWithoutTheRouteFilterIsNotReusedWithIt() throws Exception {
        // issue 17: the filter applies in the engine, so the state's minutes (and its overflow bucket) hold what it
        // counted under the filter it was built with; a run under another filter rebuilds it
        Path f = log(lines(200, "/api/orders/1", "200 0 0 40") + lines(20, "/Microsoft-Server-ActiveSync", "502 3 1236 197437")
                .replace("2026-11-24 14:00:", "2026-11-24 14:03:"));
        String[] window = {"--window", "15m", "--now", "2026-11-24T14:10:00Z", "--state-dir", tmp.resolve("state").toString(), "--judge-client-aborts"};
        Run all = run(concat(new String[]{"logs", f.toString()}, window));
        assertThat(all.first()).startsWith("ARR502 CRITICAL - 502.3 rate 9.09% (20 of 220 requests");
        Run scoped = run(concat(new String[]{"logs", f.toString(), "--exclude-route", "/Microsoft-Server-ActiveSync"}, window));
        Run full = run("logs", f.toString(), "--exclude-route", "/Microsoft-Server-ActiveSync", "--window", "15m", "--now",
                "2026-11-24T14:10:00Z", "--no-state", "--judge-client-aborts");
        assertThat(scoped.exit()).isZero();
        assertThat(scoped.first()).isEqualTo(full.first()).startsWith("ARR502 OK - 502.3 rate 0% (0 of 200 requests");
        assertThat(scoped.out()).contains("route filter changed since the last run; state rebuilt");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void longPollClientAbortsAreNotJudgedButSaidOnTheFirstLineAndInPerfdata() throws Exception {
        // GoAccess #1539's long polls (1236, and 64 as ERROR_NETNAME_DELETED) beside 3 real ARR timeouts of 500 requests
        Path f = log(lines(480, "/api/orders/1", "200 0 0 40") + lines(3, "/api/reports/9", "502 3 12002 29990")
                + lines(12, "/Microsoft-Server-ActiveSync", "502 3 1236 197437") + lines(5, "/Microsoft-Server-ActiveSync", "502 3 64 197437"));
        Run r = run("logs", f.toString(), "--window", "all");
        assertThat(r.exit()).isZero();
        assertThat(r.first()).matches(FIRST_LINE)
                .startsWith("ARR502 OK - 502.3 rate 0.6% (3 of 500 requests, window all; 17 client aborts not judged)")
                .contains("'rate_502_3'=0.6%;1;5;0;100", "'count_502_3'=3;;;0", "'client_aborts'=17;;;0");
        assertThat(r.out()).contains("diagnosis CLIENT_ABORT", "route /Microsoft-Server-ActiveSync: 17 requests, 17 502.3 (17 client aborts, not judged)");

        Run judged = run("logs", f.toString(), "--window", "all", "--judge-client-aborts");
        assertThat(judged.exit()).isEqualTo(1);
        assertThat(judged.first()).startsWith("ARR502 WARNING - 502.3 rate 4% (20 of 500 requests, window all; 17 client aborts judged (--judge-client-aborts))")
                .contains("'client_aborts'=17;;;0");

        JsonNode json = new ObjectMapper().readTree(run("logs", f.toString(), "--window", "all", "--format", "json").out());
        assertThat(json.at("/metrics/clientAborts").asLong()).isEqualTo(17);
        assertThat(json.at("/metrics/count502_3").asLong()).isEqualTo(3);

        Path baseline = tmp.resolve("baseline.json");
        assertThat(run("logs", f.toString(), "--window", "all", "--save-baseline", baseline.toString()).exit()).isZero();
        assertThat(new ObjectMapper().readTree(baseline.toFile()).get("count502_3").asLong()).as("a saved baseline stores the judged count").isEqualTo(3);
    }

    @Test
    void everyFailureIsUnknownWithOneLineAndExit3() throws Exception {
        for (String[] args : List.of(
                new String[]{"logs", tmp.resolve("missing").toString()},
                new String[]{"logs", tmp.toString()}, // a folder with no u_ex*.log: a wrong path, not a quiet site
                new String[]{"logs", SAMPLE.resolve("logs").toString(), "--submit", "icinga2"},
                new String[]{"logs", SAMPLE.resolve("logs").toString(), "--submit", "icinga2", "--api-url", "https://127.0.0.1:1",
                        "--api-user", "u", "--api-password-file", SAMPLE.resolve("config/applicationHost.config").toString(), "--window", "all"},
                new String[]{"logs", SAMPLE.toString(), "-w", "abc"},
                new String[]{"logs", SAMPLE.toString(), "--window", "forever"},
                new String[]{"logs", "--no-such-option", "x"},
                new String[]{"nosuchmode"},
                new String[]{},
                new String[]{"verify"},
                new String[]{"logs", SAMPLE.toString(), "--format", "xml"})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(r.first()).as(String.join(" ", args)).startsWith("ARR502 UNKNOWN - ").matches(FIRST_LINE);
        }
    }

    @Test
    void aHangingInputIsKilledByTheDeadline() throws Exception {
        Path fifo = Files.createDirectories(tmp.resolve("W3SVC9")).resolve("u_ex261124.log");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        Run r = run("logs", fifo.toString(), "--window", "all", "-t", "1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("ARR502 UNKNOWN - timed out after 1 s\n");
        Run crit = run("logs", fifo.toString(), "--window", "all", "-t", "1", "--timeout-state", "CRITICAL");
        assertThat(crit.exit()).isEqualTo(2);
        assertThat(crit.first()).isEqualTo("ARR502 CRITICAL - timed out after 1 s");
    }

    @Test
    void pipesAndNewlinesFromTheLogCannotBreakTheOutput() throws Exception {
        Path f = log(lines(30, "/evil|'x'=1", "502 3 12002 29990"));
        Run r = run("logs", f.toString(), "--window", "all");
        assertThat(r.first()).matches(FIRST_LINE);
        assertThat(r.out().chars().filter(c -> c == '|').count()).isEqualTo(1);
        assertThat(r.out()).contains("route /evil/'x'=1");
    }

    @Test
    void jsonCarriesTheSameVerdict() throws Exception {
        Run r = run("triage", "--evidence", SAMPLE.toString(), "--window", "all", "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("WARNING");
        assertThat(j.get("exitCode").asInt()).isEqualTo(1);
        assertThat(j.at("/metrics/requests").asLong()).isEqualTo(8098);
        assertThat(j.at("/metrics/count502_3").asLong()).isEqualTo(385);
        assertThat(j.at("/metrics/rate502_3").asDouble()).isEqualTo(4.75);
        assertThat(j.at("/metrics/byStatus/502.3").asLong()).isEqualTo(385);
        assertThat(j.at("/metrics/byWin32/12002").asLong()).isEqualTo(359);
        assertThat(j.at("/metrics/routes/0/route").asText()).isEqualTo("/api/reports/{id}");
        assertThat(j.at("/metrics/routes/0").has("p99")).isTrue();
        assertThat(j.get("malformedLines").asLong()).isZero();
        assertThat(j.at("/diagnosis/0/cause").asText()).isEqualTo("ARR_TIMEOUT_TOO_LOW");
        // each step in both shells, appcmd by its full path
        assertThat(j.at("/remediation/0/rollback/0/cmd").asText()).startsWith("%windir%\\system32\\inetsrv\\appcmd.exe set config");
        assertThat(j.at("/remediation/0/rollback/0/powershell").asText()).startsWith("& \"$env:windir\\system32\\inetsrv\\appcmd.exe\" set config");
        assertThat(j.at("/remediation/0/fix/0/argv/0").asText()).isEqualTo("add");
    }

    @Test
    void slidingWindowStateIsKeptPerInputAndReadIncrementally() throws Exception {
        Path f = log(lines(100, "/a", "200 0 0 15"));
        Path state = tmp.resolve("state");
        Run first = run("logs", f.toString(), "--window", "15m", "--now", "2026-11-24T14:02:00Z", "--state-dir", state.toString(), "-vv");
        assertThat(first.exit()).isZero();
        try (var s = Files.list(state)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".json")).count()).isEqualTo(1);
        }
        Files.writeString(f, lines(30, "/b", "502 3 12002 29990"), java.nio.file.StandardOpenOption.APPEND);
        Run second = run("logs", f.toString(), "--window", "15m", "--now", "2026-11-24T14:02:00Z", "--state-dir", state.toString());
        assertThat(second.first()).contains("30 of 130 requests");
    }

    @Test
    void aStateFileNamedByAnEarlierBuildIsAdoptedNotLost() throws Exception {
        Path f = log(lines(100, "/a", "200 0 0 15"));
        Path state = tmp.resolve("state");
        String[] args = {"logs", f.toString(), "--window", "15m", "--now", "2026-11-24T14:02:00Z", "--state-dir", state.toString()};
        assertThat(run(args).exit()).isZero();
        Path current;
        try (var s = Files.list(state)) {
            current = s.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
        }
        // earlier builds named it by the first 16 hex digits of SHA-256 over the absolute inputs and the window
        String key = f.toAbsolutePath().normalize() + "\n15m";
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        Path legacy = state.resolve("logs-" + sha + ".json");
        assertThat(legacy).isNotEqualTo(current);
        Files.move(current, legacy);
        Files.writeString(f, lines(30, "/b", "502 3 12002 29990"), java.nio.file.StandardOpenOption.APPEND);
        Run second = run(args);
        assertThat(second.first()).as("the cursor carried on: 100 old + 30 new, nothing counted twice").contains("30 of 130 requests");
        assertThat(current).exists();
        assertThat(legacy).doesNotExist();
    }

    /** core's appcmd stand-in (a real applicationHost.config edited per appcmd's documented grammar), as an executable. */
    private Path standInAppcmd(Path config) throws IOException {
        Path classes = Path.of("../core/target/test-classes").toAbsolutePath().normalize();
        assertThat(classes.resolve("io/arr502/core/remediation/AppcmdStandIn.class")).as("build core's tests first").exists();
        Path exe = config.resolveSibling("appcmd");
        Files.writeString(exe, "#!/bin/sh\nexec '" + System.getProperty("java.home") + "/bin/java' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + classes + "' io.arr502.core.remediation.AppcmdStandIn '" + config + "' \"$@\"\n");
        exe.toFile().setExecutable(true);
        return exe;
    }

    private Path configCopy(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return Files.copy(SAMPLE.resolve("config/applicationHost.config"), dir.resolve("applicationHost.config"));
    }

    private static com.sun.net.httpserver.HttpServer healthServer() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", ex -> {
            byte[] b = "Healthy".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return server;
    }

    private Path recentLog(int ok, int failed) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("recent/W3SVC1"));
        Path f = dir.resolve("u_ex261125.log");
        java.time.format.DateTimeFormatter fmt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
        String now = fmt.format(java.time.Instant.now());
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < ok; i++) {
            // successful requests near the timeout: a route that needs longer (at 900 ms it would be a backend that hangs, BACKEND_STALL)
            b.append(now).append(" /api/reports/1 200 0 0 25000\n");
        }
        for (int i = 0; i < failed; i++) {
            b.append(now).append(" /api/reports/2 502 3 12002 29990\n");
        }
        Files.writeString(f, b);
        return f;
    }

    @Test
    void remediatePrintsThePlanAndAppliesItOnlyWhenItIsSafeAndVerified() throws Exception {
        Path logs = SAMPLE.resolve("logs");
        Run plan = run("remediate", "--logs", logs.toString(), "--config", SAMPLE.resolve("config").toString(), "--window", "all");
        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.out()).contains("fix for ARR_TIMEOUT_TOO_LOW: dedicated farm appFarm-report (00:02:00) for /api/reports/{id}",
                "  run (cmd): %windir%\\system32\\inetsrv\\appcmd.exe add backup arr502-");

        // without --config there is nothing to build a safe plan from: refused, nothing run
        Path blindCfg = configCopy("blind");
        Path blind = standInAppcmd(blindCfg);
        Run refused = run("remediate", "--logs", logs.toString(), "--window", "all", "--apply", "--appcmd", blind.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.first()).contains("--apply refused: without --config");
        assertThat(blindCfg.resolveSibling("standin.calls")).doesNotExist();

        com.sun.net.httpserver.HttpServer server = healthServer();
        try {
            String probe = "http://127.0.0.1:" + server.getAddress().getPort() + "/health;body=Healthy";
            // the sample is old: the recovery window holds no request and there is no probe, so nothing proves the fix: rolled back
            Path quietCfg = configCopy("quiet");
            byte[] original = Files.readAllBytes(quietCfg);
            Run quiet = run("remediate", "--logs", logs.toString(), "--config", quietCfg.toString(), "--window", "all", "--apply",
                    "--appcmd", standInAppcmd(quietCfg).toString(), "--recovery", "1s", "--deadline", "3s", "--interval", "1s",
                    "--journal", tmp.resolve("quiet.log").toString());
            assertThat(quiet.exit()).as(quiet.out()).isEqualTo(3);
            assertThat(quiet.first()).startsWith("ARR502 UNKNOWN - rolled back (no evidence to verify: no evidence: 0 request(s) in the window");
            assertThat(io.arr502.core.config.ConfigReader.read(quietCfg).farms()).extracting(f -> f.name()).containsExactly("appFarm");
            assertThat(Files.readString(tmp.resolve("quiet.log"))).contains("backup: arr502-", "rollback complete");
            assertThat(Files.readAllBytes(quietCfg.resolveSibling("backup").resolve(quiet.out().replaceAll("(?s).*backup: (arr502-[0-9T]+).*", "$1"))
                    .resolve("applicationHost.config"))).isEqualTo(original);

            // probes answer: applied, verified against the live configuration, kept
            Path cfg = configCopy("live");
            Path appcmd = standInAppcmd(cfg);
            // -t 1 would halt an ordinary check; --apply runs on its own budgets (a dozen stand-in processes take longer than 1 s)
            Run applied = run("remediate", "--logs", logs.toString(), "--config", cfg.toString(), "--window", "all", "--apply", "-t", "1",
                    "--appcmd", appcmd.toString(), "--url", probe, "--recovery", "1s", "--deadline", "5s", "--interval", "1s",
                    "--journal", tmp.resolve("applied.log").toString());
            assertThat(applied.first()).as(applied.out()).startsWith("ARR502 OK - applied and verified: dedicated farm appFarm-report");
            assertThat(applied.exit()).isZero();
            assertThat(io.arr502.core.config.ConfigReader.read(cfg).rules().get(0).name()).isEqualTo("ARR_report_api_reports");

            // a second run over the applied fix refuses and changes nothing
            byte[] fixed = Files.readAllBytes(cfg);
            Run again = run("remediate", "--logs", logs.toString(), "--config", SAMPLE.resolve("config").toString(), "--window", "all", "--apply",
                    "--appcmd", appcmd.toString(), "--url", probe, "--recovery", "1s", "--deadline", "5s", "--interval", "1s",
                    "--journal", tmp.resolve("again.log").toString());
            assertThat(again.exit()).isEqualTo(3);
            assertThat(again.first()).contains("refused: farm appFarm-report already exists");
            assertThat(Files.readAllBytes(cfg)).isEqualTo(fixed);
        } finally {
            server.stop(0);
        }

        // the probe fails after the change: rolled back to the original configuration
        int closed;
        try (java.net.ServerSocket sock = new java.net.ServerSocket(0)) {
            closed = sock.getLocalPort();
        }
        Path badCfg = configCopy("bad");
        String before = io.arr502.core.config.ConfigReader.read(badCfg).toString();
        Run rolled = run("remediate", "--logs", logs.toString(), "--config", badCfg.toString(), "--window", "all", "--apply",
                "--appcmd", standInAppcmd(badCfg).toString(), "--url", "tcp://127.0.0.1:" + closed, "--recovery", "1s", "--deadline", "3s",
                "--interval", "1s", "--journal", tmp.resolve("bad.log").toString());
        assertThat(rolled.exit()).as(rolled.out()).isEqualTo(2);
        assertThat(rolled.first()).startsWith("ARR502 CRITICAL - rolled back (verification failed: probe 127.0.0.1:" + closed + " failed");
        assertThat(io.arr502.core.config.ConfigReader.read(badCfg).toString().replace(badCfg.toString(), ""))
                .isEqualTo(before.replace(badCfg.toString(), ""));
    }

    @Test
    void verifyPassesOnHealthyEvidenceFailsOnFreshErrorsAndIsUnknownWithoutEvidence() throws Exception {
        com.sun.net.httpserver.HttpServer server = healthServer();
        try {
            String probe = "http://127.0.0.1:" + server.getAddress().getPort() + "/health;body=Healthy";
            Run ok = run("verify", "--logs", recentLog(100, 0).toString(), "--url", probe, "--recovery", "1s", "--deadline", "5s", "--interval", "1s");
            assertThat(ok.exit()).as(ok.out()).isZero();
            assertThat(ok.first()).startsWith("ARR502 OK - verified: every poll passed for 1s");
        } finally {
            server.stop(0);
        }
        // a 2-minute window still holds lines stamped in the previous minute, whenever the run crosses a minute boundary
        Run bad = run("verify", "--logs", recentLog(100, 100).toString(), "--recovery", "2m", "--deadline", "2s", "--interval", "1s");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.first()).contains("verification failed: 502.3 rate");
        // old logs (nothing in the recovery window) and a garbage log are no evidence: UNKNOWN, never OK
        Run old = run("verify", "--logs", SAMPLE.resolve("logs").toString(), "--recovery", "1s", "--deadline", "2s", "--interval", "1s");
        assertThat(old.exit()).isEqualTo(3);
        assertThat(old.first()).startsWith("ARR502 UNKNOWN - cannot verify: no evidence: 0 request(s) in the window");
        Path garbage = Files.createDirectories(tmp.resolve("garbage")).resolve("u_ex261124.log");
        Files.writeString(garbage, "this is not\na W3C log\n");
        Run junk = run("verify", "--logs", garbage.toString(), "--recovery", "1s", "--deadline", "2s", "--interval", "1s");
        assertThat(junk.exit()).isEqualTo(3);
        assertThat(junk.first()).startsWith("ARR502 UNKNOWN - cannot verify");
    }

    @Test
    void baselineFilesDriveTheRegressionTest() throws Exception {
        Path base = tmp.resolve("baseline.json");
        Path quiet = log(lines(2000, "/a", "200 0 0 15") + lines(1, "/b", "502 3 12002 29990"));
        assertThat(run("logs", quiet.toString(), "--window", "all", "--save-baseline", base.toString()).exit()).isZero();
        assertThat(Files.readString(base)).contains("\"requests\" : 2001", "\"count502_3\" : 1");
        Path noisy = Files.createDirectories(tmp.resolve("later/W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(noisy, "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n"
                + lines(990, "/a", "200 0 0 15") + lines(10, "/b", "502 3 12002 29990"));
        Run r = run("logs", noisy.toString(), "--window", "all", "--baseline", base.toString(), "-w", "5", "-c", "10");
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.first()).contains("502.3 regression against the baseline");
        assertThat(r.out()).contains("baseline: regression: 502.3 10 of 1000");
    }

    @Test
    void probesAreCriticalWhenTheBackendIsDown() throws Exception {
        com.sun.net.httpserver.HttpServer server = healthServer();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try {
            String up = "http://127.0.0.1:" + server.getAddress().getPort() + "/health;body=Healthy";
            Run ok = run("probe", up, "tcp://127.0.0.1:" + server.getAddress().getPort());
            assertThat(ok.exit()).as(ok.out()).isZero();
            assertThat(ok.first()).startsWith("ARR502 OK - probes ok (2)");
            Run down = run("probe", up, "tcp://127.0.0.1:" + closed);
            assertThat(down.exit()).isEqualTo(2);
            assertThat(down.first()).startsWith("ARR502 CRITICAL - 1 of 2 probes failed");
            assertThat(down.out()).contains("connection refused by 127.0.0.1:" + closed);
            assertThat(run("probe", "ftp://nowhere").exit()).isEqualTo(3);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void helpAndVersionExit3LikeTheCPlugins() throws Exception {
        Run help = run("--help");
        assertThat(help.exit()).isEqualTo(3);
        assertThat(help.out()).contains("Usage: check_arr502", "triage", "logs");
        Run version = run("--version");
        assertThat(version.exit()).isEqualTo(3);
        assertThat(version.out()).startsWith("check_arr502 0.1.0");
        for (String mode : new String[]{"logs", "triage", "verify"}) {
            Run modeVersion = run(mode, "-V");
            assertThat(modeVersion.exit()).isEqualTo(3);
            assertThat(modeVersion.out()).as(mode + " -V").startsWith("check_arr502 0.1.0");
            Run modeHelp = run(mode, "-h");
            assertThat(modeHelp.exit()).isEqualTo(3);
            assertThat(modeHelp.out()).contains("Usage: check_arr502 " + mode, "-h, --help", "-V, --version", "-w, --warning");
        }
    }
}
