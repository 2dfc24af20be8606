package io.arr502.core.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a folder written by Collect-All.ps1: one JSON per collector plus manifest.json, and FailedReqLogFiles\ with
 * copied traces. A missing, broken or timed-out collector becomes a {@link CollectedEvidence.CollectorProblem}, never
 * an exception; so does what a collector itself reports it could not see (access denied, a truncated query, partial
 * results), and a file in an encoding other than UTF-8 (read anyway, see {@link CollectorText}).
 */
public final class EvidenceFolder {
    private static final long MAX_FILE = 64L << 20;

    private EvidenceFolder() {
    }

    public static CollectedEvidence read(Path dir) {
        List<CollectedEvidence.CollectorProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> hosts = new LinkedHashMap<>(); // collector -> the computer its document names
        String host = null;
        Instant at = null;
        try {
            CollectorJson.Document m = CollectorJson.parse(text(dir.resolve("manifest.json"), "manifest", problems), "manifest");
            host = m.host();
            hosts.put("manifest", host);
            at = m.collectedAt();
            for (JsonNode c : CollectorJson.list(m.data().path("collectors"))) {
                String name = c.path("collector").asText("?");
                JsonNode code = c.path("exitCode");
                if (c.path("timedOut").asBoolean(false)) {
                    problems.add(new CollectedEvidence.CollectorProblem(name, c.path("skipped").asBoolean(false)
                            ? "collector " + name + " skipped: the time budget was spent"
                            : "collector " + name + " timed out after " + Math.round(c.path("durationMs").asLong() / 1000.0) + " s"));
                } else if (!code.isIntegralNumber() || !c.path("exitCodeKnown").asBoolean(true)) {
                    // Start-Process -PassThru leaves ExitCode null unless the handle was read (PowerShell#5421, #20716)
                    problems.add(new CollectedEvidence.CollectorProblem(name, "collector " + name
                            + " exit code unknown (the manifest has " + (code.isMissingNode() ? "none" : code.toString()) + "); its result is unconfirmed"));
                } else if (code.asInt() != 0) {
                    problems.add(new CollectedEvidence.CollectorProblem(name, "collector " + name + " exited " + code.asInt()));
                }
            }
            JsonNode id = m.data().path("identity");
            if (id.isObject()) {
                notes.add("collected as " + id.path("name").asText("?") + (id.path("administrator").asBoolean(false) ? " (administrator)" : " (not an administrator)"));
            }
        } catch (NoSuchFileException e) {
            // a hand-made folder may have no manifest
        } catch (IOException | CollectorFormatException e) {
            problems.add(new CollectedEvidence.CollectorProblem("manifest", "manifest.json: " + e.getMessage()));
        }

        List<CollectedEvidence.EventLogEntry> app = List.of();
        List<CollectedEvidence.EventLogEntry> was = List.of();
        JsonNode d = data(dir, hosts, "eventlog", problems);
        if (d != null) {
            app = CollectorJson.events(d.path("application"));
            was = CollectorJson.events(d.path("was"));
            for (JsonNode q : CollectorJson.list(d.path("queries"))) {
                // "provider not installed": those events could not be looked for (ARR's provider name is undocumented)
                if (q.path("outcome").asText("").equals("provider not installed")) {
                    notes.add("eventlog " + q.path("name").asText("?") + ": not looked for, no such event provider on the host");
                }
            }
        }
        List<CollectedEvidence.CounterSample> counters = List.of();
        d = data(dir, hosts, "counters", problems);
        if (d != null) {
            counters = CollectorJson.counters(d.path("samples"));
            for (JsonNode miss : CollectorJson.list(d.path("missing"))) {
                problems.add(new CollectedEvidence.CollectorProblem("counters", "counter not installed: " + miss.asText()));
            }
            String language = CollectorJson.counterLanguage(d);
            if (language != null) {
                notes.add(language);
            }
            // why the live sample was used (no counter log installed, PowerShell 7 without Import-Counter)
            CollectorJson.list(d.path("notes")).forEach(n -> notes.add("counters: " + n.asText()));
        }
        CollectedEvidence.WinHttpProxy proxy = null;
        CollectedEvidence.ArrIgnoreFlags ignoreFlags = null;
        d = data(dir, hosts, "winhttp-proxy", problems);
        if (d != null) {
            proxy = CollectorJson.winHttpProxy(d);
            ignoreFlags = CollectorJson.arrIgnoreFlags(d);
            if (!proxy.certain()) {
                problems.add(new CollectedEvidence.CollectorProblem("winhttp-proxy", "WinHTTP proxy parsed from netsh text ("
                        + (proxy.source() == null ? "unknown source" : proxy.source()) + "): uncertain on a non-English host"));
            }
        }
        Map<String, String> config = Map.of();
        d = data(dir, hosts, "config", problems);
        if (d != null) {
            config = CollectorJson.sections(d.path("sections"));
        }
        List<CollectedEvidence.FrebFileEntry> freb = new ArrayList<>();
        d = data(dir, hosts, "freb-listing", problems);
        if (d != null) {
            for (JsonNode f : CollectorJson.list(d.path("files"))) {
                freb.add(new CollectedEvidence.FrebFileEntry(f.path("path").asText(), f.path("sizeBytes").asLong(), CollectorJson.time(f.path("lastWriteTime"))));
            }
        }
        Path frebFolder = Files.isDirectory(dir.resolve("FailedReqLogFiles")) ? dir.resolve("FailedReqLogFiles") : null;
        List<CollectedEvidence.NetConnectionResult> net = new ArrayList<>();
        d = data(dir, hosts, "backends", problems);
        if (d != null) {
            for (JsonNode r : CollectorJson.list(d.path("results"))) {
                net.add(new CollectedEvidence.NetConnectionResult(r.path("computerName").asText(), r.path("remoteAddress").asText(null),
                        r.path("remotePort").asInt(), r.path("tcpTestSucceeded").asBoolean(false), r.path("detail").asText(null)));
            }
            if (d.has("complete") && !d.path("complete").asBoolean(true)) {
                problems.add(new CollectedEvidence.CollectorProblem("backends", "backends: partial, " + net.size() + " of "
                        + d.path("targets").asInt(net.size()) + " targets tested before the collector stopped"));
            }
        }
        host = host(hosts, host, problems);
        return new CollectedEvidence(host, at, List.copyOf(app), List.copyOf(was), List.copyOf(counters), proxy, List.copyOf(net),
                List.copyOf(freb), Map.copyOf(config), List.copyOf(problems), frebFolder, List.copyOf(notes), ignoreFlags);
    }

    /**
     * The host the evidence came from: the manifest's, else the first document's (documents without a host, from older
     * collectors, are left out). Documents naming different hosts are one problem line: a folder mixed from several hosts.
     */
    private static String host(Map<String, String> hosts, String manifestHost, List<CollectedEvidence.CollectorProblem> problems) {
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        hosts.forEach((collector, h) -> {
            if (h != null && !h.isBlank()) {
                byHost.computeIfAbsent(h.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(collector);
            }
        });
        if (byHost.size() > 1) {
            String which = byHost.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .collect(java.util.stream.Collectors.joining("; "));
            problems.add(new CollectedEvidence.CollectorProblem("evidence", "evidence mixed from several hosts: " + which
                    + "; front-end counters, events and settings of one host do not describe another"));
        }
        if (manifestHost != null && !manifestHost.isBlank()) {
            return manifestHost;
        }
        return hosts.values().stream().filter(h -> h != null && !h.isBlank()).findFirst().orElse(null);
    }

    private static JsonNode data(Path dir, Map<String, String> hosts, String schema, List<CollectedEvidence.CollectorProblem> problems) {
        Path f = dir.resolve(schema + ".json");
        try {
            CollectorJson.Document doc = CollectorJson.parse(text(f, schema, problems), schema);
            hosts.put(schema, doc.host());
            JsonNode data = doc.data();
            // what the collector itself could not see: access denied, truncated queries, missing rights
            for (JsonNode p : CollectorJson.list(data.path("problems"))) {
                problems.add(new CollectedEvidence.CollectorProblem(schema, p.asText()));
            }
            return data;
        } catch (NoSuchFileException e) {
            if (problems.stream().noneMatch(p -> p.collector().equals(schema))) {
                problems.add(new CollectedEvidence.CollectorProblem(schema, schema + ".json is missing"));
            }
        } catch (IOException | CollectorFormatException e) {
            problems.add(new CollectedEvidence.CollectorProblem(schema, schema + ".json: " + e.getMessage()));
        }
        return null;
    }

    private static String text(Path f, String schema, List<CollectedEvidence.CollectorProblem> problems) throws IOException {
        if (Files.size(f) > MAX_FILE) {
            throw new IOException("larger than " + (MAX_FILE >> 20) + " MiB");
        }
        CollectorText.Decoded d = CollectorText.decode(Files.readAllBytes(f));
        if (d.note() != null) {
            problems.add(new CollectedEvidence.CollectorProblem(schema, f.getFileName() + ": " + d.note()));
        }
        return d.text();
    }
}
