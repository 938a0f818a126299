package org.casestream.support.events;

import java.util.Map;

/**
 * Where a consumer that reads every partition itself (rather than sharing them in a consumer group) keeps how far
 * it got: the offset to read next per partition, stored with the state it covers. A partition it has no position
 * for is read from its beginning.
 */
@FunctionalInterface
public interface PositionStore {

    Map<Integer, Long> load();
}
