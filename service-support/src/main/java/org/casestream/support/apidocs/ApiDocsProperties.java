package org.casestream.support.apidocs;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service's OpenAPI document says about where and whose the API is ({@code casestream.api-docs.*}).
 *
 * @param publicUrl the gateway's public address, the document's server: every call goes through it
 *                  ({@code CASESTREAM_API_DOCS_PUBLIC_URL})
 */
@ConfigurationProperties("casestream.api-docs")
public record ApiDocsProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("v1") String version,
        @DefaultValue("Casestream") String contactName,
        @DefaultValue("https://casestream.org") URI contactUrl,
        @DefaultValue("Apache-2.0") String licenceName,
        @DefaultValue("https://www.apache.org/licenses/LICENSE-2.0") URI licenceUrl) {
}
