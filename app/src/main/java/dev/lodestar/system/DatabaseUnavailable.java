package dev.lodestar.system;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "The database cannot be reached": a request that fails because its connection could not be
 * opened, or was cut (the server restarting), answers 503 with problem details and a
 * {@code Retry-After}, not 500. Its transaction rolled back, so nothing of it was written.
 */
public final class DatabaseUnavailable {

	static final String DETAIL = "The database cannot be reached right now; nothing of this request was saved."
			+ " Try again in a moment.";

	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private DatabaseUnavailable() {
	}

	/** Whether {@code thrown}, or anything that caused it, says the database connection failed. */
	public static boolean causedBy(Throwable thrown) {
		Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
					|| cause instanceof java.net.SocketException || cause instanceof java.io.EOFException
					|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			// a connection the pool handed out and the server then cut: its rollback fails this way
			if (cause instanceof SQLException sql && (connectionState(sql.getSQLState())
					|| String.valueOf(sql.getMessage()).startsWith("Connection is closed"))) {
				return true;
			}
		}
		return false;
	}

	/** SQLSTATE class 08 (connection exception) and 57P01–57P03 (server shutting down, starting). */
	private static boolean connectionState(String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	/** Writes the 503 problem; false when the response is already on its way. */
	static boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable thrown,
			ObjectMapper json) throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		log.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(), rootMessage(thrown));
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body(request.getRequestURI()));
		return true;
	}

	static Map<String, Object> body(String instance) {
		return Map.of("type", "about:blank", "title", "Service Unavailable", "status", 503, "detail", DETAIL,
				"instance", instance);
	}

	private static String rootMessage(Throwable thrown) {
		Throwable root = thrown;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
