package io.arr502.core.verify;

import io.arr502.core.diagnosis.Diagnoser;
import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.diagnosis.JudgedRate;
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
 * Any failing poll restarts the window; the deadline ends the wait. A poll without evidence (fewer
 * than {@code minRequests} requests in its window and no probe, or logs that could not be read) judges
 * nothing: a verification that ends on such polls is UNKNOWN, never passed.
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
        String lastEvidenceFailure = null;
        boolean lastNoData = true;
        int polls = 0;
        while (true) {
            Instant now = clock.instant();
            Evidence ev = poll.get();
            polls++;
            Poll p = check(ev, opt);
            if (p.failure() == null) {
                if (windowStart == null) {
                    windowStart = now;
                }
                lastNoData = false;
                lastEvidenceFailure = null;
                history.add(now + " ok" + p.note());
                if (!now.isBefore(windowStart.plus(opt.recovery()))) {
                    return new VerificationResult(true, null, polls, history);
                }
            } else {
                windowStart = null;
                lastFailure = p.failure();
                lastNoData = p.noData();
                if (!p.noData()) {
                    lastEvidenceFailure = p.failure();
                }
                history.add(now + " " + p.failure());
            }
            Instant next = clock.instant().plus(opt.interval());
            if (next.isAfter(deadline)) {
                if (windowStart != null) {
                    return new VerificationResult(false, "deadline passed before a full recovery window of " + opt.recovery().toSeconds() + " s",
                            polls, history);
                }
                if (lastNoData && lastEvidenceFailure == null) {
                    return VerificationResult.unknown(lastFailure, polls, history);
                }
                return new VerificationResult(false, lastEvidenceFailure != null ? lastEvidenceFailure : lastFailure, polls, history);
            }
            try {
                sleeper.sleep(opt.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return VerificationResult.unknown("interrupted", polls, history);
            }
        }
    }

    /** One poll: the first failing criterion (with numbers), or no evidence to judge; both null when all hold. */
    record Poll(String failure, boolean noData, String note) {
        static Poll ok(String note) {
            return new Poll(null, false, note);
        }
    }

    static Poll check(Evidence ev, VerifyOptions opt) {
        if (ev == null) {
            return new Poll("no evidence: the poll returned nothing", true, "");
        }
        if (ev.problems().stream().anyMatch(p -> p.fatal())) {
            return new Poll("no evidence: " + ev.problems().stream().filter(p -> p.fatal()).findFirst().get().reason(), true, "");
        }
        long requests = ev.logs() == null ? 0 : ev.logs().requests();
        boolean judgeLogs = ev.logs() != null && requests >= Math.max(1, opt.minRequests());
        if (!judgeLogs && ev.probes().isEmpty()) {
            return new Poll(String.format(Locale.US, "no evidence: %s and no probe", ev.logs() == null ? "no logs"
                    : requests + " request(s) in the window, fewer than " + Math.max(1, opt.minRequests())), true, "");
        }
        JudgedRate judged = JudgedRate.of(ev, opt.judgeClientAborts());
        if (judgeLogs) {
            if (opt.baseline() != null) {
                Regression r = RegressionTest.compare(opt.baseline().requests(), opt.baseline().count502_3(), judged.requests(),
                        judged.count(), opt.regression(), opt.baseline().source());
                if (r.regression()) {
                    return new Poll("502.3 rate not back to baseline: " + r.explanation(), false, "");
                }
            } else if (judged.percent() > opt.maxRatePercent()) {
                return new Poll(String.format(Locale.US, "502.3 rate %.2f %% above %.2f %% (%d of %d%s)", judged.percent(),
                        opt.maxRatePercent(), judged.count(), judged.requests(), judged.stated()), false, "");
            }
            for (RouteEnvelope env : Diagnoser.diagnose(ev, DiagnosisOptions.defaults()).envelopes()) {
                if (env.effectiveTimeout() != null && env.okMaxMillis() > 0 && env.headroomPercent() < 0) {
                    return new Poll(String.format(Locale.US, "%s: successful p99 %,d ms exceeds its %d s timeout", env.route(),
                            env.okP99Millis(), env.effectiveTimeout().toSeconds()), false, "");
                }
            }
        }
        for (ProbeResult p : ev.probes()) {
            if (!p.ok()) {
                return new Poll("probe " + p.target() + " failed: " + p.error(), false, "");
            }
        }
        String note = judgeLogs ? String.format(Locale.US, " (%d requests, %d × 502.3%s%s)", requests, judged.count(), judged.stated(),
                ev.probes().isEmpty() ? "" : ", " + ev.probes().size() + " probe(s) green")
                : String.format(Locale.US, " (%d probe(s) green; %d request(s), too few to judge the logs)", ev.probes().size(), requests);
        return Poll.ok(note);
    }
}
