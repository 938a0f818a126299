// Administration: the SLA policy matrix (minutes per priority and customer tier, on a business-hours calendar or
// around the clock) and the business-hours calendars.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {actions, attempt, button, loadOrProblem, row, submitButton} from '../../components/form.js';
import {note, unlessEmpty} from '../../components/note.js';
import {rowHeader, table} from '../../components/table.js';
import {clear, field, h, label, LABELS, select, toast} from '../../dom.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function windowsText(windows) {
    return (windows || []).map(w => `${String(w.open).slice(0, 5)}-${String(w.close).slice(0, 5)}`).join(', ');
}

function policiesCard(policies, calendarNames) {
    const cells = [];
    const rows = [];
    for (const priority of Object.keys(LABELS.priority)) {
        for (const tier of Object.keys(LABELS.tier)) {
            const existing = (policies.policies || []).find(p => p.priority === priority && p.tier === tier) || {};
            const what = `${label('priority', priority)} × ${label('tier', tier)}`;
            const first = h('input', {type: 'number', min: 1, max: 525600, value: existing.firstResponseMinutes ?? '', 'aria-label': `${what}: first response minutes`});
            const resolution = h('input', {type: 'number', min: 1, max: 525600, value: existing.resolutionMinutes ?? '', 'aria-label': `${what}: resolution minutes`});
            const calendar = select([['', 'Around the clock'], ...calendarNames.map(n => [n, n])], existing.calendar || '', {'aria-label': `${what}: calendar`});
            cells.push({priority, tier, first, resolution, calendar});
            rows.push(h('tr', {}, rowHeader(what), h('td', {}, first), h('td', {}, resolution), h('td', {}, calendar)));
        }
    }
    const save = () => attempt(async () => {
        const body = cells.filter(cell => cell.first.value && cell.resolution.value).map(cell => ({
            priority: cell.priority, tier: cell.tier,
            firstResponseMinutes: Number(cell.first.value), resolutionMinutes: Number(cell.resolution.value),
            calendar: cell.calendar.value || null,
        }));
        await api('/api/routing/config/sla-policies', {method: 'PUT', body: {policies: body}});
        toast('SLA policies saved', 'success');
    });
    return card('SLA policies', 'policies-title',
        note('Minutes to first response and to resolution, per priority and customer tier.'),
        table({caption: 'SLA policy matrix', className: 'editable', body: rows,
            columns: ['Priority × tier', 'First response (min)', 'Resolution (min)', 'Business hours']}),
        actions(button('Save SLA policies', save, {class: 'primary'})));
}

function calendarsCard(calendars, content) {
    const name = h('input', {id: 'calendar-name', required: true, pattern: '[A-Za-z0-9_-]{1,100}'});
    const zone = h('input', {id: 'calendar-zone', required: true, value: 'Europe/London'});
    const dayInputs = DAYS.map(day => [day, h('input', {id: `calendar-${day}`, placeholder: '09:00-17:00', autocomplete: 'off'})]);
    const holidays = h('input', {id: 'calendar-holidays', placeholder: '2026-12-25, 2026-12-26', autocomplete: 'off'});
    function edit(calendar) {
        name.value = calendar.name;
        zone.value = calendar.zone;
        dayInputs.forEach(([day, input]) => { input.value = windowsText((calendar.weekly || {})[day]); });
        holidays.value = (calendar.holidays || []).join(', ');
        name.focus();
    }
    const list = (calendars.calendars || []).map(calendar => h('li', {},
        h('strong', {}, calendar.name), ` (${calendar.zone}) `,
        h('span', {class: 'muted'}, DAYS.filter(d => (calendar.weekly || {})[d] && calendar.weekly[d].length)
            .map(d => `${d.slice(0, 3)} ${windowsText(calendar.weekly[d])}`).join('; ')),
        (calendar.holidays || []).length ? h('div', {class: 'muted'}, `Holidays: ${calendar.holidays.join(', ')}`) : null,
        button(`Edit ${calendar.name}`, () => edit(calendar))));
    const form = h('form', {'aria-labelledby': 'calendar-form-title'}, h('h3', {id: 'calendar-form-title'}, 'Create or replace a calendar'),
        row(field('Name', name), field('Time zone', zone, 'e.g. Europe/Berlin')),
        h('div', {class: 'filters'}, dayInputs.map(([day, input]) => field(`${day.charAt(0)}${day.slice(1).toLowerCase()}`, input))),
        field('Holidays', holidays, 'Dates, comma-separated'),
        submitButton('Save calendar'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const weekly = {};
        for (const [day, input] of dayInputs) {
            weekly[day] = input.value.split(',').map(part => part.trim()).filter(Boolean).map(part => {
                const [open, close] = part.split('-').map(t => t.trim());
                return {open, close};
            });
        }
        const body = {zone: zone.value.trim(), weekly, holidays: holidays.value.split(',').map(d => d.trim()).filter(Boolean)};
        attempt(async () => {
            await api(`/api/routing/config/calendars/${encodeURIComponent(name.value.trim())}`, {method: 'PUT', body});
            toast(`Calendar ${name.value.trim()} saved`, 'success');
            clear(content);
            await sla(content);
        });
    });
    return card('Business-hours calendars', 'calendars-title',
        unlessEmpty(list, items => h('ul', {class: 'plain-list'}, items), 'No calendars yet.'), form);
}

export async function sla(content) {
    const [policies, calendars] = await Promise.all([
        loadOrProblem(content, () => api('/api/routing/config/sla-policies')),
        loadOrProblem(content, () => api('/api/routing/config/calendars')),
    ]);
    if (!policies || !calendars) return;
    const calendarNames = (calendars.calendars || []).map(c => c.name);
    content.append(policiesCard(policies, calendarNames));
    content.append(calendarsCard(calendars, content));
}
