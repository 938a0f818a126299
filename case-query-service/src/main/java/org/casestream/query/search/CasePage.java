package org.casestream.query.search;

import java.util.List;
import java.util.Map;

import org.casestream.query.cases.CaseSummary;

/** One page of a list: its items, the cursor of the next page (null on the last), the total and facet counts. */
public record CasePage(List<CaseSummary> items, String nextCursor, long total, Map<String, Map<String, Long>> facets) {
}
