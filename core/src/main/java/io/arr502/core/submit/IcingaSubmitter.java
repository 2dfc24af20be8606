package io.arr502.core.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arr502.core.verdict.NagiosOutput;
import io.arr502.core.verdict.Perfdata;
import io.arr502.core.verdict.Verdict;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * Passive mode: posts a verdict to Icinga 2's {@code /v1/actions/process-check-result}, as an agent on
 * the IIS host would. The API user needs the permission {@code actions/process-check-result}.
 */
public final class IcingaSubmitter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param certName  the name the API certificate carries (Icinga's NodeName) when it differs from the URL host; null to check the URL host
     */
    public record Target(String apiUrl, String user, char[] password, Path caPem, String certName, String host, String service,
                         String checkSource, Duration timeout, boolean allowPlainHttp) {
        /** Over https only. */
        public Target(String apiUrl, String user, char[] password, Path caPem, String certName, String host, String service,
                      String checkSource, Duration timeout) {
            this(apiUrl, user, password, caPem, certName, host, service, checkSource, timeout, false);
        }

        @Override
        public String toString() {
            return "Target[" + io.arr502.core.probe.Redact.userinfo(apiUrl) + ", user " + user + " (password hidden), " + host + "!" + service + "]";
        }
    }

    private IcingaSubmitter() {
    }

    /** Returns a one-line confirmation; throws IOException with a one-line reason when Icinga does not accept it. */
    public static String submit(Verdict v, Target t) throws IOException {
        okhttp3.HttpUrl api = okhttp3.HttpUrl.parse(t.apiUrl().trim());
        if (api == null) {
            throw new IllegalArgumentException("--api-url is not an http(s) URL: " + io.arr502.core.probe.Redact.userinfo(t.apiUrl()));
        }
        if (!api.isHttps() && !t.allowPlainHttp()) {
            // basic auth over http is the password in clear text for anyone on the path
            throw new IllegalArgumentException("--api-url is plain http: the API password would cross the network in clear text "
                    + "(use https://, or --api-allow-http on a trusted loopback)");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "Service");
        body.put("filter", "host.name==\"" + escape(t.host()) + "\" && service.name==\"" + escape(t.service()) + "\"");
        body.put("exit_status", v.state().exitCode());
        StringBuilder out = new StringBuilder("ARR502 " + v.state() + " - " + NagiosOutput.clean(v.summary()));
        for (String line : v.longOutput()) {
            out.append('\n').append(NagiosOutput.clean(line));
        }
        body.put("plugin_output", out.toString());
        var perf = body.putArray("performance_data");
        v.perfdata().stream().map(Perfdata::format).forEach(perf::add);
        body.put("check_source", t.checkSource());

        OkHttpClient client = client(t);
        Request req = new Request.Builder().url(t.apiUrl().replaceAll("/+$", "") + "/v1/actions/process-check-result")
                .header("Accept", "application/json")
                .header("Authorization", Credentials.basic(t.user(), new String(t.password())))
                .post(RequestBody.create(JSON.writeValueAsBytes(body), MediaType.get("application/json"))).build();
        try (Response r = client.newCall(req).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (!r.isSuccessful()) {
                throw new IOException("Icinga API answered HTTP " + r.code() + answer(text, t));
            }
            if (text.contains("\"code\":404") || text.contains("No objects found")) {
                throw new IOException("Icinga has no service " + t.host() + "!" + t.service());
            }
            return "submitted to icinga2 (HTTP " + r.code() + ") as " + t.host() + "!" + t.service();
        } catch (SSLPeerUnverifiedException e) {
            throw new IOException("Icinga API certificate is not for " + (t.certName() != null ? t.certName() : "the URL host")
                    + " (use --api-cert-name)");
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static OkHttpClient client(Target t) throws IOException {
        OkHttpClient.Builder b = new OkHttpClient.Builder().callTimeout(t.timeout()).connectTimeout(t.timeout());
        if (t.caPem() != null) {
            try (InputStream in = Files.newInputStream(t.caPem())) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("icinga-ca-" + i++, c);
                }
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init(ks);
                X509TrustManager tm = (X509TrustManager) f.getTrustManagers()[0];
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new javax.net.ssl.TrustManager[]{tm}, null);
                b.sslSocketFactory(ctx.getSocketFactory(), tm);
            } catch (IOException e) {
                throw new IOException("cannot read the Icinga CA " + t.caPem() + ": " + e.getMessage());
            } catch (Exception e) {
                throw new IOException("cannot use the Icinga CA " + t.caPem() + ": " + e.getMessage());
            }
        }
        if (t.certName() != null) {
            // Icinga's API certificate names the node (CN), which need not be the address we connect to
            b.hostnameVerifier((host, session) -> {
                try {
                    X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
                    return leaf.getSubjectX500Principal().getName().matches("(?i)(^|.*,)CN=" + java.util.regex.Pattern.quote(t.certName()) + "(,.*|$)");
                } catch (SSLPeerUnverifiedException e) {
                    return false;
                }
            });
        }
        return b.build();
    }

    /**
     * What of an error answer may be shown: Icinga's own "status" text when the body is its JSON, otherwise the
     * start of the body; both capped and without credentials. A proxy or a reflecting endpoint can echo the
     * request's Authorization header, and a body can be megabytes.
     */
    static String answer(String text, Target t) {
        String said = text;
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(text);
            if (n != null && n.hasNonNull("status")) {
                said = n.get("status").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // an HTML page or plain text from something in between: shown filtered
        }
        String basic = Credentials.basic(t.user(), new String(t.password()));
        String shown = io.arr502.core.probe.Redact.response(said, 200, new String(t.password()), basic.substring("Basic ".length()));
        return shown.isEmpty() ? "" : ": " + shown;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
