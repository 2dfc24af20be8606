package io.jenkins.plugins.arr502;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** One periodic check: the agents with a label, and where the IIS logs are on them. */
public class PeriodicTarget implements Describable<PeriodicTarget> {
    private final String label;
    private final String logs;
    private String window = "15m";
    private String warning = "1";
    private String critical = "5";
    private String triggerJob = "";

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
        return this;
    }

    public String getLabel() { return label; }
    public String getLogs() { return logs; }
    public String getWindow() { return window; }
    public String getWarning() { return warning; }
    public String getCritical() { return critical; }
    public String getTriggerJob() { return triggerJob; }

    @DataBoundSetter public void setWindow(String v) { this.window = v; }
    @DataBoundSetter public void setWarning(String v) { this.warning = v; }
    @DataBoundSetter public void setCritical(String v) { this.critical = v; }
    /** A job to start when an agent's state changes (empty: none). */
    @DataBoundSetter public void setTriggerJob(String v) { this.triggerJob = v == null ? "" : v; }

    @Extension
    public static final class DescriptorImpl extends Descriptor<PeriodicTarget> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PeriodicTarget_DisplayName();
        }
    }
}
