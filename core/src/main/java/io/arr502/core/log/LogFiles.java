package io.arr502.core.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds IIS log files and orders them oldest first. */
final class LogFiles {

    /**
     * u_exYYMMDD (daily), u_exYYMMDDHH (hourly), u_exYYMM (monthly), u_exYYMMWW (weekly), u_extendN (size); the same
     * without "u_" when logInUTF8=false (the local code page). Both are read byte for byte: the fields judged are
     * ASCII, and only a URL's non-ASCII characters depend on the encoding (shown as read as UTF-8).
     */
    private static final Pattern NAME = Pattern.compile("(?i)(?:u_)?ex(\\d{4,8}|tend\\d+)\\.log");
    private static final Pattern DIGITS = Pattern.compile("(?i)(?:u_)?ex(\\d+)\\.log");

    private LogFiles() {
    }

    static List<Path> expand(List<Path> inputs) throws LogEngineException {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                int before = out.size();
                try (Stream<Path> s = Files.walk(in, 4)) {
                    s.filter(p -> !Files.isDirectory(p))
                            .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new LogEngineException("cannot list log folder " + in + ": " + oneLine(e));
                }
                if (out.size() == before) {
                    // an empty folder is a wrong path far more often than a silent site
                    throw new LogEngineException("no IIS log files (u_ex*.log or ex*.log) under " + in);
                }
            } else if (Files.exists(in)) {
                if (!Files.isReadable(in)) {
                    throw new LogEngineException("log file not readable: " + in);
                }
                out.add(in);
            } else {
                throw new LogEngineException("no such log file or folder: " + in);
            }
        }
        out.sort(Comparator.comparing(LogFiles::sortKey).thenComparing(Path::toString));
        return out.stream().distinct().toList();
    }

    /** Sort by the date the name encodes, padded so daily/hourly/monthly names interleave correctly; size-based names by mtime. */
    private static String sortKey(Path p) {
        String name = p.getFileName().toString();
        Matcher m = DIGITS.matcher(name);
        if (m.matches()) {
            String d = m.group(1);
            // YYMM -> YYMM0000, YYMMDD -> YYMMDD00, YYMMDDHH as is (weekly YYMMWW sorts close enough to daily)
            return (d + "00000000").substring(0, 8) + "|" + name;
        }
        try {
            return "~" + String.format(java.util.Locale.US, "%020d", Files.getLastModifiedTime(p).toMillis()) + "|" + name;
        } catch (IOException e) {
            return "~" + name;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f) {
            // its message is the path alone ("cannot read log file X: X"): say what went wrong instead
            m = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
