package io.jenkins.plugins.arr502;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.arr502.data.RemoteVerdict;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Set;

/**
 * {@code arr502Check} in Pipeline: the same check as the build step, and, like warnings-ng's
 * {@code recordIssues}, a breached gate marks the stage as well as the build ({@link WarningAction} on
 * the step's node, so Pipeline views show the stage UNSTABLE or FAILED). Its function name shadows the
 * build step's symbol in Pipeline; {@code step([$class: 'Arr502Check', …])} still runs the build step.
 * Every option is the build step's: this class only carries them.
 */
public class Arr502CheckStep extends Step {
    private final Arr502Check check;

    @DataBoundConstructor
    public Arr502CheckStep(String logs) {
        this.check = new Arr502Check(logs);
    }

    public String getLogs() { return check.getLogs(); }
    public String getFreb() { return check.getFreb(); }
    public String getConfig() { return check.getConfig(); }
    public String getUrls() { return check.getUrls(); }
    public String getWindow() { return check.getWindow(); }
    public String getWarning() { return check.getWarning(); }
    public String getCritical() { return check.getCritical(); }
    public String getGate() { return check.getGate(); }
    public boolean isBaselineFromLastSuccess() { return check.isBaselineFromLastSuccess(); }
    public String getCredentialsId() { return check.getCredentialsId(); }
    public String getCollectScripts() { return check.getCollectScripts(); }
    public String getNoTraffic() { return check.getNoTraffic(); }
    public long getMinRequests() { return check.getMinRequests(); }
    public String getIncludeRoutes() { return check.getIncludeRoutes(); }
    public String getExcludeRoutes() { return check.getExcludeRoutes(); }
    public String getIncludeSites() { return check.getIncludeSites(); }
    public String getExcludeSites() { return check.getExcludeSites(); }
    public String getSilence() { return check.getSilence(); }
    public String getSilenceState() { return check.getSilenceState(); }
    public boolean isJudgeClientAborts() { return check.isJudgeClientAborts(); }

    @DataBoundSetter public void setFreb(String v) { check.setFreb(v); }
    @DataBoundSetter public void setConfig(String v) { check.setConfig(v); }
    @DataBoundSetter public void setUrls(String v) { check.setUrls(v); }
    @DataBoundSetter public void setWindow(String v) { check.setWindow(v); }
    @DataBoundSetter public void setWarning(String v) { check.setWarning(v); }
    @DataBoundSetter public void setCritical(String v) { check.setCritical(v); }
    @DataBoundSetter public void setGate(String v) { check.setGate(v); }
    @DataBoundSetter public void setBaselineFromLastSuccess(boolean v) { check.setBaselineFromLastSuccess(v); }
    @DataBoundSetter public void setCredentialsId(String v) { check.setCredentialsId(v); }
    @DataBoundSetter public void setCollectScripts(String v) { check.setCollectScripts(v); }
    @DataBoundSetter public void setNoTraffic(String v) { check.setNoTraffic(v); }
    @DataBoundSetter public void setMinRequests(long v) { check.setMinRequests(v); }
    @DataBoundSetter public void setIncludeRoutes(String v) { check.setIncludeRoutes(v); }
    @DataBoundSetter public void setExcludeRoutes(String v) { check.setExcludeRoutes(v); }
    @DataBoundSetter public void setIncludeSites(String v) { check.setIncludeSites(v); }
    @DataBoundSetter public void setExcludeSites(String v) { check.setExcludeSites(v); }
    @DataBoundSetter public void setSilence(String v) { check.setSilence(v); }
    @DataBoundSetter public void setSilenceState(String v) { check.setSilenceState(v); }
    @DataBoundSetter public void setJudgeClientAborts(boolean v) { check.setJudgeClientAborts(v); }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, check);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;
        private final transient Arr502Check check;

        Execution(StepContext context, Arr502Check check) {
            super(context);
            this.check = check;
        }

        @Override
        protected Void run() throws Exception {
            StepContext c = getContext();
            RemoteVerdict v = check.check(c.get(Run.class), c.get(FilePath.class), c.get(EnvVars.class), c.get(TaskListener.class));
            Result result = Arr502Check.gateResult(v);
            FlowNode node = c.get(FlowNode.class);
            if (result != null && node != null) {
                String why = v.getGateMessages().stream().filter(m -> m.startsWith(result.toString())).findFirst().orElse(v.getSummary());
                node.addOrReplaceAction(new WarningAction(result).withMessage(why));
            }
            return null;
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class, FlowNode.class);
        }

        @Override
        public String getFunctionName() {
            return "arr502Check";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Arr502CheckStep_DisplayName();
        }

        private static Arr502Check.DescriptorImpl buildStep() {
            return Jenkins.get().getDescriptorByType(Arr502Check.DescriptorImpl.class);
        }

        /** An instance whose class holds the form this step shares (config.jelly includes it). */
        public Arr502Check getBuildStepTemplate() {
            return new Arr502Check("");
        }

        /** The build step's help files serve the same fields here. */
        @Override
        public String getHelpFile(String fieldName) {
            return buildStep().getHelpFile(fieldName);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return buildStep().doFillCredentialsIdItems(item, credentialsId);
        }

        @POST
        public ListBoxModel doFillNoTrafficItems(@AncestorInPath Item item) {
            return buildStep().doFillNoTrafficItems(item);
        }

        @POST
        public FormValidation doCheckWarning(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckWarning(item, value);
        }

        @POST
        public FormValidation doCheckCritical(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckCritical(item, value);
        }

        @POST
        public FormValidation doCheckWindow(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckWindow(item, value);
        }

        @POST
        public FormValidation doCheckIncludeRoutes(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckIncludeRoutes(item, value);
        }

        @POST
        public FormValidation doCheckExcludeRoutes(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckExcludeRoutes(item, value);
        }

        @POST
        public FormValidation doCheckIncludeSites(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckIncludeSites(item, value);
        }

        @POST
        public FormValidation doCheckExcludeSites(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckExcludeSites(item, value);
        }

        @POST
        public FormValidation doCheckSilence(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckSilence(item, value);
        }

        @POST
        public ListBoxModel doFillSilenceStateItems(@AncestorInPath Item item) {
            return buildStep().doFillSilenceStateItems(item);
        }

        @POST
        public FormValidation doCheckGate(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckGate(item, value);
        }

        @POST
        public FormValidation doCheckMinRequests(@AncestorInPath Item item, @QueryParameter String value) {
            return buildStep().doCheckMinRequests(item, value);
        }
    }
}
