package io.arr502.core.freb;

import io.arr502.core.route.RouteNormalizer;
import io.arr502.core.win32.Win32Status;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads failed-request traces (FailedReqLogFiles\W3SVC&lt;n&gt;\fr*.xml) as a stream: no DTDs, no
 * entities, a truncated file still yields what it had. What matters for a 502.3 is where the time
 * went: which farm server, which ARR phase was open when the error was set, and the win32 code.
 */
public final class FrebReader {
    private static final XMLInputFactory XML = factory();
    private static final int LONGEST = 5;

    private FrebReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** All traces under a folder (or one file) whose request started in [from, to); null bounds are open. */
    public static FrebSummary read(Path fileOrFolder, Instant from, Instant to) throws FrebException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> s = Files.walk(fileOrFolder, 3)) {
                s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i)fr\\d+\\.xml")).forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new FrebException("cannot list FREB folder " + fileOrFolder + ": " + e.getMessage());
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files.add(fileOrFolder);
        } else {
            throw new FrebException("no such FREB file or folder: " + fileOrFolder);
        }
        List<FrebTrace> traces = new ArrayList<>();
        List<FrebSummary.FileProblem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                FrebTrace t = parse(f);
                if (t.started() != null && ((from != null && t.started().isBefore(from)) || (to != null && !t.started().isBefore(to)))) {
                    continue;
                }
                traces.add(t);
            } catch (FrebException e) {
                problems.add(new FrebSummary.FileProblem(f.toString(), e.getMessage()));
            }
        }
        traces.sort(Comparator.comparing(FrebTrace::started, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<String, Long> byServer = new LinkedHashMap<>();
        Map<String, Long> byRoute = new LinkedHashMap<>();
        Map<String, Long> byPhase = new LinkedHashMap<>();
        for (FrebTrace t : traces) {
            if ("502.3".equals(t.statusCode())) {
                byServer.merge(t.backendServer() == null ? "(unknown)" : t.backendServer(), 1L, Long::sum);
                byRoute.merge(t.route(), 1L, Long::sum);
                byPhase.merge(t.failedPhase() == null ? "(none open)" : t.failedPhase(), 1L, Long::sum);
            }
        }
        List<FrebTrace> longest = traces.stream().filter(t -> "502.3".equals(t.statusCode()))
                .sorted(Comparator.comparingLong(FrebTrace::timeTakenMillis).reversed()).limit(LONGEST).toList();
        return new FrebSummary(List.copyOf(traces), byServer, byRoute, byPhase, longest, List.copyOf(problems));
    }

    /** One trace; a file that ends early is returned with {@code truncated} set when its root was read. */
    public static FrebTrace parse(Path file) throws FrebException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new FrebException("cannot read: " + e.getMessage());
        }
    }

    static FrebTrace parse(InputStream in, String name) throws FrebException {
        State s = new State(name);
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(in);
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new FrebException("DOCTYPE declarations are not allowed in a FREB trace (possible entity attack)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FrebException("entity references are not allowed in a FREB trace");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    s.start(r);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    s.text(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    s.end(r.getLocalName());
                }
            }
        } catch (XMLStreamException e) {
            if (!s.sawRoot) {
                throw new FrebException("not a FREB trace: " + oneLine(e.getMessage()));
            }
            s.truncated = true;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a broken stream: nothing left to report
                }
            }
        }
        if (!s.sawRoot) {
            throw new FrebException("not a FREB trace (no failedRequest root)");
        }
        return s.trace();
    }

    private static String oneLine(String m) {
        return m == null ? "malformed XML" : m.replaceAll("[\\r\\n]+", " ");
    }

    /** Parser state for one file. */
    private static final class State {
        final String file;
        boolean sawRoot;
        boolean truncated;
        final Map<String, String> root = new HashMap<>();
        // current event
        String opcode;
        Instant eventTime;
        final Map<String, String> data = new HashMap<>();
        String dataName;
        boolean inRenderingOpcode;
        StringBuilder text = new StringBuilder();
        // findings
        Instant started;
        String webFarm;
        String server;
        Integer win32;
        String description;
        String module;
        String failedPhase;
        long phaseMillis = -1;
        final LinkedHashMap<String, Instant> openPhases = new LinkedHashMap<>();

        State(String file) {
            this.file = file;
        }

        void start(XMLStreamReader r) throws FrebException {
            String n = r.getLocalName();
            if (!sawRoot) {
                if (!n.equals("failedRequest")) {
                    throw new FrebException("not a FREB trace (root <" + n + ">)");
                }
                sawRoot = true;
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    root.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                }
                return;
            }
            switch (n) {
                case "Event" -> {
                    opcode = null;
                    eventTime = null;
                    data.clear();
                }
                case "TimeCreated" -> eventTime = instant(r.getAttributeValue(null, "SystemTime"));
                case "Data" -> {
                    dataName = r.getAttributeValue(null, "Name");
                    text.setLength(0);
                }
                case "Opcode" -> {
                    inRenderingOpcode = true;
                    text.setLength(0);
                }
                default -> {
                }
            }
        }

        void text(String t) {
            if (dataName != null || inRenderingOpcode) {
                if (text.length() < 8192) {
                    text.append(t);
                }
            }
        }

        void end(String n) {
            switch (n) {
                case "Data" -> {
                    if (dataName != null) {
                        data.put(dataName, text.toString().trim());
                    }
                    dataName = null;
                }
                case "Opcode" -> {
                    String t = text.toString().trim();
                    // System/Opcode is a number; RenderingInfo/Opcode is the event name
                    if (!t.isEmpty() && !Character.isDigit(t.charAt(0))) {
                        opcode = t;
                    }
                    inRenderingOpcode = false;
                }
                case "Event" -> event();
                default -> {
                }
            }
        }

        void event() {
            if (eventTime != null && started == null) {
                started = eventTime;
            }
            if (opcode == null) {
                return;
            }
            switch (opcode) {
                case "ARR_REQUEST_ROUTED", "ARR_SERVER_ROUTED" -> {
                    webFarm = first(data.get("WebFarm"), webFarm);
                    server = first(data.get("Server"), server);
                }
                case "MODULE_SET_RESPONSE_ERROR_STATUS" -> {
                    String status = data.get("HttpStatus");
                    if (status != null && status.startsWith("5")) {
                        module = first(module, data.get("ModuleName"));
                        Long hr = hresult(data.get("ErrorCode"));
                        if (hr != null && hr != 0) {
                            win32 = Win32Status.fromHresult(hr);
                        }
                        if (failedPhase == null && !openPhases.isEmpty()) {
                            Map.Entry<String, Instant> last = null;
                            for (Map.Entry<String, Instant> e : openPhases.entrySet()) {
                                last = e;
                            }
                            failedPhase = last.getKey();
                            if (last.getValue() != null && eventTime != null) {
                                phaseMillis = eventTime.toEpochMilli() - last.getValue().toEpochMilli();
                            }
                        }
                    }
                }
                case "SET_RESPONSE_ERROR_DESCRIPTION" -> description = first(data.get("ErrorDescription"), description);
                default -> {
                    if (opcode.startsWith("ARR_") && opcode.endsWith("_START")) {
                        openPhases.put(opcode.substring(0, opcode.length() - 6), eventTime);
                    } else if (opcode.startsWith("ARR_") && opcode.endsWith("_END")) {
                        openPhases.remove(opcode.substring(0, opcode.length() - 4));
                    }
                }
            }
        }

        FrebTrace trace() {
            String url = root.get("url");
            String path = url;
            try {
                if (url != null && url.contains("://")) {
                    path = URI.create(url.replace(" ", "%20")).getRawPath();
                }
            } catch (IllegalArgumentException e) {
                path = url;
            }
            String status = root.getOrDefault("statusCode", "");
            long taken = -1;
            try {
                taken = Long.parseLong(root.getOrDefault("timeTaken", "-1").trim());
            } catch (NumberFormatException ignored) {
                // kept as unknown
            }
            return new FrebTrace(file, url, RouteNormalizer.normalize(path), root.get("verb"), root.get("siteId"),
                    root.get("appPoolId"), root.get("processId"), root.get("activityId"), root.get("failureReason"),
                    status.contains(".") ? status : status + ".0", win32, taken, started, webFarm, server, failedPhase,
                    phaseMillis, description, truncated, module);
        }

        private static String first(String a, String b) {
            return a != null && !a.isEmpty() ? a : b;
        }

        private static Instant instant(String s) {
            if (s == null) {
                return null;
            }
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** FREB writes HRESULTs in decimal (2147954402); accept 0x… too. */
        private static Long hresult(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            String t = s.trim();
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return Long.parseLong(t.substring(2), 16);
                }
                int paren = t.indexOf("(0x");
                if (paren >= 0) {
                    return Long.parseLong(t.substring(paren + 3, t.indexOf(')', paren)), 16);
                }
                return Long.parseLong(t);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
