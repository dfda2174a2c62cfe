/**
 * Field feedback from sales on a lead ({@code /api/v1/leads/{id}/feedback}): a rating, a kind and
 * its text, recorded as an event of the lead.
 */
package dev.baton.feedback;
