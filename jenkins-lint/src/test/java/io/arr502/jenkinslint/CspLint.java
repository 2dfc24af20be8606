package io.arr502.jenkinslint;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Jenkins' Content-Security-Policy (and its hosting review) allow no inline script or style: no
 * {@code <script>} without {@code src}, no {@code <style>}, no {@code on*} handler, no {@code style}
 * attribute. Scripts come as adjuncts, and each of the plugin's adjuncts must exist as a .js file.
 */
final class CspLint {
    private static final String OWN_ADJUNCTS = "io.jenkins.plugins.arr502.";

    private CspLint() {
    }

    static List<String> check(String name, String jelly, Path resources) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(jelly.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        List<String> problems = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = -1; i < all.getLength(); i++) {
            Element e = i < 0 ? root : (Element) all.item(i);
            String tag = e.getLocalName();
            if ("script".equals(tag) && e.getAttribute("src").isEmpty()) {
                problems.add(name + ": inline <script>");
            }
            if ("style".equals(tag)) {
                problems.add(name + ": inline <style>");
            }
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                String attr = ((Attr) attrs.item(a)).getLocalName();
                attr = attr == null ? attrs.item(a).getNodeName() : attr;
                if (attr.startsWith("on") || attr.equals("style")) {
                    problems.add(name + ": inline " + attr + "=\"…\" on <" + tag + ">");
                }
            }
            if ("adjunct".equals(tag)) {
                for (String inc : e.getAttribute("includes").split(",")) {
                    String adjunct = inc.trim();
                    if (adjunct.startsWith(OWN_ADJUNCTS) && !Files.exists(resources.resolve(adjunct.replace('.', '/') + ".js"))) {
                        problems.add(name + ": adjunct " + adjunct + " has no " + adjunct.replace('.', '/') + ".js");
                    }
                }
            }
        }
        return problems;
    }
}
