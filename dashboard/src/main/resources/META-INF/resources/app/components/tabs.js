// Lists of links where one may be the current page (aria-current="page"): the main menu, the queue views of the
// case list, the sections of administration.

import {h} from '../dom.js';

/** <ul> of links: each {href, text, current, nav} (nav: the router's in-app link marker, data-nav). */
export function linkList(links) {
    return h('ul', {}, links.map(link => h('li', {}, h('a', {
        href: link.href,
        'data-nav': link.nav || null,
        'aria-current': link.current ? 'page' : null,
    }, link.text))));
}

/** A named navigation landmark of tabs: <nav class aria-label><ul>…</ul></nav>. */
export function tabs(label, className, links) {
    return h('nav', {class: className, 'aria-label': label}, links ? linkList(links) : null);
}
