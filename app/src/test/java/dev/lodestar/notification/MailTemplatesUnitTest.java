package dev.lodestar.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The mails that carry a case's codes (category, severity, the queue's role) name them in words in
 * the reader's language, and a link's text says where it goes.
 */
class MailTemplatesUnitTest {

	private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

	private final MailTemplates templates = new MailTemplates(messages(), null);

	@Test
	void complaintMailsNameCategoryAndSeverityInTheReadersLanguage() {
		Map<String, Object> model = new HashMap<>(Map.of("complaintId", 7, "customerName", "Mei Chen", "category",
				"DELIVERY", "severity", "HIGH", "description", "Late sofa", "target", "resolution", "link",
				"http://lodestar.example/complaints/7"));
		for (String template : new String[] { "complaint-escalated", "complaint-sla-warning", "complaint-acknowledged" }) {
			var chinese = templates.render(template, model, CHINESE);
			for (String body : new String[] { chinese.text(), chinese.html() }) {
				assertThat(body).as(template).doesNotContain("HIGH").doesNotContain("DELIVERY").doesNotContain("delivery");
			}
			var english = templates.render(template, model, Locale.ENGLISH);
			for (String body : new String[] { english.text(), english.html() }) {
				assertThat(body).as(template).doesNotContain("HIGH").doesNotContain("DELIVERY");
			}
		}
		var escalated = templates.render("complaint-escalated", model, CHINESE);
		assertThat(escalated.text()).contains("类别：配送，严重程度 高");
		assertThat(templates.render("complaint-escalated", model, Locale.ENGLISH).text())
			.contains("Category: delivery, severity high");
		assertThat(templates.render("complaint-acknowledged", model, CHINESE).text()).contains("（配送）");
	}

	@Test
	void leadMailsNameTheQueuesRoleAndTheirLinkOpensTheLead() {
		Map<String, Object> returned = Map.of("leadId", 5, "company", "Initech", "queue", "sales-rep", "timesReturned", 1,
				"recipientName", "Bob", "link", "http://lodestar.example/leads/5");
		var chinese = templates.render("lead-returned-to-queue", returned, CHINESE);
		assertThat(chinese.text()).contains("“销售代表”队列").contains("打开线索：http://lodestar.example/leads/5")
			.doesNotContain("sales-rep").doesNotContain("我的工作");
		assertThat(chinese.html()).contains("销售代表").contains(">打开线索</a>").doesNotContain("我的工作");
		var english = templates.render("lead-returned-to-queue", returned, Locale.ENGLISH);
		assertThat(english.text()).contains("back in the Sales rep queue").contains("Open the lead").doesNotContain("sales-rep");

		Map<String, Object> followUp = Map.of("leadId", 5, "company", "Initech", "step", "the proposal", "recipientName",
				"Alice", "link", "http://lodestar.example/leads/5");
		var due = templates.render("lead-follow-up-due", followUp, CHINESE);
		assertThat(due.text()).contains("打开线索：http://lodestar.example/leads/5").doesNotContain("我的工作");
		assertThat(due.html()).contains(">打开线索</a>").doesNotContain("我的工作");
	}

	private static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/frontoffice", "i18n/platform");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
