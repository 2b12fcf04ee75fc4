// What customer files call their columns, in English and Chinese, compared after normalising: lower
// case, without spaces, underscores, hyphens, dots and brackets ("Customer_ID", "customer id" and
// "客户 ID" are all "customerid"/"客户id"; "金额(元)" is "金额元").

/** A header cell reduced to letters, digits and CJK characters, in lower case. */
export const normalizeName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_\-.·:：()（）[\]【】/\\#'"]/g, '');

export const transactionFields = ['customerId', 'date', 'amount', 'quantity', 'orderId', 'channel', 'category'] as const;
export type TransactionField = (typeof transactionFields)[number];

export const transactionNames: Record<TransactionField, readonly string[]> = {
  customerId: ['customerid', 'customer', 'custid', 'customerno', 'customernumber', 'userid', 'user', 'memberid', 'member', 'memberno', 'clientid', 'client', 'buyerid', 'buyer', 'uid', 'id', 'cid', '客户id', '会员id', '用户id', '顾客id', '买家id', '顾客编号', '客户编号', '会员编号', '用户编号', '会员卡号', '客户号', '会员号', '客户', '会员', '用户', '顾客', '买家', '手机号', '手机号码'],
  date: ['date', 'time', 'datetime', 'orderdate', 'ordertime', 'orderdatetime', 'purchasedate', 'purchasetime', 'transactiondate', 'transactiontime', 'txndate', 'timestamp', 'createdat', 'created', 'paidat', 'paytime', 'paymentdate', 'paymenttime', 'saledate', 'invoicedate', '日期', '时间', '下单时间', '下单日期', '交易时间', '交易日期', '购买日期', '购买时间', '支付时间', '付款时间', '付款日期', '订单日期', '订单时间', '创建时间', '成交时间', '消费时间', '消费日期'],
  amount: ['amount', 'revenue', 'sales', 'sale', 'price', 'total', 'totalamount', 'totalprice', 'value', 'ordervalue', 'orderamount', 'ordertotal', 'spend', 'spent', 'payment', 'paid', 'paidamount', 'netamount', 'grossamount', 'dollars', 'money', 'gmv', '金额', '实付金额', '销售额', '订单金额', '支付金额', '付款金额', '交易金额', '实付', '实收金额', '应付金额', '总价', '总金额', '价格', '消费金额', '成交金额', '销售金额', '实付款'],
  quantity: ['quantity', 'qty', 'units', 'unit', 'count', 'items', 'itemcount', 'pieces', 'pcs', 'cds', 'number', '数量', '件数', '购买数量', '商品数量', '销量', '个数'],
  orderId: ['orderid', 'order', 'ordernumber', 'orderno', 'ordercode', 'transactionid', 'transaction', 'txnid', 'invoice', 'invoiceno', 'invoicenumber', 'invoiceid', 'receipt', 'receiptno', 'basketid', '订单号', '订单编号', '订单id', '订单', '交易号', '交易单号', '流水号', '单号', '小票号'],
  channel: ['channel', 'saleschannel', 'orderchannel', 'source', 'platform', 'store', 'shop', '渠道', '来源', '下单渠道', '销售渠道', '平台', '门店', '店铺'],
  category: ['category', 'productcategory', 'producttype', 'itemcategory', 'department', 'productline', '品类', '类目', '商品类目', '商品品类', '分类', '商品分类', '类别'],
};

export const profileNames = {
  customerId: transactionNames.customerId,
  tags: ['tags', 'tag', 'labels', 'label', '标签', '用户标签', '客户标签', '会员标签'],
};

export const campaignCounts = ['sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'converted'] as const;
export type CampaignCount = (typeof campaignCounts)[number];

export const campaignNames: Record<CampaignCount | 'campaign' | 'channel' | 'sentAt' | 'customerId', readonly string[]> = {
  customerId: transactionNames.customerId,
  campaign: ['campaign', 'campaignname', 'campaignid', 'activity', 'plan', '活动', '活动名称', '活动id', '营销活动', '计划', '计划名称', '任务', '任务名称'],
  channel: ['channel', 'medium', 'touchchannel', '渠道', '触达渠道', '发送渠道', '通道', '触达方式'],
  sentAt: ['date', 'day', 'time', 'sentat', 'senttime', 'senddate', 'sendtime', 'sentdate', 'timestamp', '日期', '时间', '发送时间', '发送日期', '触达时间', '推送时间'],
  sent: ['sent', 'sends', 'send', 'sentcount', 'volume', 'targeted', '发送', '发送量', '发送数', '发送人数', '触达人数', '推送量'],
  delivered: ['delivered', 'deliveries', 'delivery', 'deliveredcount', 'reached', '送达', '送达量', '送达数', '到达', '到达数', '成功数', '送达人数'],
  opened: ['opened', 'opens', 'open', 'read', 'reads', 'views', 'viewed', '打开', '打开数', '打开量', '阅读', '阅读数', '查看', '打开人数'],
  clicked: ['clicked', 'clicks', 'click', 'clickcount', '点击', '点击数', '点击量', '点击人数'],
  unsubscribed: ['unsubscribed', 'unsubscribes', 'unsubscribe', 'optout', 'optouts', 'optedout', 'unfollowed', '退订', '退订数', '取消关注', '取关', '退订人数'],
  converted: ['converted', 'conversions', 'conversion', 'orders', 'purchased', 'purchases', '转化', '转化数', '下单', '下单数', '购买', '成交', '转化人数'],
};

const everyName = new Set([
  ...Object.values(transactionNames).flat(),
  ...profileNames.tags,
  ...Object.values(campaignNames).flat(),
]);

/** Whether a header cell is a column name some import knows (header detection leans on it when nothing else tells). */
export const isKnownColumnName = (cell: string): boolean => everyName.has(normalizeName(cell));

/**
 * How well a header cell names a field: 2 for one of its names exactly, 1 (plus a little for longer,
 * more specific names) for a name of at least two CJK or four Latin characters inside it ("订单金额元"
 * holds "订单金额"), 0 otherwise.
 */
export function nameScore(cell: string, names: readonly string[]): number {
  const name = normalizeName(cell);
  if (name === '') return 0;
  let best = 0;
  for (const candidate of names) {
    if (candidate === name) return 2;
    const specific = /[^\x20-\x7e]/.test(candidate) ? candidate.length >= 2 : candidate.length >= 4;
    if (specific && name.includes(candidate)) best = Math.max(best, 1 + candidate.length / 100);
  }
  return best;
}

/**
 * Assigns columns to fields by name: the best-scoring (field, column) pairs first, each field and column
 * used once; ties go to the field listed first.
 */
export function matchNames<F extends string>(header: readonly string[], table: Readonly<Record<F, readonly string[]>>, fields: readonly F[]): Partial<Record<F, number>> {
  const pairs: { field: F; column: number; score: number; rank: number }[] = [];
  fields.forEach((field, rank) =>
    header.forEach((cell, column) => {
      const score = nameScore(cell, table[field]);
      if (score > 0) pairs.push({ field, column, score, rank });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.rank - b.rank || a.column - b.column);
  const found: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  for (const { field, column } of pairs) {
    if (found[field] !== undefined || used.has(column)) continue;
    found[field] = column;
    used.add(column);
  }
  return found;
}
