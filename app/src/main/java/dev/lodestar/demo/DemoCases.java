package dev.lodestar.demo;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** What every module's demo-data runner shares. */
final class DemoCases {

	private DemoCases() {
	}

	/**
	 * Whether demo cases must stand aside: the process-test coverage listener (tests only)
	 * refuses process events before its test class starts, so demo cases started while such a
	 * test context starts would break it.
	 */
	static boolean standAside(ProcessEngineConfigurationImpl configuration) {
		var listeners = new ArrayList<Object>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		return listeners.stream()
			.anyMatch(l -> l.getClass().getName().startsWith("org.camunda.community.process_test_coverage"));
	}

}
