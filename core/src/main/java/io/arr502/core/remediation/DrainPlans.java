package io.arr502.core.remediation;

import io.arr502.core.config.WebFarm;
import io.arr502.core.diagnosis.BackendServers;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.evidence.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes the one failing server out of rotation: webFarms/webFarm/server@enabled (bool, default true; the webFarms
 * schema, lextm/iis_schema webfarm.xml), set with appcmd's collection addressing ("Getting Started with AppCmd.exe").
 * Offered only when the configuration shows the server enabled and another enabled server to carry the load.
 */
final class DrainPlans {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private DrainPlans() {
    }

    static RemediationPlan drain(Diagnosis d, Evidence ev, String backup) {
        BackendServers.Dominant dom = BackendServers.dominant(d.servers(), ev.config()).orElse(null);
        if (dom == null) {
            return null;
        }
        String server = dom.server().server();
        String title = "take " + server + " out of rotation";
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.US, "%s carries %.0f %% of farm %s's failures.", server, 100 * dom.share(), dom.server().farm()));
        if (dom.server().topWin32() == 12002) {
            notes.add("Its failures are mostly timeouts (12002): when one route's requests all go to this server (affinity), the route's "
                    + "timeout is the fix, not the server.");
        }
        WebFarm farm = ev.config() == null || dom.server().farm() == null ? null : ev.config().farms().stream()
                .filter(f -> f.name().equalsIgnoreCase(dom.server().farm())).findFirst().orElse(null);
        WebFarm.FarmServer configured = farm == null ? null
                : farm.servers().stream().filter(s -> s.address().equalsIgnoreCase(server)).findFirst().orElse(null);
        String refuse = null;
        if (farm == null || configured == null) {
            refuse = "Give --config (applicationHost.config or appcmd output): the command is built only for a farm and server read from it.";
        } else if (!configured.enabled()) {
            refuse = server + " is already disabled in the configuration.";
        } else if (farm.servers().stream().noneMatch(s -> s.enabled() && s != configured)) {
            refuse = "Not offered: " + server + " is the only enabled server of " + farm.name() + "; disabling it would leave the farm empty (502.4).";
        } else if (!NAME.matcher(farm.name()).matches() || !NAME.matcher(configured.address()).matches()) {
            refuse = "Not offered: the farm or server name holds characters a command line could misread.";
        }
        if (refuse != null) {
            notes.add(refuse);
            return new RemediationPlan(Cause.BACKEND_SERVER_FAILING, title, List.of(), List.of(), List.copyOf(notes));
        }
        io.arr502.core.config.XmlNode source = ev.config().xml() == null ? null : ev.config().xml().farm(farm.name());
        if (source == null) {
            notes.add("Not offered: the configuration was not read as XML.");
            return new RemediationPlan(Cause.BACKEND_SERVER_FAILING, title, List.of(), List.of(), List.copyOf(notes));
        }
        String path = "[name='" + farm.name() + "'].[address='" + configured.address() + "']";
        notes.add("Disabling takes the server out at once; ARR Manager's 'Disallow New Connections' drains gracefully but is a runtime "
                + "state without a documented command line. Bring it back (the rollback) once its own problem is fixed.");
        try {
            RemediationStep undo = RemediationStep.appcmd("enable " + configured.address() + " again (it was enabled)", null,
                    AppcmdArgs.setConfig(AppcmdArgs.FARMS, List.of(AppcmdArgs.set(path, "enabled", "true"))));
            List<RemediationStep> fix = List.of(RemediationPlanner.backupStep(backup),
                    RemediationStep.appcmd("disable " + configured.address() + " in farm " + farm.name(), undo,
                            AppcmdArgs.setConfig(AppcmdArgs.FARMS, List.of(AppcmdArgs.set(path, "enabled", "false")))));
            // the farm as diagnosed: the other enabled server must still be there when this runs
            return new RemediationPlan(Cause.BACKEND_SERVER_FAILING, title, fix, RemediationPlanner.rollbackOf(fix), List.copyOf(notes), backup,
                    List.of(new Precondition(Precondition.Kind.FARM_UNCHANGED, farm.name(), ConfigDigest.of(source))), null);
        } catch (UnsafeValueException e) {
            notes.add("Not offered: " + e.getMessage() + ".");
            return new RemediationPlan(Cause.BACKEND_SERVER_FAILING, title, List.of(), List.of(), List.copyOf(notes));
        }
    }
}
