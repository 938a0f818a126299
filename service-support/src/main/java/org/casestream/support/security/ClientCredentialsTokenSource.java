package org.casestream.support.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * A service's own identity (routing's, the email channel's): its client id and secret buy a short-lived token at the
 * gateway's token endpoint (OAuth2 client credentials), kept until shortly before it expires. Works outside any web
 * request (Kafka consumers, timers, mailbox readers), which is why it is the client-service manager and not the
 * request-bound one.
 */
public final class ClientCredentialsTokenSource implements TokenSource {

    private static final String REGISTRATION = "casestream-gateway";
    /** A token is renewed this long before it expires, so a call never leaves with one about to. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizeRequest request;

    public ClientCredentialsTokenSource(String tokenUri, String clientId, String clientSecret, Clock clock) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .tokenUri(tokenUri)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(provider -> provider.clockSkew(RENEW_BEFORE).clock(clock))
                .build());
        request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(new AnonymousAuthenticationToken(clientId, clientId,
                        AuthorityUtils.createAuthorityList("ROLE_SERVICE")))
                .build();
    }

    @Override
    public String bearerToken() {
        OAuth2AuthorizedClient client = manager.authorize(request);
        if (client == null) {
            throw new IllegalStateException("the gateway issued no token for client " + request.getPrincipal().getName());
        }
        return client.getAccessToken().getTokenValue();
    }
}
