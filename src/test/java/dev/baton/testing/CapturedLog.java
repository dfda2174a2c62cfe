package dev.baton.testing;

import dev.baton.web.RequestIdFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Everything the application logs while it is open, from every thread, as it would be printed:
 * level, category, the request id of the MDC, message and exception with its causes.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

  /** A line as printed, and the request id it carried. */
  public record Line(String text, String requestId) {}

  private final PatternFormatter format = new PatternFormatter("%p [%c] %X{requestId} %s%e");
  private final List<Line> lines = new ArrayList<>();

  private CapturedLog() {}

  public static CapturedLog open() {
    CapturedLog log = new CapturedLog();
    Logger.getLogger("").addHandler(log);
    return log;
  }

  @Override
  public void publish(LogRecord record) {
    String requestId =
        record instanceof ExtLogRecord ext ? ext.getMdc(RequestIdFilter.MDC_KEY) : null;
    String text = format.format(record);
    synchronized (lines) {
      lines.add(new Line(text, requestId));
    }
  }

  public List<Line> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  public String text() {
    StringBuilder all = new StringBuilder();
    lines().forEach(line -> all.append(line.text()).append('\n'));
    return all.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
