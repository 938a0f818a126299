package org.casestream.localstack.jwt;

import java.util.concurrent.Callable;

import org.casestream.localstack.HomeOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keys}: makes sure the local JWT key pair exists; prints nothing. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Creates <home>/jwt/private.pem (PKCS#8) and public.pem (X.509) unless they exist.")
public final class KeysCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(KeysCommand.class);

    @Mixin
    private HomeOption home;

    @Override
    public Integer call() {
        LocalKeyPair.ensure(home.home().jwtDirectory());
        LOG.info("JWT public key: {}", home.home().jwtDirectory().resolve(LocalKeyPair.PUBLIC_KEY_FILE));
        return 0;
    }
}
