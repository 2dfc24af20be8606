package io.jenkins.plugins.arr502.data;

import java.io.Serializable;

/** One periodic check of one agent's logs: when, where, the state, the summary and the full report. */
public final class PeriodicResult implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Its address under the management page ({@code arr502/result/ID}); set when it is recorded. */
    private long id;
    private long atMillis;
    private String agent;
    private String logs;
    private String state;
    private String summary;
    private String report;

    public PeriodicResult(long atMillis, String agent, String logs, String state, String summary, String report) {
        this.atMillis = atMillis;
        this.agent = agent;
        this.logs = logs;
        this.state = state;
        this.summary = summary;
        this.report = report;
        readResolve();
    }

    /**
     * A periodic check's result from its verdict. A window that held no request is never OK: the agent
     * was judged on nothing (idle site, wrong folder, IIS not flushing), so it is UNKNOWN and says so.
     */
    public static PeriodicResult of(long atMillis, String agent, String logs, RemoteVerdict v) {
        if ("OK".equals(v.getState()) && v.getRequests() == 0) {
            return new PeriodicResult(atMillis, agent, logs, "UNKNOWN", "the window held no request - nothing was judged ("
                    + v.getSummary() + ")", v.getReport());
        }
        return new PeriodicResult(atMillis, agent, logs, v.getState(), v.getSummary(), v.getReport());
    }

    Object readResolve() {
        agent = agent == null ? "" : agent;
        logs = logs == null ? "" : logs;
        state = state == null || state.isBlank() ? "UNKNOWN" : state;
        summary = summary == null ? "" : summary;
        report = report == null ? "" : report;
        return this;
    }

    /** Agent and log folder: the results of one key form one series, whose state changes start the job. */
    public String getKey() {
        return agent + "\n" + logs;
    }

    PeriodicResult withId(long newId) {
        PeriodicResult r = new PeriodicResult(atMillis, agent, logs, state, summary, report);
        r.id = newId;
        return r;
    }

    public long getId() { return id; }
    public long getAtMillis() { return atMillis; }
    public String getAt() { return java.time.Instant.ofEpochMilli(atMillis).toString(); }
    public String getAgent() { return agent; }
    public String getLogs() { return logs; }
    public String getState() { return state; }
    public String getSummary() { return summary; }
    public String getReport() { return report; }
}
