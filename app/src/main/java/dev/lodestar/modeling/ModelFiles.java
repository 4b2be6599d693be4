package dev.lodestar.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
