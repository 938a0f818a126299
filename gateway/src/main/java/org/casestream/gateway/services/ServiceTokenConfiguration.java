package org.casestream.gateway.services;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.casestream.gateway.tokens.SigningKeyRing;
import org.casestream.gateway.tokens.TokenProperties;
import org.casestream.support.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway is the issuer of service identities too: a service posts its client id and secret to
 * {@code /oauth2/token} (OAuth2 client credentials, Spring Authorization Server) and gets a short-lived token
 * signed by the same key ring, for the same audience, carrying the one role of that service. No service holds
 * the signing key. Only the token endpoint is served: no authorization code flow, no OpenID Connect.
 */
@Configuration(proxyBeanMethods = false)
class ServiceTokenConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain serviceTokenEndpoint(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        return http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> { })
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenProperties tokens) {
        return AuthorizationServerSettings.builder().issuer(tokens.issuer()).build();
    }

    /** The encoder signs with the ring's current key, the only one it is shown. */
    @Bean
    JWKSource<SecurityContext> serviceTokenSigningKey(SigningKeyRing ring) {
        return ring.signingKey();
    }

    @Bean
    RegisteredClientRepository serviceClients(ServiceClientProperties properties, PasswordEncoder encoder,
            TokenProperties tokens) {
        Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
        properties.serviceClients().forEach((clientId, client) -> {
            if (client.secret() == null || client.secret().isBlank()) {
                return;
            }
            clients.put(clientId, RegisteredClient.withId(clientId)
                    .clientId(clientId)
                    .clientSecret(encoder.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(client.role())
                    .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                            .accessTokenTimeToLive(tokens.serviceTokenTtl()).build())
                    .build());
        });
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                throw new UnsupportedOperationException("service clients come from configuration");
            }

            @Override
            public RegisteredClient findById(String id) {
                return clients.get(id);
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return clients.get(clientId);
            }
        };
    }

    /** A service token looks like every other token to the services: the audience, a name, its role in roles. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> serviceTokenClaims(ServiceClientProperties properties,
            TokenProperties tokens) {
        return context -> {
            if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            ServiceClientProperties.Client client = properties.serviceClients().get(clientId);
            context.getClaims()
                    .audience(List.of(tokens.audience()))
                    .id(UUID.randomUUID().toString())
                    .claim("name", clientId)
                    .claim(Caller.ROLES_CLAIM, List.of(client.role()));
            if (client.channel() != null && !client.channel().isBlank()) {
                context.getClaims().claim(Caller.CHANNEL_CLAIM, client.channel());
            }
        };
    }
}
