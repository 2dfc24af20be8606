package io.jenkins.plugins.arr502;

import hudson.Extension;
import hudson.FilePath;
import hudson.XmlFile;
import hudson.model.AsyncPeriodicWork;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.StringParameterValue;
import hudson.model.TaskListener;
import io.arr502.core.gate.GateOptions;
import io.jenkins.plugins.arr502.data.PeriodicResult;
import io.jenkins.plugins.arr502.data.PeriodicResults;
import io.jenkins.plugins.arr502.data.RemoteVerdict;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the configured periodic checks on every online agent of each label, all agents at once, each
 * with its own deadline (one hung agent must not stop the others, and AsyncPeriodicWork skips a cycle
 * while the previous one runs). Each agent keeps its incremental state in its root folder, so a cycle
 * reads only new bytes. Results are saved with each agent's latest state and a short history; the
 * configured job starts when an agent's state changes, with the agent, state, summary and report link.
 */
@Extension
public class Arr502PeriodicWork extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(Arr502PeriodicWork.class.getName());
    /** Folder under each agent's root for the periodic checks' incremental log state. */
    static final String STATE_FOLDER = "arr502-state";

    private transient PeriodicResults results;

    public Arr502PeriodicWork() {
        super("arr502 periodic checks");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(Arr502GlobalConfiguration.get().getIntervalMinutes());
    }

    /** The saved results, read once from JENKINS_HOME; an unreadable file starts empty rather than stopping the checks. */
    synchronized PeriodicResults results() {
        if (results == null) {
            XmlFile f = file();
            try {
                results = f.exists() ? (PeriodicResults) f.read() : null;
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "arr502: could not read " + f + ", starting without earlier results", e);
            }
            if (results == null) {
                results = new PeriodicResults();
            }
        }
        return results;
    }

    private static XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), "io.jenkins.plugins.arr502.periodic.xml"));
    }

    private void save() {
        try {
            file().write(results());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "arr502: could not save the periodic results", e);
        }
    }

    /** A check started on one agent, waiting for its answer. */
    private record Pending(PeriodicTarget target, String agent, Future<RemoteVerdict> answer) {
    }

    @Override
    protected void execute(TaskListener listener) throws InterruptedException {
        Arr502GlobalConfiguration config = Arr502GlobalConfiguration.get();
        long timeoutMillis = TimeUnit.SECONDS.toMillis(config.getAgentTimeoutSeconds());
        long start = System.currentTimeMillis();
        List<Pending> pending = new ArrayList<>();
        for (PeriodicTarget t : config.getTargets()) {
            Label label = Jenkins.get().getLabel(t.getLabel());
            if (label == null) {
                continue;
            }
            for (Node node : label.getNodes()) {
                String agent = agentName(node);
                FilePath root = node.getRootPath();
                if (root == null) {
                    record(t, agent, "UNKNOWN", "agent offline: not checked", "");
                    continue;
                }
                try {
                    // the agent stops reading a few seconds before the controller stops waiting, to answer in time
                    long readDeadline = start + Math.max(1000, timeoutMillis - 5000);
                    pending.add(new Pending(t, agent, root.actAsync(callable(t, readDeadline))));
                } catch (IOException e) {
                    record(t, agent, "UNKNOWN", "check could not start: " + e.getMessage(), "");
                }
            }
        }
        for (Pending p : pending) {
            long left = start + timeoutMillis - System.currentTimeMillis();
            try {
                RemoteVerdict v = p.answer().get(Math.max(0, left), TimeUnit.MILLISECONDS);
                record(p.target(), PeriodicResult.of(System.currentTimeMillis(), p.agent(), p.target().getLogs(), v));
            } catch (TimeoutException e) {
                p.answer().cancel(true);
                record(p.target(), p.agent(), "UNKNOWN", "no answer within " + config.getAgentTimeoutSeconds() + " s: agent hung or too slow", "");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                record(p.target(), p.agent(), "UNKNOWN", "check failed: " + cause, "");
                listener.error("arr502 on " + p.agent() + ": " + cause);
            }
        }
        save();
    }

    static TriageCallable callable(PeriodicTarget t, long readDeadlineMillis) {
        return new TriageCallable(Arr502Check.lines(t.getLogs()), "", "", List.of(), t.getWindow(), t.getWarning(), t.getCritical(), "",
                GateOptions.defaults(), null, null, null, "", stateFile(t), readDeadlineMillis)
                .withScope(Arr502Check.lines(t.getIncludeRoutes()), Arr502Check.lines(t.getExcludeRoutes()),
                        Arr502Check.lines(t.getIncludeSites()), Arr502Check.lines(t.getExcludeSites()))
                .withSilence(t.getSilence(), t.getSilenceState()).withClientAbortsJudged(t.isJudgeClientAborts());
    }

    /**
     * One state file per log folders, window and filters, under the agent's root, so two targets never share a cursor
     * (targets without filters keep the name they had before filters existed).
     */
    static String stateFile(PeriodicTarget t) {
        String key = String.join("\n", Arr502Check.lines(t.getLogs())) + "\n" + t.getWindow();
        String filters = String.join("\n", t.getIncludeRoutes(), t.getExcludeRoutes(), t.getIncludeSites(), t.getExcludeSites());
        if (!filters.isBlank()) {
            key += "\n" + filters;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a 64, as the check names its state files
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return STATE_FOLDER + "/logs-" + HexFormat.of().toHexDigits(h) + ".json";
    }

    /** The built-in node's name is "": use the name Jenkins labels it with ("built-in") instead. */
    static String agentName(Node node) {
        return node.getNodeName().isEmpty() ? node.getSelfLabel().getName() : node.getNodeName();
    }

    private void record(PeriodicTarget t, String agent, String state, String summary, String report) {
        record(t, new PeriodicResult(System.currentTimeMillis(), agent, t.getLogs(), state, summary, report));
    }

    private void record(PeriodicTarget t, PeriodicResult r) {
        results().record(r).ifPresent(changed -> {
            LOGGER.log(Level.WARNING, "arr502 on {0}: {1} - {2}", new Object[]{changed.getAgent(), changed.getState(), changed.getSummary()});
            trigger(t, changed);
        });
    }

    /** Starts the target's job on a state change, with ARR502_AGENT, ARR502_STATE, ARR502_SUMMARY and ARR502_REPORT_URL. */
    private static void trigger(PeriodicTarget t, PeriodicResult r) {
        if (t.getTriggerJob().isBlank()) {
            return;
        }
        Job<?, ?> job = Jenkins.get().getItemByFullName(t.getTriggerJob(), Job.class);
        if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?>)) {
            LOGGER.log(Level.WARNING, "arr502: job to start on a state change not found or not buildable: {0}", t.getTriggerJob());
            return;
        }
        List<ParameterValue> values = List.of(new StringParameterValue("ARR502_AGENT", r.getAgent()),
                new StringParameterValue("ARR502_STATE", r.getState()), new StringParameterValue("ARR502_SUMMARY", r.getSummary()),
                new StringParameterValue("ARR502_REPORT_URL", reportUrl(r)));
        ParameterizedJobMixIn.scheduleBuild2(job, 0, new CauseAction(new Arr502Cause(r.getAgent(), r.getState())),
                new ParametersAction(values));
    }

    static String reportUrl(PeriodicResult r) {
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "/" : root) + "manage/arr502/result/" + r.getId() + "/";
    }
}
