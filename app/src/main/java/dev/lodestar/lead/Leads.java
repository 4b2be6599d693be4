package dev.lodestar.lead;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

/** All leads. */
interface Leads extends JpaRepository<Lead, Long> {

	@Query("""
			select l from Lead l
			where l.stage in :stages
			  and (:text = '' or lower(l.company) like concat('%', :text, '%')
			       or lower(coalesce(l.contactName, '')) like concat('%', :text, '%')
			       or lower(coalesce(l.email, '')) like concat('%', :text, '%'))
			order by l.createdAt desc, l.id desc""")
	List<Lead> search(@Param("stages") java.util.Collection<LeadStage> stages, @Param("text") String lowerText, Pageable page);

	List<Lead> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

	/**
	 * How many leads stand where, grouped by what the board filters on: lead stage, opportunity
	 * stage (null before there is one), owner (the opportunity's, else the lead's), region and
	 * source, with their value. A few hundred groups however many leads.
	 */
	@Query("""
			select new dev.lodestar.lead.PipelineTotal(l.stage, o.stage, coalesce(o.owner, l.owner), l.region,
			       l.source, count(l), sum(coalesce(o.finalAmount, o.amount, l.estimatedValue)))
			from Lead l left join Opportunity o on o.leadId = l.id
			group by l.stage, o.stage, coalesce(o.owner, l.owner), l.region, l.source""")
	List<PipelineTotal> stageTotals();

	/**
	 * Every open lead (not disqualified, won or lost) with what the forecast needs: its owner (the
	 * opportunity's, else the lead's), amount (the opportunity's, else the estimate), expected
	 * close date and probability. One row per lead, no entity loaded.
	 */
	@Query("""
			select new dev.lodestar.lead.ForecastLead(l.id, l.company, coalesce(o.owner, l.owner), l.stage, o.stage,
			       coalesce(o.amount, l.estimatedValue), l.expectedClose, l.probability, l.createdAt)
			from Lead l left join Opportunity o on o.leadId = l.id
			where l.stage <> dev.lodestar.lead.LeadStage.DISQUALIFIED
			  and (o.id is null or o.stage not in (dev.lodestar.lead.OpportunityStage.WON, dev.lodestar.lead.OpportunityStage.LOST))""")
	List<ForecastLead> forecastLeads();

	/** Leads in a finished pipeline stage (won, lost: the opportunity's; disqualified: the lead's), newest first. */
	@Query(value = """
			select l from Lead l left join Opportunity o on o.leadId = l.id
			where (:disqualified = true and l.stage = dev.lodestar.lead.LeadStage.DISQUALIFIED)
			   or (:disqualified = false and o.stage = :opportunityStage)""",
			countQuery = """
			select count(l) from Lead l left join Opportunity o on o.leadId = l.id
			where (:disqualified = true and l.stage = dev.lodestar.lead.LeadStage.DISQUALIFIED)
			   or (:disqualified = false and o.stage = :opportunityStage)""")
	org.springframework.data.domain.Page<Lead> findFinished(@Param("disqualified") boolean disqualified,
			@Param("opportunityStage") OpportunityStage opportunityStage, Pageable page);

	/**
	 * Every lead of the board's filter (owner: the opportunity's, else the lead's), open and
	 * finished, optionally of one pipeline stage, a page at a time in the order the page asks
	 * for: the pipeline as a list. A stage is given as {@code leadStage} (the lead's stage) and,
	 * for the opportunity's stages, {@code opportunityStage}; {@code orWithoutOpportunity} also
	 * takes a qualified lead whose opportunity is not opened yet (the board's proposal column).
	 */
	@Query(value = "select l " + LISTED, countQuery = "select count(l) " + LISTED)
	org.springframework.data.domain.Page<Lead> findListed(@Param("owner") String owner, @Param("region") Region region,
			@Param("source") LeadSource source, @Param("leadStage") LeadStage leadStage,
			@Param("opportunityStage") OpportunityStage opportunityStage,
			@Param("orWithoutOpportunity") boolean orWithoutOpportunity, Pageable page);

	/**
	 * The first leads of one stage of the filter in the page's order, not counted: a column's
	 * cards on the board (its count comes from {@link #stageTotals()}).
	 */
	@Query("select l " + LISTED)
	List<Lead> findFirstListed(@Param("owner") String owner, @Param("region") Region region,
			@Param("source") LeadSource source, @Param("leadStage") LeadStage leadStage,
			@Param("opportunityStage") OpportunityStage opportunityStage,
			@Param("orWithoutOpportunity") boolean orWithoutOpportunity, Pageable page);

	String LISTED = """
			from Lead l left join Opportunity o on o.leadId = l.id
			where (:owner is null or coalesce(o.owner, l.owner) = :owner)
			  and (:region is null or l.region = :region)
			  and (:source is null or l.source = :source)
			  and (:leadStage is null or l.stage = :leadStage)
			  and (:opportunityStage is null or o.stage = :opportunityStage
			       or (:orWithoutOpportunity = true and o.id is null))""";

	/** Everybody who owns a lead (the opportunity's owner, else the lead's), by name: the filter's choices. */
	@Query("""
			select distinct coalesce(o.owner, l.owner) from Lead l left join Opportunity o on o.leadId = l.id
			where coalesce(o.owner, l.owner) is not null
			order by coalesce(o.owner, l.owner)""")
	List<String> owners();

	/** The lead, locked until the transaction ends: steps of one lead are completed one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from Lead l where l.id = :id")
	java.util.Optional<Lead> lockById(@Param("id") Long id);

	boolean existsByCompany(String company);

	/** Ids of leads whose company contains the (lower-case) text, for My work's Customer filter. */
	@Query("select l.id from Lead l where lower(l.company) like concat('%', :text, '%') order by l.id desc")
	List<Long> idsByCompany(@Param("text") String lowerText, Pageable page);

	@Query("select l.id from Lead l where l.customerId = :customer order by l.id")
	List<Long> idsOfCustomer(@Param("customer") Long customerId);

	/** The leads whose duplicate review asks about these two customers. */
	@Query("""
			select l from Lead l
			where l.stage = dev.lodestar.lead.LeadStage.DUPLICATE_REVIEW
			  and ((l.customerId = :a and l.duplicateOfId = :b) or (l.customerId = :b and l.duplicateOfId = :a))
			order by l.id""")
	List<Lead> waitingForReviewOf(@Param("a") Long a, @Param("b") Long b);

}
