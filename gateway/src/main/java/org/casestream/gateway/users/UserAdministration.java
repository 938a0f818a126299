package org.casestream.gateway.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.casestream.gateway.tokens.Sessions;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes users; never leaves the platform without an enabled admin. */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final UserAccounts accounts;
    private final Sessions sessions;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserAdministration(UserAccounts accounts, Sessions sessions, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.encoder = encoder;
        this.clock = clock;
    }

    public List<UserView> all() {
        return accounts.all().stream().map(UserAccount::view).toList();
    }

    @Transactional
    public UserView create(UserRequests.CreateUser request) {
        Instant now = clock.instant();
        List<String> roles = request.roles().stream().distinct().toList();
        if (!accounts.insert(request.username(), request.displayName().strip(), encoder.encode(request.password()),
                roles, request.agentId(), now)) {
            throw new Conflict("username-taken", "A user with this username exists already");
        }
        log.info("User {} created with roles {}", request.username(), roles);
        return accounts.find(request.username()).orElseThrow().view();
    }

    @Transactional
    public UserView update(String username, UserRequests.UpdateUser request) {
        UserAccount current = accounts.find(username).orElseThrow(() -> new NotFound("No such user"));
        List<String> roles = request.roles() == null ? current.roles() : request.roles().stream().distinct().toList();
        boolean disabled = request.disabled() == null ? current.disabled() : request.disabled();
        boolean staysAdmin = roles.contains(PersonRoles.ADMIN) && !disabled;
        if (!staysAdmin && current.roles().contains(PersonRoles.ADMIN) && !current.disabled()
                && accounts.enabledAdminsOtherThan(username) == 0) {
            throw new Conflict("last-admin", "This is the last enabled admin; make another admin first");
        }
        UserAccount changed = new UserAccount(username,
                request.displayName() == null ? current.displayName() : request.displayName().strip(),
                request.password() == null ? current.passwordHash() : encoder.encode(request.password()),
                roles, disabled, current.failedLogins(), current.createdAt(), current.updatedAt(),
                request.agentId() == null ? current.agentId() : request.agentId());
        Instant now = clock.instant();
        accounts.update(changed, now);
        if (disabled && !current.disabled() || request.password() != null || !roles.equals(current.roles())
                || !java.util.Objects.equals(changed.agentId(), current.agentId())) {
            // old tokens carry the old roles or agent, or belong to someone who may no longer log in
            sessions.revokeAllOf(username, now);
        }
        log.info("User {} changed (roles {}, disabled {}, password changed {})", username, roles, disabled,
                request.password() != null);
        return accounts.find(username).orElseThrow().view();
    }
}
