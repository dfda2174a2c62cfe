package dev.baton.board;

import dev.baton.reason.ReasonRecords.RejectionReasonView;
import dev.baton.reports.FunnelRecords.FunnelFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The funnel's rejections per reason, grouped by the party the reason makes accountable (marketing,
 * sales, nobody), most frequent first, with the reason's label from the catalog.
 */
record Rejections(List<Party> parties, String disputesOpened, String disputesOverturned) {

  record Party(String name, String figure, String total, List<Reason> reasons) {}

  record Reason(String code, String label, String count) {}

  static Rejections of(FunnelFigures f, List<RejectionReasonView> catalog) {
    var by = f.rejections().byAccountable();
    List<Party> parties = new ArrayList<>();
    parties.add(party("Marketing accountable", "marketing", by.marketing(), f, catalog));
    parties.add(party("Sales accountable", "sales", by.sales(), f, catalog));
    parties.add(party("Nobody accountable", "none", by.none(), f, catalog));
    return new Rejections(
        parties, Format.count(f.disputes().opened()), Format.count(f.disputes().overturned()));
  }

  private static Party party(
      String name, String party, long total, FunnelFigures f, List<RejectionReasonView> catalog) {
    List<Reason> reasons = new ArrayList<>();
    f.rejections().byReason().entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e ->
                catalog.stream()
                    .filter(r -> r.code().equals(e.getKey()))
                    .filter(r -> r.accountable().name().equalsIgnoreCase(party))
                    .findFirst()
                    .ifPresent(
                        r ->
                            reasons.add(
                                new Reason(r.code(), r.label(), Format.count(e.getValue())))));
    return new Party(name, "rejections.byAccountable." + party, Format.count(total), reasons);
  }
}
