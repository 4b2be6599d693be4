package dev.lodestar.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Models are data, not programs (README, Security model), on every path into the engine:
 * <ul>
 * <li>every new deployment — the start-up files, {@code /api/models}, {@code /engine-rest}
 * (Camunda Modeler), Camunda's web apps, a redeployment — passes {@link ModelRules} before the
 * engine parses it, and is refused whole with each violation named (a {@link ParseException}:
 * 400 on {@code /engine-rest});</li>
 * <li>the engine's expressions resolve only what {@link ProcessApis} allows
 * ({@link GuardedExpressionManager}), whatever was deployed before.</li>
 * </ul>
 * {@code lodestar.modeling.check-deployments=false} switches the first off (tests prove the
 * second holds alone); the second cannot be switched off.
 */
@Component
class ModelTrustPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ModelTrustPlugin.class);

	private final ProcessApis apis;
	private final ModelRules rules;
	private final MessageSource messages;
	private final ModelingSettings settings;

	ModelTrustPlugin(ProcessApis apis, ModelRules rules, MessageSource messages, ModelingSettings settings) {
		this.apis = apis;
		this.rules = rules;
		this.messages = messages;
		this.settings = settings;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setExpressionManager(new GuardedExpressionManager(apis));
		var preDeployers = new ArrayList<Deployer>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(0, this::check);
		configuration.setCustomPreDeployers(preDeployers);
	}

	private void check(DeploymentEntity deployment) {
		// a deployment read back into the cache was checked when it was made (or predates the check)
		if (!deployment.isNew() || !settings.checkDeployments() || deployment.getResources() == null) {
			return;
		}
		var violations = new ArrayList<ModelRules.Violation>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			byte[] bytes = resource.getBytes() == null ? new byte[0] : resource.getBytes();
			violations.addAll(rules.inspect(resource.getName(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
		}
		if (violations.isEmpty()) {
			return;
		}
		String text = ModelRules.describe(violations, this::message);
		log.warn("Deployment {} refused: {}", deployment.getName(), text);
		List<Problem> problems = violations.stream().<Problem>map(v -> new Refusal(message(v), v.elementId())).toList();
		throw new ParseException("Lodestar refuses the deployment, models are data and not programs: " + text,
				violations.get(0).resourceName(), problems, List.of());
	}

	private String message(ModelRules.Violation violation) {
		return messages.getMessage("models.check." + violation.code(), violation.messageArgs(), violation.code(),
				Locale.ENGLISH);
	}

	/** One violation as the engine reports a problem of a model (Camunda Modeler shows it). */
	private record Refusal(String message, String mainElementId) implements Problem {

		@Override
		public String getMessage() {
			return message;
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return mainElementId;
		}

		@Override
		public List<String> getElementIds() {
			return mainElementId == null ? List.of() : List.of(mainElementId);
		}

	}

}
