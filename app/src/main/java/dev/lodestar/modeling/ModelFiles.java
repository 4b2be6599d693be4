package dev.lodestar.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The model files under {@code processes/} and {@code forms/}, by stable resource name. */
@Component
class ModelFiles {

	private static final Logger log = LoggerFactory.getLogger(ModelFiles.class);

	private static final List<String> ROOTS = List.of("processes/", "forms/");

	private final ResourcePatternResolver resources;
	private final ModelingSettings settings;

	ModelFiles(ResourcePatternResolver resources, ModelingSettings settings) {
		this.resources = resources;
		this.settings = settings;
	}

	ModelingSettings settings() {
		return settings;
	}

	/**
	 * The files as last read, with their hashes: the start-up's deployment reads them
	 * ({@link ProcessModelDeployer}), and so does a deployment of a file from the page. The files
	 * sit on the class path and do not change while the application runs, so the workspace page
	 * compares with this read instead of scanning and hashing them on every request.
	 */
	record Snapshot(Map<String, String> contents, Map<String, String> hashes) {

		String content(String name) {
			return contents.get(name);
		}

		String hash(String name) {
			return hashes.get(name);
		}

	}

	private volatile Snapshot last;

	/** What {@link #read} last found (reading the files when nothing read them yet). */
	Snapshot current() {
		Snapshot snapshot = last;
		if (snapshot == null) {
			read();
			snapshot = last;
		}
		return snapshot;
	}

	/** The content of every model file by stable resource name, sorted so deployments are reproducible. */
	TreeMap<String, String> read() {
		var found = new TreeMap<String, String>();
		var duplicates = new ArrayList<String>();
		try {
			for (String pattern : settings.locations()) {
				for (Resource resource : resources.getResources(pattern)) {
					if (!resource.isReadable()) {
						continue;
					}
					String name = stableName(resource);
					if (found.containsKey(name)) {
						duplicates.add(name);
						continue;
					}
					try (InputStream in = resource.getInputStream()) {
						found.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!duplicates.isEmpty()) {
			log.warn("Model files found twice on the classpath, first one used: {}", duplicates);
		}
		var hashes = new TreeMap<String, String>();
		found.forEach((name, content) -> hashes.put(name, Hashes.sha256(content)));
		last = new Snapshot(Collections.unmodifiableMap(new TreeMap<>(found)), Collections.unmodifiableMap(hashes));
		return found;
	}

	static String stableName(Resource resource) throws IOException {
		String path = resource.getURL().toString();
		for (String root : ROOTS) {
			int at = path.lastIndexOf("/" + root);
			if (at >= 0) {
				return path.substring(at + 1);
			}
		}
		return resource.getFilename();
	}

}
