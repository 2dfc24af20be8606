package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;
import io.arr502.core.config.ArrConfig;
import io.arr502.core.config.ConfigException;
import io.arr502.core.config.ConfigReader;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's configuration as it is now, read with {@code appcmd list config -section:X /xml}
 * (attributes as written, without {@code /config:*}): farms, global rules and the proxy section.
 */
public final class LiveConfig {
    static final List<String> SECTIONS = List.of("webFarms", "system.webServer/rewrite/globalRules", "system.webServer/proxy");

    private LiveConfig() {
    }

    public static ArrConfig read(StepRunner appcmd, Duration budget) throws ConfigException {
        Map<String, String> xml = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            CommandResult r = appcmd.run(List.of("list", "config", "-section:" + section, "/xml"), budget);
            if (!r.ok()) {
                throw new ConfigException("cannot read the live " + section + " section: " + r.oneLine());
            }
            xml.put(section, r.stdout());
        }
        ArrConfig c = ConfigReader.fromSections(xml);
        if (c.xml() == null) {
            throw new ConfigException("the live configuration has no XML");
        }
        return c;
    }
}
