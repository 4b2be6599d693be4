package dev.lodestar.complaint;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Complaint handling rules that are company policy rather than process structure.
 *
 * @param compensationApprovalThreshold compensation above this needs a service manager's approval
 * @param confirmationWindow how long the customer has to confirm a resolution before the case
 *        closes on its own (and the link in the e-mail expires)
 */
@ConfigurationProperties("lodestar.complaint")
public record ComplaintSettings(@DefaultValue("100") BigDecimal compensationApprovalThreshold,
		@DefaultValue("P7D") Duration confirmationWindow) {
}
