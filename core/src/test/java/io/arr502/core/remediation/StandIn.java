package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One appcmd stand-in with its own copy of a configuration, run as a process or in-process. */
final class StandIn {
    final Path dir;
    final Path config;

    StandIn(Path dir, Path source) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.config = dir.resolve("applicationHost.config");
        Files.copy(source, config);
    }

    static final Path FIXTURE = Path.of("src/test/resources/remediation/applicationHost.config");

    /** The same code in this JVM: for tests that run hundreds of commands. */
    StepRunner inProcess() {
        return (args, budget) -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int code = AppcmdStandIn.run(config, args, new PrintStream(b, true, StandardCharsets.UTF_8));
            return new CommandResult(args, code, b.toString(StandardCharsets.UTF_8), "", 1, false, false, null);
        };
    }

    /** An executable appcmd (a shell script starting the stand-in with java). */
    Path script() throws Exception {
        Path exe = dir.resolve("appcmd");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Path.of(AppcmdStandIn.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Files.writeString(exe, "#!/bin/sh\nexec '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + cp
                + "' io.arr502.core.remediation.AppcmdStandIn '" + config + "' \"$@\"\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    void failAt(int k) throws Exception {
        Files.writeString(dir.resolve("standin.fail"), Integer.toString(k));
    }

    List<String> calls() throws Exception {
        Path p = dir.resolve("standin.calls");
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    byte[] bytes() throws Exception {
        return Files.readAllBytes(config);
    }

    /** The whole document as one line: elements, attributes sorted, no whitespace or comments. */
    String canonical() throws Exception {
        StringBuilder b = new StringBuilder();
        canonical(AppcmdStandIn.parse(config).getDocumentElement(), b);
        return b.toString();
    }

    private static void canonical(Element e, StringBuilder b) {
        b.append('<').append(e.getTagName());
        Map<String, String> attrs = new TreeMap<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            attrs.put(e.getAttributes().item(i).getNodeName(), e.getAttributes().item(i).getNodeValue());
        }
        attrs.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append('>');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                canonical(c, b);
            }
        }
        b.append("</").append(e.getTagName()).append('>');
    }
}
