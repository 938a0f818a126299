// DOM building without HTML strings: every piece of data becomes a text node or an attribute value, never markup.

/**
 * h('a', {href: '/x', class: 'y', onclick: fn}, 'text', child, [more]) → element.
 * Attributes: `class`, `dataset` (object), `on<event>` (listener), booleans (true → present, false/null → absent),
 * anything else through setAttribute. Children: strings and numbers as text, nodes as they are, arrays flattened,
 * null/undefined/false skipped.
 */
export function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'value' && 'value' in element) {
            element.value = value;
        } else if (name === 'checked' || name === 'selected') {
            element[name] = Boolean(value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

export function append(parent, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
}

export function clear(element) {
    element.replaceChildren();
    return element;
}

let ids = 0;

export function uid(prefix = 'id') {
    ids += 1;
    return `${prefix}-${ids}`;
}

/** A labelled form field: label + control (+ hint), wired with for/id and aria-describedby. */
export function field(label, control, hint) {
    if (!control.id) {
        control.id = uid('f');
    }
    const parts = [h('label', {for: control.id}, label), control];
    if (hint) {
        const hintId = uid('hint');
        control.setAttribute('aria-describedby', hintId);
        parts.push(h('span', {class: 'hint', id: hintId}, hint));
    }
    return h('div', {class: 'field'}, parts);
}

export function select(options, value, attributes = {}) {
    return h('select', attributes, options.map(option => {
        const [optionValue, optionLabel] = Array.isArray(option) ? option : [option, option];
        return h('option', {value: optionValue, selected: String(optionValue) === String(value ?? '')}, optionLabel);
    }));
}

/** Marks an element as just changed (a short highlight; the class name tells assistive tech nothing, the text does). */
export function flash(element) {
    if (!element) {
        return;
    }
    element.classList.remove('changed');
    // restart the animation
    void element.offsetWidth;
    element.classList.add('changed');
    element.addEventListener('animationend', () => element.classList.remove('changed'), {once: true});
}

const announcer = () => document.getElementById('announcer');

/** Says something to screen-reader users through the polite live region. */
export function announce(message) {
    const region = announcer();
    if (!region) {
        return;
    }
    region.textContent = '';
    window.setTimeout(() => {
        region.textContent = message;
    }, 50);
}

/** A visible toast (in a polite status region); errors also go to the alert region. */
export function toast(message, kind = 'info') {
    const box = document.getElementById('toasts');
    if (!box) {
        return;
    }
    const item = h('div', {class: `toast toast-${kind}`}, message);
    box.append(item);
    window.setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
    if (kind === 'error') {
        const alerts = document.getElementById('alerts');
        alerts.textContent = message;
    }
}

/** An error from the API as a readable sentence, field errors included. */
export function problemText(error) {
    if (!error) {
        return 'Something went wrong';
    }
    const fields = (error.errors || []).map(e => `${e.field || e.name || ''} ${e.message || e.detail || ''}`.trim());
    const base = error.detail || error.title || error.message || 'Request failed';
    return fields.length ? `${base}: ${fields.join('; ')}` : base;
}

export function problemBox(error) {
    return h('div', {class: 'problem', role: 'alert'}, problemText(error));
}

// ---- formatting ----

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const dayFormat = new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric', timeZone: 'UTC'});

export function formatTime(iso) {
    if (!iso) {
        return '—';
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

export function formatDay(isoDay) {
    return dayFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

/** "in 2 h 5 min" / "3 min ago" from now to an instant. */
export function timeLeft(iso, now = Date.now()) {
    if (!iso) {
        return '—';
    }
    const ms = new Date(iso).getTime() - now;
    const text = duration(Math.abs(ms));
    return ms >= 0 ? `${text} left` : `${text} overdue`;
}

export function duration(ms) {
    const minutes = Math.round(ms / 60000);
    if (minutes < 1) {
        return 'under 1 min';
    }
    if (minutes < 60) {
        return `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
        const rest = minutes % 60;
        return rest ? `${hours} h ${rest} min` : `${hours} h`;
    }
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function timeTag(iso) {
    return h('time', {datetime: iso || ''}, formatTime(iso));
}

export const LABELS = {
    status: {new: 'New', inprogress: 'In progress', done: 'Done'},
    priority: {critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low'},
    queue: {Login: 'Login', Orders: 'Orders', Deliveries: 'Deliveries', Payments: 'Payments', Refunds: 'Refunds', Unclassified: 'Unclassified'},
    channel: {email: 'Email', web: 'Web', phone: 'Phone', chat: 'Chat', api: 'API'},
    tier: {standard: 'Standard', gold: 'Gold', platinum: 'Platinum'},
    availability: {online: 'Online', away: 'Away', offline: 'Offline'},
    slaState: {none: 'No SLA', ok: 'On track', 'at-risk': 'At risk', breached: 'Breached', met: 'Met'},
};

export function label(kind, value) {
    return (LABELS[kind] && LABELS[kind][value]) || value || '—';
}

export function badge(kind, value) {
    return h('span', {class: `badge badge-${kind}-${String(value).replace(/[^a-z0-9-]/gi, '')}`}, label(kind, value));
}

/** Replaces an element's children (null, undefined and false are skipped, unlike Element.append). */
export function fill(element, ...children) {
    element.replaceChildren();
    return append(element, children);
}
