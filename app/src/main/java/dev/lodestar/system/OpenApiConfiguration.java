package dev.lodestar.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API document at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

	@Bean
	OpenAPI lodestarApi() {
		return new OpenAPI()
			.info(new Info().title("Lodestar API")
				.version("v1")
				.description("CRM processes and the CRM rollout, run by BPMN. Errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
