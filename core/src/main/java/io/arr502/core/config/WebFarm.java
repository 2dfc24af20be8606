package io.arr502.core.config;

import java.time.Duration;
import java.util.List;

/** A {@code webFarms/webFarm} with its servers, protocol (timeout), health check and load balancing. */
public record WebFarm(
        String name,
        boolean enabled,
        List<FarmServer> servers,
        ProxySettings protocol,
        HealthCheck healthCheck,
        String loadBalancingAlgorithm) {

    public record FarmServer(String address, boolean enabled, int httpPort, int httpsPort, int weight) {
    }

    public record HealthCheck(String url, Duration interval, Duration timeout, String statusCodeMatch,
                              String responseMatch, int minServers) {
    }
}
