package dev.baton.reports;

import dev.baton.web.QueryParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Which leads a report covers: all of them, or those of one segment, source or campaign (exact; the
 * lead's current attribution). Every filter given applies.
 */
public record Cohort(String segment, String source, String campaign) {

  public static final Cohort ALL = new Cohort(null, null, null);
  static final String SEGMENT_DOC = "Only the leads of this segment, exact";
  static final String SOURCE_DOC = "Only the leads of this attribution source, exact";
  static final String CAMPAIGN_DOC = "Only the leads of this attribution campaign, exact";

  public static Cohort of(QueryParams params, String segment, String source, String campaign) {
    return new Cohort(
        params.text("segment", segment),
        params.text("source", source),
        params.text("campaign", campaign));
  }

  /**
   * The SQL condition on a table with columns segment, source and campaign: only the filters given,
   * so that the planner sees the same query as without a cohort when there is none (a generic
   * {@code ? IS NULL OR column = ?} costs it its estimates).
   */
  String condition() {
    StringBuilder sql = new StringBuilder("true");
    String[] columns = {"segment", "source", "campaign"};
    String[] given = {segment, source, campaign};
    for (int i = 0; i < columns.length; i++) {
      if (given[i] != null) {
        sql.append(" AND ").append(columns[i]).append(" = ?");
      }
    }
    return sql.toString();
  }

  /** The values {@link #condition()} takes, in its order. */
  List<Object> values() {
    List<Object> values = new ArrayList<>();
    for (String value : new String[] {segment, source, campaign}) {
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** Only a whole segment, or everything, has commitments: a source or a campaign has none. */
  boolean hasCommitments() {
    return source == null && campaign == null;
  }
}
