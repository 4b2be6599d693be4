package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Process and step names in the reader's language, from the real bundle {@code i18n/processes}. */
class ProcessTextsUnitTest {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ProcessTexts texts = new ProcessTexts(messages());

	@Test
	void aStepNameIsTranslatedForChineseReadersAndLeftAsItIsForEnglishOnes() {
		assertThat(texts.stepName("lead-to-sale", "Task_QualifyLead", "Qualify lead (BANT)", CHINESE))
			.isEqualTo("线索资格审核（BANT）");
		assertThat(texts.stepName("lead-to-sale", "Task_QualifyLead", "Qualify lead (BANT)", Locale.ENGLISH))
			.isEqualTo("Qualify lead (BANT)");
		assertThat(texts.processName("lead-to-sale", "Lead to sale", CHINESE)).isEqualTo("从线索到销售");
	}

	@Test
	void theValuesOfExpressionsInARunningNameAreCarriedIntoTheTranslation() {
		assertThat(texts.stepName("training-wave", "Task_RecordAttendanceAndScore",
				"Record attendance and score of sales.07", CHINESE)).isEqualTo("记录 sales.07 的出勤和成绩");
		assertThat(texts.stepName("stakeholder-assessment", "Task_AssessAdkar", "Assess Li Wei (ADKAR)", CHINESE))
			.isEqualTo("评估 Li Wei（ADKAR）");
		assertThat(texts.stepName("crm-rollout", "Task_Remediate", "Remediate: training of end users at 62 %", CHINESE))
			.isEqualTo("整改：training of end users at 62 %");
	}

	@Test
	void aValueThatTheBundleTranslatesIsTranslatedInsideTheNameToo() {
		assertThat(texts.stepName("training-wave", "Task_AttendAndCheckKnowledge",
				"Attend Wave 3: end users, system operation (before go-live) and take the knowledge check", CHINESE))
			.isEqualTo("参加 第三批：最终用户系统操作（上线前） 并完成知识测验");
		assertThat(texts.stepName("crm-rollout", "Task_Remediate", "Remediate: Critical issues are still open", CHINESE))
			.isEqualTo("整改：仍有严重问题未关闭");
		assertThat(texts.stepName("training-wave", "Task_AttendAndCheckKnowledge",
				"Attend Wave 3: end users, system operation (before go-live) and take the knowledge check", Locale.ENGLISH))
			.isEqualTo("Attend Wave 3: end users, system operation (before go-live) and take the knowledge check");
	}

	@Test
	void aValueIsTranslatedOnlyWhileTheBundlesEnglishEntryIsStillThatValue() {
		assertThat(ProcessTexts.valueKey(" Wave 4: all staff ")).isEqualTo("value.wave-4-all-staff");
		assertThat(texts.value("Wave 4: all staff", CHINESE)).isEqualTo("第四批：全体员工");
		assertThat(texts.value("Wave 4: all staff", Locale.ENGLISH)).isEqualTo("Wave 4: all staff");
		// same slug, other text (a model's reason reworded): shown as it is, never a stale translation
		assertThat(texts.value("wave 4 - ALL staff", CHINESE)).isEqualTo("wave 4 - ALL staff");
		assertThat(texts.value("Li Wei", CHINESE)).isEqualTo("Li Wei");
		assertThat(texts.value(null, CHINESE)).isNull();
	}

	@Test
	void aStepThatAProcessOwnerRenamedKeepsItsNewNameUntilItsTranslationFollows() {
		assertThat(texts.stepName("lead-to-sale", "Task_QualifyLead", "Qualify the lead by phone", CHINESE))
			.isEqualTo("Qualify the lead by phone");
		assertThat(texts.stepName("lead-to-sale", "Task_Unknown", "A new step", CHINESE)).isEqualTo("A new step");
		assertThat(texts.stepName("some-other-process", "Task_QualifyLead", "Qualify lead (BANT)", CHINESE))
			.isEqualTo("Qualify lead (BANT)");
	}

	private static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/processes");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void aDiagramGetsEveryTranslatedStepWithTheEnglishNameItReplacesAndNothingInEnglish() {
		var labels = texts.stepLabels("lead-to-sale", CHINESE);
		assertThat(labels.get("Task_QualifyLead")).isEqualTo(new ProcessTexts.StepLabel("Qualify lead (BANT)", "线索资格审核（BANT）"));
		assertThat(labels.get("Flow_Won")).isEqualTo(new ProcessTexts.StepLabel("won", "赢单"));
		assertThat(labels).doesNotContainKey("name").allSatisfy((id, label) -> assertThat(label.text()).isNotEqualTo(label.name()));
		assertThat(texts.stepLabels("lead-to-sale", Locale.ENGLISH)).isEmpty();
		assertThat(texts.stepLabels("no-such-process", CHINESE)).isEmpty();
		// a key that is a prefix of another's is not mixed into it
		assertThat(texts.stepLabels("lead", CHINESE)).isEmpty();
	}

}
