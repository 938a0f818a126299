package org.casestream.notification.settings;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.casestream.notification.platform.NotificationProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The {@link TargetGuard} with this platform's settings: whether private targets are allowed, whether https is required. */
@Component
public class TargetPolicy {

    private final BooleanSupplier allowPrivateTargets;
    private final boolean requireHttps;

    @Autowired
    public TargetPolicy(SettingsStore settings, NotificationProperties properties) {
        this(settings::allowPrivateTargets, properties.dispatch().requireHttps());
    }

    public TargetPolicy(BooleanSupplier allowPrivateTargets, boolean requireHttps) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.requireHttps = requireHttps;
    }

    /** Checked when a target is configured: the URL and every address its host resolves to now. */
    public Optional<String> refusal(String url) {
        return TargetGuard.refusal(url, allowPrivateTargets.getAsBoolean(), requireHttps);
    }

    /** Checked before each send; the addresses are checked where the connection is made. */
    public Optional<String> urlRefusal(String url) {
        return TargetGuard.urlRefusal(url, requireHttps);
    }

    public boolean allowPrivateTargets() {
        return allowPrivateTargets.getAsBoolean();
    }
}
