package org.casestream.support.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Every service's OpenAPI document the same way: who runs it, under which licence, where to call it (the gateway),
 * and the shared security schemes, problem answers and tags of {@link ApiDocsCustomizer}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDocument(ApiDocsProperties properties, @Value("${spring.application.name:casestream}") String service) {
        return new OpenAPI()
                .info(new Info().title("Casestream " + service + " API").version(properties.version())
                        .description("Part of the Casestream API. Every call goes through the gateway; errors are RFC "
                                + "9457 problem+json. Swagger UI: " + properties.publicUrl().resolve("/swagger-ui.html"))
                        .contact(new Contact().name(properties.contactName()).url(properties.contactUrl().toString()))
                        .license(new License().name(properties.licenceName()).url(properties.licenceUrl().toString())))
                .servers(List.of(new Server().url(properties.publicUrl().toString())
                        .description("the gateway (every call goes through it)")));
    }

    @Bean
    ApiDocsCustomizer apiDocsCustomizer(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        return new ApiDocsCustomizer(new OperationAccess(evaluator::getObject));
    }
}
