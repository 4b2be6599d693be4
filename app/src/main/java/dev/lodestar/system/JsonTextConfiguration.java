package dev.lodestar.system;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.Module;

/**
 * The application's ObjectMapper reads JSON within {@link JsonInputLimits}: text with a NUL
 * character and numbers too long or too large are refused at the edge of the JSON API (400
 * naming the field) instead of failing deep down as a server error or filling the heap.
 */
@Configuration
class JsonTextConfiguration {

	/** A Module bean: Spring Boot adds it to the application's ObjectMapper beside the others. */
	@Bean
	Module jsonInputLimits() {
		return JsonInputLimits.module();
	}

	/** The number length limit on the application's own factory (the module cannot set it). */
	@Bean
	Jackson2ObjectMapperBuilderCustomizer jsonNumberLength() {
		return builder -> builder.postConfigurer(
				mapper -> mapper.getFactory().setStreamReadConstraints(JsonInputLimits.constraints()));
	}

}
