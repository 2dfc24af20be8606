package io.jenkins.plugins.arr502;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import hudson.model.TaskListener;
import hudson.slaves.DumbSlave;
import hudson.ExtensionList;
import io.jenkins.plugins.arr502.data.PeriodicResult;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Periodic checks: agents in parallel with a deadline, state on the agent, results kept, a job started on a change. */
@WithJenkins
class PeriodicWorkTest {

    static Path recentLog(int ok, int bad) throws Exception {
        Path dir = Files.createTempDirectory("arr502-logs");
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder log = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < ok; i++) {
            log.append(now).append(" /api/orders/1 200 0 0 40\n");
        }
        for (int i = 0; i < bad; i++) {
            log.append(now).append(" /api/orders/1 502 3 12002 30000\n");
        }
        Files.writeString(dir.resolve("u_ex" + DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC).format(Instant.now())
                + ".log"), log);
        return dir;
    }

    private static Arr502PeriodicWork work() {
        return ExtensionList.lookupSingleton(Arr502PeriodicWork.class);
    }

    /** One agent whose log "file" is a FIFO nobody writes: opening it blocks, as a hung share would. */
    @Test
    void aHungAgentDoesNotStopTheOthers(JenkinsRule j) throws Exception {
        Path good = recentLog(100, 0);
        Path hung = Files.createTempDirectory("arr502-hung");
        new ProcessBuilder("mkfifo", hung.resolve("u_ex261125.log").toString()).start().waitFor();
        DumbSlave a = j.createOnlineSlave(j.jenkins.getLabel("iis-good"));
        DumbSlave b = j.createOnlineSlave(j.jenkins.getLabel("iis-hung"));
        Arr502GlobalConfiguration c = Arr502GlobalConfiguration.get();
        c.setAgentTimeoutSeconds(15);
        PeriodicTarget t1 = new PeriodicTarget("iis-hung", hung.toString());
        t1.setWindow("all");
        PeriodicTarget t2 = new PeriodicTarget("iis-good", good.toString());
        c.setTargets(List.of(t1, t2));
        long start = System.nanoTime();
        work().execute(TaskListener.NULL);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        List<PeriodicResult> latest = work().results().getLatest();
        assertThat(latest).anySatisfy(r -> {
            assertThat(r.getAgent()).isEqualTo(b.getNodeName());
            assertThat(r.getState()).isEqualTo("UNKNOWN");
            assertThat(r.getSummary()).contains("no answer within 15 s");
        });
        assertThat(latest).anySatisfy(r -> {
            assertThat(r.getAgent()).isEqualTo(a.getNodeName());
            assertThat(r.getState()).isEqualTo("OK");
        });
        // the good agent keeps its cursor in its own root folder
        assertThat(new File(a.getRootPath().getRemote(), Arr502PeriodicWork.STATE_FOLDER)).isDirectory();
    }

    @Test
    void theJobStartsOnAStateChangeWithParametersAndResultsSurviveReload(JenkinsRule j) throws Exception {
        Path logs = recentLog(100, 20);
        FreeStyleProject incident = j.createFreeStyleProject("arr502-incident");
        incident.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("ARR502_AGENT", ""),
                new StringParameterDefinition("ARR502_STATE", ""), new StringParameterDefinition("ARR502_SUMMARY", ""),
                new StringParameterDefinition("ARR502_REPORT_URL", "")));
        PeriodicTarget t = new PeriodicTarget("built-in", logs.toString());
        t.setTriggerJob("arr502-incident");
        Arr502GlobalConfiguration.get().setTargets(List.of(t));
        work().execute(TaskListener.NULL);
        work().execute(TaskListener.NULL); // same state: no second build
        j.waitUntilNoActivity();
        assertThat(incident.getBuilds()).hasSize(1);
        FreeStyleBuild b = incident.getLastBuild();
        ParametersAction params = b.getAction(ParametersAction.class);
        String agent = "built-in"; // the built-in node's name is "", its label "built-in"
        assertThat(params.getParameter("ARR502_AGENT").getValue()).isEqualTo(agent).isNotEqualTo("");
        assertThat((String) params.getParameter("ARR502_STATE").getValue()).isIn("WARNING", "CRITICAL");
        assertThat((String) params.getParameter("ARR502_REPORT_URL").getValue()).contains("manage/arr502/result/");
        PeriodicResult latest = work().results().getLatest().get(0);
        assertThat(latest.getAgent()).isEqualTo(agent);
        JenkinsRule.WebClient wc = j.createWebClient();
        assertThat(wc.goTo("manage/arr502/").getWebResponse().getContentAsString()).contains(agent, latest.getState());
        assertThat(wc.goTo("manage/arr502/result/" + latest.getId() + "/").getWebResponse().getContentAsString()).contains("502.3");
        // a new instance reads the saved file, as after a restart
        assertThat(new Arr502PeriodicWork().results().getLatest()).extracting(PeriodicResult::getState).containsExactly(latest.getState());
    }
}
