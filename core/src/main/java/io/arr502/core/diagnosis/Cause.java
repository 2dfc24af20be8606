package io.arr502.core.diagnosis;

/** The root-cause vocabulary shared by the JSON ({@code diagnosis[].cause}), reports and Jenkins. */
public enum Cause {
    ARR_TIMEOUT_TOO_LOW,
    BACKEND_STALL,
    BACKEND_UNREACHABLE,
    CONNECTION_RESET,
    TLS_TRUST_FAILURE,
    CONNECTION_POOL_EXHAUSTION,
    NO_HEALTHY_SERVER,
    UPSTREAM_504,
    /** The ASP.NET Core Module (out of process) timed out waiting for its app: aspNetCore@requestTimeout or the app, not ARR. */
    ANCM_REQUEST_TIMEOUT,
    /** The ASP.NET Core Module could not reach or lost its app process (12029, 64, …). */
    ANCM_CONNECTION_FAILURE,
    /** ARR's 12002 with the request not yet sent (FREB ARR_REQUEST_HEADERS open): resolve/connect/send, not a slow answer. */
    BACKEND_CONNECT_TIMEOUT,
    /** One farm server carries most of the failures (FREB's routed server, ARR's per-server counters): take it out of rotation. */
    BACKEND_SERVER_FAILING,
    /** 502.3 with win32 1236/64: the client went away (long polls); not a backend failure. */
    CLIENT_ABORT,
    /** 502.1, .2, .5, .6, .7: explained from Microsoft's substatus list; which module set it is in FREB. */
    OTHER_502,
    /** Early warning, not a failure: a route's successful p99 is close to its timeout. */
    TIMEOUT_HEADROOM,
    /** Early warning: the 502.3 rate rises significantly against the baseline. */
    RISING_502_3,
    /** 502.3 (or 502s without a logged substatus) the log cannot attribute: sc-win32-status or sc-substatus is not logged. */
    UNDETERMINED_502_3,
    HEALTHY;

    /** Findings that warn before users are hit; they rank after every cause of failures. */
    public boolean isEarlyWarning() {
        return this == TIMEOUT_HEADROOM || this == RISING_502_3;
    }
}
