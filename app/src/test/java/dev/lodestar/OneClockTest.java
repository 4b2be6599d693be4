package dev.lodestar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import dev.lodestar.system.EngineClock;

/**
 * One clock: the application reads the time only from {@link EngineClock} (the {@link Clock} bean,
 * which is the engine's clock), so a module's records and the engine's history of the same step
 * carry the same time, and only the demo moves it.
 */
class OneClockTest {

	private static final Set<Class<?>> TEMPORALS = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
			LocalTime.class, OffsetDateTime.class, ZonedDateTime.class, YearMonth.class, Year.class);

	/** {@code Instant.now()}, {@code LocalDate.now(zone)} and the like; {@code now(clock)} is fine. */
	private static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_TIME = new DescribedPredicate<>(
			"read the system time (now() without a clock, Clock.system*, System.currentTimeMillis, new Date())") {
		@Override
		public boolean test(JavaCall<?> call) {
			var target = call.getTarget();
			var owner = target.getOwner();
			var parameters = target.getRawParameterTypes();
			boolean nowWithoutClock = TEMPORALS.stream().anyMatch(owner::isEquivalentTo) && target.getName().equals("now")
					&& (parameters.isEmpty() || !parameters.get(0).isAssignableTo(Clock.class));
			boolean systemClock = owner.isEquivalentTo(Clock.class) && target.getName().startsWith("system");
			boolean millis = owner.isEquivalentTo(System.class) && target.getName().equals("currentTimeMillis");
			boolean newDate = owner.isEquivalentTo(Date.class) && target.getName().equals("<init>") && parameters.isEmpty();
			return nowWithoutClock || systemClock || millis || newDate;
		}
	};

	static final ArchRule NO_SECOND_CLOCK = noClasses().that()
		.doNotHaveFullyQualifiedName(EngineClock.class.getName())
		.should()
		.callCodeUnitWhere(READS_THE_SYSTEM_TIME)
		.because("time has one source, the Clock bean (dev.lodestar.system.EngineClock); "
				+ "measure elapsed time with System.nanoTime()");

	static final ArchRule CLOCK_UTIL_AT_HOME = noClasses().that()
		.doNotHaveFullyQualifiedName(EngineClock.class.getName())
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName(ClockUtil.class.getName())
		.because("the engine's clock has one home, dev.lodestar.system.EngineClock");

	static final ArchRule ONLY_THE_DEMO_MOVES_IT = noClasses().that()
		.resideOutsideOfPackage("dev.lodestar.demo..")
		.and()
		.doNotHaveFullyQualifiedName(EngineClock.class.getName())
		.should()
		.callMethod(EngineClock.class, "travelTo", Instant.class)
		.because("only the demo's seeding, before the web server opens, moves the clock");

	private final JavaClasses production = ProductionClasses.get();

	@Test
	void noClassButTheClocksHomeReadsTheSystemTime() {
		NO_SECOND_CLOCK.check(production);
	}

	@Test
	void noClassButTheClocksHomeTouchesTheEnginesClockUtil() {
		CLOCK_UTIL_AT_HOME.check(production);
	}

	@Test
	void onlyTheDemoMovesTheClock() {
		ONLY_THE_DEMO_MOVES_IT.check(production);
	}

	@Test
	void theRulesSeeEveryWayOfReadingTheTime() {
		// were the predicates blind (a renamed method, another owner), the rules above would pass on anything
		var offenders = new ClassFileImporter().importClasses(SecondClocks.class, ClockUtilReader.class);
		assertThat(NO_SECOND_CLOCK.evaluate(offenders).getFailureReport().getDetails()).hasSize(9);
		assertThat(CLOCK_UTIL_AT_HOME.evaluate(offenders).hasViolation()).isTrue();
		assertThat(NO_SECOND_CLOCK.evaluate(new ClassFileImporter().importClasses(ClockReader.class)).hasViolation())
			.isFalse();
	}

	/** Nine ways of reading the system time, each one a violation. */
	static final class SecondClocks {

		Object[] read() {
			return new Object[] { Instant.now(), LocalDate.now(), LocalDateTime.now(), OffsetDateTime.now(),
					ZonedDateTime.now(), YearMonth.now(java.time.ZoneOffset.UTC), System.currentTimeMillis(), new Date(),
					Clock.systemUTC() };
		}

	}

	static final class ClockUtilReader {

		Date read() {
			return ClockUtil.getCurrentTime();
		}

	}

	/** Reading the time from a clock is the one way. */
	static final class ClockReader {

		Object[] read(Clock clock) {
			return new Object[] { Instant.now(clock), LocalDate.now(clock), YearMonth.now(clock), clock.instant(),
					new Date(clock.millis()) };
		}

	}

}
