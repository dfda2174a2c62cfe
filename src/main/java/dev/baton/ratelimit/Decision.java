package dev.baton.ratelimit;

/**
 * Whether a request may go on, with what the client is told about its quota in the {@code
 * RateLimit} and {@code RateLimit-Policy} headers (draft-ietf-httpapi-ratelimit-headers).
 */
public record Decision(
    boolean allowed, int quota, long windowSeconds, int remaining, long resetSeconds) {

  static final String POLICY = "default";

  static Decision allowed(int quota, long windowSeconds, int remaining, long resetSeconds) {
    return new Decision(true, quota, windowSeconds, remaining, resetSeconds);
  }

  static Decision refused(int quota, long windowSeconds, long resetSeconds) {
    return new Decision(false, quota, windowSeconds, 0, resetSeconds);
  }

  /** {@code "default";q=6000;w=60}: the quota and its window. */
  public String policyHeader() {
    return "\"" + POLICY + "\";q=" + quota + ";w=" + windowSeconds;
  }

  /** {@code "default";r=5999;t=42}: what is left, and in how many seconds the window resets. */
  public String limitHeader() {
    return "\"" + POLICY + "\";r=" + remaining + ";t=" + resetSeconds;
  }
}
