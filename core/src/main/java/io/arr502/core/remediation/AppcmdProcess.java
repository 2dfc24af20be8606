package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;
import io.arr502.core.collect.CommandRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real appcmd.exe (or the path given instead), run through {@link CommandRunner}: argv only, tree kill at the budget. */
public final class AppcmdProcess implements StepRunner {
    private final Path exe;

    public AppcmdProcess(Path exe) {
        this.exe = exe;
    }

    /** {@code %windir%\system32\inetsrv\appcmd.exe}, from the environment. */
    public static AppcmdProcess standard() {
        String windir = System.getenv("windir");
        if (windir == null) {
            windir = System.getenv("SystemRoot");
        }
        return new AppcmdProcess(Path.of(windir == null ? "C:\\Windows" : windir, "system32", "inetsrv", "appcmd.exe"));
    }

    public Path exe() {
        return exe;
    }

    @Override
    public CommandResult run(List<String> appcmdArgs, Duration budget) {
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        argv.addAll(appcmdArgs);
        return new CommandRunner(budget, 4 << 20).run(argv, null, Map.of());
    }
}
