package dev.lodestar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.scheduling.annotation.Scheduled;

import com.tngtech.archunit.core.domain.JavaClasses;

import jakarta.servlet.Filter;

class ModularityTests {

	private static final String DEMO = "dev.lodestar.demo..";

	private final JavaClasses production = ProductionClasses.get();

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		ApplicationModules.of(LodestarApplication.class).verify();
	}

	@Test
	void theDemoSitsOnTheTopFloorNoModuleImportsIt() {
		noClasses().that()
			.resideOutsideOfPackage(DEMO)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(DEMO)
			.because("the demo uses the domain, never the other way round: production runs without it")
			.check(production);
	}

	@Test
	void theDemoHoldsNoRequestFilterAndNoScheduledJob() {
		noClasses().that()
			.resideInAPackage(DEMO)
			.should()
			.beAssignableTo(Filter.class)
			.because("no request may wait for the demo")
			.check(production);
		noMethods().that()
			.areDeclaredInClassesThat()
			.resideInAPackage(DEMO)
			.should()
			.beAnnotatedWith(Scheduled.class)
			.because("the demo is seeded once, at start-up")
			.check(production);
	}

}
