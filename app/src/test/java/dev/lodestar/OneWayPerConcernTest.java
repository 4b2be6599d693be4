package dev.lodestar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.TimeZone;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.ExceptionHandler;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import dev.lodestar.system.ProcessApi;
import dev.lodestar.worklist.Caller;

/**
 * One way per concern: each concern that the code once solved two to four ways is solved one way,
 * and a rule here keeps it so.
 */
class OneWayPerConcernTest {

	static final ArchRule ONE_CALLER = classes().that()
		.haveSimpleName("Caller")
		.should()
		.haveFullyQualifiedName(Caller.class.getName())
		.because("the signed-in user and their roles are one type, dev.lodestar.worklist.Caller "
				+ "(the lowest module that needs it); a second Caller drifts from the first");

	static final ArchRule ONE_WAY_TO_REFUSE = methods().that()
		.areAnnotatedWith(ExceptionHandler.class)
		.should()
		.beDeclaredInClassesThat()
		.resideInAPackage("dev.lodestar.system..")
		.because("a page refuses by throwing PageRefusedException (or a service's NotFoundException or "
				+ "AccessDeniedException), which PageErrorResolver renders as the error page in the reader's "
				+ "language, and an API's errors are ProblemDetailsAdvice's: no controller handles its own");

	static final ArchRule ONE_WAY_TO_WRITE_DATES = noClasses().that()
		.resideOutsideOfPackage("dev.lodestar.calendar..")
		.should()
		.callMethod(ZoneId.class, "systemDefault")
		.orShould()
		.callMethod(TimeZone.class, "getDefault")
		.orShould()
		.callMethod(DateTimeFormatter.class, "ofLocalizedDate", FormatStyle.class)
		.orShould()
		.callMethod(DateTimeFormatter.class, "ofLocalizedDateTime", FormatStyle.class)
		.orShould()
		.callMethod(DateTimeFormatter.class, "ofLocalizedDateTime", FormatStyle.class, FormatStyle.class)
		.orShould()
		.callMethod(DateTimeFormatter.class, "ofLocalizedTime", FormatStyle.class)
		.orShould()
		.callMethod(DateTimeFormatter.class, "ofPattern", String.class)
		.orShould()
		.callMethod(DateTimeFormatter.class, "ofPattern", String.class, Locale.class)
		.because("the server writes a date for people one way, dev.lodestar.calendar.Dates: in the reader's "
				+ "language and the company's zone (pages hand the browser <time datetime>, which lodestar.js "
				+ "shows in the reader's own zone); the JVM's default zone is nobody's");

	static final ArchRule ONE_STYLE_OF_PROCESS_GLUE = noClasses().should()
		.implement(JavaDelegate.class)
		.orShould()
		.implement(TaskListener.class)
		.orShould()
		.implement(ExecutionListener.class)
		.orShould()
		.beAnnotatedWith(ProcessApi.class)
		.because("a model reaches Java one way, a named @ProcessApi method of its module's glue bean "
				+ "(${leadTasks.qualified(task)}); no delegate or listener class named whole "
				+ "(processes/README.md, Java glue)");

	private final JavaClasses production = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.lodestar");

	@Test
	void theCallerIsOneType() {
		ONE_CALLER.check(production);
	}

	@Test
	void onlyTheSystemModuleHandlesExceptions() {
		ONE_WAY_TO_REFUSE.check(production);
	}

	@Test
	void theRuleSeesAControllersOwnExceptionHandler() {
		// were the rule blind (another annotation, another package test), it would pass on anything
		assertThat(ONE_WAY_TO_REFUSE.evaluate(new ClassFileImporter().importClasses(LocalHandler.class)).hasViolation())
			.isTrue();
	}

	@Test
	void datesAreWrittenForPeopleOneWay() {
		ONE_WAY_TO_WRITE_DATES.check(production);
	}

	@Test
	void theRuleSeesAClassFormattingItsOwnDates() {
		assertThat(ONE_WAY_TO_WRITE_DATES.evaluate(new ClassFileImporter().importClasses(LocalDates.class)).hasViolation())
			.isTrue();
	}

	@Test
	void processGlueIsNamedMethodsOnly() {
		ONE_STYLE_OF_PROCESS_GLUE.check(production);
	}

	@Test
	void theGlueRuleSeesADelegateClass() {
		assertThat(ONE_STYLE_OF_PROCESS_GLUE.evaluate(new ClassFileImporter().importClasses(LocalDelegate.class))
			.hasViolation()).isTrue();
	}

	@Test
	void noModelNamesADelegateWhole() throws IOException {
		try (var files = Files.list(Path.of("..", "processes"))) {
			var models = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
			assertThat(models).hasSizeGreaterThan(3);
			for (Path model : models) {
				assertThat(Files.readString(model)).as(model.toString())
					.doesNotContain("delegateExpression=")
					.doesNotContain("camunda:class=");
			}
		}
	}

	/** A delegate class, the style the models once used beside named methods. */
	static final class LocalDelegate implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			execution.setVariable("x", 1);
		}

	}

	/** A view writing dates its own way, in the server's zone, as the rollout pages once did. */
	static final class LocalDates {

		String date(Instant instant) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(instant.atZone(ZoneId.systemDefault()));
		}

	}

	/** A controller refusing its own way, as four page controllers once did. */
	static final class LocalHandler {

		@ExceptionHandler(IllegalStateException.class)
		String refuse() {
			return "some-forbidden-page";
		}

	}

}
