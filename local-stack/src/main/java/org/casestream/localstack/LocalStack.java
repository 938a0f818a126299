package org.casestream.localstack;

import org.casestream.localstack.infra.InfraCommand;
import org.casestream.localstack.jwt.KeysCommand;
import org.casestream.localstack.jwt.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The local stack's command line: {@code infra}, {@code token}, {@code keys}. Run by {@code ./casestream}. */
@Command(name = "local-stack",
        mixinStandardHelpOptions = true,
        description = "Casestream's local infrastructure (PostgreSQL, Kafka) and local JWTs, without Docker.",
        subcommands = {InfraCommand.class, TokenCommand.class, KeysCommand.class, HelpCommand.class})
public final class LocalStack implements Runnable {

    static {
        // Our logging configuration ships under its own name so that the jar never imposes a
        // logback.xml on the applications and tests that put it on their classpath.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/casestream/localstack/logback-local-stack.xml");
        }
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: infra, token or keys");
    }

    public static void main(String[] args) {
        // After SIGTERM, infra returns here while the shutdown hooks finish; exit() then simply
        // waits for them, and the JVM halts when they are done.
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }
}
