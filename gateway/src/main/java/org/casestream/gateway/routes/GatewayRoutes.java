package org.casestream.gateway.routes;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.POST;
import static org.springframework.web.servlet.function.RequestPredicates.param;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;

import org.casestream.support.web.CorrelationIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Which service answers which path, first match wins (the contract's table). Every route forwards the caller's
 * token (the API-key filter has already swapped a key for its channel token), the correlation id and the
 * X-Forwarded-* headers (the services' API documents are fetched by {@link ServiceApiDocs}). Responses stream
 * through as they come, so Server-Sent Events on /api/stream are not held back, and no read timeout applies (see
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(BackendProperties backends) {
        // the past is folded from the event store, which the command service holds: a case or the dashboard as of
        // an instant, and a case's history
        return to("command-history", backends.command(),
                        GET("/api/cases/{id}").and(param("asOf", value -> true))
                                .or(GET("/api/dashboard").and(param("asOf", value -> true)))
                                .or(GET("/api/cases/{id}/history")))
                .and(to("query", backends.query(),
                        GET("/api/cases").or(GET("/api/cases/**"))
                                .or(GET("/api/customers")).or(GET("/api/customers/**"))
                                .or(path("/api/dashboard/**"))
                                .or(path("/api/sla/**"))
                                .or(path("/api/analytics/**"))
                                .or(path("/api/saved-searches/**"))
                                .or(path("/api/stream"))
                                .or(GET("/api/agents")).or(GET("/api/agents/me"))
                                .or(path("/api/me/**"))
                                .or(path("/api/ops/replays/**"))
                                .or(path("/api/ops/dead-letters/**"))))
                .and(to("command", backends.command(),
                        path("/api/cases/**")
                                .or(path("/api/customers")).or(path("/api/customers/**"))
                                .or(path("/api/attachments")).or(path("/api/attachments/**"))
                                .or(path("/api/intake/**"))
                                .or(path("/api/agents/**"))
                                .or(path("/api/macros")).or(path("/api/macros/**"))
                                .or(path("/api/queues")).or(path("/api/queues/**"))
                                .or(path("/api/imports/**"))
                                .or(path("/api/audit/**"))
                                .or(path("/api/surveys/**"))))
                .and(to("routing", backends.routing(), path("/api/routing/**")))
                .and(to("notification", backends.notification(),
                        path("/api/webhooks/**")
                                .or(path("/api/notifications/**"))
                                .or(path("/api/notification-rules/**"))
                                .or(path("/api/notification-settings/**"))
                                .or(path("/api/mail/**"))));
    }

    private static RouterFunction<ServerResponse> to(String id, URI backend, RequestPredicate predicate) {
        return route(id)
                .route(predicate, http())
                .before(uri(backend))
                .before(GatewayRoutes::withCorrelationId)
                .after(removeResponseHeader(CorrelationIdFilter.HEADER))
                .build();
    }

    /** The id this gateway logs under (the caller's when it sent a sane one) goes on to the service. */
    private static ServerRequest withCorrelationId(ServerRequest request) {
        String id = CorrelationIdFilter.current(request.servletRequest());
        return ServerRequest.from(request).headers(headers -> headers.set(CorrelationIdFilter.HEADER, id)).build();
    }
}
