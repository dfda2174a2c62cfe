/**
 * Webhooks: subscriptions ({@code /api/v1/webhooks}), the outbox a recorded event fills, the
 * dispatcher that leases due deliveries and sends them signed (Standard Webhooks), the retry
 * schedule, the delivery repository that owns every statement on deliveries and attempts, and the
 * checks that keep URLs public.
 */
package dev.baton.webhook;
