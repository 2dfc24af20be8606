package io.jenkins.plugins.arr502;

import hudson.model.Action;
import hudson.model.Run;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.arr502.core.gate.BuildMetrics;
import io.jenkins.plugins.arr502.data.RemoteVerdict;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

import java.util.Collection;
import java.util.List;

/**
 * The build's arr502 report page; its metrics are the next build's baseline and a point of the job trend.
 * Stored in build.xml: its verdict is a plain class ({@link RemoteVerdict}); a verdict that could not be
 * read back (null) shows as missing and is skipped by the trend and the baseline, never failing a build.
 */
public class Arr502Action implements RunAction2, SimpleBuildStep.LastBuildAction {
    private final RemoteVerdict verdict;
    private transient Run<?, ?> run;

    public Arr502Action(RemoteVerdict verdict) {
        this.verdict = verdict;
    }

    @CheckForNull
    public RemoteVerdict getVerdict() {
        return verdict;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** Null when the stored verdict could not be read. */
    @CheckForNull
    public BuildMetrics getMetrics() {
        if (verdict == null) {
            return null;
        }
        return verdict.metrics(run == null ? 0 : run.getNumber(), run == null || run.getResult() == null ? "SUCCESS" : run.getResult().toString());
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-warning-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return Messages.Arr502Action_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "arr502";
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return run == null ? List.of() : List.of(new Arr502ProjectAction(run.getParent()));
    }
}
