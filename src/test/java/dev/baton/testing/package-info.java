/**
 * What the tests share: API calls as a role ({@link dev.baton.testing.Api}), the management port
 * ({@link dev.baton.testing.Ops}, {@link dev.baton.testing.Scrape}), a clock tests move ({@link
 * dev.baton.testing.TestClock}), leads in a given state ({@link dev.baton.testing.Leads}), webhook
 * receivers ({@link dev.baton.testing.Receiver}, {@link dev.baton.testing.Hooks}) and the Standard
 * Webhooks check of what they receive ({@link dev.baton.testing.StandardWebhooks}), captured logs,
 * and packaged replicas for the {@code *IT} tests ({@link dev.baton.testing.Replica}, {@link
 * dev.baton.testing.Replicas}).
 */
package dev.baton.testing;
