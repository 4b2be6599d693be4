package dev.lodestar.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dev.lodestar.system.ProcessApi;

/**
 * {@code Task_MitigateBarrierPoint} (create): the task shows which barrier point it is about,
 * as its local variable {@code barrierPoint}. A listener method, because models may not write
 * variables through {@code task} (README, Security model), and an input mapping runs before the
 * multi-instance element variable {@code barrierPointId} exists.
 */
@Component("barrierPointLabel")
public class BarrierPointLabel {

	private final StakeholderRegister register;

	BarrierPointLabel(StakeholderRegister register) {
		this.register = register;
	}

	@ProcessApi
	public void label(DelegateTask task) {
		task.setVariableLocal("barrierPoint",
				register.describeBarrierPoint(((Number) task.getVariable("barrierPointId")).longValue()));
	}

}
