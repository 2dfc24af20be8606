package io.jenkins.plugins.arr502;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.security.ACL;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.gate.BaselineChoice;
import io.arr502.core.gate.BuildMetrics;
import io.arr502.core.gate.Criticality;
import io.arr502.core.gate.GateOptions;
import io.arr502.core.gate.GateThreshold;
import io.jenkins.plugins.arr502.data.RemoteVerdict;
import io.arr502.core.log.Window;
import io.arr502.core.verdict.Range;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code arr502Check}: triage on the agent that holds the IIS evidence, the verdict on the build page,
 * and the quality gate on the build result (UNSTABLE or FAILURE as configured).
 */
public class Arr502Check extends Builder implements SimpleBuildStep {
    private final String logs;
    private String freb = "";
    private String config = "";
    private String urls = "";
    private String window = "15m";
    private String warning = "1";
    private String critical = "5";
    private String gate = "RATE:1:UNSTABLE,REGRESSION:0:UNSTABLE";
    private boolean baselineFromLastSuccess = true;
    private String credentialsId = "";
    private String collectScripts = "";
    private String noTraffic = DEFAULT_NO_TRAFFIC;
    private long minRequests = GateOptions.DEFAULT_MIN_REQUESTS;
    private String includeRoutes = "";
    private String excludeRoutes = "";
    private String includeSites = "";
    private String excludeSites = "";
    private String silence = DEFAULT_SILENCE;
    private String silenceState = DEFAULT_SILENCE_STATE;
    private boolean judgeClientAborts;

    /** A window without requests fails the build unless told otherwise: a gate that saw nothing must not pass. */
    static final String DEFAULT_NO_TRAFFIC = "FAILURE";
    /** As the check's --silence and --silence-state. */
    static final String DEFAULT_SILENCE = "2h";
    static final String DEFAULT_SILENCE_STATE = "WARNING";

    @DataBoundConstructor
    public Arr502Check(String logs) {
        this.logs = logs == null ? "" : logs.trim();
    }

    /** Jenkins reads config.xml with XStream, which skips field initialisers: fields an older version did not save get their defaults. */
    protected Object readResolve() {
        freb = freb == null ? "" : freb;
        config = config == null ? "" : config;
        urls = urls == null ? "" : urls;
        window = window == null || window.isBlank() ? "15m" : window;
        warning = warning == null || warning.isBlank() ? "1" : warning;
        critical = critical == null || critical.isBlank() ? "5" : critical;
        gate = gate == null ? "RATE:1:UNSTABLE,REGRESSION:0:UNSTABLE" : gate;
        credentialsId = credentialsId == null ? "" : credentialsId;
        collectScripts = collectScripts == null ? "" : collectScripts;
        noTraffic = noTraffic == null || noTraffic.isBlank() ? DEFAULT_NO_TRAFFIC : noTraffic;
        minRequests = minRequests < 0 ? GateOptions.DEFAULT_MIN_REQUESTS : minRequests;
        includeRoutes = includeRoutes == null ? "" : includeRoutes;
        excludeRoutes = excludeRoutes == null ? "" : excludeRoutes;
        includeSites = includeSites == null ? "" : includeSites;
        excludeSites = excludeSites == null ? "" : excludeSites;
        silence = silence == null || silence.isBlank() ? DEFAULT_SILENCE : silence;
        silenceState = silenceState == null || silenceState.isBlank() ? DEFAULT_SILENCE_STATE : silenceState;
        // judgeClientAborts: a configuration saved before it existed leaves it false, its default
        return this;
    }

    public String getLogs() { return logs; }
    public String getFreb() { return freb; }
    public String getConfig() { return config; }
    public String getUrls() { return urls; }
    public String getWindow() { return window; }
    public String getWarning() { return warning; }
    public String getCritical() { return critical; }
    public String getGate() { return gate; }
    public boolean isBaselineFromLastSuccess() { return baselineFromLastSuccess; }
    public String getCredentialsId() { return credentialsId; }
    public String getCollectScripts() { return collectScripts; }
    public String getNoTraffic() { return noTraffic; }
    public long getMinRequests() { return minRequests; }
    public String getIncludeRoutes() { return includeRoutes; }
    public String getExcludeRoutes() { return excludeRoutes; }
    public String getIncludeSites() { return includeSites; }
    public String getExcludeSites() { return excludeSites; }
    public String getSilence() { return silence; }
    public String getSilenceState() { return silenceState; }
    public boolean isJudgeClientAborts() { return judgeClientAborts; }

    @DataBoundSetter public void setFreb(String v) { this.freb = trim(v); }
    @DataBoundSetter public void setConfig(String v) { this.config = trim(v); }
    @DataBoundSetter public void setUrls(String v) { this.urls = trim(v); }
    @DataBoundSetter public void setWindow(String v) { this.window = trim(v).isEmpty() ? "15m" : trim(v); }
    @DataBoundSetter public void setWarning(String v) { this.warning = trim(v).isEmpty() ? "1" : trim(v); }
    @DataBoundSetter public void setCritical(String v) { this.critical = trim(v).isEmpty() ? "5" : trim(v); }
    @DataBoundSetter public void setGate(String v) { this.gate = trim(v); }
    @DataBoundSetter public void setBaselineFromLastSuccess(boolean v) { this.baselineFromLastSuccess = v; }
    /** Username/password credentials for authenticated probes. */
    @DataBoundSetter public void setCredentialsId(String v) { this.credentialsId = trim(v); }
    /** check-scripts folder on a Windows agent; when set, the collectors run first. */
    @DataBoundSetter public void setCollectScripts(String v) { this.collectScripts = trim(v); }
    /** The result when logs were read but the window held no request: UNSTABLE or FAILURE (default). */
    @DataBoundSetter public void setNoTraffic(String v) { this.noTraffic = trim(v).isEmpty() ? DEFAULT_NO_TRAFFIC : trim(v).toUpperCase(java.util.Locale.ROOT); }
    /** The fewest requests a rate (RATE, ROUTE_RATE, LATENCY) is judged on. */
    @DataBoundSetter public void setMinRequests(long v) { this.minRequests = Math.max(0, v); }
    /** Route and site patterns (glob, or regex: prefix), one a line or comma separated; as the check's --include-route etc. */
    @DataBoundSetter public void setIncludeRoutes(String v) { this.includeRoutes = trim(v); }
    @DataBoundSetter public void setExcludeRoutes(String v) { this.excludeRoutes = trim(v); }
    @DataBoundSetter public void setIncludeSites(String v) { this.includeSites = trim(v); }
    @DataBoundSetter public void setExcludeSites(String v) { this.excludeSites = trim(v); }
    /** No request for longer than this in a window ending now is silence (a duration such as 2h, or off). */
    @DataBoundSetter public void setSilence(String v) { this.silence = trim(v).isEmpty() ? DEFAULT_SILENCE : trim(v); }
    /** The state silence gives: OK (only said), WARNING, CRITICAL or UNKNOWN. */
    @DataBoundSetter public void setSilenceState(String v) { this.silenceState = trim(v).isEmpty() ? DEFAULT_SILENCE_STATE : trim(v).toUpperCase(java.util.Locale.ROOT); }
    /** Count client aborts (502.3 with win32 1236/64) in the judged 502.3 rate and the gate, as the check's --judge-client-aborts (default: left out, said). */
    @DataBoundSetter public void setJudgeClientAborts(boolean v) { this.judgeClientAborts = v; }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        for (String l : s.split("[\\r\\n,]+")) {
            if (!l.isBlank()) {
                out.add(l.trim());
            }
        }
        return out;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
                        @NonNull TaskListener listener) throws InterruptedException, IOException {
        check(run, workspace, env, listener);
    }

    /**
     * Runs the check on the workspace's agent, adds the report to the build and sets the build result;
     * returns the verdict, whose gate outcome the Pipeline step also puts on its stage. UNKNOWN aborts.
     */
    RemoteVerdict check(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        List<String> logPaths = lines(env.expand(logs));
        if (logPaths.isEmpty() && lines(urls).isEmpty()) {
            throw new AbortException(Messages.Arr502Check_NoEvidence());
        }
        GateOptions gateOptions;
        try {
            Window.parse(window);
            Range.parse(warning);
            Range.parse(critical);
            GateThreshold.parse(gate);
            TriageCallable.scope(lines(includeRoutes), lines(excludeRoutes), lines(includeSites), lines(excludeSites));
            TriageCallable.silence(silence);
            TriageCallable.silenceState(silenceState);
            gateOptions = new GateOptions(minRequests, logPaths.isEmpty() ? null : noTrafficCriticality(noTraffic), 0);
        } catch (IllegalArgumentException e) {
            throw new AbortException("arr502: " + e.getMessage());
        }
        Baseline baseline = null;
        if (baselineFromLastSuccess) {
            BuildMetrics base = BaselineChoice.chooseBuild(Arr502ProjectAction.history(run.getParent(), Arr502ProjectAction.MAX_BUILDS),
                    run.getNumber()).orElse(null);
            if (base != null) {
                baseline = new Baseline(base.requests(), base.count502_3(), "build #" + base.build());
                gateOptions = gateOptions.withBaselineP99(base.worstRouteOkP99Millis());
            }
        }
        String user = null;
        char[] password = null;
        if (!credentialsId.isEmpty()) {
            StandardUsernamePasswordCredentials c = CredentialsProvider.findCredentialById(credentialsId,
                    StandardUsernamePasswordCredentials.class, run, List.of());
            if (c == null) {
                throw new AbortException("arr502: no username/password credentials with id " + credentialsId);
            }
            CredentialsProvider.track(run, c);
            user = c.getUsername();
            password = c.getPassword().getPlainText().toCharArray();
        }
        RemoteVerdict v = workspace.act(new TriageCallable(logPaths, env.expand(freb), env.expand(config), lines(env.expand(urls)),
                window, warning, critical, gate, gateOptions, baseline, user, password, env.expand(collectScripts), "", 0)
                .withScope(lines(includeRoutes), lines(excludeRoutes), lines(includeSites), lines(excludeSites))
                .withSilence(silence, silenceState).withClientAbortsJudged(judgeClientAborts));
        listener.getLogger().print(v.getNagios());
        run.addAction(new Arr502Action(v));
        v.getGateMessages().forEach(m -> listener.getLogger().println("arr502 " + m));
        if ("UNKNOWN".equals(v.getState())) {
            throw new AbortException("arr502: " + v.getSummary());
        }
        Result result = gateResult(v);
        if (result != null) {
            run.setResult(result);
        }
        return v;
    }

    /** Core's own parser is the form check: its one-line message is what the form shows (the step's and the periodic target's forms). */
    static FormValidation parsed(String value, java.util.function.Consumer<String> parser) {
        try {
            parser.accept(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A bad route/site pattern fails with core's one-line reason. */
    static void checkPatterns(String s) {
        TriageCallable.scope(lines(s == null ? "" : s), List.of(), List.of(), List.of());
    }

    /** The result an empty window gives; only UNSTABLE and FAILURE: a window without requests is never a pass. */
    static Criticality noTrafficCriticality(String s) {
        String v = s == null ? "" : s.trim().toUpperCase(java.util.Locale.ROOT);
        if (v.equals("UNSTABLE") || v.equals("FAILURE")) {
            return Criticality.valueOf(v);
        }
        throw new IllegalArgumentException("noTraffic must be UNSTABLE or FAILURE, not '" + s + "'");
    }

    /** The gate's worst breach as a Jenkins result; null when the gate passed (NOTE leaves the build alone). */
    static Result gateResult(RemoteVerdict v) {
        return switch (v.getGateWorst()) {
            case "FAILURE" -> Result.FAILURE;
            case "UNSTABLE" -> Result.UNSTABLE;
            default -> null;
        };
    }

    @Symbol("arr502Check")
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<hudson.tasks.Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Arr502Check_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!allowed(item)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class, List.of(), CredentialsMatchers.always())
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckWarning(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Range::parse);
        }

        @POST
        public FormValidation doCheckCritical(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Range::parse);
        }

        @POST
        public FormValidation doCheckWindow(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Window::parse);
        }

        @POST
        public ListBoxModel doFillNoTrafficItems(@AncestorInPath Item item) {
            ListBoxModel m = new ListBoxModel();
            if (allowed(item)) {
                m.add(Messages.Arr502Check_NoTrafficFailure(), "FAILURE");
                m.add(Messages.Arr502Check_NoTrafficUnstable(), "UNSTABLE");
            }
            return m;
        }

        @POST
        public FormValidation doCheckMinRequests(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, t -> {
                try {
                    new GateOptions(Long.parseLong(t.trim()), null, 0);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("min requests must be a whole number, not '" + t + "'");
                }
            });
        }

        @POST
        public FormValidation doCheckIncludeRoutes(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Arr502Check::checkPatterns);
        }

        @POST
        public FormValidation doCheckExcludeRoutes(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Arr502Check::checkPatterns);
        }

        @POST
        public FormValidation doCheckIncludeSites(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Arr502Check::checkPatterns);
        }

        @POST
        public FormValidation doCheckExcludeSites(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, Arr502Check::checkPatterns);
        }

        @POST
        public FormValidation doCheckSilence(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, TriageCallable::silence);
        }

        @POST
        public ListBoxModel doFillSilenceStateItems(@AncestorInPath Item item) {
            ListBoxModel m = new ListBoxModel();
            if (allowed(item)) {
                for (String s : List.of("WARNING", "CRITICAL", "UNKNOWN", "OK")) {
                    m.add(s, s);
                }
            }
            return m;
        }

        @POST
        public FormValidation doCheckGate(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, GateThreshold::parse);
        }

        private static FormValidation validate(Item item, String value, java.util.function.Consumer<String> parser) {
            return allowed(item) ? parsed(value, parser) : FormValidation.ok();
        }

        /** Validation answers only to those who may configure the job. */
        private static boolean allowed(Item item) {
            if (item == null) {
                return jenkins.model.Jenkins.get().hasPermission(jenkins.model.Jenkins.ADMINISTER);
            }
            return item.hasPermission(Item.CONFIGURE);
        }
    }

    @Override
    public String toString() {
        return "arr502Check" + Arrays.asList(logs, freb, config, window, warning, critical, gate, noTraffic, minRequests, includeRoutes, excludeRoutes,
                includeSites, excludeSites, silence, silenceState, judgeClientAborts);
    }
}
