package io.jenkins.plugins.arr502;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the configured periodic checks on every online agent of each label; keeps the recent results for
 * the management page; a check that regresses logs a warning and can start a job.
 */
@Extension
public class Arr502PeriodicWork extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(Arr502PeriodicWork.class.getName());
    static final int KEEP = 200;

    /** One result of a periodic check. */
    public record Entry(Instant at, String node, String logs, String state, String summary) {
    }

    private final Deque<Entry> recent = new ConcurrentLinkedDeque<>();

    public Arr502PeriodicWork() {
        super("arr502 periodic checks");
    }

    public List<Entry> getRecent() {
        return Collections.unmodifiableList(new ArrayList<>(recent));
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(Arr502GlobalConfiguration.get().getIntervalMinutes());
    }

    @Override
    protected void execute(TaskListener listener) {
        for (PeriodicTarget t : Arr502GlobalConfiguration.get().getTargets()) {
            Label label = Jenkins.get().getLabel(t.getLabel());
            if (label == null) {
                continue;
            }
            for (Node node : label.getNodes()) {
                Computer c = node.toComputer();
                VirtualChannel ch = c == null ? null : c.getChannel();
                if (ch == null) {
                    continue;
                }
                check(t, node, ch, listener);
            }
        }
    }

    private void check(PeriodicTarget t, Node node, VirtualChannel ch, TaskListener listener) {
        try {
            FilePath root = new FilePath(ch, ".");
            RemoteVerdict v = root.act(new TriageCallable(Arr502Check.lines(t.getLogs()), "", "", List.of(), t.getWindow(),
                    t.getWarning(), t.getCritical(), "", null));
            record(new Entry(Instant.now(), node.getNodeName(), t.getLogs(), v.state(), v.summary()));
            if (!"OK".equals(v.state())) {
                LOGGER.log(Level.WARNING, "arr502 on {0}: {1} - {2}", new Object[]{node.getNodeName(), v.state(), v.summary()});
                trigger(t);
            }
        } catch (Exception e) {
            record(new Entry(Instant.now(), node.getNodeName(), t.getLogs(), "UNKNOWN", "check failed: " + e.getMessage()));
            listener.error("arr502 on " + node.getNodeName() + ": " + e.getMessage());
        }
    }

    private void record(Entry e) {
        recent.addFirst(e);
        while (recent.size() > KEEP) {
            recent.pollLast();
        }
    }

    private static void trigger(PeriodicTarget t) {
        if (t.getTriggerJob().isBlank()) {
            return;
        }
        Job<?, ?> job = Jenkins.get().getItemByFullName(t.getTriggerJob(), Job.class);
        if (job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> p) {
            p.scheduleBuild2(0);
        }
    }
}
