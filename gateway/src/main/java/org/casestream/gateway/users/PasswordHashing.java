package org.casestream.gateway.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored with Spring Security's delegating encoder: bcrypt today, each hash prefixed with its
 * algorithm ({@code {bcrypt}...}) so a stronger default later can still check the old hashes.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
