package org.casestream.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.casestream.gateway.audit.AuthAudit;
import org.casestream.gateway.audit.AuthEvent;
import org.casestream.support.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins require the second factor of admins and leads, and reset a person's (a lost phone). */
@RestController
public class SecondFactorAdminController {

    private final SecondFactor secondFactor;
    private final AuthAudit audit;

    public SecondFactorAdminController(SecondFactor secondFactor, AuthAudit audit) {
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    /** {@code secondFactorRequired}: admins and leads must log in with a TOTP code (enrolling at their next login). */
    public record SecuritySettings(@NotNull Boolean secondFactorRequired) {
    }

    @Operation(operationId = "getSecuritySettings",
            summary = "Whether admins and leads must log in with a second factor")
    @GetMapping("/api/admin/security-settings")
    public SecuritySettings settings() {
        return new SecuritySettings(secondFactor.required());
    }

    @Operation(operationId = "changeSecuritySettings",
            summary = "Require (or stop requiring) a second factor for admins and leads")
    @PutMapping("/api/admin/security-settings")
    public SecuritySettings change(@Valid @RequestBody SecuritySettings settings) {
        secondFactor.require(settings.secondFactorRequired());
        return settings();
    }

    @Operation(operationId = "resetSecondFactor", summary = "Remove a person's second factor: they enrol a new one")
    @DeleteMapping("/api/admin/users/{username}/second-factor")
    public ResponseEntity<Void> reset(@PathVariable String username, @AuthenticationPrincipal Jwt admin,
            HttpServletRequest http) {
        if (!secondFactor.reset(username)) {
            throw new NotFound("No user " + username);
        }
        audit.record(AuthEvent.Kind.SECOND_FACTOR_RESET, username, http.getRemoteAddr(), "by " + admin.getSubject());
        return ResponseEntity.noContent().build();
    }
}
