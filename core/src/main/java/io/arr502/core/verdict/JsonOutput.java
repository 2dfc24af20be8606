package io.arr502.core.verdict;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The verdict as one JSON object (check {@code --format json}, Jenkins, scripts). */
public final class JsonOutput {
    private static final ObjectMapper JSON = mapper();

    private JsonOutput() {
    }

    public static ObjectMapper mapper() {
        SimpleModule times = new SimpleModule("arr502-times");
        times.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration d, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(d.toString());
            }
        });
        times.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant i, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(i.toString());
            }
        });
        return new ObjectMapper().registerModule(times).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public static ObjectNode tree(Verdict v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", v.state().name());
        o.put("exitCode", v.state().exitCode());
        o.put("summary", v.summary());
        o.set("metrics", JSON.valueToTree(v.metrics()));
        o.put("malformedLines", v.malformedLines());
        o.set("perfdata", JSON.valueToTree(v.perfdata().stream().map(Perfdata::format).toList()));
        o.set("longOutput", JSON.valueToTree(v.longOutput()));
        o.set("diagnosis", v.diagnosis() == null ? JSON.createArrayNode() : JSON.valueToTree(v.diagnosis().findings()));
        if (v.diagnosis() != null) {
            o.set("envelopes", JSON.valueToTree(v.diagnosis().envelopes()));
            o.set("regression", JSON.valueToTree(v.diagnosis().regression()));
            o.set("servers", JSON.valueToTree(v.diagnosis().servers()));
            o.set("belowNoiseFloor", JSON.valueToTree(v.diagnosis().belowNoiseFloor()));
        }
        o.set("remediation", JSON.valueToTree(v.remediation()));
        o.set("problems", JSON.valueToTree(v.problems()));
        return o;
    }

    public static String render(Verdict v) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(v)) + "\n";
        } catch (IOException e) {
            // cannot happen for in-memory trees; keep the contract of one JSON object anyway
            return "{\"status\":\"UNKNOWN\",\"exitCode\":3,\"summary\":\"cannot render JSON\"}\n";
        }
    }
}
