package io.arr502.core.diagnosis;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.LogEngine;
import io.arr502.core.log.LogRequest;
import io.arr502.core.log.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small real W3C log for one incident shape and reads it through the log engine. */
final class Scenario {
    private final StringBuilder log = new StringBuilder(
            "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
    private int second;

    Scenario lines(int n, String uri, int status, int sub, int win32, long timeTaken) {
        for (int i = 0; i < n; i++) {
            int s = second++;
            log.append(String.format("2026-11-24 14:%02d:%02d 10.0.0.10 %s %d %d %d %d%n", (s / 60) % 60, s % 60, uri, status, sub, win32,
                    timeTaken + (i % 7)));
        }
        return this;
    }

    Evidence evidence(Path dir) throws Exception {
        return evidence(dir, Window.all());
    }

    Evidence evidence(Path dir, Window window) throws Exception {
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, log);
        return new Evidence(LogEngine.analyze(LogRequest.of(List.of(f), window)), null, null, List.of(), null, List.of());
    }
}
