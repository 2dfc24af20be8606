package io.jenkins.plugins.arr502;

import hudson.Extension;
import hudson.ExtensionList;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * Periodic checks Jenkins runs itself against its IIS agents. JCasC:
 * <pre>
 * unclassified:
 *   arr502:
 *     intervalMinutes: 5
 *     agentTimeoutSeconds: 120
 *     targets:
 *       - label: iis
 *         logs: 'C:\inetpub\logs\LogFiles\W3SVC1'
 *         window: 15m
 * </pre>
 */
@Extension
@Symbol("arr502")
public class Arr502GlobalConfiguration extends GlobalConfiguration {
    private List<PeriodicTarget> targets = new ArrayList<>();
    private int intervalMinutes = 5;
    private int agentTimeoutSeconds = 120;

    public Arr502GlobalConfiguration() {
        load();
    }

    public static Arr502GlobalConfiguration get() {
        return ExtensionList.lookupSingleton(Arr502GlobalConfiguration.class);
    }

    public List<PeriodicTarget> getTargets() {
        return targets;
    }

    @DataBoundSetter
    public void setTargets(List<PeriodicTarget> targets) {
        this.targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets);
        save();
    }

    public int getIntervalMinutes() {
        return intervalMinutes;
    }

    @DataBoundSetter
    public void setIntervalMinutes(int minutes) {
        this.intervalMinutes = Math.max(1, minutes);
        save();
    }

    /** How long the controller waits for each agent's answer; a hung agent is reported UNKNOWN after it. */
    public int getAgentTimeoutSeconds() {
        return agentTimeoutSeconds <= 0 ? 120 : agentTimeoutSeconds;
    }

    @DataBoundSetter
    public void setAgentTimeoutSeconds(int seconds) {
        this.agentTimeoutSeconds = Math.max(10, seconds);
        save();
    }
}
