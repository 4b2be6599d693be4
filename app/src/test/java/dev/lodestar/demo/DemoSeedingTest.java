package dev.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;

import dev.lodestar.system.EngineClock;

/** The demo is seeded part by part, in order, before the web server starts, and leaves the clock at the real time. */
class DemoSeedingTest {

	static final List<String> seeded = new ArrayList<>();

	@Test
	void seedsBeforeTheWebServerStarts() {
		// Spring Boot starts the web server one step after its graceful-shutdown phase
		assertThat(DemoSeeding.PHASE).isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024);
	}

	@Test
	void seedsThePartsInTheirOrderAndPutsTheClockBackAtTheRealTime() {
		seeded.clear();
		var factory = new DefaultListableBeanFactory();
		factory.setDependencyComparator(AnnotationAwareOrderComparator.INSTANCE);
		factory.registerSingleton("later", new Later());
		factory.registerSingleton("first", new First());
		var seeding = new DemoSeeding(factory.getBeanProvider(DemoData.class));

		seeding.start();

		assertThat(seeded).containsExactly("first at 2020-01-01T08:00:00Z", "later");
		assertThat(seeding.isRunning()).isTrue();
		assertThat(Duration.between(EngineClock.INSTANCE.instant(), Instant.ofEpochMilli(System.currentTimeMillis())).abs())
			.isLessThan(Duration.ofSeconds(5));
	}

	@Order(1)
	static class First implements DemoData {

		@Override
		public void seed() {
			EngineClock.travelTo(Instant.parse("2020-01-01T08:00:00Z"));
			seeded.add("first at " + EngineClock.INSTANCE.instant());
		}

	}

	@Order(2)
	static class Later implements DemoData {

		@Override
		public void seed() {
			seeded.add("later");
		}

	}

}
