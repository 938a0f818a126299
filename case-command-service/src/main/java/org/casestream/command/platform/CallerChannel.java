package org.casestream.command.platform;

import org.casestream.events.Channel;
import org.casestream.support.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The channel a channel's credentials speak for, never what its body says; a token that names none (the local
 * stack's) speaks for the configured default.
 */
@Component
public class CallerChannel {

    private final Channel defaultChannel;

    public CallerChannel(@Value("${casestream.intake.default-channel}") String defaultChannel) {
        this.defaultChannel = Channel.of(defaultChannel);
    }

    public Channel current() {
        Caller caller = Caller.current();
        return caller.channel() != null ? Channel.of(caller.channel()) : defaultChannel;
    }
}
