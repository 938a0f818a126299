package org.casestream.gateway.tokens;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the signing key, for every service that verifies the gateway's tokens. */
@RestController
public class JwksController {

    private final Map<String, Object> jwks;

    public JwksController(SigningKeys keys) {
        this.jwks = new JWKSet(new RSAKey.Builder(keys.publicKey())
                .keyID(keys.keyId())
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .build()).toJSONObject();
    }

    @Operation(summary = "The JSON Web Key Set the services verify access tokens with")
    @GetMapping("/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return jwks;
    }
}
