package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Cause;
import io.arr502.core.probe.ProbeResult;
import io.arr502.core.win32.Win32Status;

import java.util.Locale;

/** The cause a single win32 code or a failed probe points to, for rules that sort evidence by family. */
final class Families {
    private Families() {
    }

    /** null when the code is in no family a cause covers. */
    static Cause of(Win32Status w) {
        return w.isTimeout() ? Cause.ARR_TIMEOUT_TOO_LOW : w.isConnectFailure() ? Cause.BACKEND_UNREACHABLE
                : w.isReset() ? Cause.CONNECTION_RESET : w.isTls() ? Cause.TLS_TRUST_FAILURE : null;
    }

    /** A failed probe's cause: TLS first (trust, expiry, name, handshake), then a timeout, then no answer at all; null otherwise. */
    static Cause of(ProbeResult p) {
        if (p.ok()) {
            return null;
        }
        if (nameMismatchOnly(p)) {
            // ARR ignores certificate name mismatches by default (SECURITY_FLAG_IGNORE_CERT_CN_INVALID, KB 2693489;
            // SecureConnectionIgnoreFlags): a wrong name alone does not fail ARR's requests (TlsTrustRule reads the flags)
            return null;
        }
        if ((p.failure() != null && p.failure().isTls()) || (p.tls() != null && !p.tls().trusted())) {
            return Cause.TLS_TRUST_FAILURE;
        }
        if (p.statusCode() < 0 && p.error() != null && p.error().toLowerCase(Locale.ROOT).contains("timed out")) {
            return Cause.BACKEND_STALL;
        }
        return p.statusCode() < 0 ? Cause.BACKEND_UNREACHABLE : null;
    }

    /** A failed TLS probe whose only fault is the certificate's name (the chain is trusted). */
    static boolean nameMismatchOnly(ProbeResult p) {
        return !p.ok() && p.failure() == ProbeResult.Failure.TLS_HOSTNAME && (p.tls() == null || p.tls().trusted());
    }
}
