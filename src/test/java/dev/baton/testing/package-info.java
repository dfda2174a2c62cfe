/**
 * What the tests share: API calls as a role ({@link dev.baton.testing.Api}), the management port
 * ({@link dev.baton.testing.Ops}, {@link dev.baton.testing.Scrape}), a clock tests move ({@link
 * dev.baton.testing.TestClock}), leads in a given state ({@link dev.baton.testing.Leads}), webhook
 * receivers ({@link dev.baton.testing.Receiver}, {@link dev.baton.testing.Hooks}) and the Standard
 * Webhooks check of what they receive ({@link dev.baton.testing.StandardWebhooks}), captured logs,
 * and packaged replicas for the {@code *IT} tests ({@link dev.baton.testing.Replica}, {@link
 * dev.baton.testing.Replicas}); for the reports, cycles played at planned times ({@link
 * dev.baton.testing.Timeline}, {@link dev.baton.testing.PlayedMoves}), their rows checked ({@link
 * dev.baton.testing.CycleRows}) and the reports read exactly ({@link
 * dev.baton.testing.ExactReads}); for routing, sales teams made through the API ({@link
 * dev.baton.testing.Teams}).
 */
package dev.baton.testing;
