package io.arr502.core.config;

import java.util.List;
import java.util.Map;

/**
 * The ARR sections as written, for remediation: each farm and global rule by lower-case name (the
 * effective entry after every collection in the source), the global rules in order, and the proxy section.
 */
public record ConfigXml(Map<String, XmlNode> farms, List<XmlNode> globalRules, XmlNode proxy) {

    public ConfigXml {
        farms = Map.copyOf(farms);
        globalRules = List.copyOf(globalRules);
    }

    public XmlNode farm(String name) {
        return name == null ? null : farms.get(XmlNode.lower(name));
    }

    public XmlNode globalRule(String name) {
        return globalRules.stream().filter(r -> name != null && name.equalsIgnoreCase(r.attr("name"))).findFirst().orElse(null);
    }
}
