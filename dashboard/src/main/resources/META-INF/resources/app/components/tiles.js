// Figures as tiles: a count and what it counts, the whole tile a link to the cases behind the figure.

import {h} from '../dom.js';

/** One tile; {@code key} marks it (data-key) so a change of the figure can be found and highlighted. */
export function tile(key, count, what, href) {
    return h('li', {}, h('a', {class: 'tile', href, 'data-key': key, 'aria-label': `${count} ${what}`},
        h('span', {class: 'count'}, String(count)), h('span', {class: 'what'}, what)));
}

/** <ul class="tiles"> of tiles. */
export function tiles(...items) {
    return h('ul', {class: 'tiles'}, items);
}
