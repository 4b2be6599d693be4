package dev.lodestar.system;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The names of a process's steps in the reader's language, for the diagrams that are only read
 * (task page, model page, heatmap): they draw these names over the model's own, which stays as it
 * is. Names are no secret: every signed-in user may read them.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Process texts")
class ProcessTextsController {

	private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

	private final ProcessTexts texts;

	ProcessTextsController(ProcessTexts texts) {
		this.texts = texts;
	}

	@GetMapping("/process-texts/{processKey}")
	@Operation(summary = "The step names of a process in the caller's language, by element id, with the English "
			+ "name each replaces; empty in English and for a process without translations")
	Map<String, ProcessTexts.StepLabel> stepLabels(@PathVariable String processKey, Locale locale) {
		if (!KEY.matcher(processKey).matches()) {
			throw new InvalidInputException("processKey", "is not a process key");
		}
		return texts.stepLabels(processKey, locale);
	}

}
