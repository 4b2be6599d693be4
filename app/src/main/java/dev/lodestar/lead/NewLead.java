package dev.lodestar.lead;

import java.math.BigDecimal;

import dev.lodestar.system.FormValues;
import dev.lodestar.system.OneOf;
import dev.lodestar.system.WrittenAmount;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A lead as typed in the capture form, posted to the API or read from an import row: plain text,
 * checked by Bean Validation (the controllers' {@code @Valid}, and {@link LeadCapture#capture} for
 * every other caller), which names every invalid field with what it expects.
 *
 * @param source one of {@link LeadSource} (case-insensitive)
 * @param region one of {@link Region} (case-insensitive)
 * @param segment one of {@link Segment}, optional
 * @param estimatedValue the expected deal size, optional, written as a person writes it ({@code 50,000})
 */
public record NewLead(
		@Schema(example = "Acme Ltd") @NotBlank(message = "{platform.validation.required}")
		@Size(max = 300, message = "{platform.validation.atMost}") String company,
		@Size(max = 200, message = "{platform.validation.atMost}") String contactName,
		@Pattern(regexp = EMAIL, message = "{platform.validation.emailAddress}")
		@Size(max = 320, message = "{platform.validation.atMost}") String email,
		@Size(max = 64, message = "{platform.validation.atMost}") String phone,
		@Schema(allowableValues = { "WEB", "EMAIL", "PHONE", "REFERRAL", "PARTNER", "EVENT", "IMPORT" })
		@OneOf(value = LeadSource.class, required = true) String source,
		@Schema(allowableValues = { "EMEA", "NA", "APAC", "LATAM" })
		@OneOf(value = Region.class, required = true) String region,
		@Size(max = 4000, message = "{platform.validation.atMost}") String notes,
		@Schema(allowableValues = { "ENTERPRISE", "SMB", "CONSUMER", "UNKNOWN" })
		@OneOf(Segment.class) String segment,
		@Schema(example = "50,000") @WrittenAmount(precision = 15, scale = 2) String estimatedValue) {

	/** Deliberately simple: one @, something before it, a dot after it, no blanks; empty is no address. */
	static final String EMAIL = "\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?\\s*";

	LeadSource leadSource() {
		return FormValues.code("source", LeadSource.class, source);
	}

	Region leadRegion() {
		return FormValues.code("region", Region.class, region);
	}

	Segment leadSegment() {
		return FormValues.code("segment", Segment.class, segment);
	}

	BigDecimal amount() {
		return FormValues.decimal("estimatedValue", estimatedValue);
	}

}
