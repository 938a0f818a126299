package org.casestream.gateway.tokens;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public halves of the signing keys not yet retired, by key id: the current one, the next one ahead of its
 * first signature, and the previous one while tokens it signed may still be valid.
 */
@RestController
public class JwksController {

    private final SigningKeyRing ring;

    public JwksController(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Operation(operationId = "jwks", summary = "The JSON Web Key Set the services verify access tokens with")
    @GetMapping("/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return ring.published().toJSONObject();
    }
}
