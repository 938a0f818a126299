package org.casestream.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseCommandApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseCommandApplication.class, args);
    }
}
