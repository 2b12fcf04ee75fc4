import { dayNumber, weekdayOf } from '../../../src/core/calendar';
import { campaignMappingSchema, channelOf, createCampaignReader, guessCampaignMapping } from '../../../src/core/calibration/import';
import { inChinese, inEnglish } from '../../support/messages';
import { rowsOfText } from './support';

describe('channel names', () => {
  it('maps English and Chinese names to the product’s channels, the file’s own mapping first', () => {
    expect(['短信', 'SMS', '推送', 'App Push', '邮件', 'E-mail', '公众号', '企业微信', '站内信', '应用内', '社群', '电话', '外呼', 'wechat_oa'].map((name) => channelOf(name))).toEqual([
      'sms', 'sms', 'push', 'push', 'email', 'email', 'wechat_oa', 'wecom', 'in_app', 'in_app', 'community', 'call', 'call', 'wechat_oa',
    ]);
    expect(channelOf('抖音')).toBeNull();
    expect(channelOf('抖音', { 抖音: 'in_app' })).toBe('in_app');
  });
});

describe('reading campaign history', () => {
  it('counts per-send rows by channel, local send hour and weekday; outcomes as yes/no or times', () => {
    const text = [
      '客户ID,渠道,发送时间,送达,打开,点击,退订',
      'C1,短信,2024-01-05 09:15,1,1,0,0', // a Friday
      'C2,短信,2024-01-05 09:40,1,0,0,0',
      'C1,邮件,2024-01-06 20:00,是,2024-01-06 21:00,,否',
      'C3,抖音,2024-01-06 20:00,1,0,0,0',
      'C3,短信,2024-01-06 20:00,1,maybe,0,0',
      'C4,短信,someday,1,0,0,0',
    ].join('\n');
    const { rows, layout } = rowsOfText([text]);
    const mapping = guessCampaignMapping(layout!, rows.map((row) => row.cells))!;
    expect(mapping).toMatchObject({ kind: 'sends', customerId: 0, channel: 1, sentAt: 2, dateFormat: 'iso', outcomes: { delivered: 3, opened: 4, clicked: 5, unsubscribed: 6 } });
    const reader = createCampaignReader(mapping);
    reader.push(rows);
    const { summary, report, problem } = reader.finish();
    expect(problem).toBeNull();
    expect(summary.byChannel).toEqual({
      sms: { sent: 2, delivered: 2, opened: 1, clicked: 0, unsubscribed: 0, converted: 0 },
      email: { sent: 1, delivered: 1, opened: 1, clicked: 0, unsubscribed: 0, converted: 0 },
    });
    expect(summary.byHour.sms![9]).toEqual({ sent: 2, delivered: 2, opened: 1, clicked: 0, unsubscribed: 0, converted: 0 });
    expect(summary.byHour.email![20]!.opened).toBe(1);
    expect(summary.byWeekday.sms![weekdayOf(dayNumber('2024-01-05')!)]!.sent).toBe(2);
    expect(summary.outcomesKnown).toEqual(['delivered', 'opened', 'clicked', 'unsubscribed']);
    expect(summary.deliveredAssumed).toBe(false);
    expect(summary.sends).toMatchObject({ length: 3, channel: Uint8Array.from([0, 0, 2]), outcomes: Uint8Array.from([0b11, 0b01, 0b11]) });
    expect(report.rejected['unknown-channel'].lines).toEqual([5]);
    expect(report.rejected['bad-outcome'].lines).toEqual([6]);
    expect(report.rejected['bad-date'].lines).toEqual([7]);
    expect(report.unknownChannels).toEqual([{ name: '抖音', count: 1 }]);
  });

  it('sums aggregated rows per channel and weekday, taking every send as delivered when the file does not say', () => {
    const text = ['活动名称,渠道,日期,发送量,打开数,点击数,转化数', '春促,短信,2024/1/5,1000,120,30,5', '春促,推送,2024/1/5,5000,400,90,12', '年货,短信,2024/1/6,"2,000",200,40,-1'].join('\n');
    const { rows, layout } = rowsOfText([text]);
    const mapping = guessCampaignMapping(layout!, rows.map((row) => row.cells))!;
    expect(mapping).toEqual(
      campaignMappingSchema.parse({ kind: 'aggregated', columnCount: 7, campaign: 0, channel: 1, day: 2, dateFormat: 'ymd-slash', counts: { sent: 3, opened: 4, clicked: 5, converted: 6 } }),
    );
    const reader = createCampaignReader(mapping);
    reader.push(rows);
    const { summary, report } = reader.finish();
    expect(summary.byChannel).toEqual({
      sms: { sent: 1000, delivered: 1000, opened: 120, clicked: 30, unsubscribed: 0, converted: 5 },
      push: { sent: 5000, delivered: 5000, opened: 400, clicked: 90, unsubscribed: 0, converted: 12 },
    });
    expect(summary.deliveredAssumed).toBe(true);
    expect(summary.byHour).toEqual({});
    expect(summary.sends).toBeNull();
    expect(report.rejected['bad-count'].lines).toEqual([4]);
  });

  it('says which channel names it does not know when it knows none', () => {
    const mapping = campaignMappingSchema.parse({ kind: 'aggregated', columnCount: 2, channel: 0, counts: { sent: 1 } });
    const reader = createCampaignReader(mapping);
    reader.push([
      { line: 2, cells: ['抖音', '10'] },
      { line: 3, cells: ['小红书', '10'] },
    ]);
    const { problem } = reader.finish();
    expect(inEnglish(problem!)).toBe('No channel in the file is one Journey Lab knows (抖音, 小红书): map each to a channel (SMS, push, e-mail …).');
    expect(inChinese(problem!)).toMatch(/^文件中的渠道都无法识别（抖音, 小红书）/);
  });
});
