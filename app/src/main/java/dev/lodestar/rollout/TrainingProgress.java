package dev.lodestar.rollout;

import java.time.Instant;
import java.util.List;

/**
 * Training progress, kept once: who belongs to which wave (its audience), who attended which
 * session, who passed which knowledge check and who is overdue. The rollout module's public API
 * for every page and figure that shows training (the cockpit, its KPI and drill-down, the KPI
 * review, the rollout page, the training pages, the go-live gate's inputs): none of them counts
 * training records on its own.
 *
 * <p>The rules, in one place ({@link TrainingLedger}):
 * <ul>
 * <li><b>audience</b>: the members of the wave's roles now, plus the people the trainer named,
 * minus the people the trainer took out; someone who joins a role late belongs to the wave at
 * once;</li>
 * <li><b>attended</b>: present on the attendance list of at least one of the wave's sessions (or
 * recorded as attended by the trainer's task);</li>
 * <li><b>passed</b>: the knowledge check scored at or above the wave's pass score (taken in the
 * app, or a paper check the trainer recorded);</li>
 * <li><b>completion</b>: passed / audience, in % with one decimal;</li>
 * <li><b>overdue</b>: in the audience, not passed, and the wave's deadline has passed.</li>
 * </ul>
 */
public interface TrainingProgress {

	/** Every wave, newest first. */
	List<WaveProgress> waves();

	/** The waves of one rollout, in the order they were created. */
	List<WaveProgress> wavesOfRollout(Long rolloutId);

	/** Every member of every wave's audience, wave by wave, participants in id order. */
	List<ParticipantStatus> participants();

	/**
	 * One wave's figures.
	 *
	 * @param invited the audience (people who must take the wave)
	 * @param completed the audience members who passed the knowledge check
	 * @param completionPercent completed / invited x 100, one decimal; 0 for an empty audience
	 * @param attended audience members present at one of the wave's sessions at least
	 * @param overdue audience members not passed after the deadline
	 * @param rolloutId the rollout the wave belongs to, {@code null} for a wave on its own
	 */
	record WaveProgress(Long waveId, Long rolloutId, String kind, String name, String status, long invited,
			long completed, double completionPercent, int target, Instant deadline, long attended, long overdue) {

		/** This wave's figures worked out from these members (the rules above): the ledger's and every as-of view's. */
		public WaveProgress of(List<ParticipantStatus> members) {
			long passed = members.stream().filter(ParticipantStatus::passed).count();
			double percent = members.isEmpty() ? 0 : Math.round(1000.0 * passed / members.size()) / 10.0;
			return new WaveProgress(waveId, rolloutId, kind, name, status, members.size(), passed, percent, target,
					deadline, members.stream().filter(ParticipantStatus::attended).count(),
					members.stream().filter(ParticipantStatus::overdue).count());
		}

	}

	/**
	 * One member of one wave's audience.
	 *
	 * @param since when the person was invited (or, for someone who joined the audience later and
	 * has no record yet, when the wave invited its audience)
	 * @param passedAt when the passing score was recorded, {@code null} while not passed
	 * @param named whether the trainer named the person into the wave (beside its roles)
	 */
	record ParticipantStatus(Long waveId, Long rolloutId, String waveKind, String waveName, String participant,
			Instant since, boolean attended, Integer score, int passScore, boolean passed, Instant passedAt,
			Instant deadline, boolean overdue, boolean named) {

		/** Whether the person had passed by {@code at}. */
		public boolean passedBy(Instant at) {
			return passedAt != null && passedAt.isBefore(at);
		}

		/** Whether the person belonged to the wave's audience by {@code at}. */
		public boolean invitedBy(Instant at) {
			return since != null && since.isBefore(at);
		}

		/**
		 * The person as they stood at {@code at} (a past moment): passed only if passed by then,
		 * overdue if not passed by then and the deadline lay before it. A passing score recorded
		 * later was not there yet; a failing score (its time is not kept) stays. Attendance is as
		 * recorded.
		 */
		public ParticipantStatus asOf(Instant at) {
			boolean passedThen = passedBy(at);
			boolean overdueThen = !passedThen && deadline != null && deadline.isBefore(at);
			Integer scoreThen = passedThen || passedAt == null ? score : null;
			return new ParticipantStatus(waveId, rolloutId, waveKind, waveName, participant, since, attended, scoreThen,
					passScore, passedThen, passedThen ? passedAt : null, deadline, overdueThen, named);
		}

	}

}
