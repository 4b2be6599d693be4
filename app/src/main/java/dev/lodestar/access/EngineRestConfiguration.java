package dev.lodestar.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.system.JsonInputLimits;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Camunda's REST API as the starter registers it, with one change: its three catch-all exception
 * mappers (which answer a bad request with 500 and the exception's class) give way to
 * {@link EngineRestErrors}.
 */
@Configuration
class EngineRestConfiguration {

	private static final Set<Class<?>> REPLACED = Set.of(ExceptionHandler.class, ProcessEngineExceptionHandler.class,
			RestExceptionHandler.class, JsonParseExceptionHandler.class, JsonMappingExceptionHandler.class,
			JacksonConfigurator.class);

	@Bean
	CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
		return new LodestarJerseyResourceConfig();
	}

	/** A request body that could not be read as the call's JSON. */
	public static class UnreadableBody implements jakarta.ws.rs.ext.ExceptionMapper<com.fasterxml.jackson.core.JsonProcessingException> {

		@Override
		public jakarta.ws.rs.core.Response toResponse(com.fasterxml.jackson.core.JsonProcessingException ex) {
			return EngineRestErrors.answer(400, "InvalidRequest",
					"The request body is not valid JSON for this call: " + EngineRestErrors.clean(ex.getOriginalMessage()), null);
		}

	}

	/**
	 * Camunda's ObjectMapper for {@code /engine-rest} (its date format, unknown properties
	 * ignored) within {@link JsonInputLimits}: a variable {@code 1e999999999} or a text with NUL
	 * is refused while the body is read (400), like on Lodestar's own API.
	 */
	@Provider
	public static class LimitedJackson implements ContextResolver<ObjectMapper> {

		private final ObjectMapper mapper = JsonInputLimits
			.limit(JacksonConfigurator.configureObjectMapper(new ObjectMapper()));

		@Override
		public ObjectMapper getContext(Class<?> type) {
			return mapper;
		}

	}

	@ApplicationPath("/engine-rest")
	static class LodestarJerseyResourceConfig extends CamundaJerseyResourceConfig {

		@Override
		protected void registerCamundaRestResources() {
			registerClasses(CamundaRestResources.getResourceClasses());
			registerClasses(CamundaRestResources.getConfigurationClasses()
				.stream()
				.filter(type -> !REPLACED.contains(type))
				.collect(Collectors.toSet()));
			register(new EngineRestErrors());
			register(LimitedJackson.class);
			// a body that is no JSON, or JSON of the wrong shape: 400 in words, from one mapper only
			// (Camunda's and Jackson's own mappers for it would tie with it, and either could win)
			register(UnreadableBody.class);
			register(JacksonFeature.withoutExceptionMappers());
		}

	}

}
