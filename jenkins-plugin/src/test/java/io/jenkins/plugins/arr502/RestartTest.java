package io.jenkins.plugins.arr502;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored verdict survives a controller restart, and a build after it still finds its baseline. */
class RestartTest {
    static final String SAMPLE = new File("../samples/incident").getAbsolutePath();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** A job running the step on the whole sample incident with this gate. */
    static FreeStyleProject incidentJob(org.jvnet.hudson.test.JenkinsRule j, String name, String gate) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject(name);
        Arr502Check step = new Arr502Check(SAMPLE + "/logs");
        step.setWindow("all");
        step.setGate(gate);
        p.getBuildersList().add(step);
        return p;
    }

    @Test
    void verdictAndBaselineSurviveARestart() throws Throwable {
        sessions.then(j -> j.buildAndAssertStatus(Result.UNSTABLE, incidentJob(j, "incident", "RATE:1:UNSTABLE")));
        sessions.then(j -> {
            FreeStyleProject p = j.jenkins.getItemByFullName("incident", FreeStyleProject.class);
            FreeStyleBuild first = p.getBuildByNumber(1);
            Arr502Action a = first.getAction(Arr502Action.class);
            assertThat(a.getVerdict()).isNotNull();
            assertThat(a.getVerdict().getCount502_3()).isEqualTo(385);
            assertThat(a.getVerdict().getGateWorst()).isEqualTo("UNSTABLE");
            assertThat(j.createWebClient().getPage(first, "arr502").getWebResponse().getContentAsString()).contains("ARR_TIMEOUT_TOO_LOW");
            // the second build reads the first one's metrics from disk (NullPointerException -> FAILURE before)
            FreeStyleBuild second = j.buildAndAssertStatus(Result.UNSTABLE, p);
            assertThat(second.getAction(Arr502Action.class).getVerdict()).isNotNull();
            j.createWebClient().getPage(p);
        });
    }

    @Test
    void anUnreadableStoredVerdictNeverFailsABuild() throws Throwable {
        sessions.then(j -> j.buildAndAssertSuccess(incidentJob(j, "old", "")));
        // a build.xml whose verdict can no longer be read (as the record-era ones)
        sessions.then(j -> {
            FreeStyleProject p = j.jenkins.getItemByFullName("old", FreeStyleProject.class);
            File xml = new File(p.getBuildByNumber(1).getRootDir(), "build.xml");
            String s = java.nio.file.Files.readString(xml.toPath());
            java.nio.file.Files.writeString(xml.toPath(), s.replace("io.jenkins.plugins.arr502.data.RemoteVerdict", "no.such.Verdict"));
        });
        sessions.then(j -> {
            FreeStyleProject p = j.jenkins.getItemByFullName("old", FreeStyleProject.class);
            FreeStyleBuild first = p.getBuildByNumber(1);
            Arr502Action a = first.getAction(Arr502Action.class);
            if (a != null) {
                assertThat(a.getMetrics()).isNull();
                j.createWebClient().getPage(first, "arr502");
            }
            j.buildAndAssertSuccess(p);
            j.createWebClient().getPage(p);
        });
    }
}
