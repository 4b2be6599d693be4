package dev.lodestar.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment limits ({@code LODESTAR_ATTACHMENTS_MAX_SIZE}).
 *
 * @param maxSize the largest file kept, uploaded or from mail; larger ones are refused (HTTP 413)
 *        or, from mail, noted on the case and left out. Keep it below
 *        {@code spring.servlet.multipart.max-file-size}.
 */
@ConfigurationProperties("lodestar.attachments")
public record AttachmentSettings(@DefaultValue("10MB") DataSize maxSize) {
}
