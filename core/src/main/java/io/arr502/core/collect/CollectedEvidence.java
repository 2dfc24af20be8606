package io.arr502.core.collect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the PowerShell collectors (check-scripts/) gathered on an IIS host, parsed from their JSON.
 * Any part may be empty when its collector was not run or failed; failures are listed in
 * {@code problems} as evidence, never thrown.
 *
 * @param configXml  appcmd XML output by section name ("system.webServer/proxy", "webFarms",
 *                   "system.webServer/rewrite/globalRules", "system.webServer/rewrite/rules@Default Web Site",
 *                   "system.webServer/rewrite/rules@Default Web Site/api"), as set (without {@code /config:*})
 * @param frebFolder the copied FREB traces (FailedReqLogFiles beside the documents), or null
 * @param notes      what the collectors say about how they saw (language found, sampling span), not problems
 * @param arrIgnoreFlags which backend certificate errors ARR ignores (SecureConnectionIgnoreFlags), null when not read
 */
public record CollectedEvidence(
        String host,
        Instant collectedAt,
        List<EventLogEntry> applicationEvents,
        List<EventLogEntry> wasEvents,
        List<CounterSample> counters,
        WinHttpProxy winHttpProxy,
        List<NetConnectionResult> netConnections,
        List<FrebFileEntry> frebFiles,
        Map<String, String> configXml,
        List<CollectorProblem> problems,
        Path frebFolder,
        List<String> notes,
        ArrIgnoreFlags arrIgnoreFlags) {

    /** Evidence read before SecureConnectionIgnoreFlags was collected. */
    public CollectedEvidence(String host, Instant collectedAt, List<EventLogEntry> applicationEvents, List<EventLogEntry> wasEvents,
                             List<CounterSample> counters, WinHttpProxy winHttpProxy, List<NetConnectionResult> netConnections,
                             List<FrebFileEntry> frebFiles, Map<String, String> configXml, List<CollectorProblem> problems,
                             Path frebFolder, List<String> notes) {
        this(host, collectedAt, applicationEvents, wasEvents, counters, winHttpProxy, netConnections, frebFiles, configXml, problems,
                frebFolder, notes, null);
    }

    /** Evidence without copied traces or notes (hand-made, or from tests). */
    public CollectedEvidence(String host, Instant collectedAt, List<EventLogEntry> applicationEvents, List<EventLogEntry> wasEvents,
                             List<CounterSample> counters, WinHttpProxy winHttpProxy, List<NetConnectionResult> netConnections,
                             List<FrebFileEntry> frebFiles, Map<String, String> configXml, List<CollectorProblem> problems) {
        this(host, collectedAt, applicationEvents, wasEvents, counters, winHttpProxy, netConnections, frebFiles, configXml, problems,
                null, List.of());
    }

    /** "on ARR01", or "on the ARR host" when no document named it: front-end evidence says where it was seen. */
    public String onHost() {
        return host == null || host.isBlank() ? "on the ARR host" : "on " + host;
    }

    /** Which documented event an entry is; anything else is OTHER and proves nothing by itself. */
    public enum EventKind {
        /** ARR 1000: "Server X in server farm Y is being marked unhealthy due to Z" (TechNet ff872129). */
        ARR_SERVER_UNHEALTHY,
        /** ARR 1002: "Server farm X has reached its minimum server threshold" (TechNet ff872129). */
        ARR_FARM_MIN_SERVERS,
        /** Any event of the ASP.NET Core Module ("IIS AspNetCore Module V2" / "IIS AspNetCore Module"). */
        ASPNET_CORE_MODULE,
        /** WAS 5002/5009/5010/5011 in the System log. */
        WAS_POOL_FAILURE,
        OTHER
    }

    /** One Get-WinEvent entry; {@code level} is the numeric level (2 error, 3 warning) or, from older collectors, its display name. */
    public record EventLogEntry(Instant time, int id, String provider, String level, String logName, String message) {

        public EventKind kind() {
            String p = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
            if (p.startsWith("iis aspnetcore module") || p.startsWith("iis express aspnetcore module")) {
                return EventKind.ASPNET_CORE_MODULE;
            }
            if (p.equals("microsoft-windows-was") && (id == 5002 || id == 5009 || id == 5010 || id == 5011)) {
                return EventKind.WAS_POOL_FAILURE;
            }
            // ARR's provider name is not documented; the collector found it on the host by "Request Routing" or "ARR"
            if (p.contains("request routing") || p.contains("requestrouting") || p.matches(".*\\barr\\b.*")) {
                return id == 1000 ? EventKind.ARR_SERVER_UNHEALTHY : id == 1002 ? EventKind.ARR_FARM_MIN_SERVERS : EventKind.OTHER;
            }
            return EventKind.OTHER;
        }
    }

    /**
     * One Get-Counter sample; path is the English counter path, lower case, without the machine, e.g.
     * {@code \web service(_total)\current connections}, whatever the host's language (the collector maps local names).
     */
    public record CounterSample(String path, String instance, double value, Instant timestamp) {
    }

    /**
     * The WinHTTP default proxy: direct access, or a proxy server with its bypass list. {@code certain} is false when
     * it came from parsing localized {@code netsh} text; {@code arrProxy}/{@code arrProxyBypass} are ARR's own
     * system.webServer/proxy@proxy and @proxyBypass when the collector could read them.
     */
    public record WinHttpProxy(boolean direct, String proxyServer, String bypassList, String source, boolean certain,
                               String arrProxy, String arrProxyBypass) {
        public WinHttpProxy(boolean direct, String proxyServer, String bypassList) {
            this(direct, proxyServer, bypassList, null, true, null, null);
        }
    }

    /**
     * ARR's {@code SecureConnectionIgnoreFlags} (iis-docs "ARR: Support Added for WINHTTP_OPTION_SECURITY_FLAGS",
     * KB 2693489): the SECURITY_FLAG_IGNORE_* bits ARR passes to WinHTTP for backend connections. Absent or 0 is ARR's
     * default, "the same as setting SECURITY_FLAG_IGNORE_CERT_CN_INVALID"; any other value is the set of ignored errors
     * (the doc sets 0x3000 to ignore both name and date errors), so one without 0x1000 makes ARR check names.
     *
     * @param value  the DWORD, null when the value (or its key) is absent
     * @param source where it was read, e.g. {@code HKLM\SOFTWARE\Microsoft\IIS Extensions\Application Request Routing\Parameters}
     */
    public record ArrIgnoreFlags(Long value, String source) {
        public static final long CN_INVALID = 0x1000;
        public static final long DATE_INVALID = 0x2000;
        public static final long UNKNOWN_CA = 0x100;
        public static final long WRONG_USAGE = 0x200;

        private long effective() {
            return value == null || value == 0 ? CN_INVALID : value;
        }

        public boolean ignoresNameMismatch() {
            return (effective() & CN_INVALID) != 0;
        }

        /** e.g. "SecureConnectionIgnoreFlags 0x00002000 at HKLM\…\Parameters: ARR ignores date errors; it does NOT ignore name mismatches". */
        public String describe() {
            List<String> ignored = new java.util.ArrayList<>();
            long f = effective();
            if ((f & CN_INVALID) != 0) {
                ignored.add("name mismatches");
            }
            if ((f & DATE_INVALID) != 0) {
                ignored.add("date errors");
            }
            if ((f & UNKNOWN_CA) != 0) {
                ignored.add("unknown CAs");
            }
            if ((f & WRONG_USAGE) != 0) {
                ignored.add("wrong-usage certificates");
            }
            String what = value == null ? "SecureConnectionIgnoreFlags absent (ARR's default)"
                    : String.format(Locale.ROOT, "SecureConnectionIgnoreFlags 0x%08X%s", value, value == 0 ? " (ARR's default)" : "");
            return what + " at " + source + ": ARR ignores " + (ignored.isEmpty() ? "no certificate error" : String.join(", ", ignored))
                    + (ignoresNameMismatch() ? "" : "; it does NOT ignore name mismatches");
        }
    }

    /** A TCP connect from the ARR host to a backend port (TcpClient with a timeout; older collectors: Test-NetConnection). */
    public record NetConnectionResult(String computerName, String remoteAddress, int port, boolean tcpTestSucceeded,
                                      String detail) {
    }

    public record FrebFileEntry(String path, long sizeBytes, Instant lastWriteTime) {
    }

    /** A collector that failed, timed out or printed something unreadable: kept as evidence. */
    public record CollectorProblem(String collector, String reason) {
    }
}
