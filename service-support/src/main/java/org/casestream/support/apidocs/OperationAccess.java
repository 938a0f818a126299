package org.casestream.support.apidocs;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.casestream.events.Channel;
import org.casestream.support.security.Caller;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Who may call an operation, read from the service's own security rules rather than written down a second time:
 * the filter chain's privilege evaluator is asked, for the operation's method and path, about a caller without
 * credentials and about each role in turn. So the document says what the service enforces, whatever its rules say.
 */
public final class OperationAccess {

    /** Every role a caller can have: people, channels (their API keys), and the services' own identities. */
    public static final List<String> ROLES = List.of("agent", "lead", "manager", "admin", "ops", Caller.CHANNEL_ROLE,
            Caller.ROUTING_ROLE, Caller.NOTIFICATION_ROLE);
    /** A path variable's stand-in when asking: any id a pattern accepts. */
    private static final String SAMPLE_ID = "00000000-0000-4000-8000-000000000000";
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    /** Asked for when the document is built: the filter chains exist by then. */
    private final Supplier<WebInvocationPrivilegeEvaluator> evaluators;

    public OperationAccess(Supplier<WebInvocationPrivilegeEvaluator> evaluators) {
        this.evaluators = evaluators;
    }

    /** What the rules allow: without credentials, and to which roles. */
    public record Access(boolean open, List<String> roles) {

        /** Anyone without credentials, and no role: a customer's signed link, which credentials would spoil. */
        public boolean anonymousOnly() {
            return open && roles.isEmpty();
        }

        public boolean channels() {
            return roles.contains(Caller.CHANNEL_ROLE);
        }

        public boolean bearer() {
            return roles.stream().anyMatch(role -> !role.equals(Caller.CHANNEL_ROLE));
        }
    }

    public Access of(String method, String pathTemplate) {
        WebInvocationPrivilegeEvaluator evaluator = evaluators.get();
        String uri = VARIABLE.matcher(pathTemplate).replaceAll(SAMPLE_ID);
        boolean open = evaluator.isAllowed("", uri, method, new AnonymousAuthenticationToken("api-docs", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        List<String> roles = ROLES.stream()
                .filter(role -> evaluator.isAllowed("", uri, method, caller(role)))
                .toList();
        return new Access(open, roles);
    }

    /**
     * A caller of this role as the services see one: a JWT with its roles claim (and, for a channel, the email
     * channel's, the one channel a rule singles out: raw mail is piped in by it alone).
     */
    private static Authentication caller(String role) {
        Jwt.Builder token = Jwt.withTokenValue("api-docs").header("alg", "RS256").subject("api-docs-" + role)
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(1))
                .claim(Caller.ROLES_CLAIM, List.of(role));
        if (role.equals(Caller.CHANNEL_ROLE)) {
            token.claim(Caller.CHANNEL_CLAIM, Channel.EMAIL.wire());
        }
        return new JwtAuthenticationToken(token.build(), AuthorityUtils.createAuthorityList("ROLE_" + role));
    }
}
