package io.arr502.core.diagnosis;

import io.arr502.core.log.IisLogGenerator;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Traffic whose causes are known by construction, written as a real IIS W3C log (IIS's default field
 * set, {@link IisLogGenerator#DEFAULT_FIELDS}) and judged through the whole triage pipeline. Successful
 * latencies follow a fixed quantile curve, so a route's p50 and p99 are what the scenario says; failures
 * are placed at seeded random instants over the span.
 */
final class TrafficScenario {
    static final Path SAMPLE_CONFIG = Path.of("../samples/incident/config/applicationHost.config");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private record Request(long at, String path, int status, int sub, int win32, long taken) {
    }

    private final SplittableRandom rnd;
    private final Instant start = Instant.parse("2026-11-24T14:00:00Z");
    private long spanMillis = 60 * 60_000L;
    private final List<Request> requests = new ArrayList<>();
    private String dropped;

    TrafficScenario(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    /** Requests are spread over this many minutes (default 60). */
    TrafficScenario minutes(int m) {
        this.spanMillis = m * 60_000L;
        return this;
    }

    /** {@code n} successful requests (200) to {@code path} with the given median and 99th percentile time-taken. */
    TrafficScenario ok(String path, int n, long p50, long p99) {
        for (int i = 0; i < n; i++) {
            double u = (i + 0.5) / n;
            add(path, 200, 0, 0, quantile(u, p50, p99));
        }
        return this;
    }

    /** {@code n} failed requests; time-taken jitters by up to 1 % above {@code taken}. */
    TrafficScenario fail(String path, int n, int status, int sub, int win32, long taken) {
        for (int i = 0; i < n; i++) {
            add(path, status, sub, win32, taken + rnd.nextLong(Math.max(1, taken / 100)));
        }
        return this;
    }

    /** ARR's own timeout answer: 502.3 × 12002 at the timeout (the reference's "502 3 12002 29889" shape). */
    TrafficScenario timeouts(String path, int n, long timeoutMillis) {
        return fail(path, n, 502, 3, 12002, timeoutMillis - timeoutMillis / 200);
    }

    /** The log does not have this field (e.g. "sc-win32-status"): the #Fields line and every row leave it out. */
    TrafficScenario without(String field) {
        this.dropped = field;
        return this;
    }

    /** {@code n} failures whose time-taken is out of range (20 digits): the engine counts them without latency. */
    TrafficScenario failWithoutLatency(String path, int n, int status, int sub, int win32) {
        for (int i = 0; i < n; i++) {
            add(path, status, sub, win32, NO_LATENCY);
        }
        return this;
    }

    private static final long NO_LATENCY = -1;

    int size() {
        return requests.size();
    }

    private void add(String path, int status, int sub, int win32, long taken) {
        requests.add(new Request(start.toEpochMilli() + rnd.nextLong(spanMillis), path, status, sub, win32, taken));
    }

    /** Log-linear between p50 (u = 0.5) and p99 (u = 0.99); below p50 down to a fifth of it; above p99 at most 5 % more. */
    static long quantile(double u, long p50, long p99) {
        if (u <= 0.5) {
            return Math.max(1, Math.round(p50 * (0.2 + 1.6 * u)));
        }
        double x = Math.min(u, 0.999);
        double logv = Math.log(p50) + (Math.log(Math.max(p99, p50)) - Math.log(p50)) * (x - 0.5) / 0.49;
        return Math.round(Math.exp(Math.min(logv, Math.log(Math.max(p99, p50) * 1.05))));
    }

    /** Writes {@code dir/W3SVC1/u_ex261124.log} (one header block, lines in time order) and returns the folder. */
    Path write(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("W3SVC1"));
        StringBuilder b = new StringBuilder(requests.size() * 160 + 512);
        List<String> fields = IisLogGenerator.DEFAULT_FIELDS.stream().filter(f -> !f.equals(dropped)).toList();
        b.append("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2026-11-24 14:00:00\r\n#Fields: ")
                .append(String.join(" ", fields)).append("\r\n");
        int drop = dropped == null ? -1 : IisLogGenerator.DEFAULT_FIELDS.indexOf(dropped);
        List<Request> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparingLong(Request::at));
        for (Request r : sorted) {
            Instant at = Instant.ofEpochMilli(r.at());
            List<String> row = new ArrayList<>(List.of(DATE.format(at), TIME.format(at), "10.0.0.10", "GET", r.path(), "-", "443", "-",
                    "192.0.2." + (1 + (int) (r.at() % 200)), "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)", "-", String.valueOf(r.status()),
                    String.valueOf(r.sub()), String.valueOf(r.win32()), r.taken() == NO_LATENCY ? "99999999999999999999" : String.valueOf(r.taken())));
            if (drop >= 0) {
                row.remove(drop);
            }
            b.append(String.join(" ", row)).append("\r\n");
        }
        Files.writeString(folder.resolve("u_ex261124.log"), b);
        return dir;
    }

    /** The whole pipeline on these logs (and the sample's applicationHost.config when {@code config}). */
    Verdict judge(Path dir, boolean config, DiagnosisOptions opt) throws IOException {
        Path logs = write(dir);
        TriageRequest req = new TriageRequest(List.of(logs), Window.all(), null, null, null, config ? SAMPLE_CONFIG : null, List.of(), null,
                null, VerdictOptions.defaults(), opt);
        return Triage.run(req);
    }

    /** The whole pipeline with these options and FREB traces, copied into {@code dir/FailedReqLogFiles/W3SVC1} (none: no FREB). */
    Verdict judge(Path dir, VerdictOptions verdict, DiagnosisOptions opt, Path... traces) throws IOException {
        Path logs = write(dir.resolve("logs"));
        Path freb = null;
        if (traces.length > 0) {
            freb = Files.createDirectories(dir.resolve("FailedReqLogFiles/W3SVC1"));
            for (int i = 0; i < traces.length; i++) {
                Files.copy(traces[i], freb.resolve(String.format("fr%06d.xml", i + 1)));
            }
        }
        return Triage.run(new TriageRequest(List.of(logs), Window.all(), null, null, freb, null, List.of(), null, null, verdict, opt));
    }

    Verdict judge(Path dir, boolean config) throws IOException {
        return judge(dir, config, DiagnosisOptions.defaults());
    }
}
