/**
 * The catalog of rejection reasons ({@code /api/v1/rejection-reasons}): each reason says who is
 * accountable for it (marketing, sales or nobody) and whether a rejection needs a note. Admins add,
 * retire and restore reasons; codes are never deleted.
 */
package dev.baton.reason;
