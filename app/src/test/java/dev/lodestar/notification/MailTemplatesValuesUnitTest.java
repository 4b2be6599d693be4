package dev.lodestar.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.lodestar.system.ProcessTexts;

/** A mail names the values it carries (a training wave's title) in its reader's language. */
class MailTemplatesValuesUnitTest {

	private final MailTemplates templates = new MailTemplates(messages(), new ProcessTexts(messages()));

	@Test
	void aChineseInvitationNamesTheWaveInChineseAndAnEnglishOneInEnglish() {
		var chinese = templates.render("training-invitation", invitation(), Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese.subject()).isEqualTo("[Lodestar] 培训：第三批：最终用户系统操作（上线前）");
		assertThat(chinese.text()).contains("第三批：最终用户系统操作（上线前）").doesNotContain("Wave 3");
		assertThat(chinese.html()).contains("第三批：最终用户系统操作（上线前）").doesNotContain("Wave 3");

		var english = templates.render("training-invitation", invitation(), Locale.ENGLISH);
		assertThat(english.subject()).isEqualTo("[Lodestar] Training: Wave 3: end users, system operation (before go-live)");
	}

	private static Map<String, Object> invitation() {
		Map<String, Object> model = new HashMap<>();
		model.put("waveName", "Wave 3: end users, system operation (before go-live)");
		model.put("deadline", ZonedDateTime.of(2026, 12, 20, 17, 0, 0, 0, ZoneId.of("UTC")));
		model.put("materialLink", "http://localhost/training/03-end-users");
		model.put("sessions", List.of());
		return model;
	}

	private static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "i18n/frontoffice", "i18n/platform", "i18n/processes");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
