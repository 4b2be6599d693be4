package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The complaint's own rules, without the process around it. */
class ComplaintUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static Complaint open() {
		return new Complaint(1L, "Mei Chen", "mei@example.com", null, CustomerTier.STANDARD, Channel.WEB,
				Category.SERVICE, "Nobody called back.", NOW, "carol", NOW);
	}

	@Test
	void isResolvedOnlyWhileOpenAndWithAText() {
		Complaint complaint = open();
		assertThatThrownBy(() -> complaint.resolve(" ", null, NOW)).isInstanceOf(IllegalArgumentException.class);
		complaint.resolve("We called back.", BigDecimal.TEN, NOW);
		assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
		assertThatThrownBy(() -> complaint.resolve("Again.", null, NOW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void takesOneAnswerPerResolutionWithASatisfactionFromOneToFive() {
		Complaint complaint = open();
		assertThatThrownBy(() -> complaint.recordReply(CustomerReply.CONFIRMED, 5, null))
			.isInstanceOf(IllegalStateException.class);
		complaint.resolve("We called back.", null, NOW);
		assertThatThrownBy(() -> complaint.recordReply(CustomerReply.CONFIRMED, 6, null))
			.isInstanceOf(IllegalArgumentException.class);
		complaint.recordReply(CustomerReply.CONFIRMED, 5, "thanks");
		assertThatThrownBy(() -> complaint.recordReply(CustomerReply.REJECTED, 1, null))
			.isInstanceOf(IllegalStateException.class);
		assertThat(complaint.getSatisfaction()).isEqualTo(5);
	}

	@Test
	void reopensOnlyAfterTheCustomerRejectedAndThenTakesANewResolution() {
		Complaint complaint = open();
		complaint.resolve("We called back.", null, NOW);
		assertThatThrownBy(() -> complaint.reopen(NOW)).isInstanceOf(IllegalStateException.class);
		complaint.recordReply(CustomerReply.REJECTED, 2, "nobody called");
		assertThatThrownBy(() -> complaint.close(NOW)).isInstanceOf(IllegalStateException.class);

		complaint.reopen(NOW.plus(Duration.ofDays(2)));
		assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.OPEN);
		assertThat(complaint.getReopenCount()).isEqualTo(1);
		complaint.resolve("The manager called.", null, NOW);
		assertThat(complaint.getCustomerReply()).isNull();
	}

	@Test
	void closesOnlyWhenResolvedAndConfirmedOrUnanswered() {
		Complaint complaint = open();
		assertThatThrownBy(() -> complaint.close(NOW)).isInstanceOf(IllegalStateException.class);
		complaint.resolve("We called back.", null, NOW);
		assertThatThrownBy(() -> complaint.close(NOW)).isInstanceOf(IllegalStateException.class);
		complaint.recordReply(CustomerReply.NO_REPLY, null, null);
		complaint.close(NOW);
		assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
		assertThatThrownBy(() -> complaint.resolve("Late.", null, NOW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aConfirmationLinkWorksOnceAndNotAfterItExpires() {
		var link = new ConfirmationToken(1L, "hash", NOW, NOW.plus(Duration.ofDays(7)));
		assertThat(link.state(NOW)).isEqualTo(ConfirmationToken.State.VALID);
		assertThat(link.state(NOW.plus(Duration.ofDays(7)))).isEqualTo(ConfirmationToken.State.EXPIRED);
		assertThatThrownBy(() -> link.use(CustomerReply.CONFIRMED, NOW.plus(Duration.ofDays(8))))
			.isInstanceOf(IllegalStateException.class);
		link.use(CustomerReply.CONFIRMED, NOW);
		assertThat(link.state(NOW)).isEqualTo(ConfirmationToken.State.USED);
		assertThatThrownBy(() -> link.use(CustomerReply.REJECTED, NOW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theCustomerMastersSegmentGivesTheTier() {
		assertThat(ComplaintService.tierOf("Platinum")).isEqualTo(CustomerTier.PLATINUM);
		assertThat(ComplaintService.tierOf(" gold ")).isEqualTo(CustomerTier.GOLD);
		assertThat(ComplaintService.tierOf("SMB")).isEqualTo(CustomerTier.STANDARD);
		assertThat(ComplaintService.tierOf(null)).isEqualTo(CustomerTier.STANDARD);
	}

}
