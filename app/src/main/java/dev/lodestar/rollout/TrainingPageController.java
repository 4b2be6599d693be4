package dev.lodestar.rollout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.lodestar.calendar.Dates;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.PageRefusedException;

/**
 * The training material for every employee: the index of {@code training-material/}, each
 * document rendered in the reader's language, the end-user screenshots, and each wave's
 * knowledge check, taken here as a quiz by the participant whose task is open.
 */
@Controller
class TrainingPageController {

	private final TrainingLibrary library;
	private final TrainingDesk desk;
	private final TrainingService training;
	private final MessageSource messages;
	private final Dates dates;

	TrainingPageController(TrainingLibrary library, TrainingDesk desk, TrainingService training,
			MessageSource messages, Dates dates) {
		this.dates = dates;
		this.library = library;
		this.desk = desk;
		this.training = training;
		this.messages = messages;
	}

	@GetMapping("/training")
	@Transactional(readOnly = true)
	String index(Authentication user, Model model, Locale locale) {
		var folders = new LinkedHashMap<String, List<TrainingLibrary.Entry>>();
		for (var entry : library.documents(locale)) {
			folders.computeIfAbsent(entry.folder(), f -> new ArrayList<>()).add(entry);
		}
		var rows = new ArrayList<FolderRow>();
		folders.forEach((folder, docs) -> rows.add(new FolderRow(folder, folderTitle(folder, locale),
				docs.stream().filter(d -> !d.knowledgeCheck()).map(d -> new DocRow(d.id(), d.title(), d.chinese())).toList(),
				docs.stream().anyMatch(TrainingLibrary.Entry::knowledgeCheck),
				!folder.isEmpty() && desk.openCheck(user.getName(), folder).isPresent())));
		model.addAttribute("folders", rows);
		return "training";
	}

	@GetMapping({ "/training/{document:[A-Za-z0-9][A-Za-z0-9-]*}", "/training/{document:[A-Za-z0-9][A-Za-z0-9-]*}.md" })
	String rootDocument(@PathVariable String document, Model model, Locale locale) {
		if (Arrays.stream(WaveKind.values()).anyMatch(w -> w.materialFolder().equals(document))) {
			// a wave's folder: its documents and its check, on the index
			return "redirect:/training#" + document;
		}
		return document(null, document, model, locale);
	}

	@GetMapping({ "/training/{folder:[a-z0-9][a-z0-9-]*}/{document:[A-Za-z0-9][A-Za-z0-9-]*}",
			"/training/{folder:[a-z0-9][a-z0-9-]*}/{document:[A-Za-z0-9][A-Za-z0-9-]*}.md" })
	String folderDocument(@PathVariable String folder, @PathVariable String document, Authentication user,
			Model model, Locale locale) {
		if (TrainingLibrary.KNOWLEDGE_CHECK.equals(document)) {
			return knowledgeCheck(folder, user, model, locale);
		}
		return document(folder, document, model, locale);
	}

	private String document(String folder, String document, Model model, Locale locale) {
		try {
			var page = library.page(folder == null ? document : folder + "/" + document, locale);
			model.addAttribute("page", page);
			model.addAttribute("folderTitle", folder == null ? null : folderTitle(folder, locale));
			return "training-document";
		}
		catch (NotFoundException e) {
			throw PageRefusedException.notFound("training.notFound.text");
		}
	}

	private String knowledgeCheck(String folder, Authentication user, Model model, Locale locale) {
		var check = library.knowledgeCheck(folder, locale).orElse(null);
		if (check == null) {
			throw PageRefusedException.notFound("training.notFound.text");
		}
		var open = desk.openCheck(user.getName(), folder);
		model.addAttribute("folder", folder);
		model.addAttribute("folderTitle", folderTitle(folder, locale));
		model.addAttribute("title", check.title());
		model.addAttribute("introduction", library.block(check.introduction()));
		model.addAttribute("questions", check.questions().stream()
			.map(q -> new QuestionRow(q.number(), library.inline(q.text()), q.options().stream().map(library::inline).toList(),
					q.multiple()))
			.toList());
		model.addAttribute("open", open.isPresent());
		// the participant's standing in the wave, as every other page states it
		var standing = open.flatMap(o -> training.members(training.wave(o.waveId()))
			.stream()
			.filter(m -> m.participant().equals(user.getName()))
			.findFirst());
		model.addAttribute("overdueSince", standing.filter(TrainingProgress.ParticipantStatus::overdue)
			.map(m -> dates.date(m.deadline(), locale))
			.orElse(null));
		model.addAttribute("passed", open.isEmpty() && training.recordsOfParticipant(user.getName())
			.stream()
			.anyMatch(r -> r.wave().getCode().materialFolder().equals(folder) && r.record().passed(r.wave().getPassScore())));
		model.addAttribute("waveName", open.map(o -> messages.getMessage("rollout.wave." + training.wave(o.waveId()).getCode().name(),
				null, o.waveName(), locale)).orElse(null));
		model.addAttribute("results", training.recordsOfParticipant(user.getName())
			.stream()
			.filter(r -> r.wave().getCode().materialFolder().equals(folder) && r.record().isCheckTaken())
			.map(r -> new ResultRow(messages.getMessage("rollout.wave." + r.wave().getCode().name(), null,
					r.wave().getName(), locale), r.record().getScore(), r.record().getCheckCorrect(),
					r.record().getCheckQuestions(), r.record().passed(r.wave().getPassScore()),
					r.wave().getPassScore(), r.record().passed(r.wave().getPassScore()), r.record().isAttended(),
					dates.dateTime(r.record().getCheckTakenAt(), locale)))
			.toList());
		return "training-check";
	}

	/** The screenshots of the real app in the end-user material (written by the browser tests). */
	@GetMapping("/training/{folder:[a-z0-9][a-z0-9-]*}/screenshots/{file:.+}")
	ResponseEntity<byte[]> screenshot(@PathVariable String folder, @PathVariable String file) {
		return library.image(folder + "/screenshots/" + file)
			.map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png))
			.orElseThrow(() -> new NotFoundException("Screenshot", file));
	}

	private String folderTitle(String folder, Locale locale) {
		if (folder.isEmpty()) {
			return messages.getMessage("training.general", null, locale);
		}
		return Arrays.stream(WaveKind.values())
			.filter(w -> w.materialFolder().equals(folder))
			.findFirst()
			.map(w -> messages.getMessage("rollout.wave." + w.name(), null, w.title(), locale))
			.orElse(folder);
	}

	public record FolderRow(String folder, String title, List<DocRow> documents, boolean hasCheck, boolean checkOpen) {
	}

	public record DocRow(String id, String title, boolean chinese) {
	}

	public record QuestionRow(int number, String text, List<String> options, boolean multiple) {
	}

	public record ResultRow(String wave, Integer score, Integer correct, Integer questions, boolean passed,
			int passScore, boolean completed, boolean attended, String takenAt) {
	}

}
