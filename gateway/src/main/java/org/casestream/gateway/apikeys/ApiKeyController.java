package org.casestream.gateway.apikeys;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casestream.gateway.tokens.Secrets;
import org.casestream.support.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Channels' API keys, for admins: the key is shown once, at creation, and stored only as its hash. */
@RestController
public class ApiKeyController {

    static final String KEY_PREFIX = "cs_";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyController.class);

    private final ApiKeys keys;
    private final ChannelTokens channelTokens;
    private final Clock clock;

    public ApiKeyController(ApiKeys keys, ChannelTokens channelTokens, Clock clock) {
        this.keys = keys;
        this.channelTokens = channelTokens;
        this.clock = clock;
    }

    record CreateApiKey(@NotBlank @Size(max = 100) String name, @NotNull @ChannelName String channel) {
    }

    /** The one answer that holds the key. */
    record CreatedApiKey(UUID id, String name, String channel, String key, java.time.Instant createdAt) {
    }

    @Operation(operationId = "listApiKeys", summary = "Every API key (never the key itself)")
    @GetMapping("/api/admin/api-keys")
    public List<ApiKey> list() {
        return keys.all();
    }

    @Operation(operationId = "createApiKey",
            summary = "Create an API key for a channel; the key is in this answer only")
    @PostMapping("/api/admin/api-keys")
    public ResponseEntity<CreatedApiKey> create(@Valid @RequestBody CreateApiKey request,
            @AuthenticationPrincipal Jwt admin) {
        String secret = Secrets.generate(KEY_PREFIX);
        ApiKey key = new ApiKey(UUID.randomUUID(), request.name().strip(), request.channel(), admin.getSubject(),
                clock.instant(), null);
        keys.insert(key, Secrets.sha256(secret));
        log.info("API key {} for channel {} created by {}", key.id(), key.channel(), key.createdBy());
        return ResponseEntity.created(URI.create("/api/admin/api-keys/" + key.id()))
                .body(new CreatedApiKey(key.id(), key.name(), key.channel(), secret, key.createdAt()));
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key: requests with it are refused from now on")
    @DeleteMapping("/api/admin/api-keys/{id}")
    public ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal Jwt admin) {
        if (!keys.revoke(id, clock.instant())) {
            throw new NotFound("No such API key");
        }
        channelTokens.forget(id);
        log.info("API key {} revoked by {}", id, admin.getSubject());
        return ResponseEntity.noContent().build();
    }
}
