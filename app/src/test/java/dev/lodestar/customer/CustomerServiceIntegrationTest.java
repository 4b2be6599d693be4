package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.CustomerLink.Outcome;
import dev.lodestar.customer.CustomerMatch.Strength;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;

@LodestarIntegrationTest
@RecordApplicationEvents
class CustomerServiceIntegrationTest {

	@Autowired
	CustomerService customers;

	@Autowired
	ApplicationEvents events;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void linksANewLeadWithTheSameEmailToTheExistingCustomerInsteadOfCreatingOne() {
		var first = customers.createOrLink(CustomerDraft.company("Orbit " + tag + " Ltd", "Jane Doe",
				"jane." + tag + "@orbit.example", null, "EMEA"), "alice");
		var second = customers.createOrLink(CustomerDraft.company("Orbit Systems " + tag, "Jane D.",
				"  JANE." + tag.toUpperCase() + "@Orbit.Example ", null, "EMEA"), "alice");

		assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(second.outcome()).isEqualTo(Outcome.LINKED);
		assertThat(second.matchedOn()).containsExactly("email");
		assertThat(second.customer().id()).isEqualTo(first.customer().id());
		assertThat(customers.details(first.customer().id()).contacts()).hasSize(1);
	}

	@Test
	void linksByPhoneWhateverItsSpellingAndAddsTheNewContactPerson() {
		String digits = randomDigits();
		var first = customers.createOrLink(CustomerDraft.company("Harbor " + tag, "Ann Lee", null,
				"+44 " + digits.substring(0, 2) + " " + digits.substring(2), "EMEA"), "alice");
		var second = customers.createOrLink(CustomerDraft.company("Harbour " + tag + " plc", "Tom Berg",
				"tom." + tag + "@harbour.example", "0" + digits, "EMEA"), "bob");

		assertThat(second.outcome()).isEqualTo(Outcome.LINKED);
		assertThat(second.matchedOn()).containsExactly("phone");
		assertThat(second.customer().id()).isEqualTo(first.customer().id());
		assertThat(customers.details(first.customer().id()).contacts()).extracting(ContactSummary::name)
			.containsExactly("Ann Lee", "Tom Berg");
		assertThat(customers.lookupByPhone("00 44 " + digits)).map(CustomerSummary::id).contains(first.customer().id());
		assertThat(customers.lookupByEmail("TOM." + tag + "@harbour.example")).map(CustomerSummary::id)
			.contains(first.customer().id());
	}

	@Test
	void aSimilarCompanyNameIsCreatedButReportedAsALikelyDuplicate() {
		var existing = customers.createOrLink(CustomerDraft.company("Quasar " + tag + " GmbH", "Eva", null, null, "EMEA"),
				"alice");
		var similar = customers.createOrLink(CustomerDraft.company("QUASAR " + tag + ", Inc.", "Max",
				"max." + tag + "@quasar.example", null, "NA"), "alice");

		assertThat(similar.outcome()).isEqualTo(Outcome.CREATED_LIKELY_DUPLICATE);
		assertThat(similar.customer().id()).isNotEqualTo(existing.customer().id());
		assertThat(similar.likelyDuplicates()).extracting(m -> m.customer().id())
			.containsExactly(existing.customer().id());
		assertThat(customers.possibleDuplicates(existing.customer().id())).extracting(m -> m.customer().id())
			.containsExactly(similar.customer().id());
		assertThat(customers.match("quasar " + tag, null, null)).extracting(CustomerMatch::strength)
			.containsOnly(Strength.LIKELY);
	}

	@Test
	void aNameThatIsAnotherPlusMoreWordsIsALikelyDuplicateEitherWayRound() {
		var middle = customers.createOrLink(CustomerDraft.company("Orbit " + tag + " Logistics", null, null, null, null),
				"alice");
		// shorter: the existing name starts with this one and a space
		var shorter = customers.createOrLink(CustomerDraft.company("Orbit " + tag + " Ltd", null, null, null, null), "alice");
		// longer: this name starts with both existing ones (word prefixes of the new key)
		var longer = customers.createOrLink(CustomerDraft.company("ORBIT " + tag + " Logistics Europe", null, null, null,
				null), "alice");
		// the same letters spaced otherwise: a resemblance to the same words only
		var glued = customers.createOrLink(CustomerDraft.company("Orbit " + tag + "logistics", null, null, null, null),
				"alice");
		// another word: no resemblance
		var other = customers.createOrLink(CustomerDraft.company("Orbit " + tag + " Freight", null, null, null, null),
				"alice");

		assertThat(shorter.likelyDuplicates()).extracting(m -> m.customer().id()).containsExactly(middle.customer().id());
		assertThat(longer.likelyDuplicates()).extracting(m -> m.customer().id())
			.containsExactly(middle.customer().id(), shorter.customer().id());
		assertThat(glued.likelyDuplicates()).extracting(m -> m.customer().id()).containsExactly(middle.customer().id());
		assertThat(other.likelyDuplicates()).extracting(m -> m.customer().id()).containsExactly(shorter.customer().id());
	}

	@Test
	void nearNamesAreLikelyDuplicatesWhateverTheirLegalFormWordOrderOrATypo() {
		var existing = customers.createOrLink(CustomerDraft.company("Sakura Design " + tag + " Ltd", null, null, null, null),
				"alice");
		var plural = customers.createOrLink(CustomerDraft.company("Sakura Designs " + tag, null, null, null, null), "alice");
		var reordered = customers.createOrLink(CustomerDraft.company(tag + " DESIGN SAKURA GmbH", null, null, null, null),
				"alice");
		var typo = customers.createOrLink(CustomerDraft.company("Sakrua Design " + tag + " Co.", null, null, null, null),
				"alice");
		var otherTrade = customers.createOrLink(CustomerDraft.company("Sakura Trading " + tag, null, null, null, null),
				"alice");

		assertThat(plural.outcome()).isEqualTo(Outcome.CREATED_LIKELY_DUPLICATE);
		assertThat(plural.likelyDuplicates()).extracting(m -> m.customer().id()).startsWith(existing.customer().id());
		assertThat(reordered.likelyDuplicates()).extracting(m -> m.customer().id())
			.startsWith(existing.customer().id())
			.contains(plural.customer().id());
		assertThat(typo.likelyDuplicates()).extracting(m -> m.customer().id()).contains(existing.customer().id());
		assertThat(otherTrade.likelyDuplicates()).extracting(m -> m.customer().id())
			.doesNotContain(existing.customer().id(), plural.customer().id(), reordered.customer().id(), typo.customer().id());
		assertThat(customers.possibleDuplicates(existing.customer().id())).extracting(m -> m.customer().id())
			.contains(plural.customer().id(), reordered.customer().id(), typo.customer().id());
		assertThat(customers.match("sakura designs " + tag + " limited", null, null))
			.extracting(m -> m.customer().id(), CustomerMatch::strength)
			.contains(org.assertj.core.groups.Tuple.tuple(existing.customer().id(), Strength.LIKELY));
	}

	@Test
	void chinesePersonAndCompanyNamesMatchByTheirCharactersWithoutLegalForms() {
		String given = Character.toString(0x4E00 + Math.floorMod(tag.hashCode(), 20000));
		var company = customers.createOrLink(CustomerDraft.company("北京樱花" + given + "设计有限公司", null, null, null, null),
				"alice");
		var sameCompany = customers.createOrLink(CustomerDraft.company("樱花" + given + "设计有限公司", null, null, null, null),
				"alice");
		var person = customers.createOrLink(CustomerDraft.company("王" + given, null, null, null, null), "alice");
		var samePerson = customers.createOrLink(CustomerDraft.company("王" + given, null, null, null, null), "alice");
		var otherPerson = customers.createOrLink(CustomerDraft.company("汪" + given, null, null, null, null), "alice");

		assertThat(sameCompany.likelyDuplicates()).extracting(m -> m.customer().id()).contains(company.customer().id());
		assertThat(samePerson.likelyDuplicates()).extracting(m -> m.customer().id()).contains(person.customer().id());
		assertThat(otherPerson.likelyDuplicates()).extracting(m -> m.customer().id())
			.doesNotContain(person.customer().id(), samePerson.customer().id());
	}

	@Test
	void confirmingTwoCustomersDistinctClosesTheirResemblance() {
		var a = customers.createOrLink(CustomerDraft.company("Nimbus " + tag, null, null, null, null), "alice");
		var b = customers.createOrLink(CustomerDraft.company("Nimbus " + tag + " Ltd", null, null, null, null), "alice");

		customers.confirmDistinct(b.customer().id(), a.customer().id(), "alice");

		assertThat(customers.possibleDuplicates(a.customer().id())).isEmpty();
		assertThatThrownBy(() -> customers.confirmDistinct(a.customer().id(), b.customer().id(), "alice"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void mergingMovesContactsAndInteractionsToTheSurvivorAndTellsOtherModules() {
		var survivor = customers.createOrLink(CustomerDraft.company("Vertex " + tag, "Ann", "ann." + tag + "@vertex.example",
				null, "EMEA"), "alice");
		var duplicate = customers.createOrLink(CustomerDraft.company("Vertex " + tag + " Co.", "Bo", null,
				"+1 " + randomDigits(), null), "alice");
		long dupId = duplicate.customer().id();
		long survivorId = survivor.customer().id();
		customers.logInteraction(dupId, new NewInteraction(InteractionType.CALL, null, "alice", "Bo",
				"Asked for a price list", "sent it", "lead", "7"));

		var merged = customers.merge(dupId, survivorId, "bob");

		assertThat(merged.id()).isEqualTo(survivorId);
		assertThat(merged.phone()).isEqualTo(duplicate.customer().phone());
		assertThat(customers.get(dupId).mergedIntoId()).isEqualTo(survivorId);
		assertThat(customers.currentId(dupId)).isEqualTo(survivorId);
		var view = customers.view(dupId, "alice");
		assertThat(view.customer().id()).isEqualTo(survivorId);
		assertThat(view.contacts()).extracting(ContactSummary::name).containsExactly("Ann", "Bo");
		assertThat(view.interactions()).extracting(InteractionEntry::summary)
			.contains("Asked for a price list")
			.anyMatch(s -> s.startsWith("Merged customer #" + dupId));
		assertThat(view.possibleDuplicates()).isEmpty();
		assertThat(events.stream(CustomersMerged.class)).contains(new CustomersMerged(dupId, survivorId, "bob"));
		assertThat(customers.lookupByPhone(duplicate.customer().phone())).map(CustomerSummary::id).contains(survivorId);
		assertThatThrownBy(() -> customers.merge(dupId, survivorId, "bob")).isInstanceOf(ConflictException.class);
	}

	@Test
	void interactionsNeedATypeASummaryAndSomebodyWhoHadThem() {
		var customer = customers.createOrLink(CustomerDraft.company("Zenith " + tag, null, null, null, null), "alice");
		assertThatThrownBy(() -> customers.logInteraction(customer.customer().id(),
				new NewInteraction(null, null, null, null, " ", null, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("type", "summary", "recordedBy"));
	}

	@Test
	void searchFindsCustomersByNameContactEmailAndPhone() {
		String digits = randomDigits();
		var customer = customers.createOrLink(CustomerDraft.company("Pinnacle " + tag + " Ltd", "Carla Ruiz",
				"carla." + tag + "@pinnacle.example", digits, null), "alice");
		long id = customer.customer().id();
		assertThat(customers.search("pinnacle " + tag, 10)).extracting(CustomerSummary::id).containsExactly(id);
		assertThat(customers.search("carla." + tag, 10)).extracting(CustomerSummary::id).containsExactly(id);
		assertThat(customers.search(digits, 10)).extracting(CustomerSummary::id).containsExactly(id);
	}

	static String randomDigits() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_999_999_999L));
	}

}
