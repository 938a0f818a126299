// Cards: a <section class="card"> named by its own heading (aria-labelledby), the box every page is made of.

import {fill, h} from '../dom.js';

/** A card with its heading (text or nodes) and content; {@code id} is the heading's id. */
export function card(title, id, ...children) {
    return h('section', {class: 'card', 'aria-labelledby': id}, h('h2', {id}, title), children);
}

/** An empty card to (re)draw later with fillCard; {@code extraClass} adds classes, {@code hidden} hides it. */
export function cardFrame(id, {extraClass = '', hidden = false} = {}) {
    return h('section', {class: extraClass ? `card ${extraClass}` : 'card', 'aria-labelledby': id, hidden});
}

/** Replaces a card frame's content: its heading (with the id the frame is labelled by) and the rest. */
export function fillCard(frame, title, ...children) {
    return fill(frame, h('h2', {id: frame.getAttribute('aria-labelledby')}, title), children);
}
