package dev.lodestar.knowledge;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ranked search in the database, one page at a time: the ids of the articles that contain every
 * query word as a word prefix, best first, and how many there are. On PostgreSQL by full-text
 * search ({@code ts_rank} over the title weighted above the body, R__knowledge_search.sql); elsewhere (H2) by LIKE
 * over the term table, a title containing a word scoring above a body that does. Ties: newest
 * first. Query words hold only letters and digits ({@link SearchTerms}), so none can reach the
 * query syntax; they travel as parameters all the same.
 */
@Component
class ArticleSearch {

	/** One page of ids, best first, and the number of matching articles. */
	record Hits(List<Long> ids, long total) {
	}

	private final JdbcTemplate jdbc;
	private final boolean postgres;

	ArticleSearch(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		try (var connection = dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

	/** Whether ranking is PostgreSQL's full-text search (else LIKE). */
	boolean fullText() {
		return postgres;
	}

	Hits search(Set<String> terms, ArticleFilter filter, int offset, int limit) {
		return postgres ? fullText(terms, filter, offset, limit) : like(terms, filter, offset, limit);
	}

	private Hits fullText(Set<String> terms, ArticleFilter filter, int offset, int limit) {
		String query = terms.stream().map(t -> t + ":*").collect(Collectors.joining(" & "));
		String where = "a.search_vector @@ to_tsquery('simple', ?) and " + status(filter);
		long total = jdbc.queryForObject("select count(*) from crm_kb_article a where " + where, Long.class, query);
		List<Long> ids = jdbc.queryForList("""
				select a.id from crm_kb_article a
				where %s
				order by ts_rank(a.search_vector, to_tsquery('simple', ?)) desc, a.updated_at desc, a.id desc
				offset ? limit ?""".formatted(where), Long.class, query, query, offset, limit);
		return new Hits(ids, total);
	}

	private Hits like(Set<String> terms, ArticleFilter filter, int offset, int limit) {
		var where = new StringBuilder(status(filter));
		var score = new ArrayList<String>();
		var args = new ArrayList<Object>();
		for (String term : terms) {
			where.append(" and exists (select 1 from crm_kb_article_term t where t.article_id = a.id and t.term like ?)");
			args.add(term + "%");
			score.add("case when lower(a.title) like ? then 3 else 1 end");
		}
		long total = jdbc.queryForObject("select count(*) from crm_kb_article a where " + where, Long.class,
				args.toArray());
		// parameters in the order they appear: the where clause's, the score's, the page's
		terms.forEach(term -> args.add("%" + term + "%"));
		args.add(offset);
		args.add(limit);
		List<Long> ids = jdbc.queryForList("""
				select a.id from crm_kb_article a
				where %s
				order by %s desc, a.updated_at desc, a.id desc
				offset ? rows fetch next ? rows only""".formatted(where, String.join(" + ", score)), Long.class,
				args.toArray());
		return new Hits(ids, total);
	}

	private static String status(ArticleFilter filter) {
		return switch (filter) {
			case PUBLISHED -> "a.status = 'PUBLISHED'";
			case DRAFT -> "a.status = 'DRAFT'";
			case IN_REVIEW -> "a.status = 'PUBLISHED' and a.revision > a.published_revision";
			case ALL -> "1 = 1";
		};
	}

}
