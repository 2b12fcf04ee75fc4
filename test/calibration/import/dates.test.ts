import { dayNumber } from '../../../src/core/calendar';
import { daysFromCivil, civilFromDays } from '../../../src/core/calibration/import/civil';
import { detectDateFormat, isoDateTime, offsetMinutes, parseDate, referenceDay, type DateFormat } from '../../../src/core/calibration/import';

const JAN5 = dayNumber('2024-01-05')!;
const at = (hours: number, minutes = 0, seconds = 0) => JAN5 + (hours * 3600 + minutes * 60 + seconds) / 86_400;

describe('dates', () => {
  it('counts days as calendar.ts does, and back', () => {
    for (let day = dayNumber('1900-01-01')!; day <= dayNumber('2199-12-31')!; day += 17) {
      const [year, month, date] = civilFromDays(day);
      const text = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
      expect(dayNumber(text)).toBe(day);
      expect(daysFromCivil(year, month, date)).toBe(day);
    }
  });

  it.each<[DateFormat, string, number]>([
    ['iso', '2024-01-05', JAN5],
    ['iso', '2024-1-5', JAN5],
    ['iso', '2024-01-05T13:45', at(13, 45)],
    ['iso', '2024-01-05 13:45:30', at(13, 45, 30)],
    ['iso', '2024-01-05T13:45:30.500', at(13, 45, 30.5)],
    ['iso', '2024-01-05T05:45:00Z', at(13, 45)],
    ['iso', '2024-01-05T13:45:00+08:00', at(13, 45)],
    ['iso', '2024-01-05T06:45:00+01:00', at(13, 45)],
    ['iso', '2024-01-05T00:45-0500', at(13, 45)],
    ['ymd-slash', '2024/1/5', JAN5],
    ['ymd-slash', '2024/01/05 13:45', at(13, 45)],
    ['ymd-slash', '2024.1.5', JAN5],
    ['ymd-slash', '2024/1/5 1:45 PM', at(13, 45)],
    ['ymd-compact', '20240105', JAN5],
    ['ymd-compact', '202401051345', at(13, 45)],
    ['excel-serial', '45296', JAN5],
    ['excel-serial', '45296.5', at(12)],
    ['dmy', '05/01/2024', JAN5],
    ['dmy', '5.1.2024 13:45', at(13, 45)],
    ['mdy', '01/05/2024', JAN5],
    ['mdy', '1-5-2024', JAN5],
    ['chinese', '2024年1月5日', JAN5],
    ['chinese', '2024年01月05日 13:45', at(13, 45)],
    ['chinese', '2024年1月5日13时45分', at(13, 45)],
  ])('reads %s %j (offsets converted to Shanghai time)', (format, text, expected) => {
    expect(parseDate(text, format, 'Asia/Shanghai')).toBeCloseTo(expected, 9);
  });

  it.each<[DateFormat, string]>([
    ['iso', '2023-02-29'],
    ['iso', '2024-13-01'],
    ['iso', '2024-01-05T24:00'],
    ['iso', '05/01/2024'],
    ['ymd-compact', '20241301'],
    ['ymd-compact', '2024015'],
    ['excel-serial', '12'],
    ['excel-serial', '45296a'],
    ['dmy', '31/02/2024'],
    ['mdy', '13/01/2024'],
    ['chinese', '2024年2月30日'],
    ['ymd-slash', '2024/1/5 13:45 PM'],
  ])('rejects %s %j', (format, text) => {
    expect(parseDate(text, format)).toBeNull();
  });

  it('converts an offset to the chosen zone, daylight saving included where the zone has it', () => {
    const utcNoon = '2024-07-01T12:00:00Z';
    const july = dayNumber('2024-07-01')!;
    expect(parseDate(utcNoon, 'iso', 'Asia/Tokyo')).toBeCloseTo(july + 21 / 24, 9);
    expect(parseDate(utcNoon, 'iso', 'America/New_York')).toBeCloseTo(july + 8 / 24, 9);
    expect(parseDate(utcNoon, 'iso', 'Europe/London')).toBeCloseTo(july + 13 / 24, 9);
    expect(parseDate(utcNoon, 'iso', '+05:30')).toBeCloseTo(july + 17.5 / 24, 9);
    expect(parseDate('2024-01-15T12:00:00Z', 'iso', 'America/New_York')).toBeCloseTo(dayNumber('2024-01-15')! + 7 / 24, 9);
    // A time without an offset is already local: no conversion.
    expect(parseDate('2024-07-01 12:00', 'iso', 'America/New_York')).toBeCloseTo(july + 0.5, 9);
  });

  it('changes to and from daylight saving time at the rules’ instants', () => {
    const utc = (text: string) => parseDate(text, 'iso', 'UTC')!;
    // US 2024: 10 March 07:00 UTC to 3 November 06:00 UTC; 1999: 4 April to 31 October.
    expect(offsetMinutes('America/New_York', utc('2024-03-10T06:59Z'))).toBe(-300);
    expect(offsetMinutes('America/New_York', utc('2024-03-10T07:00Z'))).toBe(-240);
    expect(offsetMinutes('America/New_York', utc('2024-11-03T05:59Z'))).toBe(-240);
    expect(offsetMinutes('America/New_York', utc('2024-11-03T06:00Z'))).toBe(-300);
    expect(offsetMinutes('America/Los_Angeles', utc('1999-04-04T10:00Z'))).toBe(-420);
    expect(offsetMinutes('America/Los_Angeles', utc('1999-04-04T09:59Z'))).toBe(-480);
    // EU 2024: 31 March 01:00 UTC to 27 October 01:00 UTC.
    expect(offsetMinutes('Europe/Berlin', utc('2024-03-31T00:59Z'))).toBe(60);
    expect(offsetMinutes('Europe/Berlin', utc('2024-03-31T01:00Z'))).toBe(120);
    expect(offsetMinutes('Europe/London', utc('2024-10-27T00:59Z'))).toBe(60);
    expect(offsetMinutes('Europe/London', utc('2024-10-27T01:00Z'))).toBe(0);
    expect(offsetMinutes('Asia/Shanghai', utc('2024-07-01T00:00Z'))).toBe(480);
    expect(offsetMinutes('-03:30', 0)).toBe(-210);
  });

  it('detects each format from samples, with examples as read', () => {
    expect(detectDateFormat(['2024-01-05', '2024-01-06T10:00'])).toEqual({
      format: 'iso',
      ambiguous: false,
      matched: 2,
      total: 2,
      examples: [
        { text: '2024-01-05', read: '2024-01-05' },
        { text: '2024-01-06T10:00', read: '2024-01-06 10:00' },
      ],
    });
    expect(detectDateFormat(['2024/1/5', '2024/12/31']).format).toBe('ymd-slash');
    expect(detectDateFormat(['19970101', '19970118']).format).toBe('ymd-compact');
    expect(detectDateFormat(['45296', '45297.25']).format).toBe('excel-serial');
    expect(detectDateFormat(['2024年1月5日']).format).toBe('chinese');
    expect(detectDateFormat(['hello', '', '12']).format).toBeNull();
  });

  it('reads day–month order from a day above 12, and flags it as a guess when there is none', () => {
    expect(detectDateFormat(['05/01/2024', '25/12/2024'])).toMatchObject({ format: 'dmy', ambiguous: false, matched: 2 });
    expect(detectDateFormat(['01/05/2024', '12/25/2024'])).toMatchObject({ format: 'mdy', ambiguous: false, matched: 2 });
    expect(detectDateFormat(['05/01/2024', '06/02/2024'])).toEqual({
      format: 'dmy',
      ambiguous: true,
      matched: 2,
      total: 2,
      examples: [
        { text: '05/01/2024', read: '2024-01-05', otherwise: '2024-05-01' },
        { text: '06/02/2024', read: '2024-02-06', otherwise: '2024-06-02' },
      ],
    });
  });

  it('counts the samples the chosen format reads', () => {
    expect(detectDateFormat(['2024-01-05', '2024-01-06', 'soon', '2024-02-30'])).toMatchObject({ format: 'iso', matched: 2, total: 4 });
  });

  it('reads reference dates written YYYY-MM-DD only, and writes day numbers back', () => {
    expect(referenceDay('2024-01-05')).toBe(JAN5);
    expect(referenceDay('2024/01/05')).toBeNull();
    expect(referenceDay('2024-02-30')).toBeNull();
    expect(isoDateTime(at(13, 45, 30))).toBe('2024-01-05 13:45:30');
    expect(isoDateTime(at(23, 59, 59.9))).toBe('2024-01-06');
  });
});
