package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.collect.EvidenceFolder;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.probe.ProbeResult;
import io.arr502.core.win32.Win32Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARR ignores backend certificate name mismatches by default (SECURITY_FLAG_IGNORE_CERT_CN_INVALID, KB 2693489):
 * a probe that fails only on the name is not a TLS_TRUST_FAILURE. The probe results below are what
 * Prober.http returns against a real server with a wrong-name or an untrusted certificate (HttpProbeTest).
 */
class TlsNameMismatchTest {
    @TempDir
    Path dir;

    static ProbeResult probe(ProbeResult.Failure f, boolean trusted, boolean nameOk, String error) {
        return new ProbeResult(ProbeResult.Kind.HTTP, "https://127.0.0.1:8443/health", false, -1, null,
                new ProbeResult.TlsFacts(trusted, nameOk, 40, "CN=app01.contoso.local", "CN=Test CA", null, error), error, f);
    }

    @Test
    void aNameMismatchAloneIsNotATlsTrustFailureButAnUntrustedChainIs() throws Exception {
        Evidence logs = new Scenario().lines(200, "/a", 200, 0, 0, 20).evidence(dir);
        ProbeResult name = probe(ProbeResult.Failure.TLS_HOSTNAME, true, false,
                "TLS: certificate name does not match the host 127.0.0.1 (certificate is for app01.contoso.local)");
        Diagnosis d = Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(name), null, List.of()), DiagnosisOptions.defaults());
        assertThat(d.findings()).extracting(Finding::cause).doesNotContain(Cause.TLS_TRUST_FAILURE);

        ProbeResult untrusted = probe(ProbeResult.Failure.TLS_UNTRUSTED, false, true, "TLS: certificate not trusted (PKIX path building failed)");
        Diagnosis d2 = Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(untrusted), null, List.of()), DiagnosisOptions.defaults());
        assertThat(d2.top().cause()).isEqualTo(Cause.TLS_TRUST_FAILURE);
    }

    /**
     * SecureConnectionIgnoreFlags as Get-Arr502WinHttpProxy.ps1 collects it (fixtures collect/arr-flags-*, values from
     * iis-docs "ARR: Support Added for WINHTTP_OPTION_SECURITY_FLAGS"): 0x2000 (dates only) makes ARR check names, so the
     * name-only probe failure is a trust failure and the finding gives the value and where it was read; the doc's own
     * example 0x3000 keeps names ignored; a value that could not be read (access denied) leaves ARR's default assumed.
     */
    @Test
    void aNameMismatchIsATrustFailureWhenTheCollectedFlagsShowArrChecksNames() throws Exception {
        Evidence logs = new Scenario().lines(200, "/a", 200, 0, 0, 20).evidence(dir);
        ProbeResult name = probe(ProbeResult.Failure.TLS_HOSTNAME, true, false,
                "TLS: certificate name does not match the host 127.0.0.1 (certificate is for app01.contoso.local)");
        Path fixtures = Path.of("src/test/resources/collect");

        CollectedEvidence checks = EvidenceFolder.read(fixtures.resolve("arr-flags-checks-names"));
        Diagnosis d = Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(name), checks, List.of()), DiagnosisOptions.defaults());
        Finding f = d.findings().stream().filter(x -> x.cause() == Cause.TLS_TRUST_FAILURE).findFirst().orElseThrow();
        assertThat(f.headline()).isEqualTo("the backend certificate name does not match and ARR checks names: https://127.0.0.1:8443/health");
        assertThat(f.evidence()).contains("SecureConnectionIgnoreFlags 0x00002000 at HKLM\\SOFTWARE\\Microsoft\\IIS Extensions\\Application Request Routing"
                + "\\Parameters: ARR ignores date errors; it does NOT ignore name mismatches (on ARR01)");

        CollectedEvidence docExample = EvidenceFolder.read(fixtures.resolve("arr-flags-doc-example"));
        assertThat(docExample.arrIgnoreFlags().describe()).contains("0x00003000").contains("ARR ignores name mismatches, date errors");
        Diagnosis d2 = Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(name), docExample, List.of()), DiagnosisOptions.defaults());
        assertThat(d2.findings()).extracting(Finding::cause).doesNotContain(Cause.TLS_TRUST_FAILURE);

        CollectedEvidence denied = EvidenceFolder.read(fixtures.resolve("arr-flags-denied"));
        assertThat(denied.arrIgnoreFlags()).isNull();
        assertThat(denied.problems()).extracting(CollectedEvidence.CollectorProblem::reason)
                .anySatisfy(r -> assertThat(r).startsWith("winhttp-proxy: access denied reading HKLM\\SOFTWARE"));
        Diagnosis d3 = Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(name), denied, List.of()), DiagnosisOptions.defaults());
        assertThat(d3.findings()).extracting(Finding::cause).doesNotContain(Cause.TLS_TRUST_FAILURE);
    }

    @Test
    void revocationWrongUsageAndClientKeyCodesAreKnownTlsFailures() throws Exception {
        assertThat(Win32Status.of(12057).name()).isEqualTo("ERROR_WINHTTP_SECURE_CERT_REV_FAILED");
        assertThat(Win32Status.of(12170).name()).isEqualTo("ERROR_WINHTTP_SECURE_CERT_REVOKED");
        assertThat(Win32Status.of(12179).name()).isEqualTo("ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE");
        assertThat(Win32Status.of(12185).name()).isEqualTo("ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY");
        assertThat(Win32Status.of(12186).name()).isEqualTo("ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY");
        for (int c : new int[] {12057, 12170, 12179, 12185, 12186}) {
            assertThat(Win32Status.of(c).isTls()).as("%d", c).isTrue();
        }
        Diagnosis d = Diagnoser.diagnose(new Scenario().lines(100, "/a", 200, 0, 0, 10).lines(30, "/a", 502, 3, 12170, 15).evidence(dir),
                DiagnosisOptions.defaults());
        assertThat(d.top().cause()).isEqualTo(Cause.TLS_TRUST_FAILURE);
        assertThat(d.top().evidence()).anySatisfy(l -> assertThat(l).contains("12170 ERROR_WINHTTP_SECURE_CERT_REVOKED"));
    }
}
