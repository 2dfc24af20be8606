package io.arr502.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar carries the project's license, the Apache text and notices its libraries need, and names every bundled library. */
class JarLicenseIT {
    static final Path JAR = Path.of("target/check_arr502.jar");

    private static String text(JarFile jar, String name) throws Exception {
        JarEntry e = jar.getJarEntry(name);
        assertThat(e).as(name).isNotNull();
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void licenseNoticesAndEveryBundledPackageAreAccountedFor() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(text(jar, "META-INF/LICENSE")).startsWith("MIT License");
            assertThat(text(jar, "META-INF/LICENSE-APACHE-2.0.txt")).contains("Apache License", "Version 2.0, January 2004");
            assertThat(text(jar, "META-INF/NOTICE")).contains("Jackson", "Apache Commons Exec");
            assertThat(jar.getJarEntry("okhttp3/internal/publicsuffix/NOTICE")).isNotNull();
            String thirdParty = text(jar, "META-INF/THIRD-PARTY.txt");
            List<String> prefixes = new ArrayList<>();
            thirdParty.lines().filter(l -> l.contains("packages: "))
                    .forEach(l -> prefixes.addAll(List.of(l.substring(l.indexOf("packages: ") + 10).split(",\\s*"))));
            List<String> unlisted = new ArrayList<>();
            jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .map(n -> n.substring(0, Math.max(0, n.lastIndexOf('/'))).replace('/', '.'))
                    .filter(p -> !p.startsWith("io.arr502")).distinct()
                    .filter(p -> prefixes.stream().noneMatch(x -> p.equals(x) || p.startsWith(x + ".")))
                    .forEach(unlisted::add);
            assertThat(unlisted).as("bundled packages missing from META-INF/THIRD-PARTY.txt").isEmpty();
        }
    }
}
