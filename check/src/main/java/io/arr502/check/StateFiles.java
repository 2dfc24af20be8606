package io.arr502.check;

import io.arr502.core.log.Window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        String key = String.join("\n", keys) + "\n" + o.window;
        Path dir = o.stateDir != null ? o.stateDir : defaultDir();
        Path file = dir.resolve("logs-" + HexFormat.of().toHexDigits(fnv1a64(key)) + ".json");
        if (!Files.exists(file)) {
            adoptLegacy(dir.resolve("logs-" + sha256(key).substring(0, 16) + ".json"), file);
        }
        return file;
    }

    /**
     * FNV-1a, 64 bits, over the UTF-8 key: enough to keep a host's few services apart, and unlike SHA-256
     * it does not start Java's security providers (about 10 ms of every check run).
     */
    static long fnv1a64(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Earlier builds named the state file by a SHA-256 prefix: the first run of this one renames it, so no state is lost. */
    private static void adoptLegacy(Path legacy, Path file) {
        if (!Files.exists(legacy)) {
            return;
        }
        try {
            Files.move(legacy, file, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(legacy.resolveSibling(legacy.getFileName() + ".lock"));
        } catch (IOException e) {
            // another run adopted it first, or the folder is read-only: the new file starts fresh
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
