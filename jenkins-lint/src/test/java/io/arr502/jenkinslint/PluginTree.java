package io.arr502.jenkinslint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the plugin's sources are, seen from this module (the default build never builds the plugin itself). */
final class PluginTree {
    static final Path ROOT = Path.of("../jenkins-plugin/src/main");
    static final Path JAVA = ROOT.resolve("java");
    static final Path RESOURCES = ROOT.resolve("resources");

    private PluginTree() {
    }

    static List<Path> files(Path under, String suffix) {
        try (Stream<Path> s = Files.walk(under)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
