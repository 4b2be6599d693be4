package dev.lodestar.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V104: the name key of every customer as {@link MatchKeys#name} now writes it
 * (full-width forms and Chinese legal forms are normalised), the key inside the customer's
 * search text with it, and the customer's name blocks ({@link NameSimilarity#blocks}) in
 * {@code crm_customer_name_block} (created by V103). In Java because the normalisation is;
 * Spring Boot hands this bean to Flyway.
 */
@Component
class CustomerNameBlocksMigration implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("104");
	}

	@Override
	public String getDescription() {
		return "customer name keys and blocks";
	}

	@Override
	public Integer getChecksum() {
		return 104;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		// on a new database this runs before V130 adds the search text (and there are no customers)
		boolean searchText = hasSearchText(connection);
		try (var select = connection.prepareStatement(
				"select id, name, name_key, " + (searchText ? "search_text" : "null") + " from crm_customer");
				var updateKey = connection.prepareStatement(searchText
						? "update crm_customer set name_key = ?, search_text = ? where id = ?"
						: "update crm_customer set name_key = ? where id = ?");
				var insertBlock = connection.prepareStatement(
						"insert into crm_customer_name_block (customer_id, block) values (?, ?)");
				ResultSet rows = select.executeQuery()) {
			int pending = 0;
			while (rows.next()) {
				long id = rows.getLong(1);
				String name = rows.getString(2);
				String oldKey = rows.getString(3);
				String key = MatchKeys.name(name);
				if (!key.equals(oldKey)) {
					updateKey.setString(1, key);
					if (searchText) {
						updateKey.setString(2, searchText(rows.getString(4), name, oldKey, key));
					}
					updateKey.setLong(searchText ? 3 : 2, id);
					updateKey.addBatch();
				}
				for (String block : NameSimilarity.blocks(key)) {
					insertBlock.setLong(1, id);
					insertBlock.setString(2, block);
					insertBlock.addBatch();
				}
				if (++pending % 500 == 0) {
					flush(updateKey, insertBlock);
				}
			}
			flush(updateKey, insertBlock);
		}
	}

	private static boolean hasSearchText(Connection connection) throws SQLException {
		try (var probe = connection.prepareStatement("select * from crm_customer where 1 = 0");
				ResultSet empty = probe.executeQuery()) {
			var columns = empty.getMetaData();
			for (int i = 1; i <= columns.getColumnCount(); i++) {
				if ("search_text".equalsIgnoreCase(columns.getColumnLabel(i))) {
					return true;
				}
			}
			return false;
		}
	}

	/** The search text begins with the name and its key (Customer.refreshSearchText, V130): the new key replaces the old. */
	private static String searchText(String searchText, String name, String oldKey, String key) {
		if (searchText == null) {
			return null;
		}
		String oldStart = (name + " | " + oldKey).toLowerCase(Locale.ROOT);
		return searchText.startsWith(oldStart)
				? (name + " | " + key).toLowerCase(Locale.ROOT) + searchText.substring(oldStart.length()) : searchText;
	}

	private static void flush(PreparedStatement... statements) throws SQLException {
		for (PreparedStatement statement : statements) {
			statement.executeBatch();
		}
	}

}
