// dayjs documented usage with plugins (UTC, fixed dates).
const dayjs = require('dayjs');
dayjs.extend(require('dayjs/plugin/utc'));
dayjs.extend(require('dayjs/plugin/relativeTime'));
dayjs.extend(require('dayjs/plugin/duration'));
dayjs.extend(require('dayjs/plugin/customParseFormat'));
const d = dayjs.utc('2024-02-28T13:45:30Z');
console.log(d.format(), d.add(1, 'day').format('YYYY-MM-DD dddd'), d.add(1, 'month').endOf('month').format('MMM D'));
console.log(d.diff(dayjs.utc('2023-01-01'), 'day'), d.from(dayjs.utc('2024-06-01')), d.isBefore('2025-01-01'));
console.log(dayjs.duration(3725, 'seconds').format('HH:mm:ss'), dayjs('12-25-1995', 'MM-DD-YYYY').format('YYYY/MM/DD'));
console.log(dayjs.utc('invalid').isValid(), d.toISOString(), d.unix(), d.daysInMonth());
