/**
 * The page's only stylesheet, inlined (the Content-Security-Policy allows inline styles and
 * nothing from the network). System fonts only. Three layouts: laptop, phone (≤ 640 px: cards
 * stack, secondary table columns hide, tables scroll sideways) and print (A4 landscape, colours
 * kept, no navigation, no breaks inside a card or row).
 */
import { HEALTH_COLOR } from '../svg/palette.js';

export const REPORT_CSS = `
:root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--soft:#f6f8fa;--link:#0969da;
--green:${HEALTH_COLOR.green};--amber:${HEALTH_COLOR.amber};--red:${HEALTH_COLOR.red};--none:${HEALTH_COLOR['no-data']}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
.page{max-width:1240px;margin:0 auto;padding:24px 24px 48px}
header.top{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:8px 24px;border-bottom:1px solid var(--line);padding-bottom:12px}
header.top h1{margin:0;font-size:24px;letter-spacing:-.01em}
header.top .sub{color:var(--muted)}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 16px;margin:10px 0 4px;font-size:13px}
h2{font-size:18px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:0}
h4{font-size:13px;margin:8px 0 4px;color:var(--muted);font-weight:600}
.muted,.zero{color:var(--muted)}
.notice{background:#fff8c5;border:1px solid #d4a72c66;border-radius:6px;padding:10px 14px;margin:16px 0}
.cards{display:grid;grid-template-columns:minmax(300px,1.3fr) minmax(260px,1fr) minmax(220px,.9fr);gap:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:#fff;break-inside:avoid}
.card h3{margin-bottom:10px;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:10px 12px}
.kpi .v{display:block;font-size:24px;font-weight:600;line-height:1.15}
.kpi .v a,.kpi .v span{color:inherit}
.kpi .l{color:var(--muted);font-size:12px}
.changes-list{list-style:none;margin:12px 0 0;padding:0}
.changes-list li{padding:3px 0;border-top:1px solid var(--soft)}
.chart{display:block;max-width:100%;height:auto;font-size:11px;fill:var(--muted)}
.chart text{font-family:inherit}
.chart.spark{display:inline-block;vertical-align:middle;height:24px;width:96px}
.spark-value{margin-left:4px;font-size:12px;color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.badge.h-green{background:var(--green)}.badge.h-amber{background:var(--amber)}.badge.h-red{background:var(--red)}.badge.h-no-data{background:var(--none)}
.declared{display:block;font-size:11px;color:var(--muted);white-space:nowrap}
.declared.disagree{color:#9a6700;font-weight:600}
.bar{display:inline-block;width:64px;height:6px;border-radius:3px;background:#eaeef2;vertical-align:middle;margin-right:6px;overflow:hidden}
.bar .fill{display:block;height:100%;background:var(--link)}
.bar .fill.h-green{background:var(--green)}.bar .fill.h-amber{background:var(--amber)}.bar .fill.h-red{background:var(--red)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:7px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #eaeef2}
th{background:var(--soft);font-size:12px;color:var(--muted);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap}
tr:last-child td{border-bottom:0}
tr.program td{background:#fbfcfd;font-weight:600}
tr.program td .owner,tr.program td .declared{font-weight:400}
tr.project td.name{padding-left:26px}
.name .owner{display:block;font-size:11px;color:var(--muted);font-weight:400}
.gh{font-size:9px;margin-left:2px;vertical-align:super;color:var(--muted);font-weight:400}
.nw{white-space:nowrap}
td.name{min-width:150px}
td.risks .risk{display:block;white-space:nowrap}
.small-print{font-size:12px;margin:8px 0 0}
.small{font-size:11px;color:var(--muted);display:block;white-space:nowrap}
.late{color:var(--red)}.early{color:var(--green)}
section.bet{margin:18px 0 26px}
.bet-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;margin-bottom:10px}
.bet-head h3{font-size:17px}
.bet-head .facts{color:var(--muted);font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;color:var(--muted);font-size:12px;margin-bottom:12px}
.legend i{display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;margin-right:5px}
.legend i.cone{height:10px;border:1px dashed #0969da88;background:#0969da29}
.burnups{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:14px}
.burnup-card{border:1px solid var(--line);border-radius:8px;padding:12px 14px 8px;break-inside:avoid}
.burnup-card header{display:flex;justify-content:space-between;align-items:baseline;gap:8px}
.burnup-card .path{font-size:11px;color:var(--muted)}
.burnup-card .facts{font-size:12px;color:var(--muted);margin:2px 0 6px}
.change-block{border-top:1px solid #eaeef2;padding:8px 0}
.change-block h3{font-size:14px}
.items{display:inline-block;vertical-align:top;min-width:260px;max-width:100%;margin-right:24px}
.items ul{margin:0;padding-left:18px}
.items li{margin:2px 0}
.items .title{color:var(--ink)}
.kind{display:inline-block;font-size:11px;font-weight:600;border-radius:4px;padding:0 6px;background:#eaeef2;color:var(--ink);white-space:nowrap}
.kind.blocked{background:#ffebe9;color:#a40e26}.kind.overdue{background:#fff1e5;color:#953800}
.kind.stale{background:#fff8c5;color:#7d4e00}.kind.pr-waiting{background:#ddf4ff;color:#0a3069}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:12px}
@media (max-width:960px){.cards{grid-template-columns:1fr 1fr}.cards .card:first-child{grid-column:1/-1}}
@media (max-width:640px){
.page{padding:14px 12px 32px}
header.top h1{font-size:20px}
.cards{grid-template-columns:1fr}
.burnups{grid-template-columns:1fr}
.opt{display:none}
th,td{padding:6px 7px}
tr.project td.name{padding-left:16px}
.items{min-width:0;display:block}
.scroll:has(table.tree){border:0;overflow:visible}
table.tree thead{display:none}
table.tree,table.tree tbody,table.tree tr,table.tree td{display:block}
table.tree tr{display:grid;grid-template-columns:1fr 1fr;gap:6px 14px;padding:10px 12px;border:1px solid var(--line);border-radius:8px;margin-bottom:8px}
table.tree tr.project{margin-left:10px}
table.tree tr.program{background:var(--soft)}
table.tree tr.program td{background:none}
table.tree td{padding:0;border:0;text-align:left;white-space:normal}
table.tree td.name,tr.project td.name{grid-column:1/-1;padding:0;font-size:14px}
table.tree td.health{grid-column:1/-1}
table.tree td.health .declared{display:inline;margin-left:6px}
table.tree td[data-label]::before{content:attr(data-label);display:block;font-size:11px;color:var(--muted);font-weight:400}
table.tree td.opt{display:block}
table.tree .small{white-space:normal}
}
@media print{
@page{size:A4 landscape;margin:12mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:11px}
.page{max-width:none;padding:0}
table{font-size:10.5px}
th,td{padding:5px 6px}
.bar{width:44px}
.chart.spark{width:72px}
.badge{padding:0 7px;font-size:10.5px}
.small,.name .owner,.declared{font-size:9.5px}
td.name{min-width:120px}
nav.toc{display:none}
a{color:inherit}
.scroll{overflow:visible;border:0}
tr,.card,.burnup-card,.change-block,section.bet{break-inside:avoid}
h2{break-after:avoid}
.burnups{grid-template-columns:repeat(2,1fr)}
.opt{display:table-cell}
}
`
  .replace(/\n/g, '')
  .trim();
