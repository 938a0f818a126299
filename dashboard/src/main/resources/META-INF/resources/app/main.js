// Boots the dashboard: wires the shell's parts to the page in order (links and history, theme, keyboard, header),
// then resumes the session and draws the first page. Nothing imports this module; navigation is router.js's.

import {resume} from './api.js';
import {installRouter, navigate, route, shortcutTarget} from './router.js';
import {installShell, sessionResumed} from './shell.js';
import {installShortcuts} from './shortcuts.js';
import {applyTheme, installTheme} from './theme.js';

installRouter();
installTheme();
installShortcuts({target: shortcutTarget, navigate});
installShell();
applyTheme();
resume().finally(() => {
    route();
    sessionResumed();
});
