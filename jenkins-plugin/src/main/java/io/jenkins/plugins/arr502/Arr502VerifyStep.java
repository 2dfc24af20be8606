package io.jenkins.plugins.arr502;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.arr502.core.log.Window;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.Map;
import java.util.Set;

/**
 * {@code arr502Verify}: the post-deploy acceptance. Passes only when, for the whole recovery window, the
 * 502.3 rate stays at or below {@code maxRate}, each route's latency is inside its timeout envelope and
 * the probes are green; returns {@code [passed:…, failedCriterion:…, polls:…, history:[…]]} so the
 * Pipeline can branch, and fails the step when {@code failOnError} (default) and verification failed.
 */
public class Arr502VerifyStep extends Step {
    private final String logs;
    private String urls = "";
    private String recovery = "5m";
    private String deadline = "15m";
    private String interval = "30s";
    private double maxRate = 1.0;
    private boolean failOnError = true;
    private boolean judgeClientAborts;

    @DataBoundConstructor
    public Arr502VerifyStep(String logs) {
        this.logs = logs == null ? "" : logs;
    }

    public String getLogs() { return logs; }
    public String getUrls() { return urls; }
    public String getRecovery() { return recovery; }
    public String getDeadline() { return deadline; }
    public String getInterval() { return interval; }
    public double getMaxRate() { return maxRate; }
    public boolean isFailOnError() { return failOnError; }
    public boolean isJudgeClientAborts() { return judgeClientAborts; }

    @DataBoundSetter public void setUrls(String v) { this.urls = v == null ? "" : v; }
    @DataBoundSetter public void setRecovery(String v) { this.recovery = v; }
    @DataBoundSetter public void setDeadline(String v) { this.deadline = v; }
    @DataBoundSetter public void setInterval(String v) { this.interval = v; }
    @DataBoundSetter public void setMaxRate(double v) { this.maxRate = v; }
    @DataBoundSetter public void setFailOnError(boolean v) { this.failOnError = v; }
    /** Count client aborts (502.3 with win32 1236/64) in the rate judged against maxRate (default: left out). */
    @DataBoundSetter public void setJudgeClientAborts(boolean v) { this.judgeClientAborts = v; }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient Arr502VerifyStep step;

        Execution(StepContext context, Arr502VerifyStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            FilePath ws = getContext().get(FilePath.class);
            TaskListener listener = getContext().get(TaskListener.class);
            try {
                Window.parseDuration(step.recovery);
                Window.parseDuration(step.deadline);
                Window.parseDuration(step.interval);
            } catch (IllegalArgumentException e) {
                throw new AbortException("arr502Verify: " + e.getMessage());
            }
            if (ws == null) {
                throw new AbortException("arr502Verify needs a node (run it inside node { … })");
            }
            Map<String, Object> r = ws.act(new VerifyCallable(Arr502Check.lines(step.logs), Arr502Check.lines(step.urls),
                    step.recovery, step.deadline, step.interval, step.maxRate).withClientAbortsJudged(step.judgeClientAborts));
            listener.getLogger().println("arr502Verify: " + (Boolean.TRUE.equals(r.get("passed"))
                    ? "passed after " + r.get("polls") + " polls" : "failed: " + r.get("failedCriterion")));
            if (step.failOnError && !Boolean.TRUE.equals(r.get("passed"))) {
                throw new AbortException("arr502Verify failed: " + r.get("failedCriterion"));
            }
            return r;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "arr502Verify";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Arr502VerifyStep_DisplayName();
        }
    }
}
