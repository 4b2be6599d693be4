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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.lodestar.system.ProcessApi;
import dev.lodestar.system.FormValues;
import dev.lodestar.system.WrittenNumbers;
import dev.lodestar.worklist.Caller;
import jakarta.validation.Valid;

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
	/** Types whose text parsing ({@code parseLong}, {@code valueOf(String)}, {@code new BigDecimal(String)}, {@code parse}) reads input. */
	private static final Set<Class<?>> PARSED = Set.of(Long.class, Integer.class, Short.class, Double.class, Float.class,
			Boolean.class, BigDecimal.class, BigInteger.class, Instant.class, LocalDate.class, LocalDateTime.class,
			OffsetDateTime.class, ZonedDateTime.class);

	private static final DescribedPredicate<JavaCall<?>> PARSES_TEXT = new DescribedPredicate<>(
			"parse text into a number, a yes/no or a date (parseLong, valueOf(String), new BigDecimal(String), parse)") {
		@Override
		public boolean test(JavaCall<?> call) {
			var target = call.getTarget();
			if (PARSED.stream().noneMatch(target.getOwner()::isEquivalentTo)) {
				return false;
			}
			var parameters = target.getRawParameterTypes();
			boolean fromText = !parameters.isEmpty() && (parameters.get(0).isAssignableTo(CharSequence.class)
					|| parameters.get(0).isEquivalentTo(char[].class));
			return fromText && (target.getName().startsWith("parse") || target.getName().equals("valueOf")
					|| target.getName().equals("<init>"));
		}
	};

	static final ArchRule ONE_WAY_TO_READ_FORM_VALUES = noClasses().that()
		.doNotHaveFullyQualifiedName(FormValues.class.getName())
		.and()
		.doNotHaveFullyQualifiedName(WrittenNumbers.class.getName())
		// reads the training material's own markdown (question numbers), not what a person sent
		.and()
		.doNotHaveFullyQualifiedName("dev.lodestar.rollout.KnowledgeCheck")
		.should()
		.callCodeUnitWhere(PARSES_TEXT)
		.because("form values, process variables and ids arrive as text, numbers, dates or booleans; "
				+ "dev.lodestar.system.FormValues reads them all one way (amounts as people write them, "
				+ "refusals naming the field), so a second parser cannot read 50,000 as 50");

	static final ArchRule REQUEST_BODIES_ARE_VALIDATED = methods().should(new ArchCondition<JavaMethod>(
			"validate each @RequestBody of an application type with @Valid") {
		@Override
		public void check(JavaMethod method, ConditionEvents events) {
			for (var parameter : method.getParameters()) {
				if (parameter.isAnnotatedWith(RequestBody.class)
						&& parameter.getRawType().getPackageName().startsWith("dev.lodestar")
						&& !parameter.isAnnotatedWith(Valid.class)) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " takes a @RequestBody " + parameter.getRawType().getSimpleName()
									+ " without @Valid"));
				}
			}
		}
	}).because("a request type states its rules as Bean Validation constraints and @Valid applies them, so a "
			+ "refusal is a 400 naming each field; no controller or service checks a body by hand");

	static final ArchRule ONE_REPOSITORY_PER_FILE = classes().that()
		.areAssignableTo(Repository.class)
		.and()
		.doNotHaveFullyQualifiedName(Repository.class.getName())
		.should(new ArchCondition<JavaClass>("be a top-level type in a file of its own name") {
			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				String file = repository.getSource().flatMap(source -> source.getFileName()).orElse("?");
				if (!repository.isTopLevelClass() || !file.equals(repository.getSimpleName() + ".java")) {
					events.add(SimpleConditionEvent.violated(repository,
							repository.getName() + " is declared in " + file));
				}
			}
		})
		.because("a repository is found by its name: one interface per file, named after it, as "
				+ "Repositories.java once held thirteen");

	private final JavaClasses production = ProductionClasses.get();

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

	@Test
	void formValuesAreReadOnlyByFormValues() {
		ONE_WAY_TO_READ_FORM_VALUES.check(production);
	}

	@Test
	void theFormValueRuleSeesAHandWrittenParser() {
		var parser = new ClassFileImporter().importClasses(HandParser.class);
		assertThat(ONE_WAY_TO_READ_FORM_VALUES.evaluate(parser).hasViolation()).isTrue();
		assertThat(ONE_WAY_TO_READ_FORM_VALUES.evaluate(parser).getFailureReport().getDetails()).hasSize(3);
	}

	@Test
	void everyRequestBodyOfAnApplicationTypeIsValidated() {
		REQUEST_BODIES_ARE_VALIDATED.check(production);
	}

	@Test
	void theRequestBodyRuleSeesAMissingValid() {
		var result = REQUEST_BODIES_ARE_VALIDATED.evaluate(new ClassFileImporter().importClasses(UncheckedBody.class));
		assertThat(result.getFailureReport().getDetails()).singleElement()
			.asString()
			.contains("UncheckedBody.unchecked(");
	}

	/** Form values read a second way, as LeadService, rollout's Values and the listeners once did. */
	static final class HandParser {

		long id(Object value) {
			return Long.parseLong(value.toString());
		}

		BigDecimal amount(String text) {
			return new BigDecimal(text);
		}

		boolean yes(Object value) {
			return Boolean.parseBoolean(String.valueOf(value));
		}

		Long fine(long value) {
			return Long.valueOf(value); // boxing, no parsing
		}

	}

	@Test
	void eachRepositoryHasAFileOfItsOwn() {
		ONE_REPOSITORY_PER_FILE.check(production);
	}

	@Test
	void theRepositoryRuleSeesRepositoriesSharingAFile() {
		var shared = new ClassFileImporter().importClasses(SharedFile.Customers.class, SharedFile.Leads.class);
		assertThat(ONE_REPOSITORY_PER_FILE.evaluate(shared).getFailureReport().getDetails()).hasSize(2)
			.allSatisfy(detail -> assertThat(detail).contains("is declared in OneWayPerConcernTest.java"));
	}

	/** Repositories sharing one file, as rollout's and insight's Repositories.java once did. */
	static final class SharedFile {

		interface Customers extends Repository<Object, Long> {
		}

		interface Leads extends Repository<Object, Long> {
		}

	}

	/** A view writing dates its own way, in the server's zone, as the rollout pages once did. */
	static final class LocalDates {

		String date(Instant instant) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(instant.atZone(ZoneId.systemDefault()));
		}

	}

	/** A request type taken without its constraints applied, beside one taken right. */
	static final class UncheckedBody {

		record Body(String name) {
		}

		void unchecked(@RequestBody Body body) {
		}

		void checked(@Valid @RequestBody Body body) {
		}

		void text(@RequestBody String csv) {
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
