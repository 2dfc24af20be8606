package io.arr502.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** core is the shared library: no Jenkins, no CLI, no front-end types may leak into it. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arr502.core");

    @Test
    void coreHasNoJenkinsOrCliDependency() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "io.jenkins..",
                        "picocli..", "io.arr502.check..")
                .check(core);
    }

    @Test
    void coreImportsSomething() {
        // guards the rule above against an empty import (a rule over nothing passes vacuously)
        org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(20);
    }
}
