package org.casestream.gateway.services;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services that call other services, by client id: each authenticates with its own secret (from the
 * environment) and gets short-lived tokens with its own role. A client without a secret is not registered.
 */
@ConfigurationProperties("casestream.gateway")
public record ServiceClientProperties(Map<String, Client> serviceClients) {

    public ServiceClientProperties {
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }

    /**
     * Its secret, the one role its tokens carry and, for a service that passes on what a channel received (the
     * notification service's mail), the channel its tokens speak for ({@code channel} claim, as a channel's API key
     * token has); none otherwise.
     */
    public record Client(String secret, String role, String channel) {

        @Override
        public String toString() {
            return "Client[role=" + role + ", channel=" + channel + "]";
        }
    }
}
