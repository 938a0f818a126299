package org.casestream.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler reads the case list's filters, sort and paging from its query string as a whole (so it can name every
 * bad one in one 400); {@link CaseListDocumentation} lists them in the API document, typed, with their values and
 * limits, as {@link org.casestream.query.search.ListRequest} checks them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface CaseListParameters {

    /** {@code limit} and {@code cursor}: a page at a time (an export streams every page instead). */
    boolean paged() default true;
}
