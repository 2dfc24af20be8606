package io.arr502.core.remediation;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in for appcmd.exe that keeps a real applicationHost.config and implements the grammar
 * arr502's plans use, as documented in iis-docs "Getting Started with AppCmd.exe" (samples 79–82: the
 * {@code [key='value',...]} indexer, {@code /+} adds, {@code /-} removes, element path notation for
 * nested attributes, several edits in one command; samples 20–28: {@code add backup NAME}, {@code restore
 * backup NAME}) and the ARR farm scripts ({@code /+"[name='farm'].[address='server']"}). See README.md
 * beside this file for what is modelled and what is assumed. Each {@code set config} is atomic: every
 * edit applies or none is written.
 */
public final class AppcmdStandIn {
    /** collection element → (entry element, key attributes), from the ARR and URL Rewrite schemas */
    private static final Map<String, String[]> COLLECTIONS = Map.of(
            "webFarms", new String[]{"webFarm", "name"},
            "webFarm", new String[]{"server", "address"},
            "globalRules", new String[]{"rule", "name"},
            "rules", new String[]{"rule", "name"},
            "conditions", new String[]{"add", "input", "pattern"},
            "serverVariables", new String[]{"set", "name"});

    static final String APPLIED = "Applied configuration changes to section \"%s\" for \"MACHINE/WEBROOT/APPHOST\" at configuration commit path \"MACHINE/WEBROOT/APPHOST\"";

    private AppcmdStandIn() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = run(Path.of(args[0]), List.of(args).subList(1, args.length), out);
        out.flush();
        System.exit(code);
    }

    /** An error as appcmd prints it; the exit code is the Win32 error (183 already exists, 4312 not found). */
    static final class AppcmdError extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        AppcmdError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    public static int run(Path config, List<String> args, PrintStream out) {
        try {
            log(config, args);
            if (args.size() >= 2 && is(args.get(0), "set") && is(args.get(1), "config")) {
                return set(config, args.subList(2, args.size()), out);
            }
            if (args.size() >= 2 && is(args.get(0), "list") && is(args.get(1), "config")) {
                return list(config, args.subList(2, args.size()), out);
            }
            if (args.size() == 3 && is(args.get(1), "backup") && (is(args.get(0), "add") || is(args.get(0), "restore"))) {
                return backup(config, is(args.get(0), "add"), args.get(2), out);
            }
            throw new AppcmdError(87, "The command is not supported by this stand-in: " + String.join(" ", args));
        } catch (AppcmdError e) {
            out.println("ERROR ( message:" + e.getMessage() + " )");
            return e.code;
        } catch (Exception e) {
            out.println("ERROR ( message:" + e + " )");
            return 1;
        }
    }

    private static boolean is(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    private static void log(Path config, List<String> args) throws Exception {
        Files.writeString(config.resolveSibling("standin.calls"), String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The k-th change (set config) fails when standin.fail holds k: a failure injected at every step in turn. */
    private static void maybeFail(Path config) throws Exception {
        Path fail = config.resolveSibling("standin.fail");
        Path count = config.resolveSibling("standin.count");
        int n = Files.exists(count) ? Integer.parseInt(Files.readString(count).trim()) + 1 : 1;
        Files.writeString(count, Integer.toString(n));
        if (Files.exists(fail) && Integer.parseInt(Files.readString(fail).trim()) == n) {
            throw new AppcmdError(5, "Injected failure of change " + n + " (access denied)");
        }
    }

    private static String section(List<String> args) throws AppcmdError {
        for (String a : args) {
            String l = a.toLowerCase(Locale.ROOT);
            if (l.startsWith("-section:") || l.startsWith("/section:")) {
                return a.substring(9);
            }
        }
        throw new AppcmdError(87, "The -section parameter is required");
    }

    private static Element sectionElement(Document doc, String section, boolean create) {
        Element cur = doc.getDocumentElement();
        for (String part : section.split("/")) {
            Element next = child(cur, part);
            if (next == null) {
                if (!create) {
                    return null;
                }
                next = doc.createElement(part);
                cur.appendChild(next);
            }
            cur = next;
        }
        return cur;
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static int set(Path config, List<String> args, PrintStream out) throws Exception {
        String section = section(args);
        maybeFail(config);
        Document doc = parse(config);
        Element root = sectionElement(doc, section, true);
        for (String a : args) {
            String l = a.toLowerCase(Locale.ROOT);
            if (l.startsWith("-section:") || l.startsWith("/section:") || l.startsWith("/commit:")) {
                continue;
            }
            if (!a.startsWith("/")) {
                throw new AppcmdError(87, "Unknown parameter " + a);
            }
            edit(doc, root, a.substring(1));
        }
        write(doc, config);
        out.println(String.format(APPLIED, section));
        return 0;
    }

    /** One edit: +path[indexer] adds, -path[indexer] removes, path.attr:value sets. */
    private static void edit(Document doc, Element root, String e) throws AppcmdError {
        char op = e.charAt(0) == '+' || e.charAt(0) == '-' ? e.charAt(0) : '=';
        String body = op == '=' ? e : e.substring(1);
        List<String> segs = new ArrayList<>();
        String value = null;
        int depth = 0;
        boolean quote = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && depth > 0) {
                quote = !quote;
            } else if (!quote && c == '[') {
                depth++;
            } else if (!quote && c == ']') {
                depth--;
            } else if (!quote && depth == 0 && c == '.') {
                segs.add(cur.toString());
                cur.setLength(0);
                continue;
            } else if (!quote && depth == 0 && c == ':' && op == '=') {
                value = body.substring(i + 1);
                break;
            }
            cur.append(c);
        }
        segs.add(cur.toString());
        if (op == '=' && value == null) {
            throw new AppcmdError(87, "No value for " + e);
        }
        Element at = root;
        int navigate = segs.size() - 1;
        for (int i = 0; i < navigate; i++) {
            at = step(doc, at, segs.get(i));
        }
        String last = segs.get(segs.size() - 1);
        switch (op) {
            case '=' -> {
                if (last.startsWith("[")) {
                    throw new AppcmdError(87, "No attribute named in " + e);
                }
                at.setAttribute(last, value);
            }
            case '+' -> add(doc, at, last);
            default -> {
                Element victim = find(at, last);
                at.removeChild(victim);
            }
        }
    }

    private static Element step(Document doc, Element at, String seg) throws AppcmdError {
        if (seg.startsWith("[")) {
            return find(at, seg);
        }
        Element c = child(at, seg);
        if (c == null) {
            c = doc.createElement(seg);
            at.appendChild(c);
        }
        return c;
    }

    private static String[] collection(Element at) throws AppcmdError {
        String[] c = COLLECTIONS.get(at.getTagName());
        if (c == null) {
            throw new AppcmdError(87, "Element " + at.getTagName() + " is not a collection");
        }
        return c;
    }

    /** The indexer's parts in order: "@start" or "k=v". */
    private static LinkedHashMap<String, String> indexer(String seg) throws AppcmdError {
        if (!seg.startsWith("[") || !seg.endsWith("]")) {
            throw new AppcmdError(87, "Malformed collection indexer " + seg);
        }
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        String s = seg.substring(1, seg.length() - 1);
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '@') {
                int end = s.indexOf(',', i);
                end = end < 0 ? s.length() : end;
                m.put("@", s.substring(i + 1, end));
                i = end + 1;
                continue;
            }
            int eq = s.indexOf("='", i);
            if (eq < 0) {
                throw new AppcmdError(87, "Malformed collection indexer " + seg);
            }
            int close = s.indexOf('\'', eq + 2);
            if (close < 0) {
                throw new AppcmdError(87, "Malformed collection indexer " + seg);
            }
            m.put(s.substring(i, eq), s.substring(eq + 2, close));
            i = close + 1;
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
            }
        }
        return m;
    }

    private static List<Element> entries(Element coll, String entry) {
        List<Element> out = new ArrayList<>();
        for (Node n = coll.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (c.getTagName().equals("clear")) {
                    out.clear();
                } else if (c.getTagName().equals(entry)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Element find(Element coll, String seg) throws AppcmdError {
        String[] c = collection(coll);
        Map<String, String> keys = indexer(seg);
        keys.remove("@");
        for (Element e : entries(coll, c[0])) {
            boolean all = true;
            for (Map.Entry<String, String> k : keys.entrySet()) {
                all &= e.getAttribute(k.getKey()).equalsIgnoreCase(k.getValue());
            }
            if (all) {
                return e;
            }
        }
        throw new AppcmdError(4312, "Cannot find requested collection element.");
    }

    private static void add(Document doc, Element coll, String seg) throws AppcmdError {
        String[] c = collection(coll);
        LinkedHashMap<String, String> attrs = indexer(seg);
        String position = attrs.remove("@");
        for (int k = 1; k < c.length; k++) {
            if (!attrs.containsKey(c[k]) && k == 1) {
                throw new AppcmdError(87, "Missing key attribute " + c[k]);
            }
        }
        for (Element e : entries(coll, c[0])) {
            boolean same = true;
            for (int k = 1; k < c.length; k++) {
                same &= e.getAttribute(c[k]).equalsIgnoreCase(attrs.getOrDefault(c[k], ""));
            }
            if (same) {
                throw new AppcmdError(183, "Cannot add duplicate collection entry of type '" + c[0] + "' with unique key attribute '" + c[1]
                        + "' set to '" + attrs.get(c[1]) + "'\n");
            }
        }
        Element n = doc.createElement(c[0]);
        attrs.forEach(n::setAttribute);
        List<Element> existing = entries(coll, c[0]);
        if ("start".equalsIgnoreCase(position) && !existing.isEmpty()) {
            coll.insertBefore(n, existing.get(0));
        } else if (position != null && !"start".equalsIgnoreCase(position) && !"end".equalsIgnoreCase(position)) {
            throw new AppcmdError(87, "Position @" + position + " is not supported by this stand-in");
        } else {
            coll.appendChild(n);
        }
    }

    private static int list(Path config, List<String> args, PrintStream out) throws Exception {
        String section = section(args);
        if (args.stream().noneMatch(a -> a.equalsIgnoreCase("/xml"))) {
            throw new AppcmdError(87, "This stand-in lists configuration only with /xml");
        }
        Document doc = parse(config);
        Element body = sectionElement(doc, section, false);
        Document o = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element appcmd = o.createElement("appcmd");
        o.appendChild(appcmd);
        Element cfg = o.createElement("CONFIG");
        cfg.setAttribute("CONFIG.SECTION", section);
        cfg.setAttribute("path", "MACHINE/WEBROOT/APPHOST");
        cfg.setAttribute("overrideMode", "Inherit");
        cfg.setAttribute("locked", "false");
        appcmd.appendChild(cfg);
        Element copy = o.createElement(section.replace('/', '-'));
        cfg.appendChild(copy);
        if (body != null) {
            for (int i = 0; i < body.getAttributes().getLength(); i++) {
                Node a = body.getAttributes().item(i);
                copy.setAttribute(a.getNodeName(), a.getNodeValue());
            }
            // appcmd shows the effective collection: what <clear/> and <remove/> took away is gone
            for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    if (e.getTagName().equals("clear")) {
                        while (copy.getFirstChild() != null) {
                            copy.removeChild(copy.getFirstChild());
                        }
                    } else if (!e.getTagName().equals("remove")) {
                        copy.appendChild(o.importNode(e, true));
                    }
                }
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        serialize(o, b, true);
        out.print(b.toString(StandardCharsets.UTF_8));
        return 0;
    }

    private static int backup(Path config, boolean add, String name, PrintStream out) throws Exception {
        Path dir = config.resolveSibling("backup").resolve(name);
        if (add) {
            if (Files.exists(dir)) {
                throw new AppcmdError(183, "Cannot add duplicate collection entry of type 'backup' with unique key attribute 'name' set to '" + name + "'\n");
            }
            Files.createDirectories(dir);
            Files.copy(config, dir.resolve("applicationHost.config"));
            out.println("BACKUP object \"" + name + "\" added");
        } else {
            if (!Files.exists(dir)) {
                throw new AppcmdError(4312, "Cannot find requested collection element.");
            }
            Files.copy(dir.resolve("applicationHost.config"), config, StandardCopyOption.REPLACE_EXISTING);
            out.println("Restored configuration from backup \"" + name + "\"");
        }
        return 0;
    }

    static Document parse(Path config) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(config.toFile());
    }

    private static void write(Document doc, Path config) throws Exception {
        Path tmp = config.resolveSibling(config.getFileName() + ".tmp");
        try (var os = Files.newOutputStream(tmp)) {
            serialize(doc, os, false);
        }
        Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void serialize(Document doc, java.io.OutputStream os, boolean indent) throws Exception {
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.INDENT, indent ? "yes" : "no");
        t.transform(new DOMSource(doc), new StreamResult(os));
    }
}
