package io.arr502.core.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code check_arr502 collect}: runs check-scripts/Collect-All.ps1 on the IIS host
 * through {@link CommandRunner}, then reads the folder it wrote. Off Windows there is nothing to run.
 */
public final class CollectorRunner {
    private CollectorRunner() {
    }

    /** The outcome: the evidence read, or why there is none (one line). */
    public record Outcome(CollectedEvidence evidence, String failure) {
    }

    public static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    public static Outcome collect(Path scriptsDir, Path outDir, Duration budget) {
        if (!onWindows()) {
            return new Outcome(null, "collection runs the PowerShell collectors and needs Windows; "
                    + "run check-scripts\\Collect-All.ps1 on the IIS host and read its folder with triage --evidence");
        }
        Path script = scriptsDir.resolve("Collect-All.ps1");
        if (!Files.isRegularFile(script)) {
            return new Outcome(null, "Collect-All.ps1 not found in " + scriptsDir);
        }
        String shell = System.getenv().getOrDefault("ARR502_POWERSHELL", "powershell.exe");
        CommandResult r = new CommandRunner(budget.plusSeconds(15), 1 << 20).run(List.of(shell, "-NoProfile", "-NonInteractive",
                "-ExecutionPolicy", "Bypass", "-File", script.toString(), "-OutDir", outDir.toString(),
                "-BudgetSeconds", Long.toString(Math.max(5, budget.toSeconds()))), scriptsDir, Map.of());
        if (!r.ok()) {
            return new Outcome(null, "Collect-All.ps1: " + r.oneLine());
        }
        return new Outcome(EvidenceFolder.read(outDir), null);
    }
}
