package dev.lodestar.modeling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Four eyes hold on every door into the engine: while {@link FourEyes#on()}, a new deployment
 * made by a user — through {@code /engine-rest} (Camunda Modeler), a redeployment, Camunda's web
 * apps or {@code /api/models} — is refused (an {@link AuthorizationException}: 403 on
 * {@code /engine-rest}) unless it is the approved content of a change request, deployed by
 * {@link ChangeRequestService}. Nobody is excepted, administrators included: they switch the
 * setting off instead, which is logged. Deployments without a user (the files at start-up)
 * are the repository's and pass. Deleting a deployment or a process definition is refused to
 * users alike while four eyes are on.
 */
@Component
class FourEyesPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(FourEyesPlugin.class);

	static final String REFUSAL = "Four eyes are on for model changes: a model is deployed only through a change "
			+ "request that another process owner approved (/api/models/change-requests).";

	static final String DELETION_REFUSAL = "Four eyes are on for model changes: deleting a deployment or a process "
			+ "definition would bring back an older version without review; an administrator switches four eyes off first.";

	private final ObjectProvider<FourEyes> fourEyes;

	FourEyesPlugin(ObjectProvider<FourEyes> fourEyes) {
		this.fourEyes = fourEyes;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		var preDeployers = new ArrayList<Deployer>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(this::check);
		configuration.setCustomPreDeployers(preDeployers);
		// deleting a deployment or a definition rolls a model back to an older version: a change too
		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new NoDeletionAlone());
		if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new NoDeletionAlone());
	}

	/**
	 * While four eyes are on, no user deletes a deployment or a process definition: that would
	 * bring back an older version of a model (or none) without a second process owner's approval.
	 */
	private final class NoDeletionAlone extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
					|| command instanceof DeleteProcessDefinitionsByKeyCmd) {
				var authentication = Context.getCommandContext().getAuthentication();
				if (authentication != null && authentication.getUserId() != null && fourEyes.getObject().on()) {
					log.warn("{} by {} refused: four eyes are on", command.getClass().getSimpleName(),
							authentication.getUserId());
					throw new AuthorizationException(DELETION_REFUSAL);
				}
			}
			return next.execute(command);
		}

	}

	private void check(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null || deployment.getResources().isEmpty()) {
			return;
		}
		var authentication = Context.getCommandContext() == null ? null
				: Context.getCommandContext().getAuthentication();
		if (authentication == null || authentication.getUserId() == null || !fourEyes.getObject().on()) {
			return;
		}
		String approved = FourEyes.approvedContent();
		boolean allApproved = approved != null && deployment.getResources().values().stream()
			.allMatch(resource -> approved.equals(hash(resource)));
		if (!allApproved) {
			log.warn("Deployment {} by {} refused: four eyes are on and it is no approved change request",
					deployment.getName(), authentication.getUserId());
			throw new AuthorizationException(REFUSAL);
		}
	}

	private static String hash(ResourceEntity resource) {
		byte[] bytes = resource.getBytes() == null ? new byte[0] : resource.getBytes();
		return Hashes.sha256(new String(bytes, StandardCharsets.UTF_8));
	}

}
