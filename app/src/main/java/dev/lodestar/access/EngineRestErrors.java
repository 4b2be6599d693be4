package dev.lodestar.access;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import dev.lodestar.system.ConcurrentChange;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every error of {@code /engine-rest} in one place, replacing Camunda's own exception mappers:
 * the body is Camunda's shape ({@code type}, {@code message}; Camunda Modeler shows the message)
 * but never names an exception class nor carries a stack trace.
 * <ul>
 * <li>A Lodestar rule refused the work (a task listener's {@link InvalidInputException} → 400 with
 * the fields, {@link ConflictException} → 409, {@link NotFoundException} → 404), an
 * authorization → 403.</li>
 * <li>Somebody else changed the same thing at the same moment ({@link ConcurrentChange}: a task
 * claimed or completed a moment ago, the engine's optimistic lock, a unique key) → 409.</li>
 * <li>What Camunda itself judges a client error keeps its status (400, 404, 403, ...).</li>
 * <li>The process failing on the request's data (a variable missing or of the wrong type makes a
 * delegate or expression fail: {@code POST .../start {}}) → 400.</li>
 * <li>A model refused by the engine's parse or by Lodestar's check (a {@code ParseException}) → 400
 * with its problems per resource ({@code details}, element ids included).</li>
 * <li>Anything else → 500 with a reference to the server log, nothing more.</li>
 * </ul>
 */
@Provider
class EngineRestErrors implements ExceptionMapper<Throwable> {

	private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

	@Override
	public Response toResponse(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException invalid) {
				return answer(400, "InvalidInput", invalid.getMessage(), invalid.errors());
			}
			if (cause instanceof ConflictException) {
				return answer(409, "Conflict", cause.getMessage(), null);
			}
			if (cause instanceof NotFoundException) {
				return answer(404, "NotFound", cause.getMessage(), null);
			}
			if (cause instanceof AccessDeniedException || cause instanceof AuthorizationException) {
				return answer(403, "Forbidden", cause.getMessage(), null);
			}
		}
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof ParseException parse) {
				return refusedModel(parse);
			}
		}
		if (ConcurrentChange.in(thrown)) {
			// a second claim or completion of the same task, two writes of one row at once
			return answer(409, "Conflict", ConcurrentChange.MESSAGE, null);
		}
		int status = status(thrown);
		if (status >= 500 && causedByTheRequestsData(thrown)) {
			log.info("engine-rest: the process could not run with the request's data", thrown);
			return answer(400, "InvalidRequest", "The process could not run with the data of this request: a variable "
					+ "it needs is missing or has the wrong type.", null);
		}
		if (status >= 500) {
			String reference = UUID.randomUUID().toString();
			log.error("engine-rest: server error, reference {}", reference, thrown);
			return answer(status, "ServerError", "The server could not handle this request (reference " + reference
					+ " in the server log).", null);
		}
		return answer(status, kind(status), clean(thrown.getMessage()), null);
	}

	/**
	 * A model the engine or Lodestar's check refused (README, Security model): 400 with every
	 * problem per resource in Camunda's {@code details} shape, which Camunda Modeler lists with
	 * the element of each.
	 */
	private static Response refusedModel(ParseException parse) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (ResourceReport report : parse.getResorceReports()) {
			details.put(report.getResourceName(),
					Map.of("errors", report.getErrors().stream().map(EngineRestErrors::problem).toList(), "warnings",
							report.getWarnings().stream().map(EngineRestErrors::problem).toList()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "InvalidRequest");
		body.put("message", clean(parse.getMessage()));
		body.put("details", details);
		return Response.status(400).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	private static Map<String, Object> problem(Problem problem) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("message", problem.getMessage());
		shown.put("line", problem.getLine());
		shown.put("column", problem.getColumn());
		shown.put("mainElementId", problem.getMainElementId());
		shown.put("elementIds", problem.getElementIds());
		return shown;
	}

	private static int status(Throwable thrown) {
		if (thrown instanceof WebApplicationException web) {
			return web.getResponse().getStatus();
		}
		return ExceptionHandlerHelper.getInstance().getStatus(thrown).getStatusCode();
	}

	/** A failure in process code on bad data, not a failing database or a bug in the engine. */
	private static boolean causedByTheRequestsData(Throwable thrown) {
		boolean data = false;
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException || cause.getClass().getName().startsWith("org.apache.ibatis")
					|| cause instanceof org.springframework.dao.DataAccessException) {
				return false;
			}
			if (cause instanceof ProcessEngineException || cause instanceof NullPointerException
					|| cause instanceof ClassCastException || cause instanceof IllegalArgumentException
					|| cause.getClass().getName().startsWith("org.camunda.bpm.impl.juel")
					|| cause.getClass().getName().startsWith("jakarta.el")) {
				data = true;
			}
		}
		return data;
	}

	/** Camunda's messages sometimes quote a Java class (a cause's toString): keep the words only. */
	static String clean(String message) {
		if (message == null || message.isBlank()) {
			return "The request was refused.";
		}
		return message.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*)?", "")
			.strip();
	}

	private static String kind(int status) {
		return switch (status) {
			case 400 -> "InvalidRequest";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "NotFound";
			case 409 -> "Conflict";
			default -> status < 500 ? "ClientError" : "ServerError";
		};
	}

	static Response answer(int status, String type, String message, List<InvalidInputException.FieldError> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		if (errors != null) {
			body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

}
