package org.casestream.localstack;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --home} option shared by every subcommand; {@code $CASESTREAM_HOME} is its default. */
public final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR",
            defaultValue = "${env:CASESTREAM_HOME:-.casestream}",
            description = "State directory (default: $CASESTREAM_HOME, else ./.casestream).")
    private Path home;

    public CasestreamHome home() {
        return new CasestreamHome(home);
    }
}
