/** The simulator's cashier (收银台): the page a provider shows, and the tester's pay / fail / abandon. */
import type { FastifyInstance } from 'fastify';
import { fenToYuan } from './alipay-signing.js';
import type { Outcome, PaySimulator } from './simulator.js';

const NAMES = { wechat: ['微信支付', 'WeChat Pay'], alipay: ['支付宝', 'Alipay'], card: ['银行卡', 'Bank card'] } as const;
const OUTCOMES: readonly Outcome[] = ['pay', 'fail', 'abandon'];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function cashierPage(c: { id: string; provider: keyof typeof NAMES; amount_fen: number; description: string; out_trade_no: string; status: string }): string {
  const [zh, en] = NAMES[c.provider];
  const open = c.status === 'open';
  const action = (o: Outcome) => `/paysim/cashier/${encodeURIComponent(c.id)}/${o}`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${zh}收银台（模拟） · ${en} cashier (simulator)</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#222}main{max-width:420px;margin:0 auto;padding:24px}
.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 4px #0001}.amount{font-size:36px;font-weight:600;margin:12px 0}.muted{color:#888;font-size:13px}
button{display:block;width:100%;padding:12px;margin-top:12px;border:0;border-radius:8px;font-size:16px}.pay{background:#07c160;color:#fff}.fail{background:#fff;border:1px solid #e54d42;color:#e54d42}
.abandon{background:#eee}label{display:block;margin-top:16px;font-size:14px}.banner{background:#fff7e6;border:1px solid #ffd591;padding:8px 12px;border-radius:8px;font-size:13px;margin-bottom:12px}</style></head>
<body><main><div class="banner">本地支付模拟器：不会产生真实扣款 · Local payment simulator: no real money moves</div>
<div class="card"><div>${zh} · ${en}</div><div class="amount" data-testid="paysim-amount">¥${fenToYuan(c.amount_fen)}</div>
<div>${escape(c.description)}</div><div class="muted">商户订单号 ${escape(c.out_trade_no)}</div>
${open ? `<form method="post" action="${action('pay')}">
<label><input type="checkbox" name="late" value="on" data-testid="paysim-late"> 延迟回调（先跳回商户，稍后通知）· Late callback</label>
<button class="pay" data-testid="paysim-pay" formaction="${action('pay')}">确认支付 · Pay</button>
<button class="fail" data-testid="paysim-fail" formaction="${action('fail')}">模拟支付失败 · Fail</button>
<button class="abandon" data-testid="paysim-abandon" formaction="${action('abandon')}">放弃支付 · Abandon</button></form>`
    : `<p data-testid="paysim-closed">该笔支付已结束（${escape(c.status)}）· This charge is closed</p>`}
</div></main></body></html>`;
}

export async function cashierRoutes(app: FastifyInstance, sim: PaySimulator) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

  app.get<{ Params: { id: string } }>('/paysim/cashier/:id', { schema: { hide: true } }, async (request, reply) => {
    const c = await sim.charge(request.params.id);
    if (!c) return reply.status(404).type('text/plain; charset=utf-8').send('未找到该笔支付 · No such charge');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(cashierPage(c));
  });

  app.post<{ Params: { id: string; outcome: string }; Body: Record<string, string> | undefined }>('/paysim/cashier/:id/:outcome', { schema: { hide: true } }, async (request, reply) => {
    const outcome = request.params.outcome as Outcome;
    if (!OUTCOMES.includes(outcome)) return reply.status(404).send();
    const back = await sim.decide(request.params.id, outcome, request.body?.late === 'on' || request.body?.late === 'true');
    if (!back) return reply.status(404).type('text/plain; charset=utf-8').send('未找到该笔支付 · No such charge');
    return reply.redirect(back, 303);
  });
}
