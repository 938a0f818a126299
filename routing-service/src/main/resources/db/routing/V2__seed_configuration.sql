-- Sensible defaults for the five queues; admins change them through /api/routing/config.
INSERT INTO classification_rules (position, queue, kind, pattern) VALUES
    (10, 'Refunds',    'keyword', 'refund'),
    (11, 'Refunds',    'phrase',  'money back'),
    (12, 'Refunds',    'regex',   '\breturn(ed|ing)?\b'),
    (20, 'Payments',   'phrase',  'charged twice'),
    (21, 'Payments',   'regex',   '\b(payment|invoice|billing|card|charged?)\b'),
    (30, 'Deliveries', 'regex',   '\b(deliver(y|ed)?|shipping|parcel|courier|tracking|package)\b'),
    (40, 'Login',      'regex',   '\b(log ?in|sign ?in|password|2fa|locked out)\b'),
    (41, 'Login',      'phrase',  'account locked'),
    (50, 'Orders',     'regex',   '\b(order(s|ed)?|checkout|cancel)\b');

INSERT INTO priority_rules (position, kind, pattern, priority) VALUES
    (10, 'phrase',  'charged twice',                  'high'),
    (20, 'phrase',  'account locked',                 'high'),
    (30, 'keyword', 'urgent',                         'high'),
    (40, 'regex',   '\b(outage|down for everyone)\b', 'critical'),
    (50, 'tier',    'platinum',                       'high'),
    (60, 'channel', 'phone',                          'medium');

INSERT INTO calendars (name, zone, weekly, holidays) VALUES
    ('office', 'Europe/Berlin',
     '{"MONDAY": [{"open": "09:00", "close": "17:00"}], "TUESDAY": [{"open": "09:00", "close": "17:00"}],
       "WEDNESDAY": [{"open": "09:00", "close": "17:00"}], "THURSDAY": [{"open": "09:00", "close": "17:00"}],
       "FRIDAY": [{"open": "09:00", "close": "17:00"}]}',
     '["2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01"]');

-- Critical and high run round the clock; medium and low for standard customers count office hours only.
INSERT INTO sla_policies (priority, tier, first_response_minutes, resolution_minutes, calendar) VALUES
    ('critical', 'platinum',  15,   240, NULL),
    ('critical', 'gold',      30,   480, NULL),
    ('critical', 'standard',  60,   480, NULL),
    ('high',     'platinum',  60,   480, NULL),
    ('high',     'gold',      120,  960, NULL),
    ('high',     'standard',  240, 1440, NULL),
    ('medium',   'platinum',  240, 1440, NULL),
    ('medium',   'gold',      480, 2880, NULL),
    ('medium',   'standard',  480, 2880, 'office'),
    ('low',      'platinum',  480, 2880, NULL),
    ('low',      'gold',      960, 4320, NULL),
    ('low',      'standard', 1440, 7200, 'office');
