package io.arr502.check;

import io.arr502.core.log.Window;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Where incremental state lives. One file per set of inputs (their absolute paths hashed), so two
 * services on one host — two sites, two windows — never share a cursor. The default folder is one the
 * nagios user (or the NSClient++ service) can write.
 */
final class StateFiles {
    private StateFiles() {
    }

    static Path defaultDir() {
        String env = System.getenv("ARR502_STATE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String pd = System.getenv("ProgramData");
            return Path.of(pd == null ? "C:\\ProgramData" : pd, "arr502", System.getProperty("user.name", "service"));
        }
        // per user: a folder root created first would not be writable by the nagios user
        return Path.of("/var/tmp/arr502-" + System.getProperty("user.name", "nagios"));
    }

    /** The state file for these inputs; null when the window needs none (all, or anchored to old logs). */
    static Path forInputs(CommonOptions o, List<Path> inputs, Window w) {
        if (o.noState || w.kind() != Window.Kind.LAST || w.anchorLatest()) {
            return null;
        }
        TreeSet<String> keys = new TreeSet<>();
        for (Path p : inputs) {
            keys.add(p.toAbsolutePath().normalize().toString());
        }
        String id = sha256(String.join("\n", keys) + "\n" + o.window).substring(0, 16);
        return (o.stateDir != null ? o.stateDir : defaultDir()).resolve("logs-" + id + ".json");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
