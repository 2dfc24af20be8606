package io.jenkins.plugins.arr502;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Run;
import io.jenkins.plugins.arr502.data.RemoteVerdict;

/**
 * Builds of version 0.1.0-SNAPSHOT before the fix stored {@code io.jenkins.plugins.arr502.RemoteVerdict},
 * a record XStream could not restore: its fields have the same names in the plain class, so the alias
 * lets those build.xml files load their reports again.
 */
public final class XStreamAliases {
    private XStreamAliases() {
    }

    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void addAliases() {
        Run.XSTREAM2.addCompatibilityAlias("io.jenkins.plugins.arr502.RemoteVerdict", RemoteVerdict.class);
    }
}
