package dev.lodestar.complaint;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A complaint as the agent (or the web form) records it. Values are kept as text so that every
 * wrong field, not only the first, is named in the answer.
 */
public record ComplaintIntake(
		@Schema(example = "Mei Chen") String customerName,
		@Schema(example = "mei.chen@example.com") String customerEmail,
		@Schema(example = "+86 21 5555 0101") String customerPhone,
		@Schema(allowableValues = { "PHONE", "EMAIL", "WEB", "STORE" }) String channel,
		@Schema(allowableValues = { "PRODUCT_DEFECT", "DELIVERY", "BILLING", "SERVICE", "SAFETY" }) String category,
		@Schema(example = "The sofa arrived with a torn cushion.") String description,
		@Schema(description = "customer master id, when the caller was looked up first") Long customerId,
		@Schema(description = "when the complaint reached us, if earlier than now (a voicemail, a letter)") Instant receivedAt) {
}
