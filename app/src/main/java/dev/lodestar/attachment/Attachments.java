package dev.lodestar.attachment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Attachments extends JpaRepository<Attachment, Long> {

	/** The attachments of a case, newest first, without their bytes. */
	@Query("select new dev.lodestar.attachment.AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.source, "
			+ "a.uploadedBy, a.uploadedAt) from Attachment a where a.ownerKind = ?1 and a.ownerId = ?2 "
			+ "order by a.uploadedAt desc, a.id desc")
	List<AttachmentView> listOf(String ownerKind, long ownerId);

	Optional<Attachment> findByIdAndOwnerKindAndOwnerId(long id, String ownerKind, long ownerId);

}
