package dev.lodestar.access;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.system.JsonInputLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every JSON body sent to Camunda's REST API ({@code /engine-rest}) and to the web apps' copy of
 * it (Tasklist's, Cockpit's and Admin's {@code /camunda/api}) is checked against
 * {@link JsonInputLimits} before Camunda reads it: a number beyond 10^100 (such as
 * {@code 1e999999999}, which Camunda reads untyped as an infinite {@code Double}) or text with a
 * NUL answers 400 naming where it is, in the error shape of Camunda's API. The web apps build
 * their own Jersey application with Camunda's ObjectMapper, which Lodestar cannot configure, so
 * the check runs in front of it, on the body's tokens only.
 */
@Configuration
class EngineJsonLimits {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> engineJsonLimitsFilter(ObjectMapper json) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String type = request.getContentType();
				if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
					chain.doFilter(request, response);
					return;
				}
				byte[] body = request.getInputStream().readAllBytes();
				String problem = body.length == 0 ? null : JsonInputLimits.problemIn(body);
				if (problem != null) {
					response.setStatus(400);
					response.setContentType("application/json");
					response.setCharacterEncoding("UTF-8");
					var answer = new java.util.LinkedHashMap<String, Object>();
					answer.put("type", "InvalidRequest"); // no exception names on /engine-rest (EngineRestErrors)
					answer.put("message", "The request body is refused: " + problem);
					json.writeValue(response.getOutputStream(), answer);
					return;
				}
				chain.doFilter(new ReadAgain(request, body), response);
			}

		});
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setName("engineJsonLimits");
		// after Spring Security (a stranger still hears 401), before Camunda's filters and Jersey
		registration.setOrder(0);
		return registration;
	}

	/** The request, its body read once already. */
	private static final class ReadAgain extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadAgain(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
