package io.arr502.core.config;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * XML parsing for files we did not write: no DTDs, no external entities, no entity expansion, so a
 * hostile file is rejected with a reason instead of reading local files or exhausting memory.
 */
public final class SafeXml {
    private SafeXml() {
    }

    public static Document parse(byte[] bytes) throws ConfigException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // null would be the JDK's default handler, which prints "[Fatal Error] ..." to stderr before the
            // exception: the plugin's first line must be its own
            b.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            String m = e.getMessage() == null ? "malformed XML" : e.getMessage();
            if (m.contains("DOCTYPE")) {
                m = "DOCTYPE declarations are not allowed (possible entity attack)";
            }
            throw new ConfigException("not well-formed XML: " + m.replaceAll("[\\r\\n]+", " "));
        } catch (ParserConfigurationException | IOException e) {
            throw new ConfigException("cannot parse XML: " + e.getMessage());
        }
    }

    /** Direct child elements, in document order, ignoring namespace prefixes. */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || local(e).equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Follows a path of child names; null when any step is missing. */
    public static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            if (e == null) {
                return null;
            }
            e = child(e, n);
        }
        return e;
    }

    public static String local(Element e) {
        String n = e.getTagName();
        int colon = n.indexOf(':');
        return colon >= 0 ? n.substring(colon + 1) : n;
    }

    public static String attr(Element e, String name) {
        return e != null && e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
