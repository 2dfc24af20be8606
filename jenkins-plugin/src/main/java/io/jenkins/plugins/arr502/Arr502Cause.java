package io.jenkins.plugins.arr502;

import hudson.model.Cause;

/** Why a job started: an agent's periodic check changed state. Stored in build.xml, so plain strings only. */
public class Arr502Cause extends Cause {
    private final String agent;
    private final String state;

    public Arr502Cause(String agent, String state) {
        this.agent = agent;
        this.state = state;
    }

    public String getAgent() { return agent; }
    public String getState() { return state; }

    @Override
    public String getShortDescription() {
        return Messages.Arr502Cause_ShortDescription(agent, state);
    }
}
