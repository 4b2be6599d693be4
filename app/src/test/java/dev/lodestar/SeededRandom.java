package dev.lodestar;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random values for property tests in plain JUnit, from a seed the test prints: a failing run is
 * repeated with {@code -Dlodestar.test.seed=<the printed seed>}. Without that setting every run
 * takes a new seed, so the suite keeps exploring.
 */
public final class SeededRandom {

	/** The setting that repeats a run. */
	public static final String SEED_PROPERTY = "lodestar.test.seed";

	private final long seed;

	private final Random random;

	private SeededRandom(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** A generator seeded from {@value #SEED_PROPERTY}, or from a fresh seed; prints the seed. */
	public static SeededRandom forProperty(String name) {
		String fixed = System.getProperty(SEED_PROPERTY);
		long seed = fixed == null || fixed.isBlank() ? new Random().nextLong() : Long.parseLong(fixed.trim());
		System.out.printf("property %s: seed %d (repeat with -D%s=%d)%n", name, seed, SEED_PROPERTY, seed);
		return new SeededRandom(seed);
	}

	public long seed() {
		return seed;
	}

	public Random random() {
		return random;
	}

	public int between(int min, int max) {
		return min + random.nextInt(max - min + 1);
	}

	public boolean nextBoolean() {
		return random.nextBoolean();
	}

	public <T> T oneOf(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	@SafeVarargs
	public final <T> T oneOf(Supplier<? extends T>... generators) {
		return generators[random.nextInt(generators.length)].get();
	}

	/** A string of 0..maxLength characters drawn from the given ones. */
	public String stringOf(int minLength, int maxLength, char... chars) {
		var text = new StringBuilder();
		for (int i = between(minLength, maxLength); i > 0; i--) {
			text.append(chars[random.nextInt(chars.length)]);
		}
		return text.toString();
	}

	/**
	 * A string of 0..maxLength code points of any kind: control characters, ASCII, Latin, CJK,
	 * emoji, and now and then a lone surrogate.
	 */
	public String anyString(int maxLength) {
		var text = new StringBuilder();
		for (int i = between(0, maxLength); i > 0; i--) {
			int kind = random.nextInt(10);
			if (kind < 4) {
				text.append((char) between(0x20, 0x7e));
			}
			else if (kind == 4) {
				text.append((char) between(0x00, 0x1f));
			}
			else if (kind == 5) {
				text.append((char) between(0xa0, 0x24f));
			}
			else if (kind == 6) {
				text.append((char) between(0x4e00, 0x9fff));
			}
			else if (kind == 7) {
				text.appendCodePoint(between(0x1f300, 0x1faff));
			}
			else if (kind == 8) {
				text.append((char) between(0xd800, 0xdfff));
			}
			else {
				text.append((char) between(0x0100, 0xfffd));
			}
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return "seed " + seed;
	}

}
