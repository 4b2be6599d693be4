package dev.lodestar.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * A test-only case provider for the test lead process, standing in for the lead module's: it
 * proves that the task page asks the providers and shows the case beside the form.
 */
@Component
class TestLeadCases implements CaseContextProvider {

	@Override
	public boolean supports(String processDefinitionKey) {
		return "test-lead-qualification".equals(processDefinitionKey);
	}

	@Override
	public Optional<CaseContext> describe(String processDefinitionKey, String businessKey, String userId) {
		return Optional.of(new CaseContext("Lead", "Lead " + businessKey + " — Shanghai Lotus Furniture", null, 7L,
				"Shanghai Lotus Furniture",
				List.of(new CaseContext.Fact("Channel", "Trade fair"), new CaseContext.Fact("Region", "East")),
				List.of(new CaseContext.Interaction(Instant.parse("2026-11-20T09:30:00Z"), "CALL", "alice",
						"Asked for a showroom visit", "visit planned"))));
	}

}
