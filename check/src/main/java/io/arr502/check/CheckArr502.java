package io.arr502.check;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * check_arr502: the Nagios/Icinga plugin. Exit codes are only ever 0–3, the first line is
 * {@code ARR502 STATE - summary | perfdata}, and any failure becomes {@code ARR502 UNKNOWN - reason}
 * with exit 3 — never a stack trace (both daemons would show it as WARNING).
 */
@Command(name = "check_arr502", versionProvider = CheckArr502.Version.class, addMethodSubcommands = false,
        exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3,
        description = "Triage and verify IIS ARR HTTP 502.3 failures (Nagios/Icinga plugin).")
public final class CheckArr502 implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    /** The modes, in help order. Only the one named on the command line is built: picocli's model of
     * all eight costs a scheduled check about 70 ms of start-up. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> MODES = new java.util.LinkedHashMap<>();

    static {
        MODES.put("logs", LogsCommand::new);
        MODES.put("triage", TriageCommand::new);
        MODES.put("freb", SourceCommands.Freb::new);
        MODES.put("config", SourceCommands.Config::new);
        MODES.put("probe", SourceCommands.Probe::new);
        MODES.put("collect", CollectCommand::new);
        MODES.put("verify", VerifyCommand::new);
        MODES.put("remediate", RemediateCommand::new);
    }

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    static PrintStream out() {
        return OUT;
    }

    @Override
    public void run() {
        OUT.print("ARR502 UNKNOWN - no mode given (use logs, triage, freb, config, probe, collect, verify or remediate; --help lists them)\n");
        OUT.flush();
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args);
        } catch (Throwable t) {
            OUT.print("ARR502 UNKNOWN - internal error: " + oneLine(t) + "\n");
            OUT.flush();
            code = 3;
        }
        System.exit(code < 0 || code > 3 ? 3 : code);
    }

    static int execute(String... args) {
        CommandLine cl = new CommandLine(new CheckArr502());
        java.util.function.Supplier<Object> only = args.length > 0 ? MODES.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            MODES.forEach((name, mode) -> cl.addSubcommand(name, mode.get()));
        }
        // an empty path is the current folder to Java ("logs ''" walked /proc from /): refused for every option
        cl.registerConverter(java.nio.file.Path.class, s -> {
            if (s.isBlank()) {
                throw new CommandLine.TypeConversionException("empty path");
            }
            return java.nio.file.Path.of(s);
        });
        cl.setOut(new java.io.PrintWriter(OUT, true));
        cl.setErr(new java.io.PrintWriter(OUT, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            OUT.print("ARR502 UNKNOWN - bad argument: " + oneLine(ex) + "\n");
            OUT.flush();
            return 3;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            OUT.print("ARR502 UNKNOWN - internal error: " + oneLine(ex) + "\n");
            OUT.flush();
            return 3;
        });
        int code = cl.execute(args);
        if (cl.getParseResult() != null && !cl.getParseResult().hasSubcommand()
                && !cl.isUsageHelpRequested() && !cl.isVersionHelpRequested()) {
            return 3; // no mode: run() printed why
        }
        return code;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return m.replaceAll("[\\r\\n]+", " ").replace('|', '/');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CheckArr502.class.getPackage().getImplementationVersion();
            return new String[]{"check_arr502 " + (v == null ? "(development build)" : v)};
        }
    }
}
