// A description list of facts: term, then value (customer, case details).

import {h} from '../dom.js';

/** <dl> from [term, value, ddAttributes?] entries; null entries are left out. */
export function facts(entries) {
    return h('dl', {}, entries.filter(Boolean).map(([term, value, attributes]) =>
        [h('dt', {}, term), h('dd', attributes || {}, value)]));
}
