package io.jenkins.plugins.arr502;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;

/** One periodic check: the agents with a label, and where the IIS logs are on them. */
public class PeriodicTarget implements Describable<PeriodicTarget> {
    private final String label;
    private final String logs;
    private String window = "15m";
    private String warning = "1";
    private String critical = "5";
    private String triggerJob = "";
    private String includeRoutes = "";
    private String excludeRoutes = "";
    private String includeSites = "";
    private String excludeSites = "";
    private String silence = Arr502Check.DEFAULT_SILENCE;
    private String silenceState = Arr502Check.DEFAULT_SILENCE_STATE;
    private boolean judgeClientAborts;

    @DataBoundConstructor
    public PeriodicTarget(String label, String logs) {
        this.label = label == null ? "" : label.trim();
        this.logs = logs == null ? "" : logs.trim();
    }

    /** XStream skips field initialisers: fields missing from an older configuration get their defaults. */
    protected Object readResolve() {
        window = window == null || window.isBlank() ? "15m" : window;
        warning = warning == null || warning.isBlank() ? "1" : warning;
        critical = critical == null || critical.isBlank() ? "5" : critical;
        triggerJob = triggerJob == null ? "" : triggerJob;
        includeRoutes = includeRoutes == null ? "" : includeRoutes;
        excludeRoutes = excludeRoutes == null ? "" : excludeRoutes;
        includeSites = includeSites == null ? "" : includeSites;
        excludeSites = excludeSites == null ? "" : excludeSites;
        silence = silence == null || silence.isBlank() ? Arr502Check.DEFAULT_SILENCE : silence;
        silenceState = silenceState == null || silenceState.isBlank() ? Arr502Check.DEFAULT_SILENCE_STATE : silenceState;
        // judgeClientAborts: a configuration saved before it existed leaves it false, its default
        return this;
    }

    public String getLabel() { return label; }
    public String getLogs() { return logs; }
    public String getWindow() { return window; }
    public String getWarning() { return warning; }
    public String getCritical() { return critical; }
    public String getTriggerJob() { return triggerJob; }
    public String getIncludeRoutes() { return includeRoutes; }
    public String getExcludeRoutes() { return excludeRoutes; }
    public String getIncludeSites() { return includeSites; }
    public String getExcludeSites() { return excludeSites; }
    public String getSilence() { return silence; }
    public String getSilenceState() { return silenceState; }
    public boolean isJudgeClientAborts() { return judgeClientAborts; }

    @DataBoundSetter public void setWindow(String v) { this.window = v; }
    @DataBoundSetter public void setWarning(String v) { this.warning = v; }
    @DataBoundSetter public void setCritical(String v) { this.critical = v; }
    /** A job to start when an agent's state changes (empty: none). */
    @DataBoundSetter public void setTriggerJob(String v) { this.triggerJob = v == null ? "" : v; }
    /** Route and site patterns as the build step's (glob or regex:, one a line or comma separated). */
    @DataBoundSetter public void setIncludeRoutes(String v) { this.includeRoutes = v == null ? "" : v.trim(); }
    @DataBoundSetter public void setExcludeRoutes(String v) { this.excludeRoutes = v == null ? "" : v.trim(); }
    @DataBoundSetter public void setIncludeSites(String v) { this.includeSites = v == null ? "" : v.trim(); }
    @DataBoundSetter public void setExcludeSites(String v) { this.excludeSites = v == null ? "" : v.trim(); }
    /** Silence after (a duration such as 2h, or off) and the state it gives, as the build step's. */
    @DataBoundSetter public void setSilence(String v) { this.silence = v == null || v.isBlank() ? Arr502Check.DEFAULT_SILENCE : v.trim(); }
    @DataBoundSetter public void setSilenceState(String v) {
        this.silenceState = v == null || v.isBlank() ? Arr502Check.DEFAULT_SILENCE_STATE : v.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Count client aborts in the judged 502.3 rate, as the build step's (default: left out, said). */
    @DataBoundSetter public void setJudgeClientAborts(boolean v) { this.judgeClientAborts = v; }

    @Extension
    public static final class DescriptorImpl extends Descriptor<PeriodicTarget> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PeriodicTarget_DisplayName();
        }

        // the global configuration page: only administers may ask
        @POST
        public FormValidation doCheckIncludeRoutes(@QueryParameter String value) { return validate(value, Arr502Check::checkPatterns); }

        @POST
        public FormValidation doCheckExcludeRoutes(@QueryParameter String value) { return validate(value, Arr502Check::checkPatterns); }

        @POST
        public FormValidation doCheckIncludeSites(@QueryParameter String value) { return validate(value, Arr502Check::checkPatterns); }

        @POST
        public FormValidation doCheckExcludeSites(@QueryParameter String value) { return validate(value, Arr502Check::checkPatterns); }

        @POST
        public FormValidation doCheckSilence(@QueryParameter String value) { return validate(value, TriageCallable::silence); }

        @POST
        public FormValidation doCheckSilenceState(@QueryParameter String value) { return validate(value, TriageCallable::silenceState); }

        private static FormValidation validate(String value, java.util.function.Consumer<String> parser) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER) ? Arr502Check.parsed(value, parser) : FormValidation.ok();
        }
    }
}
