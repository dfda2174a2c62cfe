package dev.baton.lead;

import dev.baton.db.Conditions;
import dev.baton.db.Pipeline.Statement;
import dev.baton.paging.Cursor;
import dev.baton.reason.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A page of GET /api/v1/leads (and its search) in plain SQL: the leads of the page, each with its
 * external ids, in one statement read by {@link LeadRowReader}. Through Hibernate a page took two
 * exchanges and built its leads through generic initializers (the figures of each version are in
 * docs/performance.md, "What changed"). Each filter is a column with an index of its own ({@code
 * lead_status}, {@code lead_source}…), the order is the cursor's, {@code (created_at, id)}.
 */
final class LeadPages {

  /**
   * The page's leads with their external ids: the page once (materialized), then the ids of its
   * leads aggregated per lead, in the order of their systems' names compared as {@link LeadViews}
   * compares them (character by character, whatever the database's collation), joined to it. One
   * statement, one snapshot: a lead and its ids as one moment saw them. Correlated subqueries per
   * lead measured slower (docs/performance.md).
   */
  private static final String PAGE = "WITH page AS MATERIALIZED (" + LeadRowReader.SELECT;

  private static final String WITH_REFS =
      "), refs AS (SELECT x.lead_id, array_agg(x.system ORDER BY x.system COLLATE \"C\") AS"
          + " systems, array_agg(x.external_id ORDER BY x.system COLLATE \"C\") AS ids"
          + " FROM lead_external_ref x WHERE x.lead_id IN (SELECT id FROM page) GROUP BY x.lead_id)"
          + " SELECT page.*, refs.systems, refs.ids FROM page LEFT JOIN refs ON refs.lead_id ="
          + " page.id ORDER BY page.created_at, page.id";

  private LeadPages() {}

  /** The page's query: its leads, each with its external ids ({@link #read}). */
  static Statement statement(LeadRepository.Filter filter, Cursor after, int limit) {
    Conditions where =
        new Conditions()
            .when("status = ?", filter.status() == null ? null : filter.status().name())
            .when("source = ?", filter.source())
            .when("campaign = ?", filter.campaign())
            .when("segment = ?", filter.segment())
            .when("owner = ?", filter.owner())
            .when("sla_state = ?", filter.slaState() == null ? null : filter.slaState().name())
            .when(
                "email_normalized = ?",
                filter.email() == null ? null : LeadContact.normalize(filter.email()))
            .when("updated_at >= ?", filter.updatedSince());
    if (after != null) {
      where.add("(created_at, id) > (?, ?)", after.at(), after.id());
    }
    String page = where.where() + " ORDER BY created_at, id LIMIT " + limit;
    return Statement.of(PAGE + page + WITH_REFS, where.values().toArray());
  }

  /**
   * The leads of the rows of {@link #statement}, in their order; {@code reasons} as for {@link
   * LeadRowReader#read}.
   */
  static List<Lead> read(List<Object[]> rows, Function<String, RejectionReason> reasons) {
    List<Lead> leads = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      String[] systems =
          row[row.length - 2] == null ? new String[0] : (String[]) row[row.length - 2];
      String[] ids = (String[]) row[row.length - 1];
      List<Object[]> refs = new ArrayList<>(systems.length);
      for (int i = 0; i < systems.length; i++) {
        refs.add(new Object[] {systems[i], ids[i]});
      }
      leads.add(LeadRowReader.read(row, refs, reasons));
    }
    return leads;
  }
}
