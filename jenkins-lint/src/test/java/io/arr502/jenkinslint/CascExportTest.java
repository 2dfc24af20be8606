package io.arr502.jenkinslint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's JCasC round-trip test (ConfigurationAsCodeTest, run only with -Pjenkins) compares the export with
 * expected-export.yaml; here the two YAML files are checked against the plugin's sources, so a new field or default
 * that would break that test shows up in the default build.
 */
class CascExportTest {
    private static final Path TEST_RESOURCES = Path.of("../jenkins-plugin/src/test/resources/io/jenkins/plugins/arr502");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<CompilationUnit> units = JavaSources.plugin();
    private final TypeDeclaration<?> target = JavaSources.type(units, "io.jenkins.plugins.arr502.PeriodicTarget").orElseThrow();

    @Test
    void everyConfiguredKeyBindsAndTheExportHoldsExactlyTheNonDefaultValues() throws Exception {
        List<Map<String, Object>> configured = targets(YAML.readValue(TEST_RESOURCES.resolve("configuration-as-code.yaml").toFile(), Map.class),
                "unclassified", "arr502");
        List<Map<String, Object>> exported = targets(YAML.readValue(TEST_RESOURCES.resolve("expected-export.yaml").toFile(), Map.class));
        assertThat(configured).isNotEmpty();
        List<String> unknown = new ArrayList<>();
        configured.forEach(c -> unknown.addAll(CascLint.unknownKeys(target, c)));
        assertThat(unknown).isEmpty();
        assertThat(exported).hasSameSizeAs(configured);
        for (int i = 0; i < configured.size(); i++) {
            Map<String, String> actual = new LinkedHashMap<>();
            exported.get(i).forEach((k, v) -> actual.put(k, String.valueOf(v)));
            assertThat(actual).as("exported target %d", i).isEqualTo(CascLint.expectedExport(target, units, configured.get(i)));
        }
    }

    @Test
    void aSetterFieldAtItsDefaultIsNotExportedButTheConstructorsAre() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("label", "iis");
        c.put("logs", "C:\\logs");
        c.put("window", "15m");          // the field initialiser
        c.put("silence", "2h");          // Arr502Check.DEFAULT_SILENCE, through a constant
        c.put("silenceState", "CRITICAL");
        assertThat(CascLint.expectedExport(target, units, c)).containsOnlyKeys("label", "logs", "silenceState");
        assertThat(CascLint.unknownKeys(target, Map.of("label", "x", "interval", "5"))).singleElement().asString().contains("'interval'");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(Map<String, Object> root, String... path) {
        Map<String, Object> m = root;
        for (String p : path) {
            m = (Map<String, Object>) m.get(p);
        }
        return (List<Map<String, Object>>) m.get("targets");
    }
}
