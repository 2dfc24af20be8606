package io.arr502.core.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the PowerShell collectors (check-scripts/) gathered on an IIS host, parsed from their JSON.
 * Any part may be empty when its collector was not run or failed; failures are listed in
 * {@code problems} as evidence, never thrown.
 *
 * @param configXml  appcmd XML output by section name ("system.webServer/proxy", "webFarms",
 *                   "system.webServer/rewrite/globalRules", "system.webServer/rewrite/rules@Default Web Site")
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
        List<CollectorProblem> problems) {

    public record EventLogEntry(Instant time, int id, String provider, String level, String logName, String message) {
    }

    /** One Get-Counter sample; path is the English counter path, e.g. {@code \Web Service(_Total)\Current Connections}. */
    public record CounterSample(String path, String instance, double value, Instant timestamp) {
    }

    /** {@code netsh winhttp show proxy}: direct access, or a proxy server with its bypass list. */
    public record WinHttpProxy(boolean direct, String proxyServer, String bypassList) {
    }

    /** {@code Test-NetConnection -ComputerName X -Port N}. */
    public record NetConnectionResult(String computerName, String remoteAddress, int port, boolean tcpTestSucceeded,
                                      String detail) {
    }

    public record FrebFileEntry(String path, long sizeBytes, Instant lastWriteTime) {
    }

    /** A collector that failed, timed out or printed something unreadable: kept as evidence. */
    public record CollectorProblem(String collector, String reason) {
    }
}
