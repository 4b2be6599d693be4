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

	@Query("select a.id from Attachment a where a.ownerKind = ?1 and a.ownerId = ?2 order by a.id")
	List<Long> idsOf(String ownerKind, long ownerId);

	/** Moves these attachments of one case to another (those still on {@code from}). */
	@org.springframework.data.jpa.repository.Modifying
	@Query("update Attachment a set a.ownerId = ?4 where a.ownerKind = ?1 and a.ownerId = ?3 and a.id in ?2")
	int move(String ownerKind, java.util.Collection<Long> ids, long from, long to);

}
