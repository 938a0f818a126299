package org.casestream.localstack.jwt;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.casestream.localstack.HomeOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code token}: prints one JWT signed with the local key, and nothing else, on standard output. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a JWT (RS256, kid casestream-local) signed with <home>/jwt/private.pem.")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOption home;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "One of agent, lead, manager, admin, ops, channel, routing, notification.")
    private String role;

    @Option(names = "--user", paramLabel = "NAME", description = "Subject and name (default: the role's name).")
    private String user;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600", description = "Lifetime in seconds (default: 3600).")
    private long ttlSeconds;

    @Override
    public Integer call() {
        Role parsedRole;
        try {
            parsedRole = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (ttlSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--ttl must be positive, was " + ttlSeconds);
        }
        String token = LocalJwtIssuer.forHome(home.home()).mint(parsedRole, user, Duration.ofSeconds(ttlSeconds));
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
