package dev.lodestar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Counts the Spring contexts the test suite starts: each one the test framework builds (a cache
 * miss) is written as a line to {@code target/spring-contexts.txt} with the test class that
 * asked for it, what made it different (profiles, properties, imports) and its start-up time.
 * {@code .ci/run} prints the count. Registered in {@code META-INF/spring.factories}; the
 * customizer is the same for every test class, so it does not split the context cache.
 */
public class ContextCounter implements ContextCustomizerFactory {

	static final Path FILE = Path.of(System.getProperty("basedir", "."), "target", "spring-contexts.txt");

	private static final AtomicInteger STARTED = new AtomicInteger();

	private static boolean written;

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return Customizer.INSTANCE;
	}

	static final class Customizer implements ContextCustomizer {

		static final Customizer INSTANCE = new Customizer();

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			int number = STARTED.incrementAndGet();
			long start = System.nanoTime();
			ApplicationListener<ContextRefreshedEvent> listener = event -> {
				if (event.getApplicationContext() == context) {
					record(number, config, (System.nanoTime() - start) / 1_000_000);
				}
			};
			context.addApplicationListener(listener);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

	private static synchronized void record(int number, MergedContextConfiguration config, long millis) {
		String line = String.format("context %d: %.1f s, for %s; profiles %s; properties %s; classes %s%n", number,
				millis / 1000.0, config.getTestClass().getName(), Arrays.toString(config.getActiveProfiles()),
				Arrays.toString(config.getPropertySourceProperties()),
				Arrays.stream(config.getClasses()).map(Class::getSimpleName).toList());
		try {
			Files.createDirectories(FILE.getParent());
			// the first context of this JVM starts the file afresh: it lists one run
			Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					written ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
			written = true;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
