package io.arr502.core.win32;

import java.util.Map;
import java.util.Optional;

/**
 * What an {@code sc-win32-status} (or the low 16 bits of a FREB HRESULT) means on an ARR 502.3.
 * The table follows the WinHTTP error list and Microsoft's "Troubleshooting 502 errors in ARR";
 * see shared/docs/iis-arr-reference.md.
 */
public record Win32Status(int code, String name, String meaning, String nextStep) {

    private static final Map<Integer, Win32Status> KNOWN = Map.ofEntries(
            known(12002, "ERROR_WINHTTP_TIMEOUT", "timeout: backend slower than the ARR timeout",
                    "compare time-taken with the effective proxy/farm timeout; the backend log shows the request finishing (win32 64 = ARR gave up)"),
            known(12029, "ERROR_WINHTTP_CANNOT_CONNECT", "cannot connect: backend down, port closed or firewalled",
                    "TCP probe of the backend host:port; check the backend app pool and WAS events"),
            known(12030, "ERROR_WINHTTP_CONNECTION_ERROR", "connection aborted: reset mid-stream or TLS protocol mismatch",
                    "backend HTTPERR log (Connection_Dropped) and backend TLS settings"),
            known(12031, "ERROR_INTERNET_CONNECTION_RESET", "connection reset (WinInet code, not WinHTTP)",
                    "backend HTTPERR log (Connection_Dropped) and backend TLS settings"),
            known(12152, "ERROR_WINHTTP_INVALID_SERVER_RESPONSE", "invalid response: malformed or aborted backend response",
                    "network or WinHTTP trace of the backend exchange"),
            known(12175, "ERROR_WINHTTP_SECURE_FAILURE", "TLS/security failure: backend certificate not trusted, expired or wrong name",
                    "trust the backend CA on the proxy; check the backend certificate's dates and name"),
            known(12157, "ERROR_WINHTTP_SECURE_CHANNEL_ERROR", "TLS handshake failure",
                    "Schannel events; compare enabled protocols and ciphers on proxy and backend"),
            known(12044, "ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED", "backend requires a client certificate",
                    "set the proxy's clientCertHash"),
            known(12007, "ERROR_WINHTTP_NAME_NOT_RESOLVED", "backend name not resolved (DNS)",
                    "resolve the farm server's name from the proxy"),
            known(12037, "ERROR_WINHTTP_SECURE_CERT_DATE_INVALID", "backend certificate expired or not yet valid",
                    "renew the backend certificate"),
            known(12038, "ERROR_WINHTTP_SECURE_CERT_CN_INVALID", "backend certificate name does not match the host",
                    "use a certificate whose name matches the farm server address"),
            known(12045, "ERROR_WINHTTP_SECURE_INVALID_CA", "backend certificate issued by an untrusted CA",
                    "trust the backend CA on the proxy"),
            known(12169, "ERROR_WINHTTP_SECURE_INVALID_CERT", "backend certificate invalid",
                    "check the backend certificate"),
            // WinHTTP error list (MicrosoftDocs/win32 desktop-src/WinHttp/error-messages.md)
            known(12057, "ERROR_WINHTTP_SECURE_CERT_REV_FAILED", "revocation of the backend certificate could not be checked (revocation server offline)",
                    "let the proxy reach the CRL/OCSP locations in the backend certificate (certutil -urlfetch -verify)"),
            known(12170, "ERROR_WINHTTP_SECURE_CERT_REVOKED", "the backend certificate has been revoked",
                    "replace the backend certificate"),
            known(12179, "ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE", "the backend certificate is not valid for the requested usage (server authentication)",
                    "issue the backend a certificate with the Server Authentication EKU"),
            known(12185, "ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY", "the client certificate ARR presents has no private key",
                    "re-import the proxy's client certificate (clientCertHash) with its private key"),
            known(12186, "ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY", "ARR's process may not read the client certificate's private key",
                    "grant the application pool identity read access to that private key"),
            known(1236, "ERROR_CONNECTION_ABORTED", "the network connection was aborted by the local system: typically the client went away",
                    "a client abort (long polls, closed browsers), not a backend failure; compare with the route's normal duration"),
            known(64, "ERROR_NETNAME_DELETED", "the client (or ARR) went away before the response completed",
                    "on a backend: ARR gave up on this request; compare with the proxy's 12002 entries"),
            known(0, "ERROR_SUCCESS", "no error recorded", "none"));

    private static Map.Entry<Integer, Win32Status> known(int code, String name, String meaning, String next) {
        return Map.entry(code, new Win32Status(code, name, meaning, next));
    }

    /** The known meaning, or an entry that keeps the number and says it is not in the table. */
    public static Win32Status of(int code) {
        Win32Status s = KNOWN.get(code);
        return s != null ? s : new Win32Status(code, "WIN32_" + code, "win32 error " + code, "look the code up in the Windows error list");
    }

    public static Optional<Win32Status> known(int code) {
        return Optional.ofNullable(KNOWN.get(code));
    }

    /** FREB writes errors as decimal HRESULTs (2147954402 = 0x80072EE2); the win32 code is the low 16 bits. */
    public static int fromHresult(long hresult) {
        return (int) (hresult & 0xFFFF);
    }

    public boolean isTimeout() { return code == 12002; }
    public boolean isConnectFailure() { return code == 12029 || code == 12007; }
    public boolean isReset() { return code == 12030 || code == 12031 || code == 12152; }
    public boolean isTls() {
        return code == 12175 || code == 12157 || code == 12044 || code == 12037 || code == 12038 || code == 12045 || code == 12169
                || code == 12057 || code == 12170 || code == 12179 || code == 12185 || code == 12186;
    }
}
