package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.probe.ProbeResult;
import io.arr502.core.win32.Win32Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * TLS to the backend fails: 502.3 with a WinHTTP security code, or a probe that does not trust the certificate. A probe
 * failing only on the name counts when the collected SecureConnectionIgnoreFlags show ARR checks names (KB 2693489).
 */
final class TlsTrustRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        List<Candidate> out = new ArrayList<>();
        CollectedEvidence c = in.evidence().collected();
        CollectedEvidence.ArrIgnoreFlags flags = c == null ? null : c.arrIgnoreFlags();
        String flagLine = flags == null ? null : flags.describe() + (c.host() == null ? "" : " (on " + c.host() + ")");
        if (in.logs() != null) {
            Map<Integer, Long> w = in.logs().win32For502_3();
            long tls = w.entrySet().stream().filter(e -> Win32Status.of(e.getKey()).isTls()).mapToLong(Map.Entry::getValue).sum();
            if (tls > 0) {
                List<String> lines = new ArrayList<>();
                lines.add(String.format(Locale.US, "%d of %d 502.3 are TLS failures (%s)", tls, in.count502_3(), codes(w)));
                if (flagLine != null) {
                    lines.add(flagLine);
                }
                double conf = 0.85 * tls / in.failures() + in.corroborate(lines, ProbeResult.Kind.TLS);
                out.add(Candidate.counted(new Finding(Cause.TLS_TRUST_FAILURE, clamp(conf), String.format(Locale.US,
                        "%d requests failed TLS to the backend (certificate trust, dates or name)", tls), lines), tls));
            }
        }
        for (ProbeResult p : in.evidence().probes()) {
            if (Families.of(p) == Cause.TLS_TRUST_FAILURE) {
                // trust, expiry, wrong name and handshake failures alike: ARR logs them as 12175/12157
                out.add(Candidate.observed(new Finding(Cause.TLS_TRUST_FAILURE, 0.7, "the backend certificate is not trusted: " + p.target(),
                        List.of("probe " + p.target() + ": " + p.error()))));
            } else if (Families.nameMismatchOnly(p) && flags != null && !flags.ignoresNameMismatch()) {
                // name mismatches are ignored only by default: flags without SECURITY_FLAG_IGNORE_CERT_CN_INVALID make them fail
                out.add(Candidate.observed(new Finding(Cause.TLS_TRUST_FAILURE, 0.7, "the backend certificate name does not match and ARR "
                        + "checks names: " + p.target(), List.of("probe " + p.target() + ": " + p.error(),
                        flagLine))));
            }
        }
        return out;
    }

    private static String codes(Map<Integer, Long> w) {
        StringBuilder b = new StringBuilder();
        w.forEach((c, n) -> {
            if (Win32Status.of(c).isTls()) {
                b.append(b.length() == 0 ? "" : ", ").append(c).append(' ').append(Win32Status.of(c).name()).append(" ×").append(n);
            }
        });
        return b.toString();
    }
}
