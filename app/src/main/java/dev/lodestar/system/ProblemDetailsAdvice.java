package dev.lodestar.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error of the JSON API as RFC 9457 problem details. Invalid input names each field in
 * an {@code errors} array of {@code {field, message}}; concurrent changes are 409.
 */
@RestControllerAdvice(basePackages = "dev.lodestar")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> errors.add(new InvalidInputException.FieldError(error.getField(),
					error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new InvalidInputException.FieldError(error.getObjectName(),
					error.getDefaultMessage())));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
			String message = "has an unreadable value";
			if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
					&& format.getTargetType().isEnum()) {
				message = "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants());
			}
			else if (mapping instanceof InvalidFormatException format && format.getTargetType() == String.class) {
				// the same words as the form's own rule, in the reader's language
				message = getMessageSource() == null ? "must not contain a NUL character"
						: getMessageSource().getMessage("platform.validation.nul", null, "must not contain a NUL character",
								request.getLocale());
			}
			else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
				message = "must be a valid " + format.getTargetType().getSimpleName();
			}
			return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInputException.FieldError(field, message))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not readable JSON of the expected shape.");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(ex.errors());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		return invalid(InvalidInputException.of(ex.getConstraintViolations()).errors());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler({ ConflictException.class, TaskAlreadyClaimedException.class, OptimisticLockingException.class,
			ConcurrencyFailureException.class })
	ProblemDetail conflict(RuntimeException ex) {
		if (ex instanceof ConflictException conflict) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
			problem.setTitle(conflict.title());
			conflict.properties().forEach(problem::setProperty);
			return problem;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Somebody else changed this at the same moment; reload and try again.");
		problem.setTitle("Conflict");
		return problem;
	}

	/** A page's refusal reaching an API handler: the same status, as problem details. */
	@ExceptionHandler(PageRefusedException.class)
	ProblemDetail refused(PageRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(ex.status());
		problem.setTitle(ex.status().getReasonPhrase());
		return problem;
	}

	/**
	 * The engine's failure to write what somebody else wrote at the same moment (a unique key,
	 * a lock) reaches here as a plain engine or data-access exception: 409 like the others.
	 */
	@ExceptionHandler({ ProcessEngineException.class, DataAccessException.class })
	ProblemDetail concurrentChange(RuntimeException ex) {
		if (!ConcurrentChange.in(ex)) {
			throw ex;
		}
		return conflict(ex);
	}

	/** A refusal that names its reason (four eyes on a model change): 403 with that reason. */
	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbiddenWithReason(ForbiddenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this.");
		problem.setTitle("Forbidden");
		return problem;
	}

	static ProblemDetail invalid(List<InvalidInputException.FieldError> errors) {
		var sorted = errors.stream().sorted(Comparator.comparing(InvalidInputException.FieldError::field)).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid input: " + sorted.stream().map(InvalidInputException.FieldError::field).distinct()
					.collect(Collectors.joining(", ")));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", sorted.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		return problem;
	}

}
