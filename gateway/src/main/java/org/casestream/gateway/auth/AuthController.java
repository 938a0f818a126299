package org.casestream.gateway.auth;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casestream.gateway.audit.AuthAudit;
import org.casestream.gateway.audit.AuthEvent;
import org.casestream.gateway.http.WebProperties;
import org.casestream.gateway.tokens.TokenIssuer;
import org.casestream.gateway.tokens.TokenProperties;
import org.casestream.support.security.Caller;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Login, token refresh, logout and who-am-I for people. */
@RestController
public class AuthController {

    public static final String REFRESH_COOKIE = "casestream_refresh";
    private static final String COOKIE_PATH = "/api/auth";

    private final AuthService auth;
    private final SecondFactor secondFactor;
    private final AuthAudit audit;
    private final Duration refreshTtl;
    private final boolean secureCookies;
    private final LinkedAgent linkedAgent;

    AuthController(AuthService auth, SecondFactor secondFactor, AuthAudit audit, TokenProperties tokens,
            WebProperties web, LinkedAgent linkedAgent) {
        this.auth = auth;
        this.linkedAgent = linkedAgent;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.refreshTtl = tokens.refreshTokenTtl();
        this.secureCookies = web.secureCookies();
    }

    /** {@code totp}: the second factor's current code, for accounts that have one (or must enrol one). */
    record LoginRequest(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password,
                        @Pattern(regexp = "\\d{6}", message = "must be the 6 digits the authenticator app shows")
                        String totp) {

        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    record TotpCode(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6 digits the authenticator app shows")
                    String code) {
    }

    record RefreshRequest(@Size(max = 200) String refreshToken) {
    }

    @Operation(summary = "Log in with username and password; the refresh token also comes as an HttpOnly cookie")
    @ApiResponse(responseCode = "200", description = "The access token (and the refresh token)",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "401", description = "Wrong username, password or second-factor code, or a second "
            + "factor is needed")
    @ApiResponse(responseCode = "423", description = "Too many failed logins from this address: locked for it a while "
            + "(Retry-After)")
    @PostMapping("/api/auth/login")
    public ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return withCookie(auth.login(request.username(), request.password(), request.totp(), http.getRemoteAddr()));
    }

    @Operation(summary = "Exchange a refresh token (cookie or body) for new tokens; the old one stops working")
    @ApiResponse(responseCode = "200", description = "New tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "401", description = "The refresh token is unknown, expired, revoked or was used before")
    @PostMapping("/api/auth/refresh")
    public ResponseEntity<TokenResponse> refresh(@CookieValue(name = REFRESH_COOKIE, required = false) String cookie,
            @Valid @RequestBody(required = false) RefreshRequest request, HttpServletRequest http) {
        String token = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
        return withCookie(auth.refresh(token, http.getRemoteAddr()));
    }

    @Operation(summary = "End this login: its refresh tokens and this access token stop working")
    @PostMapping("/api/auth/logout")
    public ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
        auth.logout(jwt.getSubject(), jwt.getId(), jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM), jwt.getExpiresAt(),
                http.getRemoteAddr());
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    @Operation(summary = "Start enrolling a TOTP second factor: a secret for an authenticator app, confirmed with a code")
    @PostMapping("/api/auth/second-factor/enrolment")
    public SecondFactor.Enrolment enrolSecondFactor(@AuthenticationPrincipal Jwt jwt) {
        return secondFactor.enrol(jwt.getSubject()).orElseThrow(() -> new Conflict("second-factor-enrolled",
                "A second factor is already set up; an admin resets it to enrol another"));
    }

    @Operation(summary = "Confirm the enrolled second factor with a code: from now on every login needs one")
    @PostMapping("/api/auth/second-factor/confirmation")
    public ResponseEntity<Void> confirmSecondFactor(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TotpCode code,
            HttpServletRequest http) {
        if (!secondFactor.confirm(jwt.getSubject(), code.code())) {
            throw new InvalidRequest(List.of(new FieldError("code", "is not the current code of the enrolled secret")));
        }
        audit.record(AuthEvent.Kind.SECOND_FACTOR_ENABLED, jwt.getSubject(), http.getRemoteAddr(), null);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "whoAmI",
            summary = "Who the bearer token belongs to, and the agent they work as (skills, capacity, "
            + "availability, load) when their login is linked to one")
    @GetMapping("/api/auth/me")
    public TokenResponse.Me me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return new TokenResponse.Me(caller.subject(), caller.name(), List.copyOf(caller.roles()).stream().sorted().toList(),
                caller.agentId(), caller.agentId() == null ? null : linkedAgent.of(jwt));
    }

    private ResponseEntity<TokenResponse> withCookie(TokenResponse tokens) {
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(tokens.refreshToken(), refreshTtl).toString())
                .body(tokens);
    }

    /**
     * {@code Secure} by configuration, not by how this request arrived: behind a TLS-terminating proxy the gateway
     * sees plain http, and the cookie must still never travel without TLS. (Browsers treat http://localhost as
     * secure, so the local platform works with it too.)
     */
    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite("Strict")
                .path(COOKIE_PATH)
                .maxAge(maxAge)
                .build();
    }
}
