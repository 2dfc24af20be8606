package io.jenkins.plugins.arr502;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic-check configuration survives a JCasC round trip. JCasC exports a data-bound object's setter fields
 * only where they differ from a fresh instance (DataBoundConfigurator.describe compares with one built from the
 * constructor arguments), so the first target, all defaults but its job, exports label, logs and triggerJob only.
 */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void readsAndExportsTheGlobalConfiguration(JenkinsConfiguredWithCodeRule j) throws Exception {
        Arr502GlobalConfiguration c = Arr502GlobalConfiguration.get();
        assertThat(c.getIntervalMinutes()).isEqualTo(5);
        assertThat(c.getTargets()).hasSize(2);
        PeriodicTarget t = c.getTargets().get(0);
        assertThat(t.getLabel()).isEqualTo("iis");
        assertThat(t.getLogs()).isEqualTo("C:\\inetpub\\logs\\LogFiles\\W3SVC1");
        assertThat(t.getWindow()).isEqualTo("15m");
        assertThat(t.getTriggerJob()).isEqualTo("arr502-incident");
        PeriodicTarget api = c.getTargets().get(1);
        assertThat(api.getExcludeRoutes()).isEqualTo("/signalr/*");
        assertThat(api.getExcludeSites()).isEqualTo("W3SVC9");
        assertThat(api.getSilence()).isEqualTo("1h");
        assertThat(api.getSilenceState()).isEqualTo("CRITICAL");
        assertThat(api.isJudgeClientAborts()).isTrue();
        assertThat(api.getIncludeRoutes()).isEmpty();
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("arr502");
        assertThat(Util.toYamlString(node)).isEqualTo(Util.toStringFromYamlFile(this, "expected-export.yaml"));
    }
}
