package io.arr502.core.freb;

import java.time.Instant;

/**
 * One failed-request trace (fr*.xml) reduced to what explains a 502.x.
 *
 * @param statusCode   e.g. "502.3" (the root's statusCode, substatus included)
 * @param win32        win32 code from MODULE_SET_RESPONSE_ERROR_STATUS (HRESULT low 16 bits), null when absent
 * @param webFarm      from ARR_REQUEST_ROUTED/ARR_SERVER_ROUTED, null when the trace has none
 * @param backendServer the farm server the request was routed to, null when unknown
 * @param failedPhase  the last ARR *_START without its *_END before the error, e.g. "ARR_RESPONSE_HEADERS"; null when none
 * @param phaseMillis  how long the failed phase ran before the error, -1 when unknown
 * @param errorDescription SET_RESPONSE_ERROR_DESCRIPTION text, null when absent
 * @param truncated    the file ended early; what was read is still reported
 * @param module       ModuleName of the MODULE_SET_RESPONSE_ERROR_STATUS that set the 5xx ("ApplicationRequestRouting",
 *                     "AspNetCoreModule", "AspNetCoreModuleV2", …), null when the trace has none
 */
public record FrebTrace(
        String file,
        String url,
        String route,
        String verb,
        String siteId,
        String appPoolId,
        String processId,
        String activityId,
        String failureReason,
        String statusCode,
        Integer win32,
        long timeTakenMillis,
        Instant started,
        String webFarm,
        String backendServer,
        String failedPhase,
        long phaseMillis,
        String errorDescription,
        boolean truncated,
        String module) {

    /** Who answered with the error: ARR, the ASP.NET Core Module (out of process), or another module. */
    public enum Producer { ARR, ASPNET_CORE_MODULE, OTHER, UNKNOWN }

    public Producer producer() {
        if (module == null || module.isBlank()) {
            return Producer.UNKNOWN;
        }
        // ARR's events carry ApplicationRequestRouting; ANCM's AspNetCoreModule (V1) or AspNetCoreModuleV2
        // (aspnet/AspNetCoreModule#164, aspnet/IISIntegration#201 and #311)
        if (module.equalsIgnoreCase("ApplicationRequestRouting")) {
            return Producer.ARR;
        }
        return module.regionMatches(true, 0, "AspNetCoreModule", 0, 16) ? Producer.ASPNET_CORE_MODULE : Producer.OTHER;
    }

    /** ARR_REQUEST_HEADERS_START without its END: ARR had not connected to (or sent to) the backend when it failed. */
    public boolean failedConnecting() {
        return "ARR_REQUEST_HEADERS".equals(failedPhase);
    }

    /** A response phase was open: the backend had the request and did not answer (in time). */
    public boolean failedWaitingForResponse() {
        return failedPhase != null && failedPhase.startsWith("ARR_RESPONSE_");
    }

    public boolean is502_3() {
        return "502.3".equals(statusCode);
    }
}
