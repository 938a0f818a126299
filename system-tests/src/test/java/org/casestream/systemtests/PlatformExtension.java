package org.casestream.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives test classes the one {@link Platform} of this JVM: started by the first class that asks, kept in the root
 * context's store (so every class shares it) and closed, i.e. {@code ./casestream down}, when the whole run ends.
 * A start that failed is remembered, so later classes fail at once instead of starting it again.
 * Use {@code @ExtendWith(PlatformExtension.class)} and take a {@code Platform} parameter. A failed test prints the
 * platform's {@linkplain Platform#diagnosis() diagnosis} to the test log, where CI's output keeps it.
 */
public final class PlatformExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    /** The started platform, or the reason it could not start. */
    private record Started(Platform platform, RuntimeException failure) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (platform != null) {
                platform.close();
            }
        }
    }

    public static Platform platform(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, key -> {
            try {
                return new Started(Platform.start(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }, Started.class);
        if (started.failure() != null) {
            throw new IllegalStateException("The platform did not start", started.failure());
        }
        return started.platform();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Started started = context.getRoot().getStore(NAMESPACE).get(Started.class, Started.class);
        if (started != null && started.platform() != null) {
            LOG.error("{} failed. {}", context.getDisplayName(), started.platform().diagnosis());
        }
    }
}
