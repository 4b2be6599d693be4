package dev.lodestar.system;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Where a lost database connection becomes 503 problem details ({@link DatabaseUnavailable}):
 * in Spring MVC before any other exception handler, in Camunda's {@code /engine-rest} (Jersey),
 * and around the whole filter chain, where the log-in of an HTTP Basic request or the loading
 * of a session meets the database first.
 */
@Configuration
class DatabaseUnavailableHandling {

	@Bean
	HandlerExceptionResolver databaseUnavailableResolver(ObjectMapper json) {
		return new MvcResolver(json);
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(ObjectMapper json) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException | RuntimeException ex) {
					if (!DatabaseUnavailable.causedBy(ex) || !DatabaseUnavailable.answer(request, response, ex, json)) {
						throw ex;
					}
				}
			}
		});
		// before Spring Session (MIN_VALUE + 50) and Spring Security (-100)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setName("databaseUnavailableFilter");
		return registration;
	}

	@Bean
	ResourceConfigCustomizer databaseUnavailableOnEngineRest() {
		return config -> config.register(TransactionExceptionMapper.class).register(DataAccessExceptionMapper.class);
	}

	static final class MvcResolver implements HandlerExceptionResolver, Ordered {

		private final ObjectMapper json;

		MvcResolver(ObjectMapper json) {
			this.json = json;
		}

		@Override
		public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			try {
				if (DatabaseUnavailable.causedBy(ex) && DatabaseUnavailable.answer(request, response, ex, json)) {
					return new ModelAndView();
				}
			}
			catch (IOException io) {
				return null;
			}
			return null;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/** {@code /engine-rest}: the engine could not open its transaction. */
	public static final class TransactionExceptionMapper implements ExceptionMapper<CannotCreateTransactionException> {

		@Override
		public Response toResponse(CannotCreateTransactionException ex) {
			return engineRest();
		}

	}

	/** {@code /engine-rest}: no connection to be had. */
	public static final class DataAccessExceptionMapper implements ExceptionMapper<DataAccessResourceFailureException> {

		@Override
		public Response toResponse(DataAccessResourceFailureException ex) {
			return engineRest();
		}

	}

	static Response engineRest() {
		return Response.status(503)
			.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
			.type("application/problem+json")
			.entity(DatabaseUnavailable.body("/engine-rest"))
			.build();
	}

}
