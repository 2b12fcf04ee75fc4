// What profiles say of each fitted segment: categorical shares adding up to 100, numeric means and
// standard deviations, tag chances — under keys the cohort format accepts, never over the preset's own.
import { profileDistributions, MAX_CATEGORY_VALUES } from '../../src/core/calibration';
import { createProfileImport, Interner } from '../../src/core/calibration/import';

function profilesOf(text: string, customers: Interner) {
  const stream = createProfileImport(customers);
  stream.push(new TextEncoder().encode(text));
  return stream.finish();
}

describe('profile distributions per segment', () => {
  it('shares, means and tag chances per segment, keyed for the cohort, the preset’s keys left alone', () => {
    const customers = new Interner();
    const ids = ['a', 'b', 'c', 'd', 'e'].map((id) => customers.intern(id));
    const profiles = profilesOf('id,City,年龄,tier,tags\na,Shanghai,30,gold,vip;新客\nb,Beijing,40,silver,vip\nc,Shanghai,,gold,\nd,Beijing,50,silver,\n', customers);
    // The preset declares a numeric `tier`, which a categorical column cannot replace, and a `city`, which it can.
    const preset = { attributes: { tier: { numeric: { min: 0, max: 10 } }, city: { name: 'City (preset)', values: ['Guangzhou'] } }, tags: ['vip'] };
    const result = profileDistributions(profiles, [[ids[0]!, ids[1]!, ids[2]!], [ids[3]!, ids[4]!]], preset);
    expect(Object.keys(result.attributes)).toEqual(['city', 'profile_2', 'tier_2']);
    expect(result.attributes.city).toEqual({ name: 'City (preset)', values: ['Guangzhou', 'Shanghai', 'Beijing'] });
    expect(result.skipped).toEqual([{ name: 'tier', reason: 'renamed', key: 'tier_2' }]);
    expect(result.attributes.profile_2).toEqual({ name: { en: '年龄', 'zh-CN': '年龄' }, numeric: { min: 30, max: 50, integer: true } });
    expect(result.segments[0]!.attributes.city).toEqual({ Shanghai: 66.67, Beijing: 33.33 });
    expect(result.segments[0]!.numeric.profile_2).toEqual({ mean: 35, sd: 5 });
    // Customer e has no profile: the second segment's shares are of d alone.
    expect(result.segments[1]!.attributes.city).toEqual({ Beijing: 100 });
    expect(result.tags).toEqual(['vip', 'profile_tag_2']);
    expect(result.segments[0]!.tags).toEqual({ vip: 0.6667, profile_tag_2: 0.3333 });
    expect(result.segments[1]!.tags).toEqual({ vip: 0, profile_tag_2: 0 });
  });

  it('leaves out a column with more values than categories have, saying so', () => {
    const customers = new Interner();
    const rows = Array.from({ length: MAX_CATEGORY_VALUES + 1 }, (_, index) => `c${index},phone${index}`);
    const profiles = profilesOf(`id,phone\n${rows.join('\n')}\n`, customers);
    const result = profileDistributions(profiles, [[0, 1, 2]], { attributes: {}, tags: [] });
    expect(result.attributes).toEqual({});
    expect(result.skipped).toEqual([{ name: 'phone', reason: 'too-many-values' }]);
  });
});
