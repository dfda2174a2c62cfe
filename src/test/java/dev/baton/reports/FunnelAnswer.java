package dev.baton.reports;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The funnel's figures as the API answers them, laid out as {@link FunnelRecount} lays its own. */
final class FunnelAnswer {

  private FunnelAnswer() {}

  /** The same figures read from the API's answer at {@code path} (e.g. {@code totals}). */
  static Map<String, Object> figures(JsonPath api, String path) {
    Map<String, Object> f = new TreeMap<>();
    f.put("handedOff", api.getLong(path + ".handedOff"));
    Map<String, Long> reached = new TreeMap<>();
    for (String s : List.of("generated", "qualified", "accepted", "converted", "rejected")) {
      reached.put(s, api.getLong(path + ".reached." + s));
    }
    f.put("reached", reached);
    for (String r : List.of("qualifiedToAccepted", "acceptedToConverted", "qualifiedToConverted")) {
      f.put("rates." + r, FunnelRecount.decimal(api.get(path + ".rates." + r)));
    }
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, Object> reasons = api.getMap(path + ".rejections.byReason");
    reasons.forEach((k, v) -> byReason.put(k, ((Number) v).longValue()));
    f.put("rejections.byReason", byReason);
    f.put("rejections.byAccountable", longs(api.getMap(path + ".rejections.byAccountable")));
    f.put("rejections.byStage", longs(api.getMap(path + ".rejections.byStage")));
    f.put("quality.meanRating", FunnelRecount.decimal(api.get(path + ".quality.meanRating")));
    f.put("quality.ratings", api.getLong(path + ".quality.ratings"));
    f.put("medianHoursToAccept", FunnelRecount.decimal(api.get(path + ".medianHoursToAccept")));
    f.put("medianHoursToConvert", FunnelRecount.decimal(api.get(path + ".medianHoursToConvert")));
    f.put("disputes", longs(api.getMap(path + ".disputes")));
    f.put("recycles", api.getLong(path + ".recycles"));
    Map<String, BigDecimal> amounts = new TreeMap<>();
    Map<String, Object> given = api.getMap(path + ".convertedAmounts");
    given.forEach((k, v) -> amounts.put(k, FunnelRecount.decimal(v)));
    f.put("convertedAmounts", amounts);
    return f;
  }

  private static Map<String, Long> longs(Map<String, Object> map) {
    Map<String, Long> longs = new TreeMap<>();
    map.forEach((k, v) -> longs.put(k, ((Number) v).longValue()));
    return longs;
  }
}
