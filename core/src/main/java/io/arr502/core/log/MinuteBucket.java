package io.arr502.core.log;

import java.time.Instant;

/** One UTC minute of traffic. Kept in the incremental state so sliding windows never reread old bytes. */
public record MinuteBucket(Instant minute, long requests, long count502_3, long count502_4, long count504,
                           long count12002, long count12029, long count5xx) {
}
