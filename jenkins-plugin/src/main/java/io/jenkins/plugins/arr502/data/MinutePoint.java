package io.jenkins.plugins.arr502.data;

import java.io.Serializable;

/** One UTC minute of the window: its requests and 502.3, for the report's per-minute chart. */
public final class MinutePoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private long epochSecond;
    private long requests;
    private long count502_3;

    public MinutePoint(long epochSecond, long requests, long count502_3) {
        this.epochSecond = epochSecond;
        this.requests = requests;
        this.count502_3 = count502_3;
    }

    public long getEpochSecond() { return epochSecond; }
    public long getRequests() { return requests; }
    public long getCount502_3() { return count502_3; }
}
