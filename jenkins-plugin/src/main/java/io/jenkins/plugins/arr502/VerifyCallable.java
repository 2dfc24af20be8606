package io.jenkins.plugins.arr502;

import hudson.remoting.VirtualChannel;
import io.arr502.core.diagnosis.RegressionSettings;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verify.VerificationResult;
import io.arr502.core.verify.Verifier;
import io.arr502.core.verify.VerifyOptions;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Post-deploy verification on the agent: polls the evidence until the recovery window holds or the deadline passes. */
final class VerifyCallable extends MasterToSlaveFileCallable<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final List<String> logs;
    private final List<String> urls;
    private final String recovery;
    private final String deadline;
    private final String interval;
    private final double maxRate;
    private boolean judgeClientAborts;

    VerifyCallable(List<String> logs, List<String> urls, String recovery, String deadline, String interval, double maxRate) {
        this.logs = List.copyOf(logs);
        this.urls = List.copyOf(urls);
        this.recovery = recovery;
        this.deadline = deadline;
        this.interval = interval;
        this.maxRate = maxRate;
    }

    /** Client aborts counted in the judged 502.3 rate, as the check's --judge-client-aborts. */
    VerifyCallable withClientAbortsJudged(boolean judge) {
        this.judgeClientAborts = judge;
        return this;
    }

    @Override
    public Map<String, Object> invoke(File workspace, VirtualChannel channel) {
        List<Path> paths = new ArrayList<>();
        for (String l : logs) {
            paths.add(workspace.toPath().resolve(l));
        }
        VerifyOptions opt = new VerifyOptions(Window.parseDuration(recovery), Window.parseDuration(deadline),
                Window.parseDuration(interval), null, RegressionSettings.defaults(), maxRate).withClientAbortsJudged(judgeClientAborts);
        VerificationResult r = Verifier.verify(() -> Triage.gather(new TriageRequest(paths, Window.last(opt.recovery()), null, null,
                null, null, urls, null, null, null, null)), opt, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", r.passed());
        out.put("failedCriterion", r.failedCriterion() == null ? "" : r.failedCriterion());
        out.put("polls", r.polls());
        out.put("history", new ArrayList<>(r.history()));
        return out;
    }
}
