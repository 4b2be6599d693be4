/**
 * Attachments: photos and documents on complaints, leads and customers, uploaded on their pages or
 * brought by inbound mail. The bytes live in the database (so every node serves them), limited in
 * size ({@link AttachmentSettings}) and in type by their content ({@link ContentSniffer}), never by
 * the file's name or declared type. Who may read or attach is the case's own rule: each module
 * owning a kind of case implements {@link AttachmentOwner}; anybody else is told the case does not
 * exist. A low module: it knows none of the modules whose cases carry attachments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package dev.lodestar.attachment;
