package dev.lodestar.complaint;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A complaint as the agent (or the web form) records it. Values are kept as text so that every
 * wrong field, not only the first, is named in the answer. The sizes are the ones
 * {@link ComplaintService#register} checks, stated here for the API's readers.
 */
public record ComplaintIntake(
		@Schema(example = "Mei Chen") @Size(max = 200) String customerName,
		@Schema(example = "mei.chen@example.com") @Size(max = 320) String customerEmail,
		@Schema(example = "+86 21 5555 0101") @Size(max = 50) String customerPhone,
		@Schema(allowableValues = { "PHONE", "EMAIL", "WEB", "STORE" }) @Size(max = 20) String channel,
		@Schema(allowableValues = { "PRODUCT_DEFECT", "DELIVERY", "BILLING", "SERVICE", "SAFETY" }) @Size(max = 30) String category,
		@Schema(example = "The sofa arrived with a torn cushion.") @Size(max = 4000) String description,
		@Schema(description = "customer master id, when the caller was looked up first") Long customerId,
		@Schema(description = "when the complaint reached us, if earlier than now (a voicemail, a letter)") Instant receivedAt,
		@Schema(description = "how the customer wants the resolution: EMAIL (a confirmation link) or PHONE (an agent calls); "
				+ "by default e-mail when there is an address", allowableValues = { "EMAIL", "PHONE" }) @Size(max = 10) String preferredContact) {

	/** A complaint without a stated preference: the resolution goes by e-mail when there is an address. */
	public ComplaintIntake(String customerName, String customerEmail, String customerPhone, String channel,
			String category, String description, Long customerId, Instant receivedAt) {
		this(customerName, customerEmail, customerPhone, channel, category, description, customerId, receivedAt, null);
	}

}
