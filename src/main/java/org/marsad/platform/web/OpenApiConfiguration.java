package org.marsad.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI marsadOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Marsad API").version("v1")
                        .description("Integrated migration information system. Reads are public; writes need a personal "
                                + "access token (Account > Personal access tokens) sent as `Authorization: Bearer mrs_…`. "
                                + "Lists are paged (page from 0, size up to 200); errors are RFC 9457 problem details "
                                + "with field-level `errors`; texts are `{fr, ar, en}`.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("mrs_…")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
