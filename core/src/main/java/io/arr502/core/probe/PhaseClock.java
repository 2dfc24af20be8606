package io.arr502.core.probe;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;

/** OkHttp's own phase events, recorded as offsets from the call start (not timed by hand around the call). */
final class PhaseClock extends EventListener {
    private long start;
    volatile long dnsStart = -1, dnsEnd = -1, connectStart = -1, connectEnd = -1, tlsStart = -1, tlsEnd = -1,
            headersStart = -1, end = -1;

    private long now() {
        return System.nanoTime();
    }

    @Override
    public void callStart(Call call) {
        start = now();
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = now();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> list) {
        dnsEnd = now();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress addr, Proxy proxy) {
        connectStart = now();
    }

    @Override
    public void secureConnectStart(Call call) {
        tlsStart = now();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        tlsEnd = now();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress addr, Proxy proxy, Protocol protocol) {
        connectEnd = now();
    }

    @Override
    public void responseHeadersStart(Call call) {
        headersStart = now();
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        if (headersStart < 0) {
            headersStart = now();
        }
    }

    @Override
    public void callEnd(Call call) {
        end = now();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
        end = now();
    }

    private long span(long a, long b) {
        return a < 0 || b < 0 ? -1 : (b - a) / 1_000_000;
    }

    ProbeResult.PhaseTimings timings() {
        long stop = end < 0 ? now() : end;
        return new ProbeResult.PhaseTimings(span(dnsStart, dnsEnd), span(connectStart, tlsStart >= 0 ? tlsStart : connectEnd),
                span(tlsStart, tlsEnd), span(start, headersStart), (stop - start) / 1_000_000);
    }

    /** Where a call that timed out was waiting, completing "timed out after N ms …". */
    String phase(String where) {
        if (dnsStart >= 0 && dnsEnd < 0) {
            return "resolving the host name";
        }
        if (connectStart < 0 && dnsEnd < 0) {
            return "before connecting to " + where;
        }
        if (tlsStart >= 0 && tlsEnd < 0) {
            return "in the TLS handshake with " + where;
        }
        if (connectEnd < 0 && tlsStart < 0) {
            return "connecting to " + where;
        }
        if (headersStart < 0) {
            return "waiting for response headers";
        }
        return "reading the response body";
    }
}
