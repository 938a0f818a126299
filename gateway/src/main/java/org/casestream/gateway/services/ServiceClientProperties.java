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

    /** Its secret, and the one role its tokens carry. */
    public record Client(String secret, String role) {

        @Override
        public String toString() {
            return "Client[role=" + role + "]";
        }
    }
}
