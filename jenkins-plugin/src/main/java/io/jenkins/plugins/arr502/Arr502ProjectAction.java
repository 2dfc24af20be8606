package io.jenkins.plugins.arr502;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.arr502.core.gate.BuildMetrics;
import io.arr502.core.gate.TrendSeries;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.bind.JavaScriptMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The job page's trend of 502.3 rate and worst-route p99 across builds (rendered with echarts). */
public class Arr502ProjectAction implements Action {
    static final int MAX_BUILDS = 50;
    private static final Logger LOGGER = Logger.getLogger(Arr502ProjectAction.class.getName());
    private final Job<?, ?> job;

    public Arr502ProjectAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /**
     * Metrics of the job's recent builds that ran arr502, newest first. A build whose stored verdict is
     * missing or unreadable is skipped: old data must never fail the next build.
     */
    static List<BuildMetrics> history(Job<?, ?> job, int max) {
        List<BuildMetrics> out = new ArrayList<>();
        for (Run<?, ?> r = job.getLastCompletedBuild(); r != null && out.size() < max; r = r.getPreviousCompletedBuild()) {
            try {
                Arr502Action a = r.getAction(Arr502Action.class);
                BuildMetrics m = a == null ? null : a.getMetrics();
                if (m != null) {
                    out.add(m);
                }
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "arr502: skipped unreadable metrics of " + r, e);
            }
        }
        return out;
    }

    /** Called from the trend chart's JavaScript (a separate file: CSP allows no inline script). */
    @JavaScriptMethod
    public String getTrendJson() {
        TrendSeries t = TrendSeries.of(history(job, MAX_BUILDS), MAX_BUILDS);
        JSONObject o = new JSONObject();
        o.put("builds", t.builds());
        o.put("rate502_3", t.rate502_3());
        o.put("worstRouteOkP99", t.worstRouteOkP99Millis());
        return o.toString();
    }

    @CheckForNull
    @Override
    public String getIconFileName() {
        return null; // the trend shows on the job page, no sidebar link
    }

    @Override
    public String getDisplayName() {
        return Messages.Arr502ProjectAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "arr502-trend";
    }
}
