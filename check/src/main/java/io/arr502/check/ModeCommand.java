package io.arr502.check;

import io.arr502.core.verdict.JsonOutput;
import io.arr502.core.verdict.NagiosOutput;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.TextOutput;
import io.arr502.core.verdict.Verdict;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.concurrent.Callable;

/** What every mode does around its own evidence: deadline, verdict, rendering, exit code. */
abstract class ModeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    /** Gathers this mode's evidence and judges it. May throw; anything thrown becomes UNKNOWN. */
    abstract Verdict verdict() throws Exception;

    private java.time.Instant readDeadline;

    /** When log reading stops (null: no deadline); modes that read logs with state pass it to triage. */
    java.time.Instant readDeadline() {
        return readDeadline;
    }

    /** The internal deadline; modes that wait by design (verify, remediate --apply) stretch it. */
    int deadlineSeconds() {
        return common.timeoutSeconds;
    }

    @Override
    public Integer call() {
        Deadline deadline = new Deadline();
        State timeoutState;
        try {
            timeoutState = common.parsedTimeoutState();
        } catch (IllegalArgumentException e) {
            return print(deadline, Verdict.unknown("bad argument: " + e.getMessage()), "nagios");
        }
        if (common.timeoutSeconds < 1) {
            // 0 or less used to switch the deadline off: a hanging input (a FIFO, a dead share) then hung the daemon's check
            return print(deadline, Verdict.unknown("bad argument: -t must be at least 1 second, not " + common.timeoutSeconds), "nagios");
        }
        deadline.start(deadlineSeconds(), timeoutState, CheckArr502.out());
        // logs are read for three quarters of the time allowed; the rest judges, answers and saves the state,
        // so a large backlog ends in "still reading" with progress kept instead of a kill that keeps none
        readDeadline = deadlineSeconds() > 0 ? java.time.Instant.now().plusMillis(deadlineSeconds() * 750L) : null;
        Verdict v;
        long started = System.nanoTime();
        try {
            v = verdict();
        } catch (IllegalArgumentException e) {
            v = Verdict.unknown("bad argument: " + e.getMessage());
        } catch (Exception | Error e) {
            v = Verdict.unknown("internal error: " + CheckArr502.oneLine(e));
        }
        if (common.saveBaseline != null && v.state() != State.UNKNOWN && v.metrics().requests() > 0) {
            try {
                io.arr502.core.diagnosis.BaselineStore.write(common.saveBaseline, new io.arr502.core.diagnosis.Baseline(
                        v.metrics().requests(), v.metrics().count502_3(), "baseline saved " + java.time.Instant.now()));
            } catch (java.io.IOException | RuntimeException e) {
                v = Verdict.unknown("cannot save baseline: " + CheckArr502.oneLine(e));
            }
        }
        if (common.submit != null) {
            v = submit(v);
        }
        if (common.verbosity() >= 1 && !v.metrics().failedExamples().isEmpty()) {
            // the raw lines to find in the backend's logs: asked for with -v, always in the JSON
            java.util.List<String> more = new java.util.ArrayList<>(v.longOutput());
            more.addAll(io.arr502.core.verdict.VerdictBuilder.exampleLines(v.metrics().failedExamples()));
            v = new Verdict(v.state(), v.summary(), v.perfdata(), more, v.metrics(), v.malformedLines(), v.diagnosis(),
                    v.remediation(), v.problems());
        }
        if (common.verbosity() >= 2 && v.state() != State.UNKNOWN) {
            java.util.List<String> more = new java.util.ArrayList<>(v.longOutput());
            more.add(String.format(Locale.US, "debug: judged in %d ms", (System.nanoTime() - started) / 1_000_000));
            v = new Verdict(v.state(), v.summary(), v.perfdata(), more, v.metrics(), v.malformedLines(), v.diagnosis(),
                    v.remediation(), v.problems());
        }
        return print(deadline, v, common.format);
    }

    /** Posts the verdict; a failed submission turns the result UNKNOWN, since the monitoring system did not get it. */
    private Verdict submit(Verdict v) {
        try {
            if (!"icinga2".equalsIgnoreCase(common.submit)) {
                throw new IllegalArgumentException("--submit supports icinga2, not '" + common.submit + "'");
            }
            if (common.apiUrl == null || common.apiUser == null || common.apiPasswordFile == null) {
                throw new IllegalArgumentException("--submit icinga2 needs --api-url, --api-user and --api-password-file");
            }
            char[] password = java.nio.file.Files.readString(common.apiPasswordFile).strip().toCharArray();
            String host = common.apiHost != null ? common.apiHost : java.net.InetAddress.getLocalHost().getHostName();
            String done = io.arr502.core.submit.IcingaSubmitter.submit(v, new io.arr502.core.submit.IcingaSubmitter.Target(common.apiUrl,
                    common.apiUser, password, common.apiCa, common.apiCertName, host, common.apiService, "check_arr502 on " + host,
                    java.time.Duration.ofSeconds(5), common.apiAllowHttp));
            java.util.List<String> lines = new java.util.ArrayList<>(v.longOutput());
            lines.add(done);
            return new Verdict(v.state(), v.summary(), v.perfdata(), lines, v.metrics(), v.malformedLines(), v.diagnosis(),
                    v.remediation(), v.problems());
        } catch (IllegalArgumentException e) {
            return Verdict.unknown("bad argument: " + e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            return Verdict.unknown("result not submitted: " + CheckArr502.oneLine(e));
        }
    }

    private static int print(Deadline deadline, Verdict v, String format) {
        String text;
        switch (format == null ? "nagios" : format.toLowerCase(Locale.ROOT)) {
            case "json" -> text = JsonOutput.render(v);
            case "text" -> text = TextOutput.render(v);
            case "nagios" -> text = NagiosOutput.render(v);
            default -> {
                v = Verdict.unknown("bad argument: --format must be nagios, json or text, not '" + format + "'");
                text = NagiosOutput.render(v);
            }
        }
        if (!deadline.finish(CheckArr502.out(), text)) {
            // the deadline already answered; it halts the JVM with its own state
            return State.UNKNOWN.exitCode();
        }
        return v.state().exitCode();
    }
}
