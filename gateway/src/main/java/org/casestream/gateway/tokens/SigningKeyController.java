package org.casestream.gateway.tokens;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins see the signing keys and rotate them; the private halves never leave the gateway. */
@RestController
public class SigningKeyController {

    private final SigningKeyRing ring;
    private final Clock clock;

    public SigningKeyController(SigningKeyRing ring, Clock clock) {
        this.ring = ring;
        this.clock = clock;
    }

    /** One key as admins see it: when it was made, signs from, retires at, and whether it signs now. */
    public record KeyView(String kid, Instant createdAt, Instant activatesAt, Instant retiresAt, boolean signing,
                          boolean published) {
    }

    @Operation(operationId = "listSigningKeys",
            summary = "The token signing keys, newest first: which signs now, which is published ahead, which retire")
    @GetMapping("/api/admin/signing-keys")
    public List<KeyView> keys() {
        String signing = ring.current().getKeyID();
        Instant now = clock.instant();
        return ring.keys().stream().sorted(Comparator.comparing(SigningKeyRing.RingKey::activatesAt).reversed())
                .map(key -> view(key, signing, now)).toList();
    }

    @Operation(operationId = "rotateSigningKeys",
            summary = "Rotate: publish a new key now; it signs once every service has had time to fetch it, and "
            + "the key it replaces retires when no token it signed is still valid")
    @PostMapping("/api/admin/signing-keys/rotations")
    public ResponseEntity<KeyView> rotate() {
        SigningKeyRing.RingKey added = ring.rotate();
        return ResponseEntity.created(URI.create("/api/admin/signing-keys"))
                .body(view(added, ring.current().getKeyID(), clock.instant()));
    }

    private static KeyView view(SigningKeyRing.RingKey key, String signing, Instant now) {
        return new KeyView(key.kid(), key.createdAt(), key.activatesAt(), key.retiresAt(), key.kid().equals(signing),
                key.retiresAt() == null || key.retiresAt().isAfter(now));
    }
}
