/**
 * Safe retries under an {@code Idempotency-Key}: the key, the fingerprint of a request, the claim
 * and replay of a stored answer, its redaction when a person is erased, and the purge job.
 */
package dev.baton.idempotency;
