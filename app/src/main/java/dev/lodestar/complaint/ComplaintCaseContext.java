package dev.lodestar.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerService;
import dev.lodestar.knowledge.Article;
import dev.lodestar.knowledge.KnowledgeBase;
import dev.lodestar.worklist.CaseContext;
import dev.lodestar.worklist.CaseContextProvider;

/**
 * The complaint beside a task form: what the customer said, the targets, the resolution so
 * far, the customer's interaction log and the knowledge-base articles that look related.
 */
@Component
class ComplaintCaseContext implements CaseContextProvider {

	private final Complaints complaints;
	private final CustomerService customers;
	private final KnowledgeBase knowledgeBase;
	private final ComplaintReaders readers;

	ComplaintCaseContext(Complaints complaints, CustomerService customers, KnowledgeBase knowledgeBase,
			ComplaintReaders readers) {
		this.complaints = complaints;
		this.customers = customers;
		this.knowledgeBase = knowledgeBase;
		this.readers = readers;
	}

	@Override
	public boolean supports(String processDefinitionKey) {
		return ComplaintToResolution.PROCESS_KEY.equals(processDefinitionKey);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		if (!supports(processDefinitionKey) || businessKey == null || !readers.mayRead(userId)) {
			return Optional.empty();
		}
		long id;
		try {
			id = Long.parseLong(businessKey);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return complaints.findById(id).map(c -> {
			var facts = new ArrayList<CaseContext.Fact>();
			fact(facts, "case.complaint.status", c.getStatus().name());
			fact(facts, "case.complaint.complaint", c.getDescription());
			fact(facts, "case.complaint.category", ComplaintCustomerView.label(c.getCategory().name()));
			fact(facts, "case.complaint.channel", ComplaintCustomerView.label(c.getChannel().name()));
			fact(facts, "case.complaint.customerTier", c.getCustomerTier().name());
			fact(facts, "case.complaint.severity", c.getSeverity());
			fact(facts, "case.complaint.queue", c.getQueue());
			fact(facts, "case.complaint.eMail", c.getCustomerEmail());
			fact(facts, "case.complaint.phone", c.getCustomerPhone());
			fact(facts, "case.complaint.received", String.valueOf(c.getReceivedAt()));
			fact(facts, "case.complaint.firstResponseDue", c.getResponseDueAt() == null ? null : c.getResponseDueAt().toString());
			fact(facts, "case.complaint.resolutionDue", c.getResolutionDueAt() == null ? null : c.getResolutionDueAt().toString());
			fact(facts, "case.complaint.resolution", c.getResolution());
			fact(facts, "case.complaint.compensation", c.getCompensation() == null ? null : c.getCompensation().toPlainString());
			fact(facts, "case.complaint.customerAnswer", c.getCustomerReply() == null ? null : c.getCustomerReply().name());
			fact(facts, "case.complaint.customerComment", c.getCustomerComment());
			fact(facts, "case.complaint.satisfaction", c.getSatisfaction() == null ? null : c.getSatisfaction() + "/5");
			if (c.getReopenCount() > 0) {
				fact(facts, "case.complaint.reopened", c.getReopenCount() + "×");
			}
			if (c.getEscalationCount() > 0) {
				fact(facts, "case.complaint.slaBreaches", String.valueOf(c.getEscalationCount()));
			}
			List<Article> related = knowledgeBase.related(c.getDescription(), 3);
			if (!related.isEmpty()) {
				fact(facts, "case.complaint.knowledgeBase", String.join(" · ",
						related.stream().map(a -> "#" + a.getId() + " " + a.getTitle()).toList()));
			}
			List<CaseContext.Interaction> log = c.getCustomerId() == null ? List.of()
					: customers.interactions(c.getCustomerId(), 20)
						.stream()
						.map(i -> new CaseContext.Interaction(i.occurredAt(), i.type().name(), i.recordedBy(),
								i.summary(), i.outcome()))
						.toList();
			return new CaseContext("case.kind.complaint", "Complaint #" + c.getId() + " — " + c.getCustomerName(),
					"/api/complaints/" + c.getId(), c.getCustomerId(), c.getCustomerName(), facts, log);
		});
	}

	private static void fact(List<CaseContext.Fact> facts, String label, String value) {
		if (value != null && !value.isBlank()) {
			facts.add(new CaseContext.Fact(label, value));
		}
	}

}
