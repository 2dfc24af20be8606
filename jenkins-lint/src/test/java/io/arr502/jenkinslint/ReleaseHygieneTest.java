package io.arr502.jenkinslint;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hosting reviewer and a new user check first: a license, complete POMs, one version, pinned Jenkins versions. */
class ReleaseHygieneTest {
    static final Path ROOT = Path.of("..");
    static final List<String> POMS = List.of("pom.xml", "core/pom.xml", "check/pom.xml", "jenkins-lint/pom.xml", "jenkins-plugin/pom.xml");

    static String read(String p) {
        return PluginTree.read(ROOT.resolve(p));
    }

    @Test
    void mitLicenseAndPomMetadata() {
        assertThat(read("LICENSE")).startsWith("MIT License");
        for (String pom : List.of("pom.xml", "jenkins-plugin/pom.xml")) {
            assertThat(read(pom)).as(pom).contains("<licenses>", "<name>MIT License</name>", "<scm>", "<url>https://github.com/",
                    "<developers>");
        }
    }

    @Test
    void theVersionIsSetInOnePlace() {
        Matcher m = Pattern.compile("-Drevision=(\\S+)").matcher(read(".mvn/maven.config"));
        assertThat(m.find()).isTrue();
        for (String pom : POMS) {
            String s = read(pom);
            // the project's own version and its parent reference (core, check, lint) are ${revision}
            assertThat(s).as(pom).doesNotContain("<version>" + m.group(1) + "</version>");
            assertThat(s).as(pom).contains("<version>${revision}</version>");
        }
        assertThat(read("jenkins-plugin/pom.xml")).contains("<arr502.version>${project.version}</arr502.version>");
        assertThat(read("CHANGELOG.md")).contains("## [Unreleased]", "Keep a Changelog");
    }

    @Test
    void jenkinsVersionsArePinnedReleasesAndNoUnusedPlugin() {
        String plugin = read("jenkins-plugin/pom.xml");
        // tags of jenkinsci/plugin-pom and jenkinsci/bom have the form COUNT.vHASH (the hash's underscores stand for letters' case)
        assertThat(plugin).containsPattern("<artifactId>plugin</artifactId>\\s*(<!--[^>]*-->\\s*)?<version>\\d+\\.\\d+\\.v[0-9a-f_]+</version>");
        assertThat(plugin).containsPattern("<artifactId>bom-\\$\\{jenkins.baseline}.x</artifactId>\\s*(<!--[^>]*-->\\s*)?"
                + "<version>\\d+\\.v[0-9a-f_]+</version>");
        assertThat(plugin).contains("<jenkins.baseline>2.555</jenkins.baseline>", "<jenkins.version>${jenkins.baseline}.3</jenkins.version>");
        assertThat(plugin).doesNotContain("plain-credentials");
        String docs = read("docs/jenkins.md");
        assertThat(docs).doesNotContain("2.579").contains("2.555.3");
    }

    @Test
    void theDefaultBuildRunsTheseChecks() throws Exception {
        assertThat(read("pom.xml")).contains("<module>jenkins-lint</module>");
        assertThat(Files.exists(ROOT.resolve("jenkins-plugin/src/main/java/io/jenkins/plugins/arr502/data/package-info.java"))).isTrue();
    }
}
