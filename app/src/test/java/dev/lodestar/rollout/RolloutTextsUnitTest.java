package dev.lodestar.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.lodestar.system.ProcessTexts;

/**
 * The rollout's own English texts and their translations stay in step: a wave's title lifted
 * into a task name reads as the rollout page names the wave, and a phase's default quality
 * measure is still the one the bundle translates.
 */
class RolloutTextsUnitTest {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ResourceBundleMessageSource messages = messages();

	private final ProcessTexts texts = new ProcessTexts(messages);

	@Test
	void everyWavesTitleIsTranslatedInTaskNamesAsTheRolloutPageNamesTheWave() {
		for (WaveKind wave : WaveKind.values()) {
			assertThat(messages.getMessage("rollout.wave." + wave.name(), null, Locale.ROOT)).as(wave.name())
				.isEqualTo(wave.title());
			assertThat(texts.value(wave.title(), CHINESE)).as(wave.name())
				.isEqualTo(messages.getMessage("rollout.wave." + wave.name(), null, CHINESE));
		}
	}

	@Test
	void everyPhasesDefaultQualityMeasureHasItsChineseText() {
		for (Phase phase : Phase.values()) {
			assertThat(messages.getMessage("rollout.quality." + phase.name(), null, Locale.ROOT)).as(phase.name())
				.isEqualTo(phase.qualityTarget());
			assertThat(messages.getMessage("rollout.quality." + phase.name(), null, CHINESE)).as(phase.name())
				.containsPattern("\\p{IsHan}");
		}
		assertThat(messages.getMessage("rollout.quality.uatPassed", null, Locale.ROOT)).isEqualTo(PhaseTracker.UAT_PASSED);
		assertThat(messages.getMessage("rollout.quality.uatFailed", null, Locale.ROOT)).isEqualTo(PhaseTracker.UAT_FAILED);
	}

	private static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/processes", "i18n/rollout");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
