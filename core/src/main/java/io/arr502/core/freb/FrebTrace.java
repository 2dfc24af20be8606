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
        boolean truncated) {
}
