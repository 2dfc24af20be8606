package io.arr502.core.diagnosis;

import java.util.List;

/**
 * One ranked cause. {@code confidence} is 0..1; {@code evidence} holds the lines (with numbers)
 * that support it, e.g. "412 of 431 502.3 on /api/reports/{id} are 12002 at 29.9 s (timeout 30 s)".
 */
public record Finding(Cause cause, double confidence, String headline, List<String> evidence) {
}
