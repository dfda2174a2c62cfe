package dev.baton.lead;

import dev.baton.db.Pipeline.Statement;
import dev.baton.paging.Cursor;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of GET /api/v1/leads (and its search) in plain SQL: the leads of the page, then the
 * external ids of the same leads, sent in one exchange and read by {@link LeadRowReader}. Through
 * Hibernate a page took two exchanges and built its leads through generic initializers: read this
 * way a replica serves half as many pages again, with a third of the tail (docs/performance.md).
 * Each filter is a column with an index of its own ({@code lead_status}, {@code lead_source}…), the
 * order is the cursor's, {@code (created_at, id)}.
 */
final class LeadPages {

  private LeadPages() {}

  /** The page's query, then its external ids' ({@code lead_id, system, external_id}). */
  static Statement[] statements(LeadRepository.Filter filter, Cursor after, int limit) {
    List<String> where = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    equal(where, values, "status", filter.status() == null ? null : filter.status().name());
    equal(where, values, "source", filter.source());
    equal(where, values, "campaign", filter.campaign());
    equal(where, values, "segment", filter.segment());
    equal(where, values, "owner", filter.owner());
    equal(where, values, "sla_state", filter.slaState() == null ? null : filter.slaState().name());
    equal(
        where,
        values,
        "email_normalized",
        filter.email() == null ? null : LeadContact.normalize(filter.email()));
    if (filter.updatedSince() != null) {
      where.add("updated_at >= ?");
      values.add(filter.updatedSince());
    }
    if (after != null) {
      where.add("(created_at, id) > (?, ?)");
      values.add(after.at());
      values.add(after.id());
    }
    String page =
        (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY created_at, id LIMIT "
            + limit;
    Object[] bound = values.toArray();
    return new Statement[] {
      new Statement(LeadRowReader.SELECT + page, bound),
      new Statement(
          "SELECT lead_id, system, external_id FROM lead_external_ref WHERE lead_id IN (SELECT id"
              + " FROM lead"
              + page
              + ") ORDER BY lead_id, system",
          bound)
    };
  }

  private static void equal(List<String> where, List<Object> values, String column, Object value) {
    if (value != null) {
      where.add(column + " = ?");
      values.add(value);
    }
  }
}
