package io.arr502.core.config;

import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the ARR configuration from applicationHost.config, from {@code appcmd list config -section:X /xml}
 * (with or without {@code /config:*}), from plain {@code appcmd list config} output, or a folder of
 * those. Attributes not written get the schema defaults (arr_schema.xml); whether a timeout was
 * written or defaulted is kept, because the rollback must restore exactly that.
 */
public final class ConfigReader {
    /** system.webServer/proxy defaults */
    static final Duration PROXY_TIMEOUT = Duration.ofMinutes(2);
    /** webFarm/applicationRequestRouting/protocol defaults */
    static final Duration FARM_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_BYTES = 16L << 20;

    private ConfigReader() {
    }

    /** What has been read so far; several files or sections add to it in order. */
    private static final class Builder {
        Element proxy;
        final Map<String, Element> proxyOverrides = new LinkedHashMap<>();
        final List<Element> farmCollections = new ArrayList<>();
        final List<Element> globalRuleCollections = new ArrayList<>();
        final Map<Element, String> siteRuleCollections = new LinkedHashMap<>();
        final List<String> sources = new ArrayList<>();
    }

    public static ArrConfig read(Path path) throws ConfigException {
        Builder b = new Builder();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(config|xml)$"))
                        .sorted().toList();
            } catch (IOException e) {
                throw new ConfigException("cannot list configuration folder " + path + ": " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new ConfigException("no .config or .xml file in " + path);
            }
            for (Path f : files) {
                addFile(b, f);
            }
        } else {
            addFile(b, path);
        }
        return build(b, path.toString());
    }

    /** The collectors' appcmd XML by section name ("system.webServer/proxy", "webFarms", "...rules@Site"). */
    public static ArrConfig fromSections(Map<String, String> xmlBySection) throws ConfigException {
        Builder b = new Builder();
        for (Map.Entry<String, String> e : xmlBySection.entrySet()) {
            String key = e.getKey();
            String site = key.contains("@") ? key.substring(key.indexOf('@') + 1) : null;
            add(b, SafeXml.parse(e.getValue().getBytes(StandardCharsets.UTF_8)).getDocumentElement(), site, "section " + key);
        }
        return build(b, "collected appcmd output");
    }

    private static void addFile(Builder b, Path f) throws ConfigException {
        byte[] bytes;
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new ConfigException(f + " is larger than " + (MAX_BYTES >> 20) + " MiB; not a configuration file");
            }
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + f + ": " + e.getMessage());
        }
        try {
            add(b, SafeXml.parse(bytes).getDocumentElement(), null, f.getFileName().toString());
        } catch (ConfigException e) {
            throw new ConfigException(f.getFileName() + ": " + e.getMessage());
        }
    }

    private static void add(Builder b, Element root, String site, String source) throws ConfigException {
        b.sources.add(source);
        switch (SafeXml.local(root)) {
            case "configuration" -> {
                addConfigurationLevel(b, root, null);
                for (Element loc : SafeXml.children(root, "location")) {
                    String path = SafeXml.attr(loc, "path");
                    addConfigurationLevel(b, loc, path == null || path.isEmpty() ? null : path);
                }
            }
            case "appcmd" -> {
                for (Element cfg : SafeXml.children(root, "CONFIG")) {
                    String section = SafeXml.attr(cfg, "CONFIG.SECTION");
                    String cfgPath = SafeXml.attr(cfg, "path");
                    String where = site != null ? site : sitePath(cfgPath);
                    for (Element body : SafeXml.children(cfg, null)) {
                        addSection(b, section != null ? section : SafeXml.local(body).replace('-', '/'), body, where);
                    }
                }
            }
            case "system.webServer" -> addConfigurationLevel(b, wrap(root), site);
            case "webFarms" -> b.farmCollections.add(root);
            default -> throw new ConfigException(source + ": not an IIS configuration (root element <" + SafeXml.local(root) + ">)");
        }
    }

    /** A bare {@code <system.webServer>} fragment is read as if it sat under {@code <configuration>}. */
    private static Element wrap(Element systemWebServer) {
        Element conf = systemWebServer.getOwnerDocument().createElement("configuration");
        conf.appendChild(systemWebServer.cloneNode(true));
        return conf;
    }

    private static void addConfigurationLevel(Builder b, Element level, String site) {
        Element sws = SafeXml.child(level, "system.webServer");
        if (sws != null) {
            Element proxy = SafeXml.child(sws, "proxy");
            if (proxy != null) {
                addSection(b, "system.webServer/proxy", proxy, site);
            }
            Element rewrite = SafeXml.child(sws, "rewrite");
            if (rewrite != null) {
                Element global = SafeXml.child(rewrite, "globalRules");
                if (global != null) {
                    b.globalRuleCollections.add(global);
                }
                Element rules = SafeXml.child(rewrite, "rules");
                if (rules != null) {
                    b.siteRuleCollections.put(rules, site == null ? "(server)" : site);
                }
            }
        }
        Element farms = SafeXml.child(level, "webFarms");
        if (farms != null) {
            b.farmCollections.add(farms);
        }
    }

    private static void addSection(Builder b, String section, Element body, String site) {
        switch (section) {
            case "system.webServer/proxy" -> {
                if (site == null) {
                    b.proxy = body;
                } else {
                    b.proxyOverrides.put(site, body);
                }
            }
            case "webFarms" -> b.farmCollections.add(body);
            case "system.webServer/rewrite/globalRules" -> b.globalRuleCollections.add(body);
            case "system.webServer/rewrite/rules" -> b.siteRuleCollections.put(body, site == null ? "(server)" : site);
            default -> {
                // other sections carry nothing ARR needs
            }
        }
    }

    /** appcmd writes path="MACHINE/WEBROOT/APPHOST/Default Web Site" for a site-level section. */
    private static String sitePath(String cfgPath) {
        if (cfgPath == null) {
            return null;
        }
        String prefix = "MACHINE/WEBROOT/APPHOST";
        if (cfgPath.equals(prefix) || !cfgPath.startsWith(prefix + "/")) {
            return null;
        }
        return cfgPath.substring(prefix.length() + 1);
    }

    private static ArrConfig build(Builder b, String source) throws ConfigException {
        ProxySettings proxy = proxySettings(b.proxy, PROXY_TIMEOUT, false, true, "system.webServer/proxy");
        List<WebFarm> farms = new ArrayList<>();
        for (Element coll : b.farmCollections) {
            applyCollection(coll, "webFarm", "name", farms, e -> farm(e), WebFarm::name);
        }
        List<RewriteRule> rules = new ArrayList<>();
        List<RewriteRule> global = new ArrayList<>();
        for (Element coll : b.globalRuleCollections) {
            applyCollection(coll, "rule", "name", global, e -> rule(e, "global"), RewriteRule::name);
        }
        rules.addAll(global);
        List<List<Scoped>> levels = new ArrayList<>();
        for (Map.Entry<Element, String> e : b.siteRuleCollections.entrySet()) {
            List<Scoped> level = new ArrayList<>();
            String scope = e.getValue();
            applyCollection(e.getKey(), "rule", "name", level, el -> new Scoped(rule(el, scope), XmlNode.of(el)), x -> x.rule().name());
            levels.add(level);
        }
        for (List<Scoped> level : levels) {
            for (Scoped x : level) {
                if (!inherited(x, levels)) {
                    rules.add(x.rule());
                }
            }
        }
        List<ConfigFinding> findings = Findings.of(proxy, farms, rules);
        for (Map.Entry<String, Element> o : b.proxyOverrides.entrySet()) {
            ProxySettings site = proxySettings(o.getValue(), proxy.timeout(), proxy.enabled(), proxy.timeoutExplicit(), "location " + o.getKey());
            findings.add(new ConfigFinding("PROXY_SITE_OVERRIDE", String.format(Locale.US,
                    "site %s overrides system.webServer/proxy (timeout %s, enabled %s); only apphost-level values apply to ARR server-wide",
                    o.getKey(), site.timeout(), site.enabled())));
        }
        return new ArrConfig(source, proxy, List.copyOf(farms), List.copyOf(rules), List.copyOf(findings), xml(b));
    }

    /** A distributed rule with its element as written, to tell an inherited copy from a rule of the level's own. */
    private record Scoped(RewriteRule rule, XmlNode xml) {
    }

    /**
     * appcmd lists an application's rules with those it inherits from the site (and server) above it: the same name and
     * the same element as a parent level's rule is that rule, counted once, at the level that defines it.
     */
    private static boolean inherited(Scoped x, List<List<Scoped>> levels) {
        return levels.stream().flatMap(List::stream).anyMatch(p -> RuleScope.inherits(x.rule().scope(), p.rule().scope())
                && p.rule().name().equalsIgnoreCase(x.rule().name()) && p.xml().equals(x.xml()));
    }

    /** The farms, global rules and proxy section as written, with the same collection semantics as above. */
    private static ConfigXml xml(Builder b) {
        Map<String, XmlNode> farms = new LinkedHashMap<>();
        for (Element coll : b.farmCollections) {
            XmlNode c = XmlNode.of(coll);
            if (SafeXml.children(coll, "clear").size() > 0) {
                farms.clear();
            }
            for (Element r : SafeXml.children(coll, "remove")) {
                farms.remove(XmlNode.lower(String.valueOf(SafeXml.attr(r, "name"))));
            }
            for (XmlNode f : c.children("webFarm")) {
                farms.put(XmlNode.lower(f.attr("name")), f);
            }
        }
        List<XmlNode> rules = new ArrayList<>();
        for (Element coll : b.globalRuleCollections) {
            if (SafeXml.children(coll, "clear").size() > 0) {
                rules.clear();
            }
            for (Element r : SafeXml.children(coll, "remove")) {
                rules.removeIf(x -> x.key() != null && x.key().equalsIgnoreCase(SafeXml.attr(r, "name")));
            }
            for (XmlNode r : XmlNode.of(coll).children("rule")) {
                rules.removeIf(x -> x.key() != null && x.key().equalsIgnoreCase(r.key()));
                rules.add(r);
            }
        }
        return new ConfigXml(farms, rules, b.proxy == null ? null : XmlNode.of(b.proxy).withName("proxy"));
    }

    interface Parse<T> {
        T apply(Element e) throws ConfigException;
    }

    /** IIS collection semantics: {@code <clear/>} empties, {@code <remove key=…/>} drops, an element adds or replaces. */
    private static <T> void applyCollection(Element coll, String elementName, String key, List<T> into, Parse<T> parse,
                                            java.util.function.Function<T, String> keyOf) throws ConfigException {
        for (Element e : SafeXml.children(coll, null)) {
            String n = SafeXml.local(e);
            if (n.equals("clear")) {
                into.clear();
            } else if (n.equals("remove")) {
                String k = SafeXml.attr(e, key);
                into.removeIf(t -> keyOf.apply(t).equalsIgnoreCase(k));
            } else if (n.equals(elementName) || n.equals("add")) {
                T t = parse.apply(e);
                into.removeIf(x -> keyOf.apply(x).equalsIgnoreCase(keyOf.apply(t)));
                into.add(t);
            }
        }
    }

    private static WebFarm farm(Element e) throws ConfigException {
        String name = SafeXml.attr(e, "name");
        if (name == null || name.isBlank()) {
            throw new ConfigException("a webFarm has no name");
        }
        List<WebFarm.FarmServer> servers = new ArrayList<>();
        applyCollection(e, "server", "address", servers, s -> {
            Element arr = SafeXml.child(s, "applicationRequestRouting");
            return new WebFarm.FarmServer(SafeXml.attr(s, "address"), bool(s, "enabled", true), integer(arr, "httpPort", 80),
                    integer(arr, "httpsPort", 443), integer(arr, "weight", 100));
        }, WebFarm.FarmServer::address);
        Element arr = SafeXml.child(e, "applicationRequestRouting");
        Element protocol = SafeXml.child(arr, "protocol");
        ProxySettings p = proxySettings(protocol, FARM_TIMEOUT, true, false, "webFarm[" + name + "]/protocol");
        Element hc = SafeXml.child(arr, "healthCheck");
        WebFarm.HealthCheck health = new WebFarm.HealthCheck(SafeXml.attr(hc, "url"),
                duration(hc, "interval", Duration.ofSeconds(30), name), duration(hc, "timeout", Duration.ofSeconds(30), name),
                def(SafeXml.attr(hc, "statusCodeMatch"), "200-399"), SafeXml.attr(hc, "responseMatch"), integer(hc, "minServers", 0));
        Element lb = SafeXml.child(arr, "loadBalancing");
        return new WebFarm(name, bool(e, "enabled", true), List.copyOf(servers), p, health,
                def(SafeXml.attr(lb, "algorithm"), "WeightedRoundRobin"));
    }

    private static RewriteRule rule(Element e, String scope) {
        Element match = SafeXml.child(e, "match");
        Element action = SafeXml.child(e, "action");
        return new RewriteRule(scope, def(SafeXml.attr(e, "name"), "(unnamed)"), bool(e, "enabled", true),
                SafeXml.attr(match, "url"), bool(match, "ignoreCase", true), bool(match, "negate", false),
                def(SafeXml.attr(action, "type"), "None"), SafeXml.attr(action, "url"), bool(e, "stopProcessing", false));
    }

    private static ProxySettings proxySettings(Element e, Duration defaultTimeout, boolean enabledDefault,
                                               boolean preserveHostDefaultForProxy, String where) throws ConfigException {
        boolean isProxy = where.equals("system.webServer/proxy") || where.startsWith("location ");
        String t = SafeXml.attr(e, "timeout");
        return new ProxySettings(bool(e, "enabled", isProxy ? false : enabledDefault),
                t == null ? defaultTimeout : TimeSpans.parse(t, where + "@timeout"), t != null,
                def(SafeXml.attr(e, "httpVersion"), "PassThrough"), bool(e, "keepAlive", true),
                bool(e, "preserveHostHeader", !isProxy), bool(e, "reverseRewriteHostInResponseHeaders", isProxy),
                integer(e, "minResponseBuffer", 256), integer(e, "responseBufferLimit", 4096));
    }

    private static Duration duration(Element e, String name, Duration def, String where) throws ConfigException {
        String v = SafeXml.attr(e, name);
        return v == null ? def : TimeSpans.parse(v, "webFarm[" + where + "] " + name);
    }

    private static boolean bool(Element e, String name, boolean def) {
        String v = SafeXml.attr(e, name);
        return v == null ? def : v.equalsIgnoreCase("true");
    }

    private static int integer(Element e, String name, int def) throws ConfigException {
        String v = SafeXml.attr(e, name);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException ex) {
            throw new ConfigException(SafeXml.local(e) + "@" + name + " is not a number: '" + v + "'");
        }
    }

    private static String def(String v, String d) {
        return v == null || v.isEmpty() ? d : v;
    }
}
