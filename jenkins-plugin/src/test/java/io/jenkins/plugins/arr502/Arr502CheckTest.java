package io.jenkins.plugins.arr502;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
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
        assertThat(a.getVerdict().count502_3()).isEqualTo(385);
        assertThat(a.getVerdict().report()).contains("fix for ARR_TIMEOUT_TOO_LOW", "rollback: appcmd");
        j.createWebClient().getPage(b, "arr502");
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
        assertThat(b.getAction(Arr502Action.class)).isNotNull();
    }
}
