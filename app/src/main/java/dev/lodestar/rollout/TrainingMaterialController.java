package dev.lodestar.rollout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.lodestar.system.NotFoundException;

/**
 * Serves the Markdown of {@code training-material/} (one folder per wave) to programs; people read
 * it rendered at {@code /training}. Knowledge checks are not served: they carry their key.
 */
@RestController
@RequestMapping("/api/training-material")
class TrainingMaterialController {

	private static final Pattern SAFE = Pattern.compile("[a-z0-9-]+(\\.md)?");

	private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final ResourcePatternResolver resources;

	TrainingMaterialController(ResourcePatternResolver resources) {
		this.resources = resources;
	}

	/** Every wave's folder with its documents. */
	@GetMapping
	List<Folder> folders() {
		return Arrays.stream(WaveKind.values()).map(w -> folder(w.materialFolder(), w.title())).toList();
	}

	@GetMapping("/{folder}")
	Folder folder(@PathVariable String folder) {
		var wave = Arrays.stream(WaveKind.values())
			.filter(w -> w.materialFolder().equals(folder))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Training material", folder));
		return folder(folder, wave.title());
	}

	@GetMapping("/{folder}/{document}")
	ResponseEntity<String> document(@PathVariable String folder, @PathVariable String document) throws IOException {
		// a knowledge check carries its key: it is taken at /training/<folder>/knowledge-check, never read
		if (!SAFE.matcher(folder).matches() || !SAFE.matcher(document).matches()
				|| document.startsWith(TrainingLibrary.KNOWLEDGE_CHECK)) {
			throw new NotFoundException("Training material", folder + "/" + document);
		}
		String name = document.endsWith(".md") ? document : document + ".md";
		Resource resource = resources.getResource("classpath:training-material/" + folder + "/" + name);
		if (!resource.exists()) {
			throw new NotFoundException("Training material", folder + "/" + name);
		}
		try (var in = resource.getInputStream()) {
			return ResponseEntity.ok().contentType(MARKDOWN).body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private Folder folder(String folder, String title) {
		try {
			var docs = Arrays.stream(resources.getResources("classpath*:training-material/" + folder + "/*.md"))
				.map(Resource::getFilename)
				.filter(f -> !f.startsWith(TrainingLibrary.KNOWLEDGE_CHECK))
				.sorted(Comparator.naturalOrder())
				.map(f -> "/api/training-material/" + folder + "/" + f)
				.toList();
			return new Folder(folder, title, docs);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	record Folder(String folder, String wave, List<String> documents) {
	}

}
