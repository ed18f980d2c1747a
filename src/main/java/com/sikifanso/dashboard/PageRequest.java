package com.sikifanso.dashboard;

/**
 * What every page is rendered for.
 *
 * @param cluster the cluster the dashboard shows
 * @param csrf the session's CSRF token, which the page's script sends back on every change
 * @param replayFrom the journal sequence the page's event stream starts after: just before the newest state
 *        snapshot (so the page gets the cluster's state at once, even when another page already keeps the feed
 *        running) and the recent activity
 * @param rendered the journal's last sequence when the page was rendered: later runs make the page read again
 */
record PageRequest(String cluster, String csrf, long replayFrom, long rendered) {
}
