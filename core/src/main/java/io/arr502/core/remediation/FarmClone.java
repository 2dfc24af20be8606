package io.arr502.core.remediation;

import io.arr502.core.config.XmlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A copy of a farm under a new name with every attribute the source has written (the farm's own, its
 * {@code applicationRequestRouting} children — healthCheck, protocol, affinity, loadBalancing, … — and
 * each server with its own {@code applicationRequestRouting}: ports, weight), except the protocol
 * timeout, which gets the new value. Attributes at their schema default are left to the default. A
 * farm holding something arr502 does not know how to copy (a collection other than its servers) is refused.
 */
final class FarmClone {
    private FarmClone() {
    }

    /** The steps: the farm with its settings in one appcmd call, then one call per server. */
    static List<RemediationStep> steps(XmlNode source, String newFarm, String timeout) {
        Names.farm(newFarm);
        String farmPath = "[name='" + newFarm + "']";
        Map<String, String> own = written(source, "name", newFarm, "webFarm");
        List<String> edits = new ArrayList<>();
        edits.add("/+" + AppcmdArgs.indexer(null, own));
        Set<String> seen = new HashSet<>();
        for (XmlNode c : source.children()) {
            if (c.name().equals("server")) {
                continue;
            }
            element(c, "webFarm/" + c.name(), farmPath + "." + AppcmdArgs.attribute(c.name()), edits, seen);
        }
        edits.add(AppcmdArgs.set(farmPath + ".applicationRequestRouting.protocol", "timeout", timeout));
        RemediationStep undo = RemediationStep.appcmd("remove farm " + newFarm, null,
                AppcmdArgs.setConfig(AppcmdArgs.FARMS, List.of("/-" + farmPath)));
        List<RemediationStep> out = new ArrayList<>();
        out.add(RemediationStep.appcmd("create farm " + newFarm + " as a copy of " + source.attr("name") + " with a " + timeout + " timeout",
                undo, AppcmdArgs.setConfig(AppcmdArgs.FARMS, edits)));
        for (XmlNode s : source.children("server")) {
            String address = Names.host(s.attr("address"));
            Map<String, String> attrs = written(s, "address", address, "webFarm/server");
            List<String> se = new ArrayList<>();
            se.add("/+" + farmPath + "." + AppcmdArgs.indexer(null, attrs));
            String serverPath = farmPath + ".[address='" + address + "']";
            Set<String> seenHere = new HashSet<>();
            for (XmlNode c : s.children()) {
                element(c, "webFarm/server/" + c.name(), serverPath + "." + AppcmdArgs.attribute(c.name()), se, seenHere);
            }
            // covered by the farm's undo: removing the farm removes its servers
            out.add(RemediationStep.appcmd("add server " + address + " to " + newFarm, null, AppcmdArgs.setConfig(AppcmdArgs.FARMS, se)));
        }
        return out;
    }

    /** The key with its (new) value first, then every attribute written with a value other than the schema default. */
    private static Map<String, String> written(XmlNode e, String key, String keyValue, String schemaPath) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(key, keyValue);
        e.attributes().forEach((k, v) -> {
            if (!k.equals(key) && !ConfigDigest.isDefault(schemaPath, k, v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void element(XmlNode e, String schemaPath, String path, List<String> edits, Set<String> seen) {
        if (e.key() != null || !seen.add(schemaPath)) {
            throw new UnsafeValueException("cannot copy the farm faithfully: it holds " + e.name() + " entries (" + schemaPath
                    + ") that arr502 does not copy");
        }
        e.attributes().forEach((k, v) -> {
            if (schemaPath.equals("webFarm/applicationRequestRouting/protocol") && k.equals("timeout")) {
                return;
            }
            if (!ConfigDigest.isDefault(schemaPath, k, v)) {
                edits.add(AppcmdArgs.set(path, k, v));
            }
        });
        for (XmlNode c : e.children()) {
            element(c, schemaPath + "/" + c.name(), path + "." + AppcmdArgs.attribute(c.name()), edits, seen);
        }
    }
}
