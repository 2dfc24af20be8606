package io.arr502.core.diagnosis;

/**
 * One farm server as the evidence shows it: 502.3 traces FREB routed to it (ARR's own, not the ASP.NET Core
 * Module's), and its ARR counters ({@code \Application Request Routing Server(<farm>\<server>)\…}) when collected.
 *
 * @param failedTraces      502.3 FREB traces naming this server (a sample: FREB keeps maxLogFiles per site)
 * @param topWin32          the commonest win32 code among those traces, 0 when none
 * @param failedRequests    last "Failed Requests" counter value (cumulative since ARR started), -1 when not collected
 * @param failedRequestsRise how much that counter rose during the collection, -1 when not collected
 * @param health            last "Health" counter value as ARR reports it, null when not collected
 * @param state             last "State" counter value, raw: no source documents what its numbers mean, null when not collected
 */
public record BackendServer(String farm, String server, long failedTraces, int topWin32, long failedRequests, long failedRequestsRise,
                            Double health, Double state) {
}
