package dev.lodestar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

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

	private final JavaClasses production = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.lodestar");

	@Test
	void theCallerIsOneType() {
		ONE_CALLER.check(production);
	}

}
