/** Keyset paging: a page of results and the opaque cursor of the next one. */
package dev.baton.paging;
