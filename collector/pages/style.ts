/** The fleet pages' one stylesheet, inline (no asset route to secure). */
export const FLEET_CSS = `
body{font:14px/1.5 "Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#1e3a5f;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header .en{opacity:.7;font-size:12px}
nav{display:flex;gap:16px;align-items:center;flex:1}
nav a{color:#dbeafe;text-decoration:none;padding:2px 4px}
nav a.here{color:#fff;border-bottom:2px solid #fbbf24}
nav .who{margin-left:auto;display:flex;gap:8px;align-items:center}
nav form{margin:0}
main{padding:16px 20px;max-width:1400px}
h1{font-size:20px;margin:4px 0 12px}
h2{font-size:16px;margin:20px 0 8px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b91c1c}.good{color:#047857}.warn{color:#b45309}
.tag{display:inline-block;padding:0 6px;border-radius:3px;background:#e2e8f0;margin:1px 2px;font-size:12px}
.tag.block{background:#fee2e2;color:#991b1b}.tag.override{background:#fef3c7;color:#92400e}
form.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end;margin-bottom:10px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:#475569}
input,select,button{font:inherit;padding:3px 6px}
.exports{font-size:13px}
.text{white-space:pre-wrap;word-break:break-all;max-width:520px}
.bar{display:inline-block;height:10px;background:#3b82f6;vertical-align:middle}
.bar.blocked{background:#dc2626}.bar.overrides{background:#f59e0b}
.login{max-width:360px;background:#fff;padding:20px;border:1px solid #e5e7eb}
.login label{display:block;margin:8px 0}
.login input{width:100%;box-sizing:border-box}
.error{color:#b91c1c}
`;
