package dev.lodestar.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies {@link HistorySettings#timeToLive()} to the process definitions: at parse time to
 * every new deployment, and at start-up to the versions already deployed (a changed setting
 * takes effect for cases that end from then on; the engine's history cleanup, in its nightly
 * window, removes cases whose time ran out). Lodestar's own tables ({@code crm_*}, KPI
 * snapshots among them) are not the engine's history and are never cleaned up by it.
 */
@Component
@Order(30)
class HistoryRetention extends AbstractProcessEnginePlugin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private final HistorySettings settings;
	private final ObjectProvider<RepositoryService> repositoryService;

	HistoryRetention(HistorySettings settings, ObjectProvider<RepositoryService> repositoryService) {
		this.settings = settings;
		this.repositoryService = repositoryService;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
				Duration ttl = settings.timeToLive().get(definition.getKey());
				if (ttl != null) {
					definition.setHistoryTimeToLive(HistorySettings.days(ttl));
				}
			}
		});
	}

	@Override
	public void run(ApplicationArguments args) {
		apply(settings.timeToLive());
	}

	/** Sets the time to live of every deployed version of each named process; returns how many changed. */
	int apply(Map<String, Duration> timeToLive) {
		RepositoryService repository = repositoryService.getObject();
		int changed = 0;
		for (var entry : timeToLive.entrySet()) {
			int days = HistorySettings.days(entry.getValue());
			for (var definition : repository.createProcessDefinitionQuery().processDefinitionKey(entry.getKey()).list()) {
				if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
					repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
					changed++;
				}
			}
		}
		if (changed > 0) {
			log.info("History time to live set on {} process definition versions", changed);
		}
		return changed;
	}

}
