package io.arr502.core.config;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable copy of one configuration element as written (attributes in document order, child
 * elements with IIS collection semantics applied: {@code <clear/>} and {@code <remove/>} are resolved).
 * Remediation clones a farm from it attribute by attribute and compares it with the live configuration.
 */
public record XmlNode(String name, Map<String, String> attributes, List<XmlNode> children) {

    public XmlNode {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    /** Keys that identify an entry in the collections ARR and URL Rewrite use. */
    private static final List<String> KEYS = List.of("name", "address", "input");

    public static XmlNode of(Element e) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            org.w3c.dom.Node a = e.getAttributes().item(i);
            attrs.put(a.getNodeName(), a.getNodeValue());
        }
        List<XmlNode> kids = new ArrayList<>();
        for (Element c : SafeXml.children(e, null)) {
            String n = SafeXml.local(c);
            if (n.equals("clear")) {
                kids.removeIf(k -> k.key() != null);
            } else if (n.equals("remove")) {
                XmlNode r = of(c);
                kids.removeIf(k -> k.key() != null && k.key().equalsIgnoreCase(r.key()));
            } else {
                XmlNode k = of(c);
                if (k.key() != null) {
                    kids.removeIf(x -> x.name().equals(k.name()) && k.key().equalsIgnoreCase(x.key()));
                }
                kids.add(k);
            }
        }
        return new XmlNode(SafeXml.local(e), attrs, kids);
    }

    /** The collection key (name, address or input[+pattern]); null for plain child elements. */
    public String key() {
        for (String k : KEYS) {
            String v = attributes.get(k);
            if (v != null) {
                return k.equals("input") ? v + "\u0000" + attributes.getOrDefault("pattern", "") : v;
            }
        }
        return null;
    }

    public String attr(String n) {
        return attributes.get(n);
    }

    public XmlNode child(String n) {
        return children.stream().filter(c -> c.name().equals(n)).findFirst().orElse(null);
    }

    public List<XmlNode> children(String n) {
        return children.stream().filter(c -> c.name().equals(n)).toList();
    }

    public XmlNode withName(String n) {
        return new XmlNode(n, attributes, children);
    }

    /**
     * One line that is equal for equal configuration: attributes sorted, children in order, and
     * attributes whose value is the schema default left out (so appcmd's {@code /config:*} output and
     * a file that omits defaults compare equal).
     */
    public String canonical(Map<String, String> defaults) {
        StringBuilder b = new StringBuilder();
        canonical(b, name, defaults);
        return b.toString();
    }

    private void canonical(StringBuilder b, String path, Map<String, String> defaults) {
        b.append('<').append(name);
        Map<String, String> sorted = new TreeMap<>();
        attributes.forEach((k, v) -> {
            String d = defaults.get(path + "@" + k);
            if (!(d != null && d.equalsIgnoreCase(v)) && !(d == null && v.isEmpty())) {
                sorted.put(k, v);
            }
        });
        sorted.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append('>');
        for (XmlNode c : children) {
            c.canonical(b, path + "/" + c.name(), defaults);
        }
        b.append("</").append(name).append('>');
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
