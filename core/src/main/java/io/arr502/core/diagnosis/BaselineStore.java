package io.arr502.core.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A stored baseline: {"requests": N, "count502_3": N, "source": "..."}; written atomically. */
public final class BaselineStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineStore() {
    }

    public static Baseline read(Path file) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read baseline " + file + ": " + e.getMessage().replaceAll("[\\r\\n]+", " "));
        }
        if (n == null || !n.path("requests").canConvertToLong() || !n.path("count502_3").canConvertToLong()
                || n.path("requests").asLong() < 0 || n.path("count502_3").asLong() < 0) {
            throw new IOException("baseline " + file + " needs non-negative numbers requests and count502_3");
        }
        return new Baseline(n.get("requests").asLong(), n.get("count502_3").asLong(), n.path("source").asText(file.getFileName().toString()));
    }

    public static void write(Path file, Baseline b) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), b);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
