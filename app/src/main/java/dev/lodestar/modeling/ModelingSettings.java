package dev.lodestar.modeling;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models come from.
 *
 * @param deploymentName the name of the start-up deployment; the engine compares each
 * resource with the last deployment of this name and deploys only the changed ones
 * @param locations resource patterns of the deployed files; each file's resource name is its
 * path from the folder named {@code processes/} or {@code forms/} on, whatever the classpath
 * root (target/classes in the IDE, BOOT-INF/classes in the jar)
 * @param checkDeployments whether every deployment passes {@link ModelRules} before the engine
 * parses it; only tests switch it off, to prove that the engine's guarded expressions hold alone
 * @param fourEyes whether a model change needs a second process owner's approval before it is
 * deployed, until an administrator changes it on {@code /models} (then the stored setting counts,
 * {@link FourEyes}): on in the embedded demo, off in the {@code postgres} profile and in tests
 */
@ConfigurationProperties("lodestar.modeling")
public record ModelingSettings(@DefaultValue("lodestar") String deploymentName,
		@DefaultValue({ "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
				"classpath*:forms/**/*.form" }) List<String> locations,
		@DefaultValue("true") boolean checkDeployments, @DefaultValue("false") boolean fourEyes) {

	@ConstructorBinding
	public ModelingSettings {
	}

	/** Settings without four eyes (tests that deploy files). */
	public ModelingSettings(String deploymentName, List<String> locations, boolean checkDeployments) {
		this(deploymentName, locations, checkDeployments, false);
	}

}
