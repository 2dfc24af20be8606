package io.jenkins.plugins.arr502;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The build step and the Pipeline steps in a real Jenkins, on the bundled sample incident. */
@WithJenkins
class Arr502CheckTest {
    static final String SAMPLE = new File("../samples/incident").getAbsolutePath();

    @Test
    void freestyleIncidentMakesTheBuildUnstableWithAReport(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        Arr502Check step = new Arr502Check(SAMPLE + "/logs");
        step.setConfig(SAMPLE + "/config");
        step.setWindow("all");
        step.setGate("RATE:1:UNSTABLE");
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        j.assertLogContains("ARR502 WARNING - 502.3 rate 4.75% (385 of 8098 requests, window all) - cause ARR_TIMEOUT_TOO_LOW", b);
        j.assertLogContains("arr502 UNSTABLE: 502.3 rate 4.75 % (385 of 8098) - rate reaches 1", b);
        Arr502Action a = b.getAction(Arr502Action.class);
        assertThat(a.getVerdict().getCount502_3()).isEqualTo(385);
        assertThat(a.getVerdict().getReport()).contains("fix for ARR_TIMEOUT_TOO_LOW", "rollback: appcmd");
        assertThat(a.getVerdict().getRoutes()).isNotEmpty();
        String page = j.createWebClient().getPage(b, "arr502").getWebResponse().getContentAsString();
        assertThat(page).contains("ARR_TIMEOUT_TOO_LOW", "jenkins-table", "id=\"arr502-minutes\"", "data-minutes=");
        // the job page with the trend's floatingBox.jelly (HTTP 500 while its title had parentheses)
        j.createWebClient().getPage(p);
    }

    /** Logs of an earlier day and the default window: nothing was judged, so the build does not pass. */
    @Test
    void aWindowWithoutRequestsIsNotASuccess(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new Arr502Check(SAMPLE + "/logs"));
        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("arr502", b);
        Arr502Check unstable = new Arr502Check(SAMPLE + "/logs");
        unstable.setNoTraffic("UNSTABLE");
        p.getBuildersList().replace(unstable);
        FreeStyleBuild u = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("the window held no request", u);
    }

    /** Every form of the plugin renders with all its fields (the configure page was cut off before). */
    @Test
    void configurePagesShowEveryField(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        Arr502Check step = new Arr502Check(SAMPLE + "/logs");
        step.setGate("RATE:2:FAILURE");
        step.setNoTraffic("UNSTABLE");
        step.setMinRequests(50);
        p.getBuildersList().add(step);
        JenkinsRule.WebClient wc = j.createWebClient();
        String form = wc.getPage(p, "configure").getWebResponse().getContentAsString();
        assertThat(form).contains("_.collectScripts", "_.noTraffic", "_.minRequests", "_.gate", "_.excludeRoutes", "_.silence", "_.judgeClientAborts");
        j.submit(wc.getPage(p, "configure").getFormByName("config"));
        j.assertEqualDataBoundBeans(step, p.getBuildersList().get(Arr502Check.class));
        String global = wc.goTo("configure").getWebResponse().getContentAsString();
        assertThat(global).contains("_.intervalMinutes", "_.agentTimeoutSeconds");
    }

    @Test
    void gateCanFailTheBuild(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        Arr502Check step = new Arr502Check(SAMPLE + "/logs");
        step.setWindow("all");
        step.setGate("RATE:1:UNSTABLE,COUNT:300:FAILURE");
        p.getBuildersList().add(step);
        j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
    }

    @Test
    void missingEvidenceIsAFailureWithOneLine(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        Arr502Check step = new Arr502Check(SAMPLE + "/nope");
        step.setWindow("all");
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("arr502: logs: no such log file or folder", b);
    }

    @Test
    void pipelineCheckAndVerify(JenkinsRule j) throws Exception {
        Path recent = Files.createTempDirectory("arr502").resolve("u_ex261125.log");
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder log = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 100; i++) {
            log.append(now).append(" /api/orders/1 200 0 0 40\n");
        }
        Files.writeString(recent, log);
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "post-deploy");
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  arr502Check logs: '%s', window: 'all', gate: 'RATE:1:UNSTABLE'
                  def r = arr502Verify logs: '%s', recovery: '1s', deadline: '10s', interval: '1s'
                  echo "verified=${r.passed} polls=${r.polls}"
                }
                """.formatted(SAMPLE.replace("\\", "/") + "/logs", recent.toString().replace("\\", "/")), true));
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        j.assertLogContains("verified=true", b);
        j.createWebClient().getPage(p);
        assertThat(b.getAction(Arr502Action.class)).isNotNull();
    }

    /** As warnings-ng's recordIssues: the gate marks the stage (WarningAction on the step's node), not only the build. */
    @Test
    void pipelineGateMarksTheStage(JenkinsRule j) throws Exception {
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "staged");
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  stage('gate') {
                    arr502Check logs: '%s', window: 'all', gate: 'RATE:1:UNSTABLE'
                  }
                  stage('after') {
                    echo 'still running'
                  }
                }
                """.formatted(SAMPLE.replace("\\", "/") + "/logs"), true));
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        j.assertLogContains("still running", b);
        FlowNode marked = new DepthFirstScanner().findFirstMatch(b.getExecution(), n -> n.getPersistentAction(WarningAction.class) != null);
        assertThat(marked).isNotNull();
        assertThat(marked.getDisplayFunctionName()).isEqualTo("arr502Check");
        WarningAction w = marked.getPersistentAction(WarningAction.class);
        assertThat(w.getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(w.getMessage()).contains("rate reaches 1");
    }

    /** As Pipeline and JCasC bind them: structs' DescribableModel, both ways, for the build step and the Pipeline step. */
    @Test
    void stepsBindThroughDescribableModel(JenkinsRule j) throws Exception {
        java.util.Map<String, Object> args = java.util.Map.of("logs", "C:\\inetpub\\logs\\LogFiles\\W3SVC1", "gate", "COUNT:0:FAILURE",
                "noTraffic", "UNSTABLE", "minRequests", 5L, "collectScripts", "check-scripts", "excludeRoutes", "/signalr/*",
                "includeSites", "W3SVC2", "silence", "off", "silenceState", "CRITICAL", "judgeClientAborts", true);
        Arr502Check check = DescribableModel.of(Arr502Check.class).instantiate(args, hudson.model.TaskListener.NULL);
        assertThat(check.getNoTraffic()).isEqualTo("UNSTABLE");
        assertThat(check.getMinRequests()).isEqualTo(5);
        assertThat(check.getSilence()).isEqualTo("off");
        assertThat(check.isJudgeClientAborts()).isTrue();
        assertThat(check.getExcludeRoutes()).isEqualTo("/signalr/*");
        assertThat(check.getWindow()).isEqualTo("15m");
        assertThat(new java.util.HashMap<String, Object>(DescribableModel.of(Arr502Check.class).uninstantiate2(check).getArguments()))
                .containsAllEntriesOf(args);
        Arr502CheckStep step = DescribableModel.of(Arr502CheckStep.class).instantiate(args, hudson.model.TaskListener.NULL);
        assertThat(new java.util.HashMap<String, Object>(DescribableModel.of(Arr502CheckStep.class).uninstantiate2(step).getArguments()))
                .containsAllEntriesOf(args);
    }
}
