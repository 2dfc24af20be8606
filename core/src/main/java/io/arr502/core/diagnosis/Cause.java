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
    HEALTHY
}
