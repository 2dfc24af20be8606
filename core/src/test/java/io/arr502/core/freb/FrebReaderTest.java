package io.arr502.core.freb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrebReaderTest {
    static final Path SAMPLE = Path.of("../samples/incident/FailedReqLogFiles");
    static final Path RES = Path.of("src/test/resources/freb");

    @TempDir
    Path tmp;

    @Test
    void timeoutTraceShowsServerPhaseAndWin32() throws Exception {
        FrebTrace t = FrebReader.parse(SAMPLE.resolve("W3SVC1/fr000001.xml"));
        assertThat(t.statusCode()).isEqualTo("502.3");
        assertThat(t.win32()).isEqualTo(12002);
        assertThat(t.route()).isEqualTo("/api/reports/{id}");
        assertThat(t.webFarm()).isEqualTo("appFarm");
        assertThat(t.backendServer()).isEqualTo("app01.contoso.local");
        assertThat(t.failedPhase()).isEqualTo("ARR_RESPONSE_HEADERS");
        assertThat(t.phaseMillis()).isBetween(29_800L, 30_100L);
        assertThat(t.timeTakenMillis()).isBetween(29_800L, 30_100L);
        assertThat(t.errorDescription()).isEqualTo("The operation timed out");
        assertThat(t.started()).isEqualTo(Instant.parse("2026-11-24T14:02:11.250Z"));
        assertThat(t.truncated()).isFalse();
        assertThat(t.appPoolId()).isEqualTo("DefaultAppPool");
    }

    @Test
    void connectFailureFailsWhileSendingHeaders() throws Exception {
        FrebTrace t = FrebReader.parse(SAMPLE.resolve("W3SVC1/fr000004.xml"));
        assertThat(t.win32()).isEqualTo(12029);
        assertThat(t.failedPhase()).isEqualTo("ARR_REQUEST_HEADERS");
        assertThat(t.backendServer()).isEqualTo("app02.contoso.local");
        assertThat(FrebReader.parse(RES.resolve("tls-12175.xml")).win32()).isEqualTo(12175);
        assertThat(FrebReader.parse(RES.resolve("reset-12030.xml")).win32()).isEqualTo(12030);
    }

    @Test
    void folderAggregatesByServerRoutePhaseAndWindow() throws Exception {
        FrebSummary s = FrebReader.read(SAMPLE, null, null);
        assertThat(s.traces()).hasSize(8);
        assertThat(s.unreadable()).isEmpty();
        assertThat(s.count502_3ByRoute()).containsEntry("/api/reports/{id}", 7L).containsEntry("/api/orders/{id}", 1L);
        assertThat(s.count502_3ByPhase()).containsEntry("ARR_RESPONSE_HEADERS", 7L).containsEntry("ARR_REQUEST_HEADERS", 1L);
        assertThat(s.count502_3ByServer().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
        assertThat(s.longest()).hasSize(5).allSatisfy(t -> assertThat(t.win32()).isEqualTo(12002));
        assertThat(s.traces().get(0).started()).isAfter(s.traces().get(7).started());
        FrebSummary window = FrebReader.read(SAMPLE, Instant.parse("2026-11-24T14:10:00Z"), Instant.parse("2026-11-24T14:30:00Z"));
        assertThat(window.traces()).hasSize(4);
    }

    @Test
    void truncatedHostileAndForeignFilesAreReportedNotFatal() throws Exception {
        FrebTrace cut = FrebReader.parse(RES.resolve("truncated.xml"));
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.statusCode()).isEqualTo("502.3");
        assertThat(cut.backendServer()).isEqualTo("app01.contoso.local");
        assertThatThrownBy(() -> FrebReader.parse(RES.resolve("hostile.xml"))).isInstanceOf(FrebException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> FrebReader.parse(RES.resolve("nottrace.xml"))).isInstanceOf(FrebException.class)
                .hasMessageContaining("root <html>");

        Path dir = Files.createDirectories(tmp.resolve("W3SVC2"));
        Files.copy(RES.resolve("hostile.xml"), dir.resolve("fr000001.xml"));
        Files.copy(SAMPLE.resolve("W3SVC1/fr000002.xml"), dir.resolve("fr000002.xml"));
        Files.writeString(dir.resolve("fr000003.xml"), "");
        FrebSummary s = FrebReader.read(tmp, null, null);
        assertThat(s.traces()).hasSize(1);
        assertThat(s.unreadable()).hasSize(2).allSatisfy(p -> assertThat(p.reason()).doesNotContain("\n"));
    }

    @Test
    void moduleNameTellsArrFromTheAspNetCoreModuleAndThePhaseTellsConnectFromResponse() throws Exception {
        FrebTrace arr = FrebReader.parse(SAMPLE.resolve("W3SVC1/fr000001.xml"));
        assertThat(arr.module()).isEqualTo("ApplicationRequestRouting");
        assertThat(arr.producer()).isEqualTo(FrebTrace.Producer.ARR);
        assertThat(arr.failedWaitingForResponse()).isTrue();
        assertThat(arr.failedConnecting()).isFalse();

        FrebTrace ancm = FrebReader.parse(RES.resolve("producers/ancm-timeout-12002.xml"));
        assertThat(ancm.module()).isEqualTo("AspNetCoreModule");
        assertThat(ancm.producer()).isEqualTo(FrebTrace.Producer.ASPNET_CORE_MODULE);
        assertThat(ancm.win32()).isEqualTo(12002);
        assertThat(ancm.backendServer()).isNull();
        assertThat(ancm.failedPhase()).isNull();
        FrebTrace v2 = FrebReader.parse(RES.resolve("producers/ancm-connect-12029.xml"));
        assertThat(v2.producer()).isEqualTo(FrebTrace.Producer.ASPNET_CORE_MODULE);
        assertThat(v2.win32()).isEqualTo(12029);

        FrebTrace connect = FrebReader.parse(RES.resolve("producers/arr-connect-timeout-12002.xml"));
        assertThat(connect.win32()).isEqualTo(12002);
        assertThat(connect.failedConnecting()).isTrue();
        assertThat(connect.failedWaitingForResponse()).isFalse();
        assertThat(connect.backendServer()).isEqualTo("app02.contoso.local");
    }

    @Test
    void missingFolderIsAOneLineError() {
        assertThatThrownBy(() -> FrebReader.read(tmp.resolve("nope"), null, null)).isInstanceOf(FrebException.class)
                .hasMessageContaining("no such FREB file or folder");
    }
}
