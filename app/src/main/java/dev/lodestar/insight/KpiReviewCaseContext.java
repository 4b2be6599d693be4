package dev.lodestar.insight;

import java.util.ArrayList;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.access.Roles;
import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/**
 * Beside a {@code kpi-review} task: the figures the review's snapshot holds, each against its
 * target, with a link to the cockpit.
 */
@Component
class KpiReviewCaseContext implements CaseContextProvider {

	private final KpiReviewService reviews;
	private final HistoryService history;
	private final IdentityService identity;
	private final MessageSource messages;

	KpiReviewCaseContext(KpiReviewService reviews, HistoryService history, IdentityService identity,
			MessageSource messages) {
		this.messages = messages;
		this.reviews = reviews;
		this.history = history;
		this.identity = identity;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return KpiReviewProcess.KEY.equals(processDefinitionKey);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		if (!supports(processDefinitionKey) || businessKey == null || userId == null || identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.noneMatch(g -> Roles.EXECUTIVE.equals(g.getId()) || Roles.PROJECT_TEAM.equals(g.getId()))) {
			return Optional.empty();
		}
		var instances = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(KpiReviewProcess.KEY)
			.processInstanceBusinessKey(businessKey)
			.list();
		var variable = instances.isEmpty() ? Optional.<org.camunda.bpm.engine.history.HistoricVariableInstance>empty()
				: history.createHistoricVariableInstanceQuery()
					.processInstanceId(instances.get(0).getId())
					.variableName(KpiReviewProcess.VAR_REVIEW_ID)
					.list()
					.stream()
					.findFirst();
		if (variable.isEmpty() || !(variable.get().getValue() instanceof Number id)) {
			return Optional.empty();
		}
		var review = reviews.review(id.longValue());
		var facts = new ArrayList<CaseContext.Fact>();
		var locale = LocaleContextHolder.getLocale();
		for (var s : reviews.snapshotsOf(review.getId())) {
			String unit = s.getUnit() == null ? "" : messages.getMessage("insight.unit." + s.getUnit(), null, s.getUnit(), locale);
			String figure = s.getValue() == null ? "–" : s.getValue().stripTrailingZeros().toPlainString() + " " + unit;
			String verdict = s.getValue() == null ? "" : s.isOnTarget() ? " ✓" : " ✗";
			String name = messages.getMessage("insight.kpi." + s.getKpiCode() + ".name", null, reviews.nameOf(s.getKpiCode()),
					locale);
			facts.add(new CaseContext.Fact(name, messages.getMessage("case.kpi.figure", new Object[] { figure,
					s.getTarget().stripTrailingZeros().toPlainString(), String.valueOf(s.getSampleSize()) }, locale) + verdict));
		}
		String kind = messages.getMessage("case.kind.kpiReview", null, locale);
		return Optional.of(new CaseContext("case.kind.kpiReview", kind + " " + review.getPeriod() + " #" + review.getId(),
				"/insight", null, null, facts, java.util.List.of()));
	}

}
