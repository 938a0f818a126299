package org.casestream.gateway.users;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.casestream.gateway.users.UserRequests.CreateUser;
import org.casestream.gateway.users.UserRequests.UpdateUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** User management for admins (the security configuration lets only role admin in). */
@RestController
public class AdminUserController {

    private final UserAdministration users;

    public AdminUserController(UserAdministration users) {
        this.users = users;
    }

    @Operation(operationId = "listUsers", summary = "Every user, without passwords")
    @GetMapping("/api/admin/users")
    public List<UserView> list() {
        return users.all();
    }

    @Operation(operationId = "createUser", summary = "Create a user (409 when the username is taken)")
    @PostMapping("/api/admin/users")
    public ResponseEntity<UserView> create(@Valid @RequestBody CreateUser request) {
        UserView created = users.create(request);
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @Operation(operationId = "updateUser",
            summary = "Change a user's display name, roles, password or disabled flag; disabling ends its sessions")
    @PatchMapping("/api/admin/users/{username}")
    public UserView update(@PathVariable String username, @Valid @RequestBody UpdateUser request) {
        return users.update(username, request);
    }
}
