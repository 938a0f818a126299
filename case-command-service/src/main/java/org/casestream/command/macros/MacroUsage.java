package org.casestream.command.macros;

import java.time.Instant;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Timestamp;
import org.casestream.events.cases.MacroApplied;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Counts each use of a macro as its {@link MacroApplied} is stored: a subscribing processor (application.yml) runs
 * in the unit of work of the command that applied it, so the count and the case's events commit together, and a
 * failed count fails the command (errors propagate). Its count is what the event store says happened: every
 * MacroApplied of a macro, once.
 */
@Component
@ProcessingGroup(MacroUsage.PROCESSING_GROUP)
public class MacroUsage {

    public static final String PROCESSING_GROUP = "macro-usage";

    private final MacroLibrary library;

    public MacroUsage(MacroLibrary library) {
        this.library = library;
    }

    @EventHandler
    void on(MacroApplied applied, @Timestamp Instant at) {
        library.countUse(applied.macroId(), at);
    }

    @Configuration(proxyBeanMethods = false)
    static class ErrorsPropagate {

        @Bean
        ConfigurerModule macroUsageErrorsPropagate() {
            return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(PROCESSING_GROUP,
                    configuration -> PropagatingErrorHandler.instance());
        }
    }
}
