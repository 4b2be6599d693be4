package dev.lodestar.customer;

import jakarta.validation.constraints.Size;

/**
 * The customer's own fields as the 360° page edits them.
 *
 * @param preferredLanguage {@code en} or {@code zh-CN}; blank keeps the current one
 */
public record CustomerEdit(@Size(max = 300) String name, @Size(max = 320) String email, @Size(max = 64) String phone,
		@Size(max = 8) String preferredLanguage) {
}
