package org.casestream.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Routing: classifies, prioritises, sets SLAs and assigns cases by sending commands to the command service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingApplication.class, args);
    }
}
