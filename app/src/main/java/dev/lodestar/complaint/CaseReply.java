package dev.lodestar.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A mail to the customer from the case. The subject carries the case reference ({@code [LS-C-123]},
 * added when missing); the message goes out in the customer's language, through the outbox.
 */
public record CaseReply(@Schema(example = "[LS-C-12] Your sofa") @Size(max = 300) String subject,
		@Schema(example = "A technician will visit on Monday.") @NotBlank @Size(max = 10000) String body) {
}
