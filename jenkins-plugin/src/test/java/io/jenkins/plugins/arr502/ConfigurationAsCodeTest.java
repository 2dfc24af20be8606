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

/** The periodic-check configuration survives a JCasC round trip. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void readsAndExportsTheGlobalConfiguration(JenkinsConfiguredWithCodeRule j) throws Exception {
        Arr502GlobalConfiguration c = Arr502GlobalConfiguration.get();
        assertThat(c.getIntervalMinutes()).isEqualTo(5);
        assertThat(c.getTargets()).singleElement().satisfies(t -> {
            assertThat(t.getLabel()).isEqualTo("iis");
            assertThat(t.getLogs()).isEqualTo("C:\\inetpub\\logs\\LogFiles\\W3SVC1");
            assertThat(t.getWindow()).isEqualTo("15m");
            assertThat(t.getTriggerJob()).isEqualTo("arr502-incident");
        });
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("arr502");
        assertThat(Util.toYamlString(node)).isEqualTo(Util.toStringFromYamlFile(this, "expected-export.yaml"));
    }
}
