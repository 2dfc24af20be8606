package io.jenkins.plugins.arr502.data;

import io.arr502.core.diagnosis.RouteEnvelope;

import java.io.Serializable;

/** A route of the report's table: its requests and 502.3, the latency of its successful requests against its effective timeout. */
public final class RouteRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String route;
    private long requests;
    private long count502_3;
    private long okP50Millis;
    private long okP99Millis;
    /** 0 when no timeout governs the route (no configuration was read). */
    private long timeoutMillis;
    private String timeoutSource;
    private double headroomPercent;

    public RouteRow(String route, long requests, long count502_3, long okP50Millis, long okP99Millis, long timeoutMillis,
                    String timeoutSource, double headroomPercent) {
        this.route = route;
        this.requests = requests;
        this.count502_3 = count502_3;
        this.okP50Millis = okP50Millis;
        this.okP99Millis = okP99Millis;
        this.timeoutMillis = timeoutMillis;
        this.timeoutSource = timeoutSource;
        this.headroomPercent = headroomPercent;
        readResolve();
    }

    static RouteRow of(RouteEnvelope e) {
        return new RouteRow(e.route(), e.requests(), e.count502_3(), e.okP50Millis(), e.okP99Millis(),
                e.effectiveTimeout() == null ? 0 : e.effectiveTimeout().toMillis(), e.timeoutSource(), e.headroomPercent());
    }

    /** XStream sets fields directly: fill what old or partial data lacks. */
    Object readResolve() {
        route = route == null ? "" : route;
        timeoutSource = timeoutSource == null ? "" : timeoutSource;
        return this;
    }

    public String getRoute() { return route; }
    public long getRequests() { return requests; }
    public long getCount502_3() { return count502_3; }
    public long getOkP50Millis() { return okP50Millis; }
    public long getOkP99Millis() { return okP99Millis; }
    public long getTimeoutMillis() { return timeoutMillis; }
    public String getTimeoutSource() { return timeoutSource; }
    public double getHeadroomPercent() { return headroomPercent; }
}
