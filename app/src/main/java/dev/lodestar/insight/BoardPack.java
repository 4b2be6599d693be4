package dev.lodestar.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import dev.lodestar.access.Roles;
import dev.lodestar.notification.MailPreferences;
import dev.lodestar.notification.NotificationService;
import dev.lodestar.system.EngineClock;

/**
 * The monthly board pack: the cockpit's print view (the sponsor's lights with their reasons and
 * rules, every figure against its target and the previous period) as HTML, mailed to every
 * executive in their language through the notification outbox. A ShedLock-guarded job on the 1st
 * of the month; a dedupe key per month and executive makes a second run (another node, a restart)
 * send nothing more.
 */
@Component
public class BoardPack {

	static final String TEMPLATE = "board-pack";

	private final Cockpit cockpit;
	private final TrafficLights lights;
	private final ITemplateEngine engine;
	private final NotificationService notifications;
	private final MailPreferences preferences;
	private final IdentityService identity;
	private final MessageSource messages;
	private final String baseUrl;

	BoardPack(Cockpit cockpit, TrafficLights lights, ITemplateEngine engine, NotificationService notifications,
			MailPreferences preferences, IdentityService identity, MessageSource messages,
			@Value("${lodestar.notification.base-url:http://localhost:8080}") String baseUrl) {
		this.cockpit = cockpit;
		this.lights = lights;
		this.engine = engine;
		this.notifications = notifications;
		this.preferences = preferences;
		this.identity = identity;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	/** The print view's content for the default window in one language: what the mail shows. */
	@Transactional(readOnly = true)
	public Map<String, Object> model(Locale locale) {
		return model(cockpit.window(null, null), locale);
	}

	/** The print view's content for a window in one language: what the page shows for the cockpit's window. */
	@Transactional(readOnly = true)
	public Map<String, Object> model(Cockpit.Window w, Locale locale) {
		var answer = lights.answer(w, locale);
		var figures = cockpit.figures(w, "all", "all", locale);
		var before = new HashMap<String, Double>();
		cockpit.figures(new Cockpit.Window(answer.previousFrom(), answer.previousTo()), "all", "all", locale)
			.forEach(f -> before.put(f.code(), f.value()));
		var rows = new ArrayList<Row>();
		for (var f : figures) {
			rows.add(new Row(f.code(), f.name(), lights.figureText(f, locale), f.onTarget(), f.cases(), before.get(f.code())));
		}
		var model = new HashMap<String, Object>();
		model.put("answer", answer);
		model.put("rows", rows);
		model.put("baseUrl", baseUrl);
		model.put("computedAt", EngineClock.INSTANCE.instant().atZone(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString()
				.replace('T', ' ') + " UTC");
		model.put("lang", locale.toLanguageTag());
		return model;
	}

	/** One figure's line in the pack. */
	public record Row(String code, String name, String text, Boolean onTarget, long cases, Double previous) {
	}

	/** The pack's body (fragment {@code pack} of {@code insight-pack.html}) in one language. */
	public String html(Locale locale) {
		return engine.process("insight-pack", Set.of("pack"), new Context(locale, model(locale)));
	}

	/** The pack as plain text: lights and figures, one a line. */
	String text(Locale locale, Map<String, Object> model) {
		var out = new StringBuilder();
		var answer = (TrafficLights.Answer) model.get("answer");
		for (var l : answer.lights()) {
			out.append(l.name()).append(": ").append(l.colourName()).append(" - ").append(l.reason()).append('\n');
		}
		out.append('\n');
		@SuppressWarnings("unchecked")
		var rows = (List<Row>) model.get("rows");
		rows.forEach(r -> out.append(r.text()).append('\n'));
		return out.toString();
	}

	@Scheduled(cron = "${lodestar.insight.board-pack-cron:0 0 7 1 * *}", zone = "UTC")
	@SchedulerLock(name = "insight-board-pack", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	public void scheduledSend() {
		send();
	}

	/**
	 * Queues this month's pack to each executive in their language; returns how many were
	 * queued (none for an executive who already has this month's).
	 */
	@Transactional
	public int send() {
		YearMonth month = YearMonth.from(LocalDate.ofInstant(EngineClock.INSTANCE.instant(), ZoneOffset.UTC));
		var byLanguage = new HashMap<Locale, Map<String, Object>>();
		int queued = 0;
		for (var executive : identity.createUserQuery().memberOfGroup(Roles.EXECUTIVE).list()) {
			Locale language = preferences.language(executive.getId());
			var mail = byLanguage.computeIfAbsent(language, l -> {
				var m = new HashMap<String, Object>();
				var model = model(l);
				m.put("pack", engine.process("insight-pack", Set.of("pack"), new Context(l, model)));
				m.put("packText", text(l, model));
				m.put("month", month.toString());
				m.put("link", baseUrl + "/insight");
				return m;
			});
			if (notifications.notifyUser(executive.getId(), TEMPLATE, mail, TEMPLATE + ":" + month + ":" + executive.getId())
				.isPresent()) {
				queued++;
			}
		}
		return queued;
	}

}
