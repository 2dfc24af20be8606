package io.arr502.core.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds IIS log files under the requested inputs and orders them oldest first. */
final class LogFiles {

    /** u_exYYMMDD, u_exYYMMDDHH, u_exYYMMWW, u_exYYMM, u_extendN (case-insensitive, as on NTFS). */
    static final Pattern NAME = Pattern.compile("(?i)u_ex(\\d{4}|\\d{6}|\\d{8}|tend\\d+)\\.log");

    private LogFiles() {
    }

    static List<Path> discover(List<Path> inputs) throws LogEngineException {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new LogEngineException("cannot list log folder " + in + ": " + oneLine(e));
                }
            } else if (Files.isRegularFile(in)) {
                if (!Files.isReadable(in)) {
                    throw new LogEngineException("log file not readable: " + in);
                }
                out.add(in);
            } else {
                throw new LogEngineException("log input not found: " + in);
            }
        }
        // Oldest first: by modification time, then by name (date-named files sort chronologically).
        out.sort(Comparator.<Path, Long>comparing(LogFiles::mtime).thenComparing(Path::toString));
        return out.stream().distinct().toList();
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The W3SVC&lt;n&gt; folder a file sits in, used as site key when s-sitename is not logged. */
    static String siteFolder(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            Path n = p.getFileName();
            if (n != null && n.toString().toUpperCase().startsWith("W3SVC")) {
                return n.toString();
            }
        }
        return "-";
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
