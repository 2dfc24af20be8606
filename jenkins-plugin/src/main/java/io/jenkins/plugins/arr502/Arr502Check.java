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
import io.arr502.core.gate.GateThreshold;
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

    @DataBoundConstructor
    public Arr502Check(String logs) {
        this.logs = logs == null ? "" : logs.trim();
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
        List<String> logPaths = lines(env.expand(logs));
        if (logPaths.isEmpty() && lines(urls).isEmpty()) {
            throw new AbortException(Messages.Arr502Check_NoEvidence());
        }
        try {
            Window.parse(window);
            Range.parse(warning);
            Range.parse(critical);
            GateThreshold.parse(gate);
        } catch (IllegalArgumentException e) {
            throw new AbortException("arr502: " + e.getMessage());
        }
        Baseline baseline = null;
        if (baselineFromLastSuccess) {
            baseline = BaselineChoice.choose(Arr502ProjectAction.history(run.getParent(), Arr502ProjectAction.MAX_BUILDS), run.getNumber())
                    .orElse(null);
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
                window, warning, critical, gate, baseline, user, password, env.expand(collectScripts)));
        listener.getLogger().print(v.nagios());
        run.addAction(new Arr502Action(v));
        if ("UNKNOWN".equals(v.state())) {
            throw new AbortException("arr502: " + v.summary());
        }
        Result result = gateResult(v);
        if (result != null) {
            v.gateMessages().forEach(m -> listener.getLogger().println("arr502 " + m));
            run.setResult(result);
        }
    }

    /** The gate's worst breach as a Jenkins result; null when the gate passed (NOTE leaves the build alone). */
    static Result gateResult(RemoteVerdict v) {
        if (v.gateMessages().isEmpty()) {
            return null;
        }
        String first = v.gateMessages().get(0);
        if (first.equals("gate: FAILURE")) {
            return Result.FAILURE;
        }
        return first.equals("gate: UNSTABLE") ? Result.UNSTABLE : null;
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
        public FormValidation doCheckGate(@AncestorInPath Item item, @QueryParameter String value) {
            return validate(item, value, GateThreshold::parse);
        }

        /** Core's own parser is the check: its one-line message is what the form shows. */
        private static FormValidation validate(Item item, String value, java.util.function.Consumer<String> parser) {
            if (!allowed(item)) {
                return FormValidation.ok();
            }
            try {
                parser.accept(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
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
        return "arr502Check" + Arrays.asList(logs, freb, config, window, warning, critical, gate);
    }
}
