package io.arr502.core.config;

/** A misconfiguration seen in the configuration alone (proxy disabled, farm with no enabled server, …). */
public record ConfigFinding(String code, String message) {
}
