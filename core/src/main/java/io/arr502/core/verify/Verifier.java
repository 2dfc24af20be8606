package io.arr502.core.verify;

import io.arr502.core.diagnosis.Diagnoser;
import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.diagnosis.Regression;
import io.arr502.core.diagnosis.RegressionTest;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.probe.ProbeResult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The runbook's verification: the 502.3 rate back to baseline, each route's latency inside its
 * timeout envelope, the synthetic probes green — on every poll, for the whole recovery window.
 * Any failing poll restarts the window; the deadline ends the wait.
 */
public final class Verifier {

    /** Waits between polls; tests pass one that advances a fake clock. */
    public interface Sleeper {
        void sleep(java.time.Duration d) throws InterruptedException;
    }

    private Verifier() {
    }

    public static VerificationResult verify(Supplier<Evidence> poll, VerifyOptions opt, Clock clock, Sleeper sleeper) {
        Instant start = clock.instant();
        Instant deadline = start.plus(opt.deadline());
        Instant windowStart = null;
        List<String> history = new ArrayList<>();
        String lastFailure = "no poll completed";
        int polls = 0;
        while (true) {
            Instant now = clock.instant();
            Evidence ev = poll.get();
            polls++;
            String failure = check(ev, opt);
            if (failure == null) {
                if (windowStart == null) {
                    windowStart = now;
                }
                history.add(now + " ok");
                if (!now.isBefore(windowStart.plus(opt.recovery()))) {
                    return new VerificationResult(true, null, polls, history);
                }
            } else {
                windowStart = null;
                lastFailure = failure;
                history.add(now + " " + failure);
            }
            Instant next = clock.instant().plus(opt.interval());
            if (next.isAfter(deadline)) {
                String why = windowStart != null
                        ? "deadline passed before a full recovery window of " + opt.recovery().toSeconds() + " s"
                        : lastFailure;
                return new VerificationResult(false, why, polls, history);
            }
            try {
                sleeper.sleep(opt.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new VerificationResult(false, "interrupted", polls, history);
            }
        }
    }

    /** The first criterion that fails, with numbers; null when all hold. */
    static String check(Evidence ev, VerifyOptions opt) {
        if (ev.problems().stream().anyMatch(p -> p.fatal())) {
            return "evidence: " + ev.problems().stream().filter(p -> p.fatal()).findFirst().get().reason();
        }
        if (ev.logs() != null) {
            if (opt.baseline() != null) {
                Regression r = RegressionTest.compare(opt.baseline().requests(), opt.baseline().count502_3(), ev.logs().requests(),
                        ev.logs().count502_3(), opt.regression(), opt.baseline().source());
                if (r.regression()) {
                    return "502.3 rate not back to baseline: " + r.explanation();
                }
            } else if (ev.logs().rate502_3() > opt.maxRatePercent()) {
                return String.format(Locale.US, "502.3 rate %.2f %% above %.2f %% (%d of %d)", ev.logs().rate502_3(),
                        opt.maxRatePercent(), ev.logs().count502_3(), ev.logs().requests());
            }
            for (RouteEnvelope env : Diagnoser.diagnose(ev, DiagnosisOptions.defaults()).envelopes()) {
                if (env.effectiveTimeout() != null && env.okMaxMillis() > 0 && env.headroomPercent() < 0) {
                    return String.format(Locale.US, "%s: successful p99 %,d ms exceeds its %d s timeout", env.route(),
                            env.okP99Millis(), env.effectiveTimeout().toSeconds());
                }
            }
        }
        for (ProbeResult p : ev.probes()) {
            if (!p.ok()) {
                return "probe " + p.target() + " failed: " + p.error();
            }
        }
        return null;
    }
}
