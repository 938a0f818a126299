package org.casestream.query.projection;

import java.util.List;

/** Where a live projection's changes go once the read models show them: the live stream. */
@FunctionalInterface
public interface ChangeListener {

    void publish(List<Projection.Change> changes);
}
