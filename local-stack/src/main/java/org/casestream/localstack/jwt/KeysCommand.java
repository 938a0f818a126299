package org.casestream.localstack.jwt;

import java.util.concurrent.Callable;

import org.casestream.localstack.HomeOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keys}: makes sure the local JWT key pair exists; prints nothing, logs only when it creates one. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Creates <home>/jwt/private.pem (PKCS#8) and public.pem (X.509) unless they exist.")
public final class KeysCommand implements Callable<Integer> {

    @Mixin
    private HomeOption home;

    @Override
    public Integer call() {
        LocalKeyPair.ensure(home.home().jwtDirectory());
        return 0;
    }
}
